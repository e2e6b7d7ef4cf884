// Ending coordination (調整の終了), always with a recorded reason:
// - no_new_handling: every developer already has countermeasures, or none can reproduce it;
// - developer_notifies_users: the developer notifies every user itself (decided early, seed 004 §4.2);
// - not_vulnerability;
// - ready_for_publication: the case stays open for publication.
// The first three close the case through the cases feature. The parties, the reception body's staff and —
// through the reception body, restricted to it in the outbox — the finder are told.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { CoordinationEndKind } from '../../platform/db/schema/coordination.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { parseInput, text } from '../../platform/http/validation.js';
import { closeCase } from '../cases/close-case.js';
import { tellFinderOfCase } from '../cases/tell-finder.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailNotifiedParties, mailReceptionStaff } from './mail.js';

export const END_KINDS = [
  'no_new_handling',
  'developer_notifies_users',
  'not_vulnerability',
  'ready_for_publication',
] as const satisfies readonly CoordinationEndKind[];

export const endSchema = z.object({
  kind: z.enum(END_KINDS),
  reason: text(4000).pipe(z.string().min(1)),
});

export async function endCoordination(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; fields: unknown; ip?: string | null },
): Promise<{ kind: CoordinationEndKind; caseClosed: boolean; finderMailed: boolean; keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, _coordination, now) => {
    const locale = actor.kind === 'user' ? actor.locale : 'ja';
    const parsed = parseInput(endSchema, input.fields, locale);
    if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
    const { kind, reason } = parsed.data;
    const userId = userIdOf(actor);
    await trx
      .updateTable('coordination_cases')
      .set({ end_kind: kind, end_reason: reason, ended_at: now, ended_by: userId, updated_at: now })
      .where('case_id', '=', c.id)
      .execute();
    // an open proposal has nothing left to decide
    await trx
      .updateTable('coordination_schedule_proposals')
      .set({ state: 'superseded', decided_at: now, decided_by: userId })
      .where('case_id', '=', c.id)
      .where('state', '=', 'proposed')
      .execute();
    const caseClosed =
      kind === 'ready_for_publication'
        ? false
        : await closeCase(trx, ctx, {
            caseId: c.id,
            reason: kind,
            at: now,
            actorUserId: userId,
          });
    const data = { kind, caseClosed };
    // the reason is kept in the event so the history explains itself: the case's events are read by staff only
    // (the coordination workspace and the case page; the portal shows a developer no events), and the parties'
    // mail names the kind of end, never the reason; the audit detail leaves it out
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.ended,
      actorUserId: userId,
      at: now,
      data: { ...data, note: reason },
    });
    const mailVars = { reason };
    const mailed = await mailNotifiedParties(trx, ctx, c, `ended.${kind}`, () => ({}), { at: now });
    await mailReceptionStaff(
      trx,
      ctx,
      { caseId: c.id, reference: c.reference },
      `endedReception.${kind}`,
      mailVars,
    );
    // the finder, through the reception body: the cases feature reads the address, never this one
    const finderMailed = await tellFinderOfCase(trx, ctx, {
      caseId: c.id,
      template: `coordination.mail.endedFinder.${kind}`,
    });
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.ended,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: { ...data, finderMailed },
    });
    return { kind, caseClosed, finderMailed, keyUnusable: mailed.keyUnusable };
  });
}
