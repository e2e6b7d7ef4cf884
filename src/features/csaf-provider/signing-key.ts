// The CSAF trusted provider's OpenPGP key (requirements 19–20): it signs every document served under
// /.well-known/csaf/ (a detached armored `.asc` over the exact bytes) and its public half is published at
// /.well-known/csaf/openpgp/<fingerprint>.asc and named in provider-metadata.json.
//
// Where it comes from:
// - KEIKAI_CSAF_SIGNING_KEY_FILE (config.publication.csaf.signingKeyFile): an armored private key made elsewhere
//   (`gpg --export-secret-keys --armor <fingerprint>`). It must not be passphrase-protected — keikai signs at
//   publication without anyone present — so an encrypted key is refused with an error that says how to remove the
//   passphrase. Every app node of a deployment with more than one node must be given the same file.
// - Otherwise a key is generated once into `${dataDir}/csaf-signing-key.asc` (mode 0600, like the master secret):
//   Curve25519 in its widely deployed v4 form (EdDSA "legacy" OID), which GnuPG 2.2/2.4 and the Go checkers
//   read, user ID `publisherName <no-reply@host of the publisher namespace>`. Two processes making it at the same
//   moment race on an exclusive create; the loser reads the winner's file.
// The key is read once per process (cached per file path).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import type { Config } from '../../config.js';

export type CsafSigningKey = {
  privateKey: openpgp.PrivateKey;
  /** the armored public key as served */
  publicKeyArmored: string;
  /** upper-case hex, 40 digits (v4) */
  fingerprint: string;
  createdAt: Date;
};

export class CsafSigningKeyError extends Error {
  override name = 'CsafSigningKeyError';
}

export const GENERATED_KEY_FILE = 'csaf-signing-key.asc';

/** `no-reply@` the host of the publisher namespace (falling back to the public URL's). */
export function signingKeyAddress(config: Config): string {
  const host = (u: string) => {
    try {
      return new URL(u).hostname;
    } catch {
      return '';
    }
  };
  return `no-reply@${host(config.publication.csaf.publisherNamespace) || host(config.publicUrl) || 'localhost'}`;
}

const cache = new Map<string, Promise<CsafSigningKey>>();

/** The provider's signing key (read or made on first use, then kept for the life of the process). */
export function csafSigningKey(config: Config): Promise<CsafSigningKey> {
  const file = config.publication.csaf.signingKeyFile ?? join(config.dataDir, GENERATED_KEY_FILE);
  let key = cache.get(file);
  if (!key) {
    key = (
      config.publication.csaf.signingKeyFile ? readConfigured(file) : readOrGenerate(file, config)
    ).catch((err: unknown) => {
      cache.delete(file);
      throw err;
    });
    cache.set(file, key);
  }
  return key;
}

async function readConfigured(file: string): Promise<CsafSigningKey> {
  let armored: string;
  try {
    armored = await readFile(file, 'utf8');
  } catch (err) {
    throw new CsafSigningKeyError(
      `KEIKAI_CSAF_SIGNING_KEY_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); give the path of an armored OpenPGP private key readable by keikai`,
    );
  }
  return fromArmored(armored, `KEIKAI_CSAF_SIGNING_KEY_FILE (${file})`);
}

async function readOrGenerate(file: string, config: Config): Promise<CsafSigningKey> {
  try {
    return await fromArmored(await readFile(file, 'utf8'), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: config.publication.csaf.publisherName, email: signingKeyAddress(config) }],
    format: 'armored',
  });
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, privateKey, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // another process made it first: use theirs, so there is only ever one key
  }
  return fromArmored(await readFile(file, 'utf8'), file);
}

async function fromArmored(armored: string, where: string): Promise<CsafSigningKey> {
  let privateKey: openpgp.PrivateKey;
  try {
    privateKey = await openpgp.readPrivateKey({ armoredKey: armored });
  } catch {
    throw new CsafSigningKeyError(
      `${where} is not an armored OpenPGP private key (expected -----BEGIN PGP PRIVATE KEY BLOCK-----, e.g. from gpg --export-secret-keys --armor <fingerprint>)`,
    );
  }
  if (!privateKey.isDecrypted()) {
    throw new CsafSigningKeyError(
      `${where} is protected by a passphrase; keikai signs CSAF documents unattended and needs the key without one. Remove it on a copy (gpg --edit-key <fingerprint>, then passwd with an empty passphrase), export it again and keep the file readable only by keikai (chmod 600)`,
    );
  }
  try {
    await privateKey.getSigningKey();
  } catch {
    throw new CsafSigningKeyError(
      `${where} holds no usable signing key (expired, revoked or encryption-only)`,
    );
  }
  return {
    privateKey,
    publicKeyArmored: privateKey.toPublic().armor(),
    fingerprint: privateKey.getFingerprint().toUpperCase(),
    createdAt: privateKey.getCreationTime(),
  };
}

/** Forgets the keys read so far (tests: as after a restart). */
export function forgetCsafSigningKeys(): void {
  cache.clear();
}

/** A detached armored signature over exactly these bytes (binary mode: no line-ending canonicalisation). */
export async function signDetached(key: CsafSigningKey, bytes: Uint8Array): Promise<string> {
  return openpgp.sign({
    message: await openpgp.createMessage({ binary: bytes }),
    signingKeys: key.privateKey,
    detached: true,
    format: 'armored',
  });
}
