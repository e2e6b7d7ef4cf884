import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';

import { postMultipart, reportCount, softwareForm, startIntakeTestApp } from './testing.js';

describe('size and rate limits on intake', () => {
  let t: TestApp;
  before(async () => {
    t = await startIntakeTestApp({
      env: { KEIKAI_ATTACHMENT_MAX_BYTES: '1000', KEIKAI_INTAKE_RATE_PER_HOUR: '3' },
    });
  });
  after(() => t.close());

  it('refuses a file over the per-file limit at the attachments field, in the user language, storing nothing', async () => {
    const before = await reportCount(t);
    const en = await postMultipart(
      new Browser(t, { acceptLanguage: 'en' }),
      '/reports/new/software',
      softwareForm(),
      [{ filename: 'dump.txt', content: Buffer.alloc(5000, 'a') }],
    );
    assert.equal(en.statusCode, 400);
    assert.ok(en.body.includes('href="#attachments"'));
    assert.ok(en.body.includes('“dump.txt” is larger than the limit of 1000 B per file.'));
    assert.ok(en.body.includes('value="Example CMS"'), 'the rest of the input is kept');
    const ja = await postMultipart(new Browser(t), '/reports/new/software', softwareForm(), [
      { filename: 'dump.txt', content: Buffer.alloc(5000, 'a') },
    ]);
    assert.ok(ja.body.includes('「dump.txt」は1ファイルの上限（1000 B）を超えています。'));
    assert.equal(await reportCount(t), before);
  });

  it('refuses a base64 attachment over the limit on the JSON API with 413 and stores nothing', async () => {
    const before = await reportCount(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      remoteAddress: '10.88.0.1',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({
        track: 'software',
        productName: 'X',
        description: 'd',
        steps: 's',
        finder: {},
        consent: {},
        attestLawful: true,
        attachments: [{ filename: 'big.txt', contentBase64: Buffer.alloc(1001, 'a').toString('base64') }],
      }),
    });
    assert.equal(res.statusCode, 413);
    const body = res.json() as { error: { fields: Record<string, string[]> } };
    assert.deepEqual(body.error.fields.attachments, ['An attachment is larger than allowed.']);
    assert.equal(await reportCount(t), before);
  });

  it('limits submissions per address and hour: the next form post and API call get 429', async () => {
    const b = new Browser(t, { acceptLanguage: 'en' });
    for (let i = 0; i < 3; i++) {
      assert.equal((await postMultipart(b, '/reports/new/software', softwareForm())).statusCode, 303);
    }
    const limited = await postMultipart(b, '/reports/new/website', softwareForm());
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.body.includes('<html'), 'an HTML page for the browser');
    assert.ok(limited.headers['retry-after']);
    // another address is not affected
    assert.equal(
      (await postMultipart(new Browser(t), '/reports/new/software', softwareForm())).statusCode,
      303,
    );

    const api = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        remoteAddress: '10.88.0.9',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          track: 'software',
          productName: `P${n}`,
          description: 'd',
          steps: 's',
          finder: {},
          consent: {},
          attestLawful: true,
        }),
      });
    for (let i = 0; i < 3; i++) assert.equal((await api(i)).statusCode, 201);
    const over = await api(4);
    assert.equal(over.statusCode, 429);
    assert.equal((over.json() as { error: { code: string } }).error.code, 'rate_limited');
  });
});
