// The delivery job: sends one outbox row by SMTP, or, with no SMTP configured, keeps it for the
// administrators' outbox page. Failures are retried by the job queue with backoff.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { Database } from '../db/database.js';
import type { JobDefinition } from '../jobs/jobs.js';
import { DELIVER_MAIL_JOB } from './outbox.js';

export function createTransport(config: Config): Transporter | null {
  return config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
}

export function deliverMailJob(
  db: Database,
  config: Config,
  transport: Transporter | null,
): JobDefinition<{ id: string }> {
  return {
    name: DELIVER_MAIL_JOB,
    retryLimit: 8,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    async run({ id }, { finalAttempt }) {
      const mail = await db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
      if (!mail || mail.status === 'sent' || mail.status === 'kept') return;
      if (!transport) {
        await db.updateTable('mail_messages').set({ status: 'kept' }).where('id', '=', id).execute();
        return;
      }
      try {
        await transport.sendMail({
          from: config.mail.from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.body_text,
          headers: { 'X-Keikai-Mail-Id': mail.id, 'Content-Language': mail.locale },
        });
        await db
          .updateTable('mail_messages')
          .set((eb) => ({
            status: 'sent',
            sent_at: new Date(),
            attempts: eb('attempts', '+', 1),
            last_error: null,
          }))
          .where('id', '=', id)
          .execute();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db
          .updateTable('mail_messages')
          .set((eb) => ({
            attempts: eb('attempts', '+', 1),
            last_error: message.slice(0, 500),
            ...(finalAttempt ? { status: 'failed' as const } : {}),
          }))
          .where('id', '=', id)
          .execute();
        throw err;
      }
    },
  };
}
