// One mail to the operator (or its first relay), and everything that goes with it in the same transaction: the
// outbox row (encrypted to the recipient's key when one is known), the notice record, the relay hops, and the
// automatic contact attempt. Used by the notices staff send and by the reminder sweep.
import { formatDate } from '../../domain/time.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { NoticeKind } from '../../platform/db/schema/website.js';
import { translator } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import type { Recipient } from './recipient.js';
import { subjectPrefix } from './website-rules.js';

const TEMPLATES: Record<NoticeKind, string> = {
  contact_request: 'website.mail.contactRequest',
  details: 'website.mail.details',
  reminder: 'website.mail.reminder',
};

/** A date in a mail: the calendar day in the deployment's zone, with the zone named. */
export function mailDate(ctx: Pick<AppContext, 'config'>, at: Date, locale: 'ja' | 'en'): string {
  const tz = ctx.config.defaultTimeZone;
  const zone = tz === 'Asia/Tokyo' ? 'JST' : tz;
  return `${formatDate(at, { locale, timeZone: tz })} (${zone})`;
}

export async function sendOperatorMail(
  trx: Database,
  ctx: Pick<AppContext, 'config' | 'jobs' | 'clock'>,
  m: {
    caseId: string;
    reference: string;
    kind: NoticeKind;
    reminderKey?: string;
    recipient: Recipient;
    vars: Record<string, string>;
    sentBy: string | null;
  },
): Promise<{ noticeId: string }> {
  const now = ctx.clock.now();
  const r = m.recipient;
  const t = translator(r.locale);
  const relayNote =
    r.hops.length > 0
      ? t('website.mail.relayNote', {
          operatorName: r.operatorName,
          path: r.hops.map((h) => h.name).join(' → '),
        })
      : '';
  const mailId = await enqueueMail(trx, ctx.jobs, {
    to: r.to,
    locale: r.locale,
    template: TEMPLATES[m.kind],
    vars: {
      prefix: subjectPrefix(ctx.config.websiteNotice.subjectPrefix, m.reference),
      reference: m.reference,
      addressee: r.name || t('website.mail.defaultAddressee'),
      sender: ctx.config.orgName[r.locale],
      relayNote,
      ...m.vars,
    },
    related: { type: 'case', id: m.caseId },
    encryptTo: r.encryptTo,
  });
  const notice = await trx
    .insertInto('website_notices')
    .values({
      case_id: m.caseId,
      kind: m.kind,
      reminder_key: m.reminderKey ?? null,
      to_address: r.to,
      to_organization_id: r.organizationId,
      locale: r.locale,
      encrypted: r.encryptTo !== null,
      relayed: r.hops.length > 0,
      mail_message_id: mailId,
      sent_at: now,
      sent_by: m.sentBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (r.hops.length > 0) {
    await trx
      .insertInto('website_relay_hops')
      .values(
        r.hops.map((h, i) => ({
          notice_id: notice.id,
          case_id: m.caseId,
          position: i + 1,
          organization_id: h.organizationId,
          received_at: i === 0 ? now : null,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('website_contact_attempts')
    .values({
      case_id: m.caseId,
      at: now,
      channel: 'mail',
      automatic: true,
      notice_id: notice.id,
      result: 'sent',
      recorded_by: m.sentBy,
    })
    .execute();
  return { noticeId: notice.id };
}
