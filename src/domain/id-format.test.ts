import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  counterKey,
  DEFAULT_ID_PATTERNS,
  formatId,
  IdFormatError,
  MAX_SEQ_DIGITS,
  parseId,
  validatePattern,
} from './id-format.js';

const { trackingNumber, jvn, jvnvu, jvndb } = DEFAULT_ID_PATTERNS;
const at = (iso: string) => new Date(iso);

// mulberry32: a tiny seeded PRNG, so the property checks are random yet repeatable.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('formatting IDs', () => {
  it('gives tracking numbers as IPA# and eight zero-padded digits by default', () => {
    assert.equal(trackingNumber, 'IPA#{seq:8}');
    assert.equal(formatId(trackingNumber, { seq: 42 }), 'IPA#00000042');
    assert.equal(formatId(trackingNumber, { seq: 1 }), 'IPA#00000001');
    assert.equal(formatId(trackingNumber, { seq: 99_999_999 }), 'IPA#99999999');
  });

  it('gives JVN# and JVNVU# advisory IDs', () => {
    assert.equal(formatId(jvn, { seq: 12_345_678 }), 'JVN#12345678');
    assert.equal(formatId(jvnvu, { seq: 91_234 }), 'JVNVU#00091234');
  });

  it('gives JVNDB IDs with the publication year in JST', () => {
    assert.equal(formatId(jvndb, { seq: 123, date: at('2026-06-01T03:00:00Z') }), 'JVNDB-2026-000123');
  });

  it('takes the year in JST at the year boundary: 2026-12-31T15:00Z is already 2027', () => {
    assert.equal(formatId(jvndb, { seq: 1, date: at('2026-12-31T14:59:59.999Z') }), 'JVNDB-2026-000001');
    assert.equal(formatId(jvndb, { seq: 1, date: at('2026-12-31T15:00:00Z') }), 'JVNDB-2027-000001');
  });

  it('ignores the date for patterns without {yyyy}', () => {
    assert.equal(formatId(jvn, { seq: 7, date: at('2030-01-01T00:00:00Z') }), 'JVN#00000007');
  });

  it('supports any literal prefix, suffix and placement, including non-ASCII text', () => {
    assert.equal(formatId('KK-{seq:4}', { seq: 5 }), 'KK-0005');
    assert.equal(formatId('{seq:3}', { seq: 5 }), '005');
    assert.equal(formatId('{yyyy}{seq:5}', { seq: 5, date: at('2026-04-01T00:00:00Z') }), '202600005');
    assert.equal(
      formatId('受付{yyyy}年第{seq:4}号', { seq: 12, date: at('2026-04-01T00:00:00Z') }),
      '受付2026年第0012号',
    );
    assert.equal(formatId('A.B+(x)[y]|$^{seq:2}', { seq: 3 }), 'A.B+(x)[y]|$^03');
  });

  it('refuses a sequence that overflows its digits, saying how to fix it', () => {
    assert.throws(
      () => formatId(trackingNumber, { seq: 100_000_000 }),
      (e: unknown) =>
        e instanceof IdFormatError &&
        /100000000 does not fit \{seq:8\} in "IPA#\{seq:8\}" \(at most 99999999\); widen the pattern/.test(
          e.message,
        ),
    );
    assert.throws(() => formatId('{seq:1}', { seq: 10 }), /at most 9/);
    assert.equal(formatId('{seq:12}', { seq: 999_999_999_999 }), '999999999999');
    assert.throws(() => formatId('{seq:12}', { seq: 1_000_000_000_000 }), /does not fit/);
  });

  it('refuses negative, fractional and unsafe sequence numbers', () => {
    for (const seq of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      assert.throws(() => formatId(jvn, { seq }), /whole number ≥ 0/, String(seq));
    }
    assert.equal(formatId(jvn, { seq: 0 }), 'JVN#00000000');
  });

  it('needs a valid date when the pattern has {yyyy}', () => {
    assert.throws(() => formatId(jvndb, { seq: 1 }), /has \{yyyy\}, so a valid date is required/);
    assert.throws(() => formatId(jvndb, { seq: 1, date: new Date('nonsense') }), /valid date is required/);
  });
});

describe('parsing IDs', () => {
  it('reads the sequence back, with no year for patterns without {yyyy}', () => {
    assert.deepEqual(parseId(trackingNumber, 'IPA#00000042'), { seq: 42, year: null });
    assert.deepEqual(parseId(jvn, 'JVN#12345678'), { seq: 12_345_678, year: null });
    assert.deepEqual(parseId(jvnvu, 'JVNVU#00000000'), { seq: 0, year: null });
  });

  it('reads the year and sequence of a JVNDB ID', () => {
    assert.deepEqual(parseId(jvndb, 'JVNDB-2027-000001'), { seq: 1, year: 2027 });
  });

  it('matches exactly: wrong width, case, prefix, surrounding text or full-width digits give null', () => {
    for (const id of [
      'IPA#0000042',
      'IPA#000000042',
      'ipa#00000042',
      ' IPA#00000042',
      'IPA#00000042\n',
      'XIPA#00000042',
      'IPA#0000004２',
      'IPA00000042',
      'JVN#00000042',
      '',
    ]) {
      assert.equal(parseId(trackingNumber, id), null, JSON.stringify(id));
    }
    assert.equal(parseId(jvn, 'JVNVU#12345678'), null);
    assert.equal(parseId(jvnvu, 'JVN#12345678'), null);
    assert.equal(parseId(jvndb, 'JVNDB-26-000001'), null);
    assert.equal(parseId(jvndb, 'JVNDB-2026-0000001'), null);
  });

  it('treats regular-expression characters in literals as plain text', () => {
    assert.deepEqual(parseId('A.B+{seq:3}', 'A.B+001'), { seq: 1, year: null });
    assert.equal(parseId('A.B+{seq:3}', 'AxBB001'), null);
    assert.deepEqual(parseId('(x)|$^{seq:2}', '(x)|$^07'), { seq: 7, year: null });
  });

  it('round-trips 2000 seeded random IDs through format and parse (property)', () => {
    const random = prng(8);
    const patterns = [trackingNumber, jvn, jvnvu, jvndb, '{yyyy}{seq:5}', '{seq:1}-{yyyy}', 'X{seq:12}Y'];
    for (let i = 0; i < 2000; i++) {
      const pattern = patterns[i % patterns.length]!;
      const digits = Number(/\{seq:(\d+)\}/.exec(pattern)![1]);
      const seq = Math.floor(random() * 10 ** digits);
      const date = new Date(Date.UTC(1990, 0, 1) + Math.floor(random() * 60 * 365.25 * 86_400_000));
      const id = formatId(pattern, { seq, date });
      const jstYear = new Date(date.getTime() + 9 * 3_600_000).getUTCFullYear();
      const expected = { seq, year: pattern.includes('{yyyy}') ? jstYear : null };
      assert.deepEqual(parseId(pattern, id), expected, `${pattern} ${id}`);
    }
  });
});

describe('validating patterns', () => {
  it('accepts the defaults and other well-formed patterns', () => {
    for (const p of [
      ...Object.values(DEFAULT_ID_PATTERNS),
      '{seq:1}',
      `{seq:${MAX_SEQ_DIGITS}}`,
      'R-{seq:4}/{yyyy}',
    ]) {
      assert.doesNotThrow(() => validatePattern(p), p);
    }
  });

  const refusals: readonly (readonly [pattern: string, message: RegExp])[] = [
    ['', /exactly one \{seq:N\}, found 0/],
    ['IPA#', /exactly one \{seq:N\}, found 0/],
    ['{yyyy}', /exactly one \{seq:N\}, found 0/],
    ['{seq:4}-{seq:4}', /exactly one \{seq:N\}, found 2/],
    ['{seq}', /\{seq\} must be \{seq:N\} with N from 1 to 12, e\.g\. \{seq:8\}/],
    ['{seq:0}', /N from 1 to 12/],
    ['{seq:13}', /N from 1 to 12/],
    ['{seq:08}', /N from 1 to 12/],
    ['{seq:-1}', /N from 1 to 12/],
    ['{seq: 8}', /N from 1 to 12/],
    ['{prefix}{seq:8}', /unknown placeholder \{prefix\}; only \{seq:N\} and \{yyyy\} exist/],
    ['{YYYY}-{seq:6}', /unknown placeholder \{YYYY\}/],
    ['{}{seq:6}', /unknown placeholder \{\}/],
    ['{yyyy}-{yyyy}-{seq:6}', /\{yyyy\} at most once, found 2/],
    ['IPA#{seq:8', /unmatched "\{" at position 4/],
    ['IPA#}{seq:8}', /unmatched "\}" at position 4/],
    ['{{seq:8}}', /unmatched "\{" at position 0/],
    ['IPA #{seq:8}', /literal text "IPA #" contains whitespace or control characters/],
    ['IPA#{seq:8}\n', /whitespace or control characters/],
    ['IPA\u200b#{seq:8}', /whitespace or control characters/],
  ];
  for (const [pattern, message] of refusals) {
    it(`refuses ${JSON.stringify(pattern)} with a message saying why`, () => {
      assert.throws(
        () => validatePattern(pattern),
        (e: unknown) =>
          e instanceof IdFormatError && e.message.startsWith('ID pattern ') && message.test(e.message),
      );
      assert.throws(() => formatId(pattern, { seq: 1, date: at('2026-01-01T00:00:00Z') }), IdFormatError);
      assert.throws(() => parseId(pattern, 'anything'), IdFormatError);
    });
  }
});

describe('the counter an ID is drawn from', () => {
  it('is one per JST year for patterns with {yyyy}', () => {
    assert.deepEqual(counterKey(jvndb, at('2026-12-31T14:59:59Z')), { pattern: jvndb, year: 2026 });
    assert.deepEqual(counterKey(jvndb, at('2026-12-31T15:00:00Z')), { pattern: jvndb, year: 2027 });
    assert.throws(() => counterKey(jvndb), /valid date is required/);
  });

  it('is a single all-time counter, year 0, for patterns without {yyyy}', () => {
    assert.deepEqual(counterKey(trackingNumber, at('2026-12-31T15:00:00Z')), {
      pattern: trackingNumber,
      year: 0,
    });
    assert.deepEqual(counterKey(jvn), { pattern: jvn, year: 0 });
  });
});
