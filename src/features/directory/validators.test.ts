import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { isCpe23 } from './cpe.js';
import { domainInput, emailList, entryInput, productInput } from './entry-input.js';
import { hostAndParents, normaliseHostname } from './hostname.js';
import { checkPublicKey } from './pgp-key.js';
import { checkPurl } from './purl.js';

async function makeKey(opts: { date?: Date; keyExpirationTime?: number } = {}) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'PSIRT', email: 'psirt@example.jp' }],
    format: 'armored',
    ...opts,
  });
}

describe('checkPublicKey', () => {
  it('accepts an armored public key and gives its fingerprint and (no) expiry', async () => {
    const { publicKey } = await makeKey();
    const r = await checkPublicKey(publicKey);
    assert.ok(r.ok);
    assert.match(r.fingerprint, /^[0-9A-F]{40,64}$/);
    assert.equal(r.expiresAt, null);
  });

  it('gives the expiry of a key that expires later', async () => {
    const { publicKey } = await makeKey({ keyExpirationTime: 365 * 86_400 });
    const r = await checkPublicKey(publicKey);
    assert.ok(r.ok);
    assert.ok(r.expiresAt && r.expiresAt.getTime() > Date.now());
  });

  it('refuses garbage, an empty text and a truncated key', async () => {
    const { publicKey } = await makeKey();
    for (const bad of [
      'hello',
      '',
      publicKey.slice(0, 200),
      publicKey.replace(/[A-Za-z]{10}\n/, 'AAAAAAAAAA\n'),
    ]) {
      const r = await checkPublicKey(bad);
      assert.equal(r.ok, false, bad.slice(0, 40));
      if (!r.ok) assert.equal(r.problem, 'unreadable');
    }
  });

  it('refuses a private key', async () => {
    const { privateKey } = await makeKey();
    const r = await checkPublicKey(privateKey);
    assert.deepEqual(r, { ok: false, problem: 'private' });
  });

  it('refuses an expired key', async () => {
    const { publicKey } = await makeKey({
      date: new Date(Date.now() - 10 * 86_400_000),
      keyExpirationTime: 86_400,
    });
    const r = await checkPublicKey(publicKey);
    assert.deepEqual(r, { ok: false, problem: 'expired' });
  });

  it('refuses a revoked key', async () => {
    const { privateKey } = await makeKey();
    const { publicKey } = await openpgp.revokeKey({
      key: await openpgp.readPrivateKey({ armoredKey: privateKey }),
      format: 'armored',
    });
    const r = await checkPublicKey(publicKey);
    assert.deepEqual(r, { ok: false, problem: 'revoked' });
  });

  it('refuses two keys in one block', async () => {
    const a = await openpgp.readKey({ armoredKey: (await makeKey()).publicKey });
    const b = await openpgp.readKey({ armoredKey: (await makeKey()).publicKey });
    const both = openpgp.armor(
      openpgp.enums.armor.publicKey,
      new Uint8Array([...a.toPacketList().write(), ...b.toPacketList().write()]),
    );
    const r = await checkPublicKey(both);
    assert.deepEqual(r, { ok: false, problem: 'several' });
  });
});

describe('checkPurl', () => {
  it('accepts package URLs of the specification', () => {
    for (const p of [
      'pkg:npm/%40angular/animation@12.3.1',
      'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=repo.spring.io/release',
      'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie',
      'pkg:golang/google.golang.org/genproto#googleapis/api/annotations',
      'pkg:generic/openssl@1.1.10g',
      'pkg:github/package-url/purl-spec@244fd47e07d1004f0aed9c',
    ]) {
      assert.deepEqual(checkPurl(p), { ok: true, purl: p }, p);
    }
  });

  it('keeps the type lower-case', () => {
    assert.deepEqual(checkPurl('pkg:NPM/foo@1.0.0'), { ok: true, purl: 'pkg:npm/foo@1.0.0' });
  });

  it('refuses what is not a purl', () => {
    for (const p of [
      'npm/foo',
      'pkg:npm',
      'pkg:npm/',
      'pkg:npm/foo bar',
      'pkg:1npm/foo',
      'pkg:npm/foo@',
      'pkg:npm//foo',
      'pkg:npm/foo?a=1&a=2',
      'pkg:npm/foo?=1',
      'pkg:npm/foo?a=',
      'pkg:npm/foo#../x',
      'pkg:npm/fo%ZZo',
      'https://example.jp/foo',
    ]) {
      assert.equal(checkPurl(p).ok, false, p);
    }
  });
});

describe('isCpe23', () => {
  it('accepts formatted strings with 13 components', () => {
    assert.ok(isCpe23('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*'));
    assert.ok(isCpe23('cpe:2.3:o:example:router_os:2.1:*:*:ja:*:*:*:*'));
    assert.ok(isCpe23('cpe:2.3:h:example:rt-100:-:*:*:*:*:*:*:*'));
    assert.ok(isCpe23('cpe:2.3:a:example:foo\\!bar:1.*:*:*:en-us:*:*:*:*'));
  });

  it('refuses URI bindings, wrong parts, missing components and bad languages', () => {
    for (const c of [
      'cpe:/a:microsoft:internet_explorer:8.0',
      'cpe:2.3:x:v:p:*:*:*:*:*:*:*:*',
      'cpe:2.3:a:vendor',
      'cpe:2.3:a:v:p:*:*:*:*:*:*:*',
      'cpe:2.3:a:v:p:*:*:*:*:*:*:*:*:*',
      'cpe:2.3:a:v:p:*:*:*:english:*:*:*:*',
      'cpe:2.3:a:v:p q:*:*:*:*:*:*:*:*',
      '',
    ]) {
      assert.equal(isCpe23(c), false, c);
    }
  });
});

describe('normaliseHostname', () => {
  it('lower-cases, drops a trailing dot, a scheme and a port, and writes IDNs in punycode', () => {
    assert.equal(normaliseHostname('WWW.Example.JP'), 'www.example.jp');
    assert.equal(normaliseHostname('example.jp.'), 'example.jp');
    assert.equal(normaliseHostname('https://Shop.Example.jp:8443/path?q=1'), 'shop.example.jp');
    assert.equal(normaliseHostname('  city.example.lg.jp '), 'city.example.lg.jp');
    assert.equal(normaliseHostname('例え.jp'), 'xn--r8jz45g.jp');
  });

  it('refuses what is not a domain name', () => {
    for (const d of [
      '',
      'localhost',
      '192.168.0.1',
      'exa mple.jp',
      '-bad.example.jp',
      'a..b.jp',
      'user@example.jp',
      'example.jp/path',
      'example.123',
    ]) {
      assert.equal(normaliseHostname(d), null, d);
    }
  });

  it('lists a host and its parent domains, most specific first', () => {
    assert.deepEqual(hostAndParents('a.b.example.jp'), [
      'a.b.example.jp',
      'b.example.jp',
      'example.jp',
      'jp',
    ]);
  });
});

describe('directory forms', () => {
  it('reads several addresses, first the primary, lower-cased and without repeats', () => {
    assert.deepEqual(emailList.parse('PSIRT@example.jp\nsupport@example.jp, psirt@example.jp'), [
      'psirt@example.jp',
      'support@example.jp',
    ]);
    assert.equal(emailList.safeParse('').success, false);
    assert.equal(emailList.safeParse('not-an-address').success, false);
  });

  it('a product: purl and CPE checked, blanks are none, the category is one of the list', () => {
    const ok = productInput.parse({
      nameJa: 'ルーター',
      nameEn: 'Router',
      purl: '',
      cpe: '',
      category: 'ics',
    });
    assert.equal(ok.purl, null);
    assert.equal(ok.cpe, null);
    const bad = productInput.safeParse({
      nameJa: 'x',
      nameEn: 'x',
      purl: 'npm/x',
      cpe: 'cpe:/a:x',
      category: 'toys',
    });
    assert.equal(bad.success, false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')).sort();
    assert.deepEqual(paths, ['category', 'cpe', 'purl']);
  });

  it('a domain is normalised, garbage refused', () => {
    assert.deepEqual(domainInput.parse({ domain: 'WWW.City.Example.LG.JP' }), {
      domain: 'www.city.example.lg.jp',
    });
    assert.equal(domainInput.safeParse({ domain: 'http://' }).success, false);
  });

  it('an agreement needs both its date (a real day) and its version', () => {
    const base = { nameJa: 'a', nameEn: 'a', emails: 'a@example.jp', languages: 'ja', locale: 'ja' };
    assert.equal(entryInput.safeParse({ ...base, ndaSignedOn: '2026-04-01', ndaVersion: '' }).success, false);
    assert.equal(
      entryInput.safeParse({ ...base, ndaSignedOn: '2026-02-30', ndaVersion: 'v2' }).success,
      false,
    );
    const ok = entryInput.parse({ ...base, ndaSignedOn: '2026-04-01', ndaVersion: 'v2' });
    assert.equal(ok.ndaSignedOn, '2026-04-01');
    assert.deepEqual(ok.languages, ['ja']);
  });
});
