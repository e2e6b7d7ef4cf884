// Mail goes through an outbox: a row in mail_messages, written in the transaction that causes it, and a
// delivery job enqueued in that same transaction. A rollback sends nothing; a crash loses nothing.
// Templates are catalog entries `<key>.subject` and `<key>.body` in both languages.
// With `encryptTo`, the stored and sent body is only an armored OpenPGP message; the subject stays in clear.

import type { Database } from '../db/database.js';
import type { Locale } from '../db/schema.js';
import { translator } from '../i18n/i18n.js';
import type { Jobs } from '../jobs/jobs.js';
import { encryptMailBody } from './encrypt.js';

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
  /**
   * An armored OpenPGP public key: the rendered body is encrypted to it before it is stored, so the outbox row and
   * the mail hold only the PGP MESSAGE. The subject is NOT encrypted (mail headers never are): a template sent this
   * way must keep its subject free of vulnerability details (no product names, no weakness, no excerpt) — a case
   * number and a neutral phrase only. A key that cannot be read or cannot encrypt throws MailKeyError (encrypt.ts)
   * and nothing is stored.
   */
  encryptTo?: string | null;
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
  // a subject is one header line: a line break in a value put into it (a reference or name someone typed) must not
  // start another header, in the stored row or in any transport
  return { subject: subject.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' '), body };
}

export async function enqueueMail(trx: Database, jobs: Jobs, req: MailRequest): Promise<string> {
  const { subject, body: rendered } = renderMail(req);
  const body = req.encryptTo ? await encryptMailBody(rendered, req.encryptTo) : rendered;
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
