import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import type { TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';

import {
  decryptForReception,
  groupFingerprint,
  isArmoredMessage,
  RECEPTION_KEY_SETTING,
  receptionPublicKey,
} from './reception-key.js';
import { openBody } from './report-sealing.js';
import {
  followUpPathIn,
  postMultipart,
  softwareForm,
  startIntakeTestApp,
  trackingNumberIn,
} from './testing.js';

async function encryptTo(armoredKey: string, text: string): Promise<string> {
  const encryptionKeys = await openpgp.readKey({ armoredKey });
  return (await openpgp.encrypt({
    message: await openpgp.createMessage({ text }),
    encryptionKeys,
  })) as string;
}

describe("the reception body's OpenPGP key", () => {
  let t: TestApp;
  before(async () => {
    t = await startIntakeTestApp({ env: { PUBLIC_URL: 'https://vuln.example.jp' } });
  });
  after(() => t.close());

  it('is made once on first use, even when many ask at the same moment, and its private half is stored sealed', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => receptionPublicKey(t.ctx)));
    assert.equal(new Set(keys.map((k) => k.fingerprint)).size, 1);
    const rows = await t.ctx.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', RECEPTION_KEY_SETTING)
      .execute();
    assert.equal(rows.length, 1);
    const stored = JSON.stringify(rows[0]?.value);
    assert.ok(!stored.includes('PRIVATE KEY'), 'the private key is not stored in clear');
    assert.ok(stored.includes('PUBLIC KEY'));
    const key = await openpgp.readKey({ armoredKey: keys[0]!.armored });
    assert.ok(!key.isPrivate());
    assert.equal(keys[0]!.userId, 'keikai vulnerability desk <security@vuln.example.jp>');
    assert.equal(key.getAlgorithmInfo().algorithm, 'eddsaLegacy');
  });

  it('is published on a page with its fingerprint and as a plain-text download under /.well-known', async () => {
    const k = await receptionPublicKey(t.ctx);
    const page = await new Browser(t, { acceptLanguage: 'en' }).get('/reports/pgp-key');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(groupFingerprint(k.fingerprint)));
    assert.ok(page.body.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----'));
    assert.ok(page.body.includes('href="/.well-known/keikai-reception.asc"'));
    const file = await new Browser(t).get('/.well-known/keikai-reception.asc');
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(String(file.headers['content-disposition']), /attachment; filename="keikai-reception\.asc"/);
    assert.equal(file.body, k.armored);
  });

  it('keeps an encrypted description as sent, marks it, and only the reception body can open it', async () => {
    const k = await receptionPublicKey(t.ctx);
    const secret = '管理画面の認証を /admin;.css で回避できます';
    const armored = await encryptTo(k.armored, secret);
    assert.ok(isArmoredMessage(armored));
    const b = new Browser(t, { acceptLanguage: 'en' });
    const res = await postMultipart(b, '/reports/new/software', softwareForm({ description: armored }));
    assert.equal(res.statusCode, 303);
    const receipt = await b.get('/reports/receipt');
    const row = await t.ctx.db
      .selectFrom('reports')
      .select(['id', 'body_enc'])
      .where('tracking_number', '=', trackingNumberIn(receipt.body))
      .executeTakeFirstOrThrow();
    const body = openBody(t.ctx.secrets, row.id, row.body_enc);
    assert.equal(body.encryptedDescription, true);
    assert.equal(body.description, armored.trim(), 'kept as sent (less surrounding white space)');
    assert.equal(await decryptForReception(t.ctx, body.description), secret);
    const page = await b.get(followUpPathIn(receipt.body));
    assert.ok(page.body.includes('(sent as an encrypted message)'));
    assert.ok(!page.body.includes(secret));
  });

  it('refuses a message encrypted to another key, or one that cannot be read, at the description field', async () => {
    const other = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'x@example.org' }],
    });
    const wrong = await encryptTo(other.publicKey, 'secret');
    const b = new Browser(t, { acceptLanguage: 'en' });
    const res = await postMultipart(b, '/reports/new/software', softwareForm({ description: wrong }));
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('href="#description"'));
    assert.ok(res.body.includes('not encrypted to the reception body’s key'));
    const broken = '-----BEGIN PGP MESSAGE-----\n\nnot really\n-----END PGP MESSAGE-----';
    const ja = await postMultipart(
      new Browser(t),
      '/reports/new/software',
      softwareForm({ description: broken }),
    );
    assert.equal(ja.statusCode, 400);
    assert.ok(ja.body.includes('OpenPGP メッセージとして読み取れません'));
  });
});
