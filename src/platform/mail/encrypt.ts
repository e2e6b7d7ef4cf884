// OpenPGP encryption of outgoing mail bodies to a recipient's public key (a contact point's registered key).
// Only the body is encrypted: SMTP headers, the subject included, travel and are stored in clear, so templates
// used with encryption must keep vulnerability details out of their subjects.
//
// openpgp checks key validity (expiry, revocation, binding signatures) against the real time, not the app clock:
// keys are made and expire in the real world, and a test clock set in the past would otherwise see a key "not yet
// created".
import * as openpgp from 'openpgp';
import { AppError } from '../errors.js';

export type MailKeyProblem = 'unreadable' | 'no-encryption-key';

/** A recipient key that cannot be used to encrypt mail: unreadable, or without a valid encryption (sub)key. */
export class MailKeyError extends AppError {
  constructor(readonly problem: MailKeyProblem) {
    super('validation', 'errors.mailKeyUnusable');
    this.name = 'MailKeyError';
  }
}

async function encryptionKey(armoredKey: string): Promise<openpgp.PublicKey> {
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey });
  } catch {
    throw new MailKeyError('unreadable');
  }
  // a private key pasted by mistake: only its public half is ever used
  const publicKey = key.isPrivate() ? key.toPublic() : (key as openpgp.PublicKey);
  try {
    await publicKey.getEncryptionKey();
  } catch {
    throw new MailKeyError('no-encryption-key');
  }
  return publicKey;
}

/**
 * Whether an armored public key can receive encrypted mail, and its fingerprint (upper-case hex) when it can.
 * For forms that register a contact's key, so a bad key is refused when it is entered rather than when mail is sent.
 */
export async function checkMailKey(
  armoredKey: string,
): Promise<{ ok: true; fingerprint: string } | { ok: false; problem: MailKeyProblem }> {
  try {
    const key = await encryptionKey(armoredKey);
    return { ok: true, fingerprint: key.getFingerprint().toUpperCase() };
  } catch (e) {
    if (e instanceof MailKeyError) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** The text encrypted to the key, as an armored `PGP MESSAGE`. Throws MailKeyError when the key cannot be used. */
export async function encryptMailBody(text: string, armoredKey: string): Promise<string> {
  const encryptionKeys = await encryptionKey(armoredKey);
  const message = await openpgp.createMessage({ text });
  return (await openpgp.encrypt({ message, encryptionKeys, format: 'armored' })) as string;
}
