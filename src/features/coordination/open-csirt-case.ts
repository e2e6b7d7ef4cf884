// A coordinator records a case handed over by an overseas CSIRT: the CSIRT (from the directory), its own
// reference and the day it told us, and — when the CSIRT set one — the publication moment, which then takes
// precedence (marked as fixed by the CSIRT, stored as an accepted proposal of the CSIRT).
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { blankToUndefined, parseInput, text } from '../../platform/http/validation.js';
import { openCaseForCsirt } from '../cases/open-case-for-csirt.js';
import { userIdOf } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { parseProposedMoment } from './moment.js';

export const csirtCaseSchema = z.object({
  csirtOrganizationId: z.string().uuid({ message: 'coordination.errors.chooseCsirt' }),
  csirtReference: text(200).pipe(z.string().min(1)),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'coordination.errors.date' }),
  publishAt: z.preprocess(blankToUndefined, z.string().optional()),
  timeZone: z.string().default('Asia/Tokyo'),
});

export async function openCsirtCase(
  ctx: AppContext,
  actor: Actor,
  input: { fields: unknown; ip?: string | null },
): Promise<{ reference: string }> {
  authorize(actor, 'coordination.work', { track: 'software' });
  const parsed = parseInput(csirtCaseSchema, input.fields, actor.locale);
  if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
  const f = parsed.data;
  const now = ctx.clock.now();
  const fixed = f.publishAt ? parseProposedMoment(f.publishAt, f.timeZone, now) : null;
  return ctx.db.transaction().execute(async (trx) => {
    const csirt = await trx
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', f.csirtOrganizationId)
      .where('type', '=', 'csirt')
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!csirt) {
      throw new AppError('validation', 'errors.validation', {
        csirtOrganizationId: ['coordination.errors.chooseCsirt'],
      });
    }
    const userId = userIdOf(actor);
    const { caseId, reference } = await openCaseForCsirt(trx, ctx, {
      csirtOrganizationId: csirt.id,
      at: now,
      actorUserId: userId,
    });
    await trx
      .insertInto('coordination_cases')
      .values({
        case_id: caseId,
        csirt_organization_id: csirt.id,
        csirt_reference: f.csirtReference,
        csirt_received_on: f.receivedOn,
        schedule_fixed_by_csirt: fixed !== null,
        agreed_publication_at: fixed?.at ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (fixed) {
      const p = await trx
        .insertInto('coordination_schedule_proposals')
        .values({
          case_id: caseId,
          publish_at: fixed.at,
          entered_time_zone: fixed.timeZone,
          reason: null,
          proposed_by: 'csirt',
          proposed_by_user: userId,
          state: 'accepted',
          created_at: now,
          decided_at: now,
          decided_by: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(trx, {
        streamType: 'case',
        streamId: caseId,
        type: COORDINATION_EVENTS.scheduleAccepted,
        actorUserId: userId,
        at: now,
        data: { proposalId: p.id, publishAt: fixed.at.toISOString(), fixedByCsirt: true },
      });
    }
    await audit(trx, {
      actor,
      action: 'coordination.csirt-case-opened',
      subject: { type: 'case', id: caseId },
      ip: input.ip ?? null,
      detail: { reference, csirtOrganizationId: csirt.id, fixedByCsirt: fixed !== null },
    });
    return { reference };
  });
}
