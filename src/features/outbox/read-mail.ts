// One outgoing message with its body. Bodies can carry one-time links, so every reading is audited.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type MailStatus, restrictionsVisibleTo } from './list-mail.js';

export type MailMessage = {
  id: string;
  to: string;
  locale: Locale;
  template: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  related: { type: string; id: string } | null;
  createdAt: Date;
  sentAt: Date | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readMail(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; ip: string | null },
): Promise<MailMessage> {
  authorize(actor, 'mail.outbox.read');
  if (!UUID.test(input.id)) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('mail_messages').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!m) throw notFound();
    if (m.restricted_to && !restrictionsVisibleTo(actor).includes(m.restricted_to)) throw notFound();
    // the recipient may be a finder: the entry names the message and its template, not the address
    await audit(trx, {
      actor,
      action: 'mail.read',
      subject: { type: 'mail', id: m.id },
      ip: input.ip,
      detail: { template: m.template },
    });
    return {
      id: m.id,
      to: m.to_address,
      locale: m.locale,
      template: m.template,
      subject: m.subject,
      body: m.body_text,
      status: m.status,
      attempts: m.attempts,
      lastError: m.last_error,
      related: m.related_type && m.related_id ? { type: m.related_type, id: m.related_id } : null,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    };
  });
}
