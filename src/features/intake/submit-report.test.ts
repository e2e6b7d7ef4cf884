import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { sha256Hex } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { reportSchema } from './report-input.js';
import { openAttachment, openBody, openFilename, openIdentity } from './report-sealing.js';
import { submitReport } from './submit-report.js';

const anonymous = { kind: 'anonymous' as const };

const software = (over: Record<string, unknown> = {}) =>
  reportSchema.parse({
    track: 'software',
    productName: 'Example CMS',
    developerName: 'Example Inc.',
    versions: '1.0–1.4',
    description: 'クロスサイトスクリプティングの脆弱性 in the comment form',
    steps: '1. open /comments 2. post <script>alert(1)</script>',
    finder: { name: '山田 太郎', email: 'Taro@Example.JP', phone: '+81 3-1234-5678' },
    consent: {
      identityToCoordinator: false,
      identityToVendor: false,
      directContact: false,
      publicCredit: true,
      creditName: 'T. Yamada',
    },
    attestLawful: true,
    locale: 'ja',
    ...over,
  });

describe('submitting a report', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ now: '2026-11-22T01:00:00Z' });
  });
  after(() => t.close());

  it('gives a tracking number in the configured format and a follow-up token kept only as a hash', async () => {
    const r = await submitReport(t.ctx, anonymous, software(), { source: 'form' });
    assert.match(r.trackingNumber, /^IPA#\d{8}$/);
    assert.ok(r.followUpToken.length >= 43);
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(row.follow_up_token_hash, sha256Hex(r.followUpToken));
    assert.equal(row.state, 'submitted');
    assert.equal(row.finder_contactable, true);
    assert.equal(row.consent_public_credit, true);
  });

  it('numbers reports one after another, without duplicates under concurrency', async () => {
    const many = await Promise.all(
      Array.from({ length: 12 }, () => submitReport(t.ctx, anonymous, software(), { source: 'api' })),
    );
    const numbers = many.map((r) => Number(r.trackingNumber.slice(4))).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 12);
    assert.equal(numbers[11]! - numbers[0]!, 11);
  });

  it('stores the finder, the report text and attachments only encrypted, and they open again', async () => {
    const poc = Buffer.from('<script>alert("poc")</script>');
    const r = await submitReport(t.ctx, anonymous, software(), {
      source: 'form',
      attachments: [{ filename: 'poc.html', data: poc }],
    });
    const dump = JSON.stringify(
      (
        await sql`select r.*, a.filename_enc, encode(a.content_enc, 'escape') as content from reports r join report_attachments a on a.report_id = r.id where r.id = ${r.reportId}`.execute(
          t.ctx.db,
        )
      ).rows,
    );
    for (const secret of [
      '山田',
      'taro@example.jp',
      '1234-5678',
      'Example CMS',
      'クロスサイト',
      'poc.html',
      'alert("poc")',
      'T. Yamada',
    ]) {
      assert.ok(!dump.includes(secret), `${secret} must not be stored in clear`);
    }
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(openIdentity(t.ctx.secrets, r.reportId, row.finder_identity_enc), {
      name: '山田 太郎',
      email: 'taro@example.jp',
      phone: '+81 3-1234-5678',
    });
    const body = openBody(t.ctx.secrets, r.reportId, row.body_enc);
    assert.equal(body.track, 'software');
    assert.equal(body.creditName, 'T. Yamada');
    const att = await t.ctx.db
      .selectFrom('report_attachments')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(openFilename(t.ctx.secrets, att.id, att.filename_enc), 'poc.html');
    assert.deepEqual(openAttachment(t.ctx.secrets, att.id, att.content_enc), poc);
    assert.equal(att.detected_type, 'text/plain; charset=utf-8');
    assert.equal(att.size_bytes, poc.length);
  });

  it('sends a receipt in the finder language to the address given, readable only by the reception body', async () => {
    const r = await submitReport(t.ctx, anonymous, software({ locale: 'en' }), { source: 'form' });
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, 'taro@example.jp');
    assert.equal(mail.locale, 'en');
    assert.equal(mail.restricted_to, 'reception_body');
    assert.match(mail.subject, new RegExp(`^\\[${r.trackingNumber.replace('#', '\\#')}\\] We have received`));
    assert.ok(mail.body_text.includes(`/reports/follow-up/${r.followUpToken}`));
  });

  it('accepts an anonymous report with no way back, sends no mail and marks it not contactable', async () => {
    const r = await submitReport(t.ctx, anonymous, software({ finder: {} }), { source: 'form' });
    const row = await t.ctx.db
      .selectFrom('reports')
      .select(['finder_contactable'])
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(row.finder_contactable, false);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select('id')
      .where('related_id', '=', r.reportId)
      .execute();
    assert.equal(mails.length, 0);
  });

  it('records the submission as an event and in the audit trail, without the finder identity', async () => {
    const r = await submitReport(t.ctx, anonymous, software(), { source: 'form' });
    const ev = await t.ctx.db.selectFrom('events').selectAll().where('stream_id', '=', r.reportId).execute();
    assert.deepEqual(
      ev.map((e) => e.type),
      ['report.submitted'],
    );
    const au = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', r.reportId)
      .execute();
    assert.equal(au.length, 1);
    assert.ok(!JSON.stringify([ev, au]).includes('taro@example.jp'));
  });

  it('keeps an attachment name without a path, control characters or excess length', async () => {
    const r = await submitReport(t.ctx, anonymous, software(), {
      source: 'form',
      attachments: [{ filename: `C:\\fakepath\\po\u0007c${'x'.repeat(300)}.txt`, data: Buffer.from('x') }],
    });
    const att = await t.ctx.db
      .selectFrom('report_attachments')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    const name = openFilename(t.ctx.secrets, att.id, att.filename_enc);
    assert.ok(name.startsWith('pocxxx'));
    assert.equal(name.length, 200);
  });

  it('refuses a file whose bytes do not match its name, and stores nothing at all', async () => {
    const before = await t.ctx.db
      .selectFrom('reports')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await assert.rejects(
      submitReport(t.ctx, anonymous, software(), {
        source: 'form',
        attachments: [{ filename: 'shot.png', data: Buffer.from('not a png') }],
      }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'validation' &&
        e.fields?.attachments?.[0] === 'validation.attachmentType',
    );
    const after = await t.ctx.db
      .selectFrom('reports')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  it('refuses attachments over the size limits with a 413-class error', async () => {
    const small = await startTestApp({
      env: { KEIKAI_ATTACHMENT_MAX_BYTES: '1000', KEIKAI_REPORT_ATTACHMENTS_MAX_BYTES: '1500' },
    });
    try {
      await assert.rejects(
        submitReport(small.ctx, anonymous, software(), {
          source: 'form',
          attachments: [{ filename: 'a.txt', data: Buffer.alloc(1001, 97) }],
        }),
        (e: unknown) => e instanceof AppError && e.code === 'too_large',
      );
      await assert.rejects(
        submitReport(small.ctx, anonymous, software(), {
          source: 'form',
          attachments: [
            { filename: 'a.txt', data: Buffer.alloc(900, 97) },
            { filename: 'b.txt', data: Buffer.alloc(900, 97) },
          ],
        }),
        (e: unknown) => e instanceof AppError && e.code === 'too_large',
      );
    } finally {
      await small.close();
    }
  });

  it('lets a product developer report on its own product, and nobody else', async () => {
    const vendor = await makeOrganization(t.ctx, 'product_developer');
    const dev = await makeUser(t.ctx, { organizationId: vendor, role: 'member' });
    const devActor = {
      kind: 'user' as const,
      userId: dev.userId,
      email: dev.email,
      displayName: 'Dev',
      role: 'member' as const,
      organizationId: vendor,
      organizationType: 'product_developer' as const,
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      via: 'session' as const,
    };
    const r = await submitReport(t.ctx, devActor, software(), { source: 'developer_self' });
    const row = await t.ctx.db
      .selectFrom('reports')
      .select(['source', 'reporter_organization_id'])
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { source: 'developer_self', reporter_organization_id: vendor });
    await assert.rejects(submitReport(t.ctx, anonymous, software(), { source: 'developer_self' }), AppError);
    const operator = await makeOrganization(t.ctx, 'website_operator');
    await assert.rejects(
      submitReport(
        t.ctx,
        { ...devActor, organizationId: operator, organizationType: 'website_operator' },
        software(),
        { source: 'developer_self' },
      ),
      AppError,
    );
  });
});
