// Checking an OpenPGP public key before the directory keeps it: it must be one armored public key (never a private
// one), neither expired nor revoked, able to receive encrypted mail. Kept: the key as given, its fingerprint and
// its expiry.
//
// Like platform/mail/encrypt.ts, validity is checked against the real time, not the app clock: keys are made and
// expire in the real world.
import * as openpgp from 'openpgp';

export type PgpKeyProblem =
  | 'unreadable'
  | 'private'
  | 'several'
  | 'expired'
  | 'revoked'
  | 'no-encryption-key';

export type CheckedPgpKey =
  | { ok: true; armored: string; fingerprint: string; expiresAt: Date | null }
  | { ok: false; problem: PgpKeyProblem };

export const PGP_KEY_MAX_CHARS = 100_000;

export async function checkPublicKey(armored: string): Promise<CheckedPgpKey> {
  const text = armored.trim().replace(/\r\n?/g, '\n');
  if (text === '' || text.length > PGP_KEY_MAX_CHARS) return { ok: false, problem: 'unreadable' };
  // a private key pasted by mistake is refused outright, and never read further (nor kept, nor logged)
  if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(text)) return { ok: false, problem: 'private' };
  if (!/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n[\s\S]*\n-----END PGP PUBLIC KEY BLOCK-----$/.test(text)) {
    return { ok: false, problem: 'unreadable' };
  }
  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ armoredKeys: text });
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (keys.length !== 1) return { ok: false, problem: 'several' };
  const key = keys[0] as openpgp.Key;
  if (key.isPrivate()) return { ok: false, problem: 'private' };
  if (await key.isRevoked().catch(() => false)) return { ok: false, problem: 'revoked' };
  let expiry: Date | number | null;
  try {
    expiry = await key.getExpirationTime();
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const expiresAt = expiry instanceof Date ? expiry : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) return { ok: false, problem: 'expired' };
  try {
    await key.verifyPrimaryKey();
  } catch (e) {
    const msg = e instanceof Error ? e.message.toLowerCase() : '';
    if (msg.includes('revoked')) return { ok: false, problem: 'revoked' };
    if (msg.includes('expired')) return { ok: false, problem: 'expired' };
    return { ok: false, problem: 'unreadable' };
  }
  try {
    await key.getEncryptionKey();
  } catch (e) {
    const msg = e instanceof Error ? e.message.toLowerCase() : '';
    if (msg.includes('revoked')) return { ok: false, problem: 'revoked' };
    if (msg.includes('expired')) return { ok: false, problem: 'expired' };
    return { ok: false, problem: 'no-encryption-key' };
  }
  return { ok: true, armored: text, fingerprint: key.getFingerprint().toUpperCase(), expiresAt };
}
