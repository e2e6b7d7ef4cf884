// The website sweep (督促), run periodically by a job and directly by tests after moving the clock: an open,
// notified case whose operator has not yet sent a completion report (nor said "not a vulnerability") gets a
// reminder at each configured business-day point after the details (09:00 JST, Japanese holidays excluded).
// When several points passed since the last sweep, one reminder — the latest point's — goes out. Each reminder is
// claimed by a unique (case, point) row in the transaction that sends it, so running the sweep twice, or on two
// workers at once, sends it exactly once. Each is logged as an automatic contact attempt.
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { appendEvent } from '../../platform/events.js';
import { translator } from '../../platform/i18n/i18n.js';
import { MailKeyError } from '../../platform/mail/encrypt.js';
import { mailDate, sendOperatorMail } from './operator-mail.js';
import { resolveRecipient } from './recipient.js';
import { policyOf, targetsOf } from './targets.js';
import { WEBSITE_EVENTS } from './website-events.js';

const SYSTEM = { kind: 'system' as const, label: 'website-sweep' };

export type WebsiteSweepResult = { reminders: number; skipped: number };

function waitingCases(ctx: AppContext) {
  return ctx.db
    .selectFrom('website_cases as w')
    .innerJoin('cases as c', 'c.id', 'w.case_id')
    .select(['w.case_id', 'w.notified_at', 'c.reference'])
    .where('w.outcome', 'is', null)
    .where('w.stage', '=', 'notified')
    .where('w.not_vulnerability_reported_at', 'is', null)
    .where('c.state', '=', 'open')
    .where('c.superseded_by_case_id', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('website_completion_reports as r')
            .select('r.id')
            .whereRef('r.case_id', '=', 'w.case_id'),
        ),
      ),
    )
    .orderBy('w.notified_at')
    .execute();
}

export async function runWebsiteSweep(ctx: AppContext): Promise<WebsiteSweepResult> {
  const now = ctx.clock.now();
  const policy = policyOf(ctx);
  const result: WebsiteSweepResult = { reminders: 0, skipped: 0 };
  for (const row of await waitingCases(ctx)) {
    if (!row.notified_at) continue;
    const targets = targetsOf(policy, row.notified_at);
    const due = targets.reminders.map((r, i) => ({ ...r, i })).filter((r) => r.at.getTime() <= now.getTime());
    const latest = due[due.length - 1];
    if (!latest) continue;
    try {
      const sent = await ctx.db.transaction().execute(async (trx) => {
        // under the row lock: the case may have been closed since the list was read
        const w = await trx
          .selectFrom('website_cases')
          .selectAll()
          .where('case_id', '=', row.case_id)
          .forUpdate()
          .executeTakeFirst();
        if (!w || w.outcome !== null || w.stage !== 'notified') return false;
        const earlier = await trx
          .selectFrom('website_notices')
          .select('reminder_key')
          .where('case_id', '=', row.case_id)
          .where('kind', '=', 'reminder')
          .execute();
        const sentKeys = new Set(earlier.map((e) => e.reminder_key));
        // a later point already sent covers the earlier ones
        if (targets.reminders.slice(latest.i).some((r) => sentKeys.has(r.key))) return false;
        const recipient = await resolveRecipient(trx, w);
        if (!recipient) return false;
        const t = translator(recipient.locale);
        const { noticeId } = await sendOperatorMail(trx, ctx, {
          caseId: row.case_id,
          reference: row.reference,
          kind: 'reminder',
          reminderKey: latest.key,
          recipient,
          vars: {
            notifiedOn: mailDate(ctx, targets.notifiedAt, recipient.locale),
            pending: t(
              w.investigation_reported_at ? 'website.mail.pendingFix' : 'website.mail.pendingInvestigation',
            ),
            investigationDue: mailDate(ctx, targets.investigationDueAt, recipient.locale),
            fixDue: mailDate(ctx, targets.fixDueAt, recipient.locale),
          },
          sentBy: null,
        });
        const data = { noticeId, reminderKey: latest.key, organizationId: recipient.organizationId };
        await appendEvent(trx, {
          streamType: 'case',
          streamId: row.case_id,
          type: WEBSITE_EVENTS.reminderSent,
          actorUserId: null,
          at: now,
          data,
        });
        await audit(trx, {
          actor: SYSTEM,
          action: WEBSITE_EVENTS.reminderSent,
          subject: { type: 'case', id: row.case_id },
          detail: { reference: row.reference, ...data },
        });
        return true;
      });
      if (sent) result.reminders++;
    } catch (err) {
      // one operator's unusable key must not stop the others' reminders; staff see the gap on the case page;
      // a unique violation is another worker having claimed the same (case, point) reminder first
      if (!(err instanceof MailKeyError) && !isUniqueViolation(err)) throw err;
      result.skipped++;
      ctx.log.warn(
        { caseId: row.case_id, problem: err instanceof MailKeyError ? err.problem : 'duplicate' },
        'website reminder skipped',
      );
    }
  }
  return result;
}
