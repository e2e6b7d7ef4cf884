import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import {
  contactEmails,
  parseSecurityTxt,
  SECURITY_TXT_MAX_BYTES,
  type SecurityTxt,
  usable,
  verifySecurityTxtSignature,
} from './security-txt.js';

const now = new Date('2026-12-01T00:00:00Z');
const URL_WK = 'https://www.example.jp/.well-known/security.txt';

const codes = (s: SecurityTxt) => s.issues.map((i) => i.code);

const REAL_WORLD = `# Our security address
# 脆弱性のご連絡はこちらへ
Contact: mailto:security@example.jp
Contact: https://www.example.jp/security/report
Contact: tel:+81-3-1234-5678
Expires: 2027-03-31T14:59:59.000Z
Encryption: https://www.example.jp/.well-known/pgp-key.txt
Acknowledgments: https://www.example.jp/security/hall-of-fame
Preferred-Languages: ja, en
Canonical: https://www.example.jp/.well-known/security.txt
Canonical: https://example.jp/.well-known/security.txt
Policy: https://www.example.jp/security/policy
Hiring: https://www.example.jp/careers/security
CSAF: https://www.example.jp/.well-known/csaf/provider-metadata.json
`;

describe('parseSecurityTxt: a well-formed file', () => {
  const s = parseSecurityTxt(REAL_WORLD, { now, url: URL_WK });

  it('reads every RFC 9116 field, in order, with no issue', () => {
    assert.deepEqual(s.issues, []);
    assert.deepEqual(s.contacts, [
      'mailto:security@example.jp',
      'https://www.example.jp/security/report',
      'tel:+81-3-1234-5678',
    ]);
    assert.equal(s.expires?.toISOString(), '2027-03-31T14:59:59.000Z');
    assert.equal(s.expired, false);
    assert.deepEqual(s.encryption, ['https://www.example.jp/.well-known/pgp-key.txt']);
    assert.deepEqual(s.acknowledgments, ['https://www.example.jp/security/hall-of-fame']);
    assert.deepEqual(s.preferredLanguages, ['ja', 'en']);
    assert.equal(s.canonical.length, 2);
    assert.deepEqual(s.policy, ['https://www.example.jp/security/policy']);
    assert.deepEqual(s.hiring, ['https://www.example.jp/careers/security']);
    assert.deepEqual(s.csaf, ['https://www.example.jp/.well-known/csaf/provider-metadata.json']);
    assert.deepEqual(s.other, {});
    assert.equal(s.signed, false);
  });

  it('is usable and yields its e-mail contact', () => {
    assert.equal(usable(s), true);
    assert.deepEqual(contactEmails(s), ['security@example.jp']);
  });
});

describe('parseSecurityTxt: Contact', () => {
  it('keeps several Contact lines in their order of preference', () => {
    const s = parseSecurityTxt(
      'Contact: mailto:first@example.jp\nContact: mailto:second@example.jp\nContact: mailto:third@example.jp\nExpires: 2027-01-01T00:00:00Z\n',
      { now },
    );
    assert.deepEqual(contactEmails(s), ['first@example.jp', 'second@example.jp', 'third@example.jp']);
  });

  it('reports a file with no Contact as not usable', () => {
    const s = parseSecurityTxt('Expires: 2027-01-01T00:00:00Z\nPolicy: https://example.jp/p\n', { now });
    assert.deepEqual(codes(s), ['no-contact']);
    assert.equal(usable(s), false);
  });

  it('rejects an http: web contact and a non-URI, with the line number', () => {
    const s = parseSecurityTxt(
      'Contact: http://example.jp/report\nContact: call us\nExpires: 2027-01-01T00:00:00Z\n',
      { now },
    );
    assert.deepEqual(s.contacts, []);
    assert.deepEqual(
      s.issues.map((i) => [i.code, i.line]),
      [
        ['bad-contact', 1],
        ['bad-contact', 2],
        ['no-contact', undefined],
      ],
    );
  });

  it('keeps a bare e-mail address as mailto: but reports it', () => {
    const s = parseSecurityTxt('Contact: security@example.jp\nExpires: 2027-01-01T00:00:00Z\n', { now });
    assert.deepEqual(s.contacts, ['mailto:security@example.jp']);
    assert.deepEqual(codes(s), ['bad-contact']);
    assert.equal(usable(s), true);
  });

  it('decodes mailto: addresses: percent-encoding, query, several recipients, duplicates', () => {
    const s = parseSecurityTxt(
      [
        'Contact: mailto:psirt%40example.jp?subject=Vulnerability',
        'Contact: mailto:a@example.jp,b@example.jp',
        'Contact: MAILTO:PSIRT@example.jp',
        'Contact: mailto:not-an-address',
        'Expires: 2027-01-01T00:00:00Z',
      ].join('\n'),
      { now },
    );
    assert.deepEqual(contactEmails(s), ['psirt@example.jp', 'a@example.jp', 'b@example.jp']);
    assert.deepEqual(
      s.issues.map((i) => [i.code, i.line]),
      [['bad-contact', 4]],
    );
  });

  it('rejects a malformed telephone URI', () => {
    const s = parseSecurityTxt('Contact: tel:call-me\nExpires: 2027-01-01T00:00:00Z\n', { now });
    assert.deepEqual(codes(s), ['bad-contact', 'no-contact']);
  });
});

describe('parseSecurityTxt: Expires', () => {
  it('an Expires in the past makes the file expired and not usable', () => {
    const s = parseSecurityTxt('Contact: mailto:s@example.jp\nExpires: 2026-11-30T23:59:59Z\n', { now });
    assert.equal(s.expired, true);
    assert.deepEqual(codes(s), ['expired']);
    assert.equal(usable(s), false);
    assert.deepEqual(contactEmails(s), ['s@example.jp'], 'the addresses are still readable');
  });

  it('expires exactly at its instant, with offsets applied', () => {
    const text = 'Contact: mailto:s@example.jp\nExpires: 2026-12-01T09:00:00+09:00\n';
    assert.equal(parseSecurityTxt(text, { now }).expired, true);
    assert.equal(parseSecurityTxt(text, { now: new Date(now.getTime() - 1) }).expired, false);
  });

  it('accepts lower-case t and z, fractions and a leap second', () => {
    for (const v of ['2027-01-01t00:00:00z', '2027-01-01T00:00:00.123456Z', '2026-12-31T23:59:60Z']) {
      const s = parseSecurityTxt(`Contact: mailto:s@example.jp\nExpires: ${v}\n`, { now });
      assert.deepEqual(codes(s), [], v);
      assert.ok(s.expires, v);
    }
  });

  it('reports a missing Expires (the file stays usable: the contact is still the best lead)', () => {
    const s = parseSecurityTxt('Contact: mailto:s@example.jp\n', { now });
    assert.deepEqual(codes(s), ['no-expires']);
    assert.equal(s.expires, null);
    assert.equal(usable(s), true);
  });

  it('reports an Expires that is not RFC 3339', () => {
    for (const v of [
      '2027-01-01',
      'Fri, 01 Jan 2027 00:00:00 GMT',
      '2027-13-01T00:00:00Z',
      '2027-02-29T00:00:00Z',
      '2027-01-01T24:00:00Z',
      '2027-01-01T00:00:00',
      '2027-01-01T00:00:00+9:00',
    ]) {
      const s = parseSecurityTxt(`Contact: mailto:s@example.jp\nExpires: ${v}\n`, { now });
      assert.deepEqual(
        s.issues.map((i) => [i.code, i.line, i.detail]),
        [['expires-syntax', 2, v]],
        v,
      );
      assert.equal(s.expires, null);
    }
  });

  it('reports more than one Expires and trusts the earliest', () => {
    const s = parseSecurityTxt(
      'Contact: mailto:s@example.jp\nExpires: 2027-06-01T00:00:00Z\nExpires: 2027-01-01T00:00:00Z\n',
      { now },
    );
    assert.deepEqual(
      s.issues.map((i) => [i.code, i.line]),
      [['multiple-expires', 3]],
    );
    assert.equal(s.expires?.toISOString(), '2027-01-01T00:00:00.000Z');
  });
});

describe('parseSecurityTxt: syntax', () => {
  it('reads CRLF line ends, a BOM, odd casing and spacing around the colon', () => {
    const s = parseSecurityTxt(
      '\uFEFFcOnTaCt: mailto:s@example.jp\r\nEXPIRES :2027-01-01T00:00:00Z  \r\npreferred-languages: ja,en , fr\r\n',
      { now },
    );
    assert.deepEqual(s.issues, []);
    assert.deepEqual(s.contacts, ['mailto:s@example.jp']);
    assert.equal(s.expires?.toISOString(), '2027-01-01T00:00:00.000Z');
    assert.deepEqual(s.preferredLanguages, ['ja', 'en', 'fr']);
  });

  it('skips comments and blank lines, and reports malformed lines by number', () => {
    const s = parseSecurityTxt(
      [
        '# comment',
        '',
        '   ',
        'Contact: mailto:s@example.jp',
        'this line has no colon',
        'Bad Name: x',
        'Policy:',
        'Encryption: not a uri',
        'Preferred-Languages: ja, 日本語',
        'Expires: 2027-01-01T00:00:00Z',
      ].join('\n'),
      { now },
    );
    assert.deepEqual(
      s.issues.map((i) => [i.code, i.line]),
      [
        ['bad-line', 5],
        ['bad-line', 6],
        ['bad-line', 7],
        ['bad-line', 8],
        ['bad-line', 9],
      ],
    );
    assert.deepEqual(s.preferredLanguages, ['ja']);
    assert.equal(usable(s), true);
  });

  it('keeps unknown fields apart and reports them', () => {
    const s = parseSecurityTxt(
      'Contact: mailto:s@example.jp\nExpires: 2027-01-01T00:00:00Z\nX-Bounty: none\nx-bounty: really\n',
      { now },
    );
    assert.deepEqual(s.other, { 'x-bounty': ['none', 'really'] });
    assert.deepEqual(codes(s), ['unknown-field', 'unknown-field']);
  });

  it('treats fields named after Object.prototype members as plain unknown fields', () => {
    const s = parseSecurityTxt(
      'Contact: mailto:s@example.jp\nconstructor: a\ntoString: b\nhasOwnProperty: c\nExpires: 2027-01-01T00:00:00Z\n',
      { now },
    );
    assert.deepEqual(s.other, { constructor: ['a'], tostring: ['b'], hasownproperty: ['c'] });
    assert.deepEqual(codes(s), ['unknown-field', 'unknown-field', 'unknown-field']);
  });

  it('does not parse a file over 32 KiB', () => {
    const big = `Contact: mailto:s@example.jp\nExpires: 2027-01-01T00:00:00Z\n${'#'.repeat(SECURITY_TXT_MAX_BYTES)}\n`;
    const s = parseSecurityTxt(big, { now });
    assert.deepEqual(codes(s), ['too-large']);
    assert.deepEqual(s.contacts, []);
    assert.equal(usable(s), false);
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const text = `Contact: mailto:s@example.jp\n# ${'あ'.repeat(11_000)}\n`; // 33 000 bytes, 11 000 characters
    assert.deepEqual(codes(parseSecurityTxt(text, { now })), ['too-large']);
  });
});

describe('parseSecurityTxt: Canonical', () => {
  const text =
    'Contact: mailto:s@example.jp\nExpires: 2027-01-01T00:00:00Z\nCanonical: https://example.jp/.well-known/security.txt\n';

  it('reports a file fetched from a URL its Canonical does not list', () => {
    const s = parseSecurityTxt(text, { now, url: 'https://attacker.example/.well-known/security.txt' });
    assert.deepEqual(
      s.issues.map((i) => [i.code, i.detail]),
      [['canonical-mismatch', 'https://attacker.example/.well-known/security.txt']],
    );
    assert.equal(usable(s), true, 'a mismatch is a warning for staff, not a refusal');
  });

  it('matches the fetched URL after normalisation (host case, default port)', () => {
    const s = parseSecurityTxt(text, { now, url: 'https://EXAMPLE.jp:443/.well-known/security.txt' });
    assert.deepEqual(s.issues, []);
  });

  it('checks nothing when no URL or no Canonical is given', () => {
    assert.deepEqual(parseSecurityTxt(text, { now }).issues, []);
    assert.deepEqual(
      parseSecurityTxt('Contact: mailto:s@example.jp\nExpires: 2027-01-01T00:00:00Z\n', { now, url: URL_WK })
        .issues,
      [],
    );
  });
});

describe('parseSecurityTxt: OpenPGP cleartext signature', () => {
  const SIGNED = [
    '-----BEGIN PGP SIGNED MESSAGE-----',
    'Hash: SHA512',
    '',
    '- # dash-escaped comment',
    'Contact: mailto:s@example.jp',
    'Expires: 2027-01-01T00:00:00Z',
    '-----BEGIN PGP SIGNATURE-----',
    '',
    'iHUEARYKAB0WIQQ=',
    '=abcd',
    '-----END PGP SIGNATURE-----',
    '',
  ].join('\r\n');

  it('unwraps the signed text, undoes dash-escaping and marks it signed', () => {
    const s = parseSecurityTxt(SIGNED, { now });
    assert.equal(s.signed, true);
    assert.deepEqual(s.issues, []);
    assert.deepEqual(s.contacts, ['mailto:s@example.jp']);
  });

  it('ignores and reports unsigned lines appended after the signature', () => {
    const s = parseSecurityTxt(`${SIGNED}Contact: mailto:attacker@evil.example\n`, { now });
    assert.deepEqual(s.contacts, ['mailto:s@example.jp']);
    assert.deepEqual(codes(s), ['bad-signature']);
  });

  it('ignores and reports unsigned lines before the signed message', () => {
    const s = parseSecurityTxt(`Contact: mailto:attacker@evil.example\n${SIGNED}`, { now });
    assert.deepEqual(s.contacts, ['mailto:s@example.jp']);
    assert.deepEqual(codes(s), ['bad-signature']);
  });

  it('reports a signed message with no signature block', () => {
    const text =
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:s@example.jp\nExpires: 2027-01-01T00:00:00Z\n';
    const s = parseSecurityTxt(text, { now });
    assert.equal(s.signed, true);
    assert.deepEqual(codes(s), ['bad-signature']);
    assert.deepEqual(s.contacts, ['mailto:s@example.jp']);
  });

  it('reports a signature block with no signed message', () => {
    const s = parseSecurityTxt(
      'Contact: mailto:s@example.jp\nExpires: 2027-01-01T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\n',
      { now },
    );
    assert.equal(s.signed, false);
    assert.deepEqual(codes(s), ['bad-signature', 'bad-line']);
  });
});

describe('verifySecurityTxtSignature', async () => {
  const body =
    '# signed\nContact: mailto:psirt@example.jp\n-----dashes in a comment line would be escaped\nExpires: 2027-01-01T00:00:00Z\n';
  const owner = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ email: 'psirt@example.jp' }],
  });
  const other = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ email: 'x@example.jp' }],
  });
  const signed = await openpgp.sign({
    message: await openpgp.createCleartextMessage({ text: body }),
    signingKeys: await openpgp.readPrivateKey({ armoredKey: owner.privateKey }),
  });

  it('parses a file signed by openpgp.js, dash-escaped lines included', () => {
    assert.match(signed, /^- -----dashes/m, 'openpgp.js dash-escapes the line');
    const s = parseSecurityTxt(signed, { now });
    assert.equal(s.signed, true);
    assert.deepEqual(s.contacts, ['mailto:psirt@example.jp']);
    assert.deepEqual(
      s.issues.map((i) => i.code),
      ['bad-line'],
      'the unescaped "-----dashes" line is not a field',
    );
  });

  it('accepts the signature with the signer key, also with CRLF line ends', async () => {
    const ok = await verifySecurityTxtSignature(signed, owner.publicKey);
    assert.equal(ok.valid, true);
    const crlf = await verifySecurityTxtSignature(signed.replace(/\r?\n/g, '\r\n'), owner.publicKey);
    assert.equal(crlf.valid, true);
  });

  it('refuses another key, a tampered text, an unsigned file and a broken key', async () => {
    assert.equal((await verifySecurityTxtSignature(signed, other.publicKey)).valid, false);
    const tampered = signed.replace('psirt@example.jp', 'evil@example.jp');
    assert.equal((await verifySecurityTxtSignature(tampered, owner.publicKey)).valid, false);
    assert.deepEqual(await verifySecurityTxtSignature(body, owner.publicKey), {
      valid: false,
      detail: 'not signed',
    });
    const broken = await verifySecurityTxtSignature(signed, 'not a key');
    assert.equal(broken.valid, false);
  });
});
