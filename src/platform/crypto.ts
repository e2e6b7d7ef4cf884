// Small cryptographic helpers over node:crypto: random tokens, digests, and envelope encryption of secrets at rest.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** A high-entropy random token (256 bits), URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Keys for data encrypted at rest. Each ciphertext names the key version it was made with
 * (`v1.<iv>.<tag>.<data>`), so a new key can be added and old data re-encrypted at leisure (rotation).
 */
export class SecretBox {
  readonly #keys: Map<string, Buffer>;
  readonly #current: string;

  /** `secrets` maps a version name to a master secret; the last entry is used for new data. */
  constructor(secrets: Record<string, string>) {
    const entries = Object.entries(secrets);
    if (entries.length === 0) throw new Error('SecretBox needs at least one key');
    // the version is the first '.'-separated part of a sealed value: a '.' in it would make the value unreadable
    for (const [v] of entries) {
      if (!/^[A-Za-z0-9_-]+$/.test(v))
        throw new Error(`SecretBox key version "${v}" must be letters, digits, _ or -`);
    }
    this.#keys = new Map(
      entries.map(([v, s]) => [v, Buffer.from(hkdfSync('sha256', s, 'keikai', `data-key:${v}`, 32))]),
    );
    this.#current = entries[entries.length - 1]![0];
  }

  encrypt(plaintext: string, context: string): string {
    const key = this.#keys.get(this.#current)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.#current, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** `context` binds the ciphertext to its place (e.g. `users.totp:<id>`): a copied value will not decrypt. */
  decrypt(sealed: string, context: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    const key = version ? this.#keys.get(version) : undefined;
    if (!key || !iv || !tag || data === undefined) throw new Error('unreadable sealed value');
    // a fixed tag length: GCM otherwise accepts a tag cut to 4 bytes, which makes forgeries feasible
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Binary form for attachments: `[version length][version][iv 12][tag 16][ciphertext]`, no base64 overhead. */
  encryptBytes(plaintext: Buffer, context: string): Buffer {
    const version = Buffer.from(this.#current, 'ascii');
    const key = this.#keys.get(this.#current)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([version.length]), version, iv, cipher.getAuthTag(), data]);
  }

  decryptBytes(sealed: Buffer, context: string): Buffer {
    const vlen = sealed[0] ?? 0;
    const version = sealed.subarray(1, 1 + vlen).toString('ascii');
    const key = this.#keys.get(version);
    const ivStart = 1 + vlen;
    if (!key || sealed.length < ivStart + 28) throw new Error('unreadable sealed value');
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(ivStart, ivStart + 12), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(ivStart + 12, ivStart + 28));
    return Buffer.concat([decipher.update(sealed.subarray(ivStart + 28)), decipher.final()]);
  }

  /**
   * A keyed digest for blind indexes (searching encrypted text by its tokens): deterministic, so equal tokens
   * match, but meaningless without the key. Always derived from the first key version, so rotation keeps
   * existing indexes usable.
   */
  keyedDigest(value: string, purpose: string): string {
    return createHmac('sha256', this.#indexKey(purpose))
      .update(value, 'utf8')
      .digest('base64url')
      .slice(0, 16);
  }

  // KeyObjects, not Buffers: Node 24 checks a Buffer key by throwing and catching, ~6× slower per call
  #indexKeys = new Map<string, KeyObject>();
  #indexKey(purpose: string): KeyObject {
    let key = this.#indexKeys.get(purpose);
    if (!key) {
      const first = this.#keys.values().next().value!;
      key = createSecretKey(Buffer.from(hkdfSync('sha256', first, 'keikai', `blind-index:${purpose}`, 32)));
      this.#indexKeys.set(purpose, key);
    }
    return key;
  }
}
