// A coordinator records a case handed over by an overseas CSIRT: the CSIRT (from the directory), its own
// reference and the day it told us, and — when the CSIRT set one — the publication moment, which then takes
// precedence (marked as fixed by the CSIRT, stored as an accepted proposal of the CSIRT).
import { z } from 'zod';
import { jstDate } from '../../domain/business-days.js';
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

/** A YYYY-MM-DD that is a day of the calendar (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const csirtCaseSchema = z.object({
  csirtOrganizationId: z.string().uuid({ message: 'coordination.errors.chooseCsirt' }),
  // one line: it goes into mail subjects and the workspace's headings
  csirtReference: text(200)
    .pipe(z.string().min(1))
    .refine((s) => !/[\r\n\u0085\u2028\u2029]/.test(s), { message: 'coordination.errors.singleLine' }),
  receivedOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'coordination.errors.date' })
    .refine(isCalendarDate, { message: 'coordination.errors.receivedOnInvalid' }),
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
  // the day the CSIRT told us has happened (a JST day, as the workspace shows it)
  if (f.receivedOn > jstDate(now)) {
    throw new AppError('validation', 'errors.validation', {
      receivedOn: ['coordination.errors.receivedOnFuture'],
    });
  }
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
