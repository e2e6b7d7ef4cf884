// A relay passed a notice on (総務省 → 都道府県 → 市町村, seed 002 参考2): the reception body records when, and by
// whom, as the relay tells it. The next hop is then known to have received it at that time. Hops are recorded
// in order; a hop already recorded is not rewritten (a correction is a new fact for the lead to note).
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { lockWorkCase } from './work-case.js';

/** "YYYY-MM-DD HH:MM" (or with a T) in Japan time → the instant. */
export function parseJstMinute(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const at = new Date(Date.UTC(y, mo - 1, d, h - 9, mi));
  // 2026-02-30 rolls over: refuse rather than guess
  const back = new Date(at.getTime() + 9 * 3_600_000);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 ? at : null;
}

export const relayForwardInput = z.object({
  hopId: z.uuid(),
  forwardedAt: z
    .string()
    .trim()
    .refine((v) => parseJstMinute(v) !== null, { message: 'website.errors.badDate' })
    .transform((v) => parseJstMinute(v) as Date),
  byName: text(200).pipe(z.string().min(1, { message: 'validation.required' })),
});
export type RelayForwardInput = z.output<typeof relayForwardInput>;

export async function recordRelayForward(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; forward: RelayForwardInput; ip?: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockWorkCase(trx, ctx, actor, input.reference);
    const hop = await trx
      .selectFrom('website_relay_hops')
      .selectAll()
      .where('id', '=', input.forward.hopId)
      .where('case_id', '=', c.caseId)
      .executeTakeFirst();
    if (!hop) throw notFound();
    const hops = await trx
      .selectFrom('website_relay_hops')
      .selectAll()
      .where('notice_id', '=', hop.notice_id)
      .orderBy('position')
      .execute();
    const last = hops[hops.length - 1];
    // the operator (last hop) forwards nothing; a hop is recorded once, after the one before it
    if (!last || last.id === hop.id || hop.forwarded_at)
      throw new AppError('conflict', 'website.errors.hopOrder');
    const previous = hops.find((h) => h.position === hop.position - 1);
    if (previous && !previous.forwarded_at) throw new AppError('conflict', 'website.errors.hopOrder');
    await trx
      .updateTable('website_relay_hops')
      .set({
        forwarded_at: input.forward.forwardedAt,
        forwarded_by_name: input.forward.byName,
        recorded_by: c.actor.userId,
      })
      .where('id', '=', hop.id)
      .execute();
    await trx
      .updateTable('website_relay_hops')
      .set({ received_at: input.forward.forwardedAt })
      .where('notice_id', '=', hop.notice_id)
      .where('position', '=', hop.position + 1)
      .execute();
    const data = { noticeId: hop.notice_id, position: hop.position, organizationId: hop.organization_id };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: WEBSITE_EVENTS.relayForwarded,
      actorUserId: c.actor.userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: WEBSITE_EVENTS.relayForwarded,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reference: c.reference, ...data },
    });
  });
}
