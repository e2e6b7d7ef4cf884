import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomToken, SecretBox, safeEqual, sha256Hex } from './crypto.js';

const V1 = 'first-master-secret-first-master-secret';
const V2 = 'second-master-secret-second-master-secret';

/** Flips one bit of the byte at `index` of a base64url part. */
function flipByte(part: string, index: number): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64url');
}

describe('SecretBox', () => {
  it('opens what it sealed, for Japanese text, empty text and long text', () => {
    const box = new SecretBox({ v1: V1 });
    for (const plain of ['発見者: 山田太郎 <taro@example.jp>', '', 'x'.repeat(100_000)]) {
      const sealed = box.encrypt(plain, 'reports.finder:1');
      assert.equal(box.decrypt(sealed, 'reports.finder:1'), plain);
    }
  });

  it('never shows the plaintext and seals the same text differently each time', () => {
    const box = new SecretBox({ v1: V1 });
    const a = box.encrypt('secret finder identity', 'ctx');
    const b = box.encrypt('secret finder identity', 'ctx');
    assert.notEqual(a, b);
    assert.ok(!a.includes('secret'));
    assert.match(a, /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/);
  });

  it('refuses to open a value in another context (a copied value will not decrypt)', () => {
    const box = new SecretBox({ v1: V1 });
    const sealed = box.encrypt('totp seed', 'users.totp:alice');
    assert.throws(() => box.decrypt(sealed, 'users.totp:mallory'));
    assert.throws(() => box.decrypt(sealed, ''));
  });

  it('refuses a value sealed under another master secret', () => {
    const sealed = new SecretBox({ v1: V1 }).encrypt('x', 'ctx');
    assert.throws(() => new SecretBox({ v1: V2 }).decrypt(sealed, 'ctx'));
  });

  it('throws when any byte of the ciphertext, IV or tag is flipped', () => {
    const box = new SecretBox({ v1: V1 });
    const sealed = box.encrypt('report body', 'ctx');
    const [v, iv, tag, data] = sealed.split('.') as [string, string, string, string];
    const tampered = [
      [v, flipByte(iv, 0), tag, data],
      [v, iv, flipByte(tag, 15), data],
      [v, iv, tag, flipByte(data, 0)],
      [v, iv, tag, flipByte(data, Buffer.from(data, 'base64url').length - 1)],
    ];
    for (const parts of tampered) assert.throws(() => box.decrypt(parts.join('.'), 'ctx'));
  });

  it('refuses a shortened authentication tag (no truncated-tag forgeries)', () => {
    const box = new SecretBox({ v1: V1 });
    const sealed = box.encrypt('report body', 'ctx');
    const [v, iv, tag, data] = sealed.split('.') as [string, string, string, string];
    for (const length of [4, 8, 12, 15]) {
      const short = Buffer.from(tag, 'base64url').subarray(0, length).toString('base64url');
      assert.throws(() => box.decrypt([v, iv, short, data].join('.'), 'ctx'), `tag of ${length} bytes`);
    }
  });

  it('throws on values that are not sealed values at all', () => {
    const box = new SecretBox({ v1: V1 });
    for (const junk of ['', 'v1', 'v1.a.b', 'plain text', 'v1..', '...']) {
      assert.throws(() => box.decrypt(junk, 'ctx'), junk);
    }
  });

  it('still opens values sealed with v1 after v2 is added, and seals new values with v2', () => {
    const old = new SecretBox({ v1: V1 }).encrypt('old secret', 'ctx');
    const rotated = new SecretBox({ v1: V1, v2: V2 });
    assert.equal(rotated.decrypt(old, 'ctx'), 'old secret');
    const fresh = rotated.encrypt('new secret', 'ctx');
    assert.ok(fresh.startsWith('v2.'));
    assert.equal(rotated.decrypt(fresh, 'ctx'), 'new secret');
    // and a box that only knows v2 reads new values but not old ones
    const v2only = new SecretBox({ v2: V2 });
    assert.equal(v2only.decrypt(fresh, 'ctx'), 'new secret');
    assert.throws(() => v2only.decrypt(old, 'ctx'));
  });

  it('throws on an unknown key version', () => {
    const box = new SecretBox({ v1: V1 });
    const sealed = box.encrypt('x', 'ctx');
    assert.throws(() => box.decrypt(`v9${sealed.slice(2)}`, 'ctx'), /unreadable/);
  });

  it('cannot be made without a key', () => {
    assert.throws(() => new SecretBox({}));
  });

  it('refuses a key version name that could not be read back from a sealed value', () => {
    for (const v of ['2026.1', '', 'v 1']) assert.throws(() => new SecretBox({ [v]: V1 }), /key version/);
    assert.doesNotThrow(() => new SecretBox({ '2026-01_a': V1 }));
  });
});

describe('randomToken', () => {
  it('gives 256 bits by default as 43 URL-safe characters', () => {
    const t = randomToken();
    assert.match(t, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(t, 'base64url').length, 32);
  });

  it('gives the requested number of random bytes', () => {
    assert.equal(Buffer.from(randomToken(18), 'base64url').length, 18);
    assert.match(randomToken(18), /^[A-Za-z0-9_-]{24}$/);
  });

  it('does not repeat and spreads its characters evenly', () => {
    const tokens = Array.from({ length: 2000 }, () => randomToken());
    assert.equal(new Set(tokens).size, tokens.length);
    // every one of the 64 base64url characters turns up, none far more often than the others
    const counts = new Map<string, number>();
    for (const t of tokens) for (const c of t.slice(0, 42)) counts.set(c, (counts.get(c) ?? 0) + 1);
    assert.equal(counts.size, 64);
    const expected = (2000 * 42) / 64;
    for (const [c, n] of counts) assert.ok(Math.abs(n - expected) < expected * 0.25, `${c}: ${n}`);
  });
});

describe('safeEqual and sha256Hex', () => {
  it('says equal strings are equal and different ones are not, including different lengths', () => {
    assert.equal(safeEqual('abc', 'abc'), true);
    assert.equal(safeEqual('', ''), true);
    assert.equal(safeEqual('abc', 'abd'), false);
    assert.equal(safeEqual('abc', 'abcd'), false);
    assert.equal(safeEqual('abcd', 'abc'), false);
    assert.equal(safeEqual('東京', '東京'), true);
    assert.equal(safeEqual('東京', '京都'), false);
  });

  it('hashes UTF-8 text to the standard SHA-256 hex digest', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.match(sha256Hex('脆弱性'), /^[0-9a-f]{64}$/);
  });
});

describe('SecretBox for bytes (attachments)', () => {
  it('round-trips binary data bound to its context, and refuses a flipped byte or another context', () => {
    const box = new SecretBox({ v1: 'k'.repeat(40) });
    const data = Buffer.from([0, 1, 2, 255, 254, 0x7f, ...Buffer.from('脆弱性')]);
    const sealed = box.encryptBytes(data, 'attachment:1');
    assert.deepEqual(box.decryptBytes(sealed, 'attachment:1'), data);
    assert.throws(() => box.decryptBytes(sealed, 'attachment:2'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    assert.throws(() => box.decryptBytes(flipped, 'attachment:1'));
    assert.throws(() => box.decryptBytes(Buffer.from([2, 0x76]), 'attachment:1'));
  });

  it('opens bytes sealed under an older key after rotation', () => {
    const old = new SecretBox({ v1: 'a'.repeat(40) });
    const sealed = old.encryptBytes(Buffer.from('poc'), 'ctx');
    const rotated = new SecretBox({ v1: 'a'.repeat(40), v2: 'b'.repeat(40) });
    assert.equal(rotated.decryptBytes(sealed, 'ctx').toString(), 'poc');
    assert.equal(rotated.encryptBytes(Buffer.from('x'), 'ctx').subarray(1, 3).toString(), 'v2');
  });
});
