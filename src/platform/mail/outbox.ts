// Mail goes through an outbox: a row in mail_messages, written in the transaction that causes it, and a
// delivery job enqueued in that same transaction. A rollback sends nothing; a crash loses nothing.
// Templates are catalog entries `<key>.subject` and `<key>.body` in both languages.

import type { Database } from '../db/database.js';
import type { Locale } from '../db/schema.js';
import { translator } from '../i18n/i18n.js';
import type { Jobs } from '../jobs/jobs.js';

export const DELIVER_MAIL_JOB = 'mail.deliver';

export type MailRequest = {
  to: string;
  locale: Locale;
  /** catalog key prefix, e.g. `accounts.mail.passwordReset` */
  template: string;
  vars?: Record<string, string | number>;
  related?: { type: string; id: string };
  /** mail that reveals a finder: readable in the outbox by the reception body's administrators only */
  restrictedTo?: 'reception_body';
};

export function renderMail(req: Pick<MailRequest, 'locale' | 'template' | 'vars'>): {
  subject: string;
  body: string;
} {
  const t = translator(req.locale);
  const subjectKey = `${req.template}.subject`;
  const bodyKey = `${req.template}.body`;
  const subject = t(subjectKey, req.vars ?? {});
  const body = t(bodyKey, req.vars ?? {});
  if (subject === subjectKey || body === bodyKey) throw new Error(`mail template ${req.template} is missing`);
  return { subject, body };
}

export async function enqueueMail(trx: Database, jobs: Jobs, req: MailRequest): Promise<string> {
  const { subject, body } = renderMail(req);
  const row = await trx
    .insertInto('mail_messages')
    .values({
      to_address: req.to,
      locale: req.locale,
      template: req.template,
      subject,
      body_text: body,
      related_type: req.related?.type ?? null,
      related_id: req.related?.id ?? null,
      restricted_to: req.restrictedTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await jobs.send(trx, DELIVER_MAIL_JOB, { id: row.id });
  return row.id;
}
