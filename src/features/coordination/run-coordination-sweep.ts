// The coordination sweep (督促と期限の見張り), run periodically by a job and directly by tests after moving the clock:
// - a party notified but not acknowledged gets its nth reminder n × N business days after the notice (09:00 JST,
//   Japanese holidays excluded), each logged as an automatic contact attempt;
// - once K reminders went unanswered and the next would fall due, the party is flagged unreachable (an event) and
//   the coordinators are told;
// - "target approaching" and "target passed" go once to the coordinators and to every notified party.
// Each notice is claimed by a row with a unique key in the transaction that sends it, so running the sweep twice,
// or on two workers at once, sends everything exactly once.
import { createBusinessCalendar } from '../../domain/business-days.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { ReminderKind } from '../../platform/db/schema/coordination.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailCoordinators, mailNotifiedParties, mailParty, recordKeyUnusable } from './mail.js';
import { ackReminderDueAt, coordinationPolicy, targetState } from './schedule-policy.js';

const calendar = createBusinessCalendar();
const SYSTEM = { kind: 'system' as const, label: 'coordination-sweep' };

export type SweepResult = { reminders: number; unreachable: number; targetNotices: number };

/** Claims a notice: true when this transaction is the one to send it. */
async function claim(
  trx: Database,
  row: { caseId: string; partyId: string | null; kind: ReminderKind; nth: number; at: Date },
): Promise<boolean> {
  const r = await trx
    .insertInto('coordination_reminders')
    .values({ case_id: row.caseId, party_id: row.partyId, kind: row.kind, nth: row.nth, sent_at: row.at })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Parties waiting for an acknowledgement, in live coordinations. */
function waitingParties(db: Database) {
  return db
    .selectFrom('coordination_parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .leftJoin('coordination_cases as cc', 'cc.case_id', 'c.id')
    .select(['p.id', 'p.case_id', 'p.organization_id', 'p.notified_at', 'c.reference'])
    .where('p.removed_at', 'is', null)
    .where('p.notified_at', 'is not', null)
    .where('p.acknowledged_at', 'is', null)
    .where('p.unreachable_at', 'is', null)
    .where('c.state', '=', 'open')
    .where('cc.ended_at', 'is', null)
    .orderBy('p.notified_at')
    .execute();
}

async function remindParty(
  ctx: AppContext,
  p: Awaited<ReturnType<typeof waitingParties>>[number],
  now: Date,
): Promise<'reminded' | 'unreachable' | null> {
  const policy = coordinationPolicy(ctx.config);
  return ctx.db.transaction().execute(async (trx) => {
    // the party row, locked and re-read: an acknowledgement may have come in since the list was read
    const party = await trx
      .selectFrom('coordination_parties')
      .select(['id', 'notified_at', 'acknowledged_at', 'unreachable_at', 'removed_at'])
      .where('id', '=', p.id)
      .forUpdate()
      .executeTakeFirst();
    if (!party?.notified_at || party.acknowledged_at || party.unreachable_at || party.removed_at) return null;
    const sent = await trx
      .selectFrom('coordination_reminders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('party_id', '=', p.id)
      .where('kind', '=', 'ack_reminder')
      .executeTakeFirstOrThrow();
    const nth = Number(sent.n) + 1;
    if (now.getTime() < ackReminderDueAt(party.notified_at, nth, policy, calendar).getTime()) return null;
    const c = { caseId: p.case_id, reference: p.reference };
    if (nth > policy.unreachableAfterReminders) {
      if (!(await claim(trx, { caseId: p.case_id, partyId: p.id, kind: 'unreachable', nth: 1, at: now })))
        return null;
      await trx
        .updateTable('coordination_parties')
        .set({ unreachable_at: now })
        .where('id', '=', p.id)
        .execute();
      const data = { partyId: p.id, organizationId: p.organization_id, reminders: nth - 1 };
      await appendEvent(trx, {
        streamType: 'case',
        streamId: p.case_id,
        type: COORDINATION_EVENTS.partyUnreachable,
        actorUserId: null,
        at: now,
        data,
      });
      const org = await trx
        .selectFrom('organizations')
        .select(['name_ja', 'name_en'])
        .where('id', '=', p.organization_id)
        .executeTakeFirstOrThrow();
      await mailCoordinators(trx, ctx, c, 'unreachableCoordinator', {
        organization: `${org.name_ja} / ${org.name_en}`,
        count: nth - 1,
      });
      await audit(trx, {
        actor: SYSTEM,
        action: COORDINATION_EVENTS.partyUnreachable,
        subject: { type: 'case', id: p.case_id },
        detail: data,
      });
      return 'unreachable';
    }
    if (!(await claim(trx, { caseId: p.case_id, partyId: p.id, kind: 'ack_reminder', nth, at: now })))
      return null;
    const { mails, keyProblem } = await mailParty(
      trx,
      ctx,
      { organizationId: p.organization_id, caseId: p.case_id, reference: p.reference },
      'ackReminder',
      () => ({ nth }),
    );
    if (keyProblem) {
      // one developer's expired or revoked key must not stop everyone's reminders: the reminder counts as made
      // (so the party still becomes unreachable after K of them) and is logged as a failed attempt
      await recordKeyUnusable(
        trx,
        ctx,
        { partyId: p.id, caseId: p.case_id },
        `ack_reminder #${nth}`,
        keyProblem,
        now,
      );
    } else {
      await trx
        .insertInto('coordination_contact_attempts')
        .values({
          case_id: p.case_id,
          party_id: p.id,
          at: now,
          channel: 'mail',
          automatic: true,
          outcome: mails > 0 ? 'sent' : 'other',
          note: `ack_reminder #${nth}`,
          recorded_by: null,
        })
        .execute();
    }
    await appendEvent(trx, {
      streamType: 'case',
      streamId: p.case_id,
      type: COORDINATION_EVENTS.reminderSent,
      actorUserId: null,
      at: now,
      data: { partyId: p.id, kind: 'ack_reminder', nth, mails, ...(keyProblem ? { keyUnusable: true } : {}) },
    });
    return 'reminded';
  });
}

async function targetNotice(
  ctx: AppContext,
  row: { case_id: string; reference: string; target_date: string },
  state: 'approaching' | 'passed',
  now: Date,
): Promise<boolean> {
  const kind: ReminderKind = state === 'approaching' ? 'target_approaching' : 'target_passed';
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await claim(trx, { caseId: row.case_id, partyId: null, kind, nth: 1, at: now }))) return false;
    const c = { id: row.case_id, reference: row.reference };
    const vars = { targetDate: row.target_date };
    const mails =
      (await mailCoordinators(
        trx,
        ctx,
        { caseId: row.case_id, reference: row.reference },
        state === 'approaching' ? 'targetApproachingCoordinator' : 'targetPassedCoordinator',
        vars,
      )) +
      (
        await mailNotifiedParties(
          trx,
          ctx,
          c,
          state === 'approaching' ? 'targetApproaching' : 'targetPassed',
          () => vars,
          { at: now, logAttempts: true },
        )
      ).mails;
    await appendEvent(trx, {
      streamType: 'case',
      streamId: row.case_id,
      type:
        state === 'approaching' ? COORDINATION_EVENTS.targetApproaching : COORDINATION_EVENTS.targetPassed,
      actorUserId: null,
      at: now,
      data: { targetDate: row.target_date, mails },
    });
    return true;
  });
}

export async function runCoordinationSweep(ctx: AppContext): Promise<SweepResult> {
  const now = ctx.clock.now();
  const policy = coordinationPolicy(ctx.config);
  const result: SweepResult = { reminders: 0, unreachable: 0, targetNotices: 0 };
  for (const p of await waitingParties(ctx.db)) {
    const r = await remindParty(ctx, p, now);
    if (r === 'reminded') result.reminders++;
    if (r === 'unreachable') result.unreachable++;
  }
  const targets = await ctx.db
    .selectFrom('coordination_cases as cc')
    .innerJoin('cases as c', 'c.id', 'cc.case_id')
    .select(['cc.case_id', 'c.reference', 'cc.target_date'])
    .where('cc.target_date', 'is not', null)
    .where('cc.ended_at', 'is', null)
    .where('c.state', '=', 'open')
    .execute();
  for (const t of targets) {
    if (!t.target_date) continue;
    const state = targetState(now, t.target_date, policy);
    if (state === 'ok') continue;
    // a sweep that first sees a case after its target also owes no "approaching" notice any more
    if (await targetNotice(ctx, { ...t, target_date: t.target_date }, state, now)) result.targetNotices++;
  }
  return result;
}
