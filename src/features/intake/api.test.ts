import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser, type TestApp } from '../../testing/app.js';
import { createApiToken } from '../accounts/create-api-token.js';
import { startIntakeTestApp } from './testing.js';

const software = (over: Record<string, unknown> = {}) => ({
  track: 'software',
  productName: 'Example Router',
  description: 'Command injection in the ping tool',
  steps: 'POST /ping host=;id',
  finder: { name: 'API Finder', email: 'api@example.org' },
  consent: { publicCredit: true, creditName: 'apifinder' },
  attestLawful: true,
  ...over,
});

let ip = 0;
function post(t: TestApp, payload: unknown, headers: Record<string, string> = {}) {
  ip += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    remoteAddress: `10.77.0.${ip}`,
    payload: JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('the JSON intake (POST /api/v1/reports)', () => {
  let t: TestApp;
  before(async () => {
    t = await startIntakeTestApp({ env: { KEIKAI_ATTACHMENT_MAX_BYTES: '2000000' } });
  });
  after(() => t.close());

  it('takes an anonymous report and answers 201 with the tracking number and the follow-up link', async () => {
    const res = await post(t, software());
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json() as { trackingNumber: string; followUpUrl: string };
    assert.match(body.trackingNumber, /^IPA#\d{8}$/);
    assert.match(body.followUpUrl, /^http:\/\/localhost:\d+\/reports\/follow-up\/[A-Za-z0-9_-]{43}$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', body.trackingNumber)
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'api');
    assert.equal(row.locale, 'ja', 'the language of Accept-Language (none: Japanese)');
    const page = await t.app.inject({ url: new URL(body.followUpUrl).pathname });
    assert.equal(page.statusCode, 200);
  });

  it('takes a website report with base64 attachments, larger than the global body limit', async () => {
    const big = Buffer.alloc(1_200_000, 'a'); // > 1 MiB once encoded
    const res = await post(
      t,
      {
        track: 'website',
        siteUrl: 'https://www.example.jp/',
        vulnerabilityType: 'xss',
        description: 'Reflected XSS in q',
        steps: '/?q=<script>alert(1)</script>',
        finder: {},
        consent: {},
        attestLawful: true,
        locale: 'en',
        attachments: [
          { filename: 'log.txt', contentBase64: big.toString('base64') },
          {
            filename: 'poc.html',
            contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
          },
        ],
      },
      { 'accept-language': 'ja' },
    );
    assert.equal(res.statusCode, 201, res.body.slice(0, 500));
    const { trackingNumber } = res.json() as { trackingNumber: string };
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', trackingNumber)
      .executeTakeFirstOrThrow();
    assert.equal(row.locale, 'en');
    assert.equal(row.website_vuln_type, 'xss');
    const files = await t.ctx.db
      .selectFrom('report_attachments')
      .select(['size_bytes'])
      .where('report_id', '=', row.id)
      .orderBy('size_bytes', 'desc')
      .execute();
    assert.deepEqual(
      files.map((f) => f.size_bytes),
      [1_200_000, 25],
    );
  });

  it('attaches the report to a finder who uses a bearer token', async () => {
    const finder = await makeUser(t.ctx, { organizationId: null, role: 'finder' });
    const { token } = await createApiToken(
      t.ctx,
      { kind: 'system', label: 'test' },
      { userId: finder.userId, name: 'cli' },
    );
    const res = await post(t, software(), { authorization: `Bearer ${token}` });
    assert.equal(res.statusCode, 201, res.body);
    const row = await t.ctx.db
      .selectFrom('reports')
      .select('finder_user_id')
      .where('tracking_number', '=', (res.json() as { trackingNumber: string }).trackingNumber)
      .executeTakeFirstOrThrow();
    assert.equal(row.finder_user_id, finder.userId);
  });

  it('answers bad input with 400 and field messages in the Accept-Language language', async () => {
    const bad = software({ productName: '', finder: { email: 'nope' }, attestLawful: false });
    const ja = await post(t, bad, { 'accept-language': 'ja' });
    assert.equal(ja.statusCode, 400);
    const jaBody = ja.json() as { error: { code: string; fields: Record<string, string[]> } };
    assert.equal(jaBody.error.code, 'validation');
    assert.deepEqual(jaBody.error.fields['finder.email'], ['メールアドレスの形式が正しくありません。']);
    assert.deepEqual(jaBody.error.fields.attestLawful, [
      '違法な方法で発見・取得していないことの確認が必要です。',
    ]);
    assert.ok(jaBody.error.fields.productName);

    const en = await post(
      t,
      { ...software(), track: 'website', siteUrl: 'ftp://x', vulnerabilityType: 'nope' },
      {
        'accept-language': 'en-GB,en;q=0.9',
      },
    );
    assert.equal(en.statusCode, 400);
    const enBody = en.json() as { error: { fields: Record<string, string[]> } };
    assert.ok(enBody.error.fields.siteUrl?.[0]?.includes('http:// or https://'));
    assert.deepEqual(enBody.error.fields.vulnerabilityType, ['Choose the type of vulnerability.']);
  });

  it('refuses a file whose content does not match its name, and an over-long field, storing nothing', async () => {
    const before = await t.ctx.db.selectFrom('reports').select('id').execute();
    const mismatch = await post(
      t,
      software({
        attachments: [{ filename: 'shot.png', contentBase64: Buffer.from('plain').toString('base64') }],
      }),
      { 'accept-language': 'en' },
    );
    assert.equal(mismatch.statusCode, 400);
    const m = mismatch.json() as { error: { fields: Record<string, string[]> } };
    assert.ok(m.error.fields.attachments?.[0]?.includes('does not match'));
    const long = await post(t, software({ description: 'x'.repeat(20_001) }));
    assert.equal(long.statusCode, 400);
    assert.ok((long.json() as { error: { fields: Record<string, string[]> } }).error.fields.description);
    const notBase64 = await post(t, software({ attachments: [{ filename: 'a.txt', contentBase64: '***' }] }));
    assert.equal(notBase64.statusCode, 400);
    const after = await t.ctx.db.selectFrom('reports').select('id').execute();
    assert.equal(after.length, before.length);
  });

  it('is listed in the OpenAPI document with its request and receipt', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as {
      paths: Record<string, { post?: { requestBody?: unknown; responses?: object } }>;
    };
    const op = doc.paths['/api/v1/reports']?.post;
    assert.ok(op, 'POST /api/v1/reports is documented');
    assert.ok(op.requestBody);
    assert.ok(Object.keys(op.responses ?? {}).includes('201'));
    const text = JSON.stringify(op);
    for (const s of [
      'productName',
      'siteUrl',
      'vulnerabilityType',
      'contentBase64',
      'attestLawful',
      'followUpUrl',
    ]) {
      assert.ok(text.includes(s), s);
    }
  });
});
