import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { loadConfig } from '../../config.js';
import {
  CsafSigningKeyError,
  csafSigningKey,
  forgetCsafSigningKeys,
  GENERATED_KEY_FILE,
  signDetached,
  signingKeyAddress,
} from './signing-key.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'keikai-csaf-key-'));
const configIn = (dataDir: string, env: Record<string, string> = {}) =>
  loadConfig({
    KEIKAI_DATA_DIR: dataDir,
    PUBLIC_URL: 'https://keikai.example.jp',
    KEIKAI_CSAF_PUBLISHER_NAME: 'Example CSIRT',
    KEIKAI_CSAF_PUBLISHER_NAMESPACE: 'https://csirt.example.jp',
    ...env,
  });

async function makeKeyFile(dir: string, passphrase?: string): Promise<{ file: string; fingerprint: string }> {
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: 'Elsewhere', email: 'psirt@elsewhere.example' }],
    format: 'armored',
    ...(passphrase ? { passphrase } : {}),
  });
  const file = join(dir, passphrase ? 'encrypted.asc' : 'key.asc');
  writeFileSync(file, privateKey);
  const key = await openpgp.readPrivateKey({ armoredKey: privateKey });
  return { file, fingerprint: key.getFingerprint().toUpperCase() };
}

describe('CSAF signing key', () => {
  it('is generated once into the data folder, readable only by keikai, named after the publisher', async () => {
    const dir = tempDir();
    const config = configIn(dir);
    const key = await csafSigningKey(config);
    const file = join(dir, GENERATED_KEY_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(readFileSync(file, 'utf8'), /BEGIN PGP PRIVATE KEY BLOCK/);
    assert.match(key.fingerprint, /^[0-9A-F]{40}$/);
    assert.deepEqual(key.privateKey.getUserIDs(), ['Example CSIRT <no-reply@csirt.example.jp>']);
    assert.match(key.publicKeyArmored, /BEGIN PGP PUBLIC KEY BLOCK/);
    assert.equal(await csafSigningKey(config), key, 'kept for the life of the process');
  });

  it('is the same key after a restart (read back from the file)', async () => {
    const dir = tempDir();
    const first = await csafSigningKey(configIn(dir));
    forgetCsafSigningKeys();
    const again = await csafSigningKey(configIn(dir));
    assert.notEqual(again, first, 'read again');
    assert.equal(again.fingerprint, first.fingerprint);
  });

  it('comes from KEIKAI_CSAF_SIGNING_KEY_FILE when one is given, and nothing is generated', async () => {
    const dir = tempDir();
    const { file, fingerprint } = await makeKeyFile(dir);
    const key = await csafSigningKey(configIn(dir, { KEIKAI_CSAF_SIGNING_KEY_FILE: file }));
    assert.equal(key.fingerprint, fingerprint);
    assert.throws(() => statSync(join(dir, GENERATED_KEY_FILE)), { code: 'ENOENT' });
  });

  it('is refused with a clear error when the given key is protected by a passphrase', async () => {
    const dir = tempDir();
    const { file } = await makeKeyFile(dir, 'correct horse battery staple');
    await assert.rejects(
      csafSigningKey(configIn(dir, { KEIKAI_CSAF_SIGNING_KEY_FILE: file })),
      (err: unknown) =>
        err instanceof CsafSigningKeyError && /passphrase/.test(err.message) && err.message.includes(file),
    );
  });

  it('is refused when the file is missing or is not a private key', async () => {
    const dir = tempDir();
    await assert.rejects(
      csafSigningKey(configIn(dir, { KEIKAI_CSAF_SIGNING_KEY_FILE: join(dir, 'nope.asc') })),
      (err: unknown) => err instanceof CsafSigningKeyError && /cannot read/.test(err.message),
    );
    const pub = join(dir, 'public.asc');
    const { publicKey } = await openpgp.generateKey({ userIDs: [{ name: 'x' }], format: 'armored' });
    writeFileSync(pub, publicKey);
    await assert.rejects(
      csafSigningKey(configIn(dir, { KEIKAI_CSAF_SIGNING_KEY_FILE: pub })),
      (err: unknown) =>
        err instanceof CsafSigningKeyError && /not an armored OpenPGP private key/.test(err.message),
    );
  });

  it('makes detached signatures over the exact bytes that verify with the public key', async () => {
    const key = await csafSigningKey(configIn(tempDir()));
    const bytes = new TextEncoder().encode('{"a": 1}\r\n');
    const signature = await signDetached(key, bytes);
    const verify = async (data: Uint8Array) => {
      const result = await openpgp.verify({
        message: await openpgp.createMessage({ binary: data }),
        signature: await openpgp.readSignature({ armoredSignature: signature }),
        verificationKeys: await openpgp.readKey({ armoredKey: key.publicKeyArmored }),
      });
      return result.signatures[0]!.verified.then(
        () => true,
        () => false,
      );
    };
    assert.equal(await verify(bytes), true);
    assert.equal(
      await verify(new TextEncoder().encode('{"a": 1}\n')),
      false,
      'one byte less does not verify',
    );
  });

  it('uses the host of the publisher namespace in its address', () => {
    assert.equal(signingKeyAddress(configIn(tempDir())), 'no-reply@csirt.example.jp');
  });
});
