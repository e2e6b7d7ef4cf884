// The mail outbox end to end: kept without SMTP; through a real SMTP server, sent only when the transaction
// that wrote it commits, retried after a refusal, and marked failed when the last attempt fails.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { deliverMailJob } from './deliver.js';
import { enqueueMail, type MailRequest, renderMail } from './outbox.js';

const TEMPLATE = 'outbox.mail.test'; // a template that exists in both catalogs

type Received = { to: string[]; raw: Buffer };

/** A loopback SMTP server that records what it accepts and can refuse chosen recipients. */
class TestSmtp {
  readonly received: Received[] = [];
  /** recipients refused once (451, temporary) and then accepted */
  readonly refuseOnce = new Set<string>();
  /** recipients always refused (550, permanent) */
  readonly refuseAlways = new Set<string>();
  readonly #server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((a) => a.address);
        if (to.some((a) => this.refuseAlways.has(a))) {
          return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        }
        const once = to.find((a) => this.refuseOnce.has(a));
        if (once) {
          this.refuseOnce.delete(once);
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        this.received.push({ to, raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return (this.#server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.to.includes(address));
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function mailTo(to: string): MailRequest {
  return { to, locale: 'ja', template: TEMPLATE, vars: { email: to } };
}

async function enqueueCommitted(t: TestApp, to: string): Promise<string> {
  return t.ctx.db.transaction().execute((trx) => enqueueMail(trx, t.ctx.jobs, mailTo(to)));
}

function mailRow(t: TestApp, id: string) {
  return t.ctx.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

describe('mail without SMTP', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ worker: true });
  });
  after(() => t.close());

  it('keeps the message for the outbox page instead of sending it', async () => {
    const id = await enqueueCommitted(t, 'kept@example.test');
    const row = await waitFor('kept', async () => {
      const r = await mailRow(t, id);
      return r?.status === 'kept' && r;
    });
    assert.equal(row.attempts, 0);
    assert.equal(row.sent_at, null);
    assert.equal(row.subject, renderMail(mailTo('kept@example.test')).subject);
  });
});

describe('mail through SMTP', () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  before(async () => {
    const port = await smtp.listen();
    t = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` }, worker: true });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a message written in a committed transaction, with its Japanese subject intact', async () => {
    const id = await enqueueCommitted(t, 'committed@example.test');
    const [got] = await waitFor(
      'delivery',
      async () => smtp.to('committed@example.test').length > 0 && smtp.to('committed@example.test'),
    );
    const parsed = await PostalMime.parse(got!.raw);
    assert.equal(parsed.subject, '【keikai】テストメール');
    assert.match(parsed.text ?? '', /これは keikai から送られたテストメールです。/);
    assert.equal(parsed.headers.find((h) => h.key === 'x-keikai-mail-id')?.value, id);
    const row = await waitFor('sent', async () => {
      const r = await mailRow(t, id);
      return r?.status === 'sent' && r;
    });
    assert.equal(row.attempts, 1);
    assert.ok(row.sent_at);
  });

  it('never sends, and leaves no row or job for, a message whose transaction rolled back', async () => {
    let rolledBackId = '';
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        rolledBackId = await enqueueMail(trx, t.ctx.jobs, mailTo('rolled-back@example.test'));
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.ok(rolledBackId);
    assert.equal(await mailRow(t, rolledBackId), undefined);
    const jobs = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = 'mail.deliver' and data->>'id' = ${rolledBackId}`.execute(
      t.ctx.db,
    );
    assert.equal(jobs.rows[0]?.n, 0);
    // a later committed message goes through; the rolled-back one still never arrives
    await enqueueCommitted(t, 'after-rollback@example.test');
    await waitFor('the later message', async () => smtp.to('after-rollback@example.test').length > 0);
    assert.equal(smtp.to('rolled-back@example.test').length, 0);
  });

  it('retries after the server refuses the first attempt, and then sends', async () => {
    smtp.refuseOnce.add('retry@example.test');
    const id = await enqueueCommitted(t, 'retry@example.test');
    const failedOnce = await waitFor('the first, refused attempt', async () => {
      const r = await mailRow(t, id);
      return r?.attempts === 1 && r;
    });
    assert.equal(failedOnce.status, 'queued');
    assert.match(failedOnce.last_error ?? '', /451/);
    // the queue holds the job for a retry (30 s and more); bring that moment forward instead of waiting
    await waitFor('the job to be scheduled for a retry', async () => {
      const r = await sql<{ n: number }>`
        update pgboss.job set start_after = now()
        where name = 'mail.deliver' and data->>'id' = ${id} and state = 'retry'
        returning 1 as n`.execute(t.ctx.db);
      return r.rows.length > 0;
    });
    const sent = await waitFor('the retried delivery', async () => {
      const r = await mailRow(t, id);
      return r?.status === 'sent' && r;
    });
    assert.equal(sent.attempts, 2);
    assert.equal(sent.last_error, null);
    assert.equal(smtp.to('retry@example.test').length, 1);
  });

  it("marks the message failed when the queue's last attempt fails", async () => {
    smtp.refuseAlways.add('bounce@example.test');
    // a row without a queued job, so only this direct run delivers it
    const row = await t.ctx.db
      .insertInto('mail_messages')
      .values({
        to_address: 'bounce@example.test',
        locale: 'en',
        template: TEMPLATE,
        subject: 'bounce',
        body_text: 'bounce',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const job = deliverMailJob(
      t.ctx.db,
      t.ctx.config,
      nodemailer.createTransport(t.ctx.config.mail.smtpUrl!),
    );
    await assert.rejects(job.run({ id: row.id }, { attempt: 1, finalAttempt: false }), /550/);
    assert.equal((await mailRow(t, row.id))?.status, 'queued');
    await assert.rejects(job.run({ id: row.id }, { attempt: 9, finalAttempt: true }), /550/);
    const failed = await mailRow(t, row.id);
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.attempts, 2);
    assert.match(failed?.last_error ?? '', /550/);
  });
});
