// The reception body's OpenPGP key (受付機関の公開鍵): finders who prefer to may encrypt a report's description to
// it. The pair is made on first use and kept in `settings` (key `reception.pgp`): the public key and fingerprint in
// clear, the private key armored and sealed with the deployment's SecretBox. Concurrent first uses race on one
// insert (`on conflict do nothing`) and all read the winner, so there is only ever one key.
//
// Curve25519 in its widely deployed v4 form (EdDSA + ECDH "legacy" OIDs): GnuPG 2.2 and 2.4, which most finders
// use, do not read the newer RFC 9580 X25519/Ed25519 key packets yet.
import * as openpgp from 'openpgp';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

export const RECEPTION_KEY_SETTING = 'reception.pgp';
const PRIVATE_KEY_CONTEXT = 'reception.pgp-private-key';
const ARMOR_HEADER = '-----BEGIN PGP MESSAGE-----';

type StoredKey = { publicKey: string; fingerprint: string; privateKeySealed: string; createdAt: string };

export type ReceptionPublicKey = { armored: string; fingerprint: string; userId: string; createdAt: Date };

/** The address in the key's user ID: `security@` the public URL's host. */
export function receptionKeyAddress(publicUrl: string): string {
  return `security@${new URL(publicUrl).hostname}`;
}

async function generate(ctx: AppContext): Promise<StoredKey> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: ctx.config.orgName.en, email: receptionKeyAddress(ctx.config.publicUrl) }],
    format: 'armored',
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return {
    publicKey,
    fingerprint: key.getFingerprint().toUpperCase(),
    privateKeySealed: ctx.secrets.encrypt(privateKey, PRIVATE_KEY_CONTEXT),
    createdAt: ctx.clock.now().toISOString(),
  };
}

async function readStored(ctx: AppContext): Promise<StoredKey | null> {
  const row = await ctx.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', RECEPTION_KEY_SETTING)
    .executeTakeFirst();
  return row ? (row.value as StoredKey) : null;
}

async function storedKey(ctx: AppContext): Promise<StoredKey> {
  const existing = await readStored(ctx);
  if (existing) return existing;
  const fresh = await generate(ctx);
  await ctx.db
    .insertInto('settings')
    .values({ key: RECEPTION_KEY_SETTING, value: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const winner = await readStored(ctx);
  if (!winner) throw new Error('the reception key could not be stored');
  return winner;
}

/** The public half, made on first use. */
export async function receptionPublicKey(ctx: AppContext): Promise<ReceptionPublicKey> {
  const k = await storedKey(ctx);
  const key = await openpgp.readKey({ armoredKey: k.publicKey });
  return {
    armored: k.publicKey,
    fingerprint: k.fingerprint,
    userId: key.getUserIDs()[0] ?? '',
    createdAt: new Date(k.createdAt),
  };
}

/** `0123 4567 …`: a fingerprint grouped by four for reading aloud and comparing. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Whether a text is an ASCII-armored OpenPGP message (what a finder pastes after encrypting). */
export function isArmoredMessage(text: string): boolean {
  return text.trimStart().startsWith(ARMOR_HEADER);
}

/**
 * Checks that an armored description can be read and is encrypted to the reception body's key, so a finder who
 * used the wrong key hears it now rather than never. Field errors name catalog keys.
 */
export async function checkEncryptedDescription(ctx: AppContext, armored: string): Promise<void> {
  let message: openpgp.Message<openpgp.MaybeStream<Uint8Array>>;
  try {
    message = await openpgp.readMessage({ armoredMessage: armored });
  } catch {
    throw new AppError('validation', 'errors.validation', {
      description: ['intake.validation.pgpUnreadable'],
    });
  }
  const ours = await openpgp.readKey({ armoredKey: (await storedKey(ctx)).publicKey });
  const ourIds = ours.getKeyIDs().map((id) => id.toHex());
  const toIds = message.getEncryptionKeyIDs().map((id) => id.toHex());
  if (!toIds.some((id) => ourIds.includes(id))) {
    throw new AppError('validation', 'errors.validation', { description: ['intake.validation.pgpWrongKey'] });
  }
}

/**
 * Decrypts a description a finder encrypted to the reception body's key. For the reception console only: the
 * caller has already authorized its reader (`report.read`).
 */
export async function decryptForReception(ctx: AppContext, armored: string): Promise<string> {
  const k = await storedKey(ctx);
  const privateKey = await openpgp.readPrivateKey({
    armoredKey: ctx.secrets.decrypt(k.privateKeySealed, PRIVATE_KEY_CONTEXT),
  });
  const message = await openpgp.readMessage({ armoredMessage: armored });
  const { data } = await openpgp.decrypt({ message, decryptionKeys: privateKey, format: 'utf8' });
  return data as string;
}
