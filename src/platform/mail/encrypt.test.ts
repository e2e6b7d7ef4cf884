// Mail to a recipient with a PGP key: the outbox row holds only the armored message, which decrypts with the
// recipient's private key to the rendered text; the subject stays as rendered; a bad key stores nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { checkMailKey, encryptMailBody, MailKeyError } from './encrypt.js';
import { enqueueMail, type MailRequest, renderMail } from './outbox.js';

const TEMPLATE = 'outbox.mail.test';

async function keyPair(subkeys?: object[]) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: 'PSIRT', email: 'psirt@example.test' }],
    format: 'armored',
    ...(subkeys ? { subkeys } : {}),
  });
}

async function decrypt(armoredMessage: string, armoredPrivateKey: string): Promise<string> {
  const message = await openpgp.readMessage({ armoredMessage });
  const decryptionKeys = await openpgp.readPrivateKey({ armoredKey: armoredPrivateKey });
  const { data } = await openpgp.decrypt({ message, decryptionKeys, format: 'utf8' });
  return data as string;
}

describe('encryptMailBody and checkMailKey', () => {
  it('encrypts to a key that the matching private key decrypts', async () => {
    const { publicKey, privateKey } = await keyPair();
    const armored = await encryptMailBody('脆弱性の詳細', publicKey);
    assert.match(armored, /^-----BEGIN PGP MESSAGE-----/);
    assert.doesNotMatch(armored, /脆弱性/);
    assert.equal(await decrypt(armored, privateKey), '脆弱性の詳細');
  });

  it('uses only the public half of a private key pasted by mistake', async () => {
    const { privateKey } = await keyPair();
    const armored = await encryptMailBody('text', privateKey);
    assert.equal(await decrypt(armored, privateKey), 'text');
    assert.doesNotMatch(armored, /PRIVATE KEY/);
  });

  it('refuses text that is not a key', async () => {
    await assert.rejects(encryptMailBody('x', 'not a key'), (e: unknown) => {
      assert.ok(e instanceof MailKeyError);
      assert.equal(e.problem, 'unreadable');
      assert.equal(e.code, 'validation');
      assert.equal(e.messageKey, 'errors.mailKeyUnusable');
      return true;
    });
  });

  it('refuses a signing-only key (no encryption subkey)', async () => {
    const { publicKey } = await keyPair([]);
    await assert.rejects(
      encryptMailBody('x', publicKey),
      (e: unknown) => e instanceof MailKeyError && e.problem === 'no-encryption-key',
    );
    assert.deepEqual(await checkMailKey(publicKey), { ok: false, problem: 'no-encryption-key' });
  });

  it('reports the fingerprint of a usable key', async () => {
    const { publicKey } = await keyPair();
    const fingerprint = (await openpgp.readKey({ armoredKey: publicKey })).getFingerprint().toUpperCase();
    assert.deepEqual(await checkMailKey(publicKey), { ok: true, fingerprint });
    assert.deepEqual(await checkMailKey('garbage'), { ok: false, problem: 'unreadable' });
  });
});

describe('enqueueMail with encryptTo', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const request = (to: string, encryptTo?: string | null): MailRequest => ({
    to,
    locale: 'ja',
    template: TEMPLATE,
    vars: { email: to },
    encryptTo,
  });
  const row = (id: string) =>
    t.ctx.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const enqueue = (req: MailRequest) =>
    t.ctx.db.transaction().execute((trx) => enqueueMail(trx, t.ctx.jobs, req));

  it('stores only the armored message, which decrypts to the rendered body; the subject stays as rendered', async () => {
    const { publicKey, privateKey } = await keyPair();
    const req = request('encrypted@example.test', publicKey);
    const id = await enqueue(req);
    const stored = await row(id);
    const rendered = renderMail(req);
    assert.equal(stored.subject, rendered.subject);
    assert.match(stored.body_text, /^-----BEGIN PGP MESSAGE-----[\s\S]*-----END PGP MESSAGE-----\s*$/);
    assert.ok(!stored.body_text.includes(rendered.body));
    assert.equal(await decrypt(stored.body_text, privateKey), rendered.body);
  });

  it('stores the rendered body as it is without a key (undefined or null)', async () => {
    for (const key of [undefined, null]) {
      const req = request('plain@example.test', key);
      const stored = await row(await enqueue(req));
      assert.equal(stored.body_text, renderMail(req).body);
    }
  });

  it('throws and stores nothing when the key is unusable', async () => {
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('mail_messages')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('to_address', '=', 'bad-key@example.test')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const { publicKey: signingOnly } = await keyPair([]);
    for (const key of [
      '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnonsense\n-----END PGP PUBLIC KEY BLOCK-----',
      signingOnly,
    ]) {
      await assert.rejects(enqueue(request('bad-key@example.test', key)), MailKeyError);
    }
    assert.equal(await count(), 0);
  });
});
