// The two-stage notification (seed 003 App. 1): the first notice asks the operator for a contact point; the
// second sends the details — URL, type, how it was confirmed, what happens, the possible threat, and that the
// reception body did not verify it — with the handling number to quote, the targets, and the operator's secret
// link (a fresh one each time: only its hash is kept, so a re-sent notice replaces the earlier link). The details
// notice starts the clock. Never anything about the finder: the operator learns what was found, not who found it.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { translator } from '../../platform/i18n/i18n.js';
import { MailKeyError } from '../../platform/mail/encrypt.js';
import { mailDate, sendOperatorMail } from './operator-mail.js';
import { operatorLinkUrl } from './queries.js';
import { resolveRecipient } from './recipient.js';
import { unansweredAttempts } from './record-contact-attempt.js';
import { policyOf, targetsOf } from './targets.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { type NoticeKindToSend, noticeRefusal } from './website-rules.js';
import { lockWorkCase, websiteBrief } from './work-case.js';

export async function sendNotice(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; kind: NoticeKindToSend; ip?: string | null },
): Promise<{ noticeId: string }> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const c = await lockWorkCase(trx, ctx, actor, input.reference);
      const recipient = await resolveRecipient(trx, c.w);
      const refusal = noticeRefusal(input.kind, {
        stage: c.w.stage,
        open: true,
        hasContact: recipient !== null,
        notifiedAt: c.w.notified_at,
        unansweredAttempts: await unansweredAttempts(trx, c.caseId),
      });
      if (refusal || !recipient) throw new AppError('conflict', `website.errors.${refusal ?? 'noContact'}`);
      const brief = await websiteBrief(trx, ctx, c.reportId);
      const d = brief.details;
      const t = translator(recipient.locale);
      let vars: Record<string, string> = { siteUrl: d.siteUrl };
      let link: { hash: string } | null = null;
      if (input.kind === 'details') {
        const token = randomToken();
        link = { hash: sha256Hex(token) };
        // the clock runs from the first details notice; a re-sent one keeps it
        const targets = targetsOf(policyOf(ctx), c.w.notified_at ?? now);
        vars = {
          siteUrl: d.siteUrl,
          vulnerabilityType: t(`intake.types.${d.vulnerabilityType}`),
          howConfirmed: d.steps,
          whatHappens: d.encryptedDescription ? t('website.mail.encryptedDescription') : d.description,
          threat: d.threat ?? t('website.mail.noThreat'),
          investigationDue: mailDate(ctx, targets.investigationDueAt, recipient.locale),
          fixDue: mailDate(ctx, targets.fixDueAt, recipient.locale),
          operatorUrl: operatorLinkUrl(ctx.config.publicUrl, token),
          // an operator in the directory may have accounts: its people find the case in their list too
          accountNote: c.w.operator_organization_id
            ? t('website.mail.accountNote', { url: `${ctx.config.publicUrl}/operator` })
            : '',
        };
      }
      const { noticeId } = await sendOperatorMail(trx, ctx, {
        caseId: c.caseId,
        reference: c.reference,
        kind: input.kind,
        recipient,
        vars,
        sentBy: c.actor.userId,
      });
      await trx
        .updateTable('website_cases')
        .set({
          updated_at: now,
          ...(input.kind === 'contact_request'
            ? { stage: 'contact_requested', first_notice_at: c.w.first_notice_at ?? now }
            : {
                stage: 'notified',
                notified_at: c.w.notified_at ?? now,
                operator_link_hash: link?.hash ?? null,
                operator_link_created_at: now,
                operator_link_revoked_at: null,
                operator_link_expires_at: null,
              }),
        })
        .where('case_id', '=', c.caseId)
        .execute();
      const data = {
        noticeId,
        kind: input.kind,
        organizationId: recipient.organizationId,
        relayed: recipient.hops.length > 0,
        encrypted: recipient.encryptTo !== null,
        ...(input.kind === 'details' ? { clockStarted: c.w.notified_at === null } : {}),
      };
      await appendEvent(trx, {
        streamType: 'case',
        streamId: c.caseId,
        type: WEBSITE_EVENTS.noticeSent,
        actorUserId: c.actor.userId,
        at: now,
        data,
      });
      await audit(trx, {
        actor,
        action: WEBSITE_EVENTS.noticeSent,
        subject: { type: 'case', id: c.caseId },
        ip: input.ip ?? null,
        detail: { reference: c.reference, ...data },
      });
      return { noticeId };
    });
  } catch (err) {
    // the operator's registered key cannot encrypt: nothing was stored; say so in this feature's words
    if (err instanceof MailKeyError) throw new AppError('conflict', 'website.errors.keyUnusable');
    throw err;
  }
}
