// Recording the outcome of a website case (seed 004 §1.2.1(2)) and closing it through the cases feature: fixed
// (with what was done: the application fixed, the page deleted, or an operational workaround), stopped after a
// public alert, not a vulnerability, unreachable (取扱不可能, only after the attempts the policy requires), or
// stopped after 9 months (only once that moment has passed). The finder is told by mail from the reception body
// through the cases feature's tellFinderOfCase (the address read only with the reception body's eyes, the mail
// restricted to it, in the finder's language); this file never sees the address.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { translator } from '../../platform/i18n/i18n.js';
import { closeCase } from '../cases/close-case.js';
import { tellFinderOfCase } from '../cases/tell-finder.js';
import { unansweredAttempts } from './record-contact-attempt.js';
import { policyOf, targetsOf } from './targets.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { closeRefusal, FIX_ACTIONS, OUTCOMES, operatorLinkExpiry, type Refusal } from './website-rules.js';
import { lockWorkCase } from './work-case.js';

export const closeInput = z.object({
  outcome: z.enum(OUTCOMES, { message: 'website.validation.chooseOutcome' }),
  fixAction: z.preprocess((v) => (v === '' ? undefined : v), z.enum(FIX_ACTIONS).optional()),
  reason: text(4000).pipe(z.string().min(1, { message: 'website.validation.reasonRequired' })),
  notifyFinder: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(true),
});
export type CloseInput = z.output<typeof closeInput>;

/** A refused outcome, with what the message needs (the required attempts, the moment a stop is allowed). */
export class CloseRefused extends AppError {
  constructor(
    readonly refusal: Refusal,
    readonly vars: { count: number; have: number; at: Date | null },
  ) {
    super('validation', `website.errors.${refusal}`, {
      [refusal === 'fixActionRequired' ? 'fixAction' : 'outcome']: [`website.errors.${refusal}`],
    });
  }
}

export const FINDER_OUTCOME_MAIL = 'website.mail.finderOutcome';

export async function closeWebsiteCase(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; close: CloseInput; ip?: string | null },
): Promise<{ finderMailed: boolean }> {
  const now = ctx.clock.now();
  const { outcome, reason, notifyFinder } = input.close;
  const fixAction = outcome === 'fixed' ? (input.close.fixAction ?? null) : null;
  return ctx.db.transaction().execute(async (trx) => {
    const c = await lockWorkCase(trx, ctx, actor, input.reference);
    const policy = policyOf(ctx);
    const stopAt = c.w.notified_at ? targetsOf(policy, c.w.notified_at).stopEligibleAt : null;
    const attempts = await unansweredAttempts(trx, c.caseId);
    const refusal = closeRefusal(
      outcome,
      {
        stage: c.w.stage,
        open: true,
        hasContact: true,
        notifiedAt: c.w.notified_at,
        unansweredAttempts: attempts,
      },
      now,
      { stopEligibleAt: stopAt, minUnreachableAttempts: policy.unreachableAfterAttempts },
      fixAction,
    );
    if (refusal) {
      throw new CloseRefused(refusal, {
        count: policy.unreachableAfterAttempts,
        have: attempts,
        at: stopAt,
      });
    }
    await trx
      .updateTable('website_cases')
      .set({
        stage: 'closed',
        outcome,
        fix_action: fixAction,
        outcome_reason: reason,
        closed_at: now,
        closed_by: c.actor.userId,
        // the operator's link keeps reading the case and its leak page for a while, then stops; answers are
        // refused on a closed case whatever opens it
        operator_link_expires_at: c.w.operator_link_hash ? operatorLinkExpiry(now) : null,
        updated_at: now,
      })
      .where('case_id', '=', c.caseId)
      .execute();
    await closeCase(trx, ctx, {
      caseId: c.caseId,
      reason: `website_${outcome}`,
      at: now,
      actorUserId: c.actor.userId,
      onlyOnTrack: 'website',
    });
    const finderMailed = notifyFinder
      ? await tellFinderOfCase(trx, ctx, {
          caseId: c.caseId,
          template: FINDER_OUTCOME_MAIL,
          relatedTo: 'report',
          vars: (locale) => {
            const t = translator(locale);
            return {
              outcome: t(`website.outcomes.${outcome}`),
              explanation: t(`website.finderExplanations.${outcome}`),
              sender: ctx.config.orgName[locale],
            };
          },
        })
      : false;
    if (finderMailed) {
      await trx
        .updateTable('website_cases')
        .set({ finder_notified_at: now })
        .where('case_id', '=', c.caseId)
        .execute();
    }
    const data = { outcome, fixAction, finderMailed };
    // the event carries the staff's reason (their words, never the report's), so the history explains itself
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: WEBSITE_EVENTS.closed,
      actorUserId: c.actor.userId,
      at: now,
      data: { ...data, reason },
    });
    await audit(trx, {
      actor,
      action: WEBSITE_EVENTS.closed,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reference: c.reference, ...data },
    });
    return { finderMailed };
  });
}
