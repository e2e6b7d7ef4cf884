// Identifier patterns for tracking numbers (受付番号) and advisory IDs, configurable per deployment. A pattern
// is literal text with placeholders:
//   {seq:N}  the sequence number, zero-padded to exactly N digits (1 ≤ N ≤ 12); exactly one per pattern
//   {yyyy}   the year of the date in JST, at most once; a pattern with it numbers each year from 1 again
// e.g. 'IPA#{seq:8}' → IPA#00000042, 'JVNDB-{yyyy}-{seq:6}' → JVNDB-2026-000123.
//
// Allocation is the caller's: the number comes from one counter row per (pattern, year) — see counterKey —
// taken in the transaction that creates the record, e.g.
//   INSERT INTO id_counters (pattern, year, last) VALUES ($1, $2, 1)
//   ON CONFLICT (pattern, year) DO UPDATE SET last = id_counters.last + 1 RETURNING last
// The row lock serialises concurrent allocations across app nodes, and a rolled-back transaction gives its
// number back, so IDs are unique and gapless; a unique index on the ID column is the backstop.
import { jstDate } from './business-days.js';

export const DEFAULT_ID_PATTERNS = {
  /** 受付番号, given to a report on receipt. */
  trackingNumber: 'IPA#{seq:8}',
  /** A JVN advisory for a domestic report. */
  jvn: 'JVN#{seq:8}',
  /** A JVN advisory for coordinated, multi-vendor or overseas cases. */
  jvnvu: 'JVNVU#{seq:8}',
  /** A JVN iPedia (database) entry; numbered per year. */
  jvndb: 'JVNDB-{yyyy}-{seq:6}',
} as const;

export const MAX_SEQ_DIGITS = 12; // 10^12 − 1 is far inside Number.MAX_SAFE_INTEGER

export class IdFormatError extends Error {
  override name = 'IdFormatError';
}

type Part = { kind: 'literal'; text: string } | { kind: 'seq'; digits: number } | { kind: 'year' };
type Compiled = { parts: Part[]; seqDigits: number; hasYear: boolean; exact: RegExp };

const compiled = new Map<string, Compiled>();

function compile(pattern: string): Compiled {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const fail = (why: string) => new IdFormatError(`ID pattern ${JSON.stringify(pattern)}: ${why}`);

  const parts: Part[] = [];
  let last = 0;
  for (const m of pattern.matchAll(/\{([^{}]*)\}|[{}]/g)) {
    if (m.index > last) parts.push({ kind: 'literal', text: pattern.slice(last, m.index) });
    last = m.index + m[0].length;
    const body = m[1];
    if (body === undefined) {
      throw fail(`unmatched "${m[0]}" at position ${m.index}; braces may only enclose {seq:N} or {yyyy}`);
    }
    if (body === 'yyyy') {
      parts.push({ kind: 'year' });
    } else if (body === 'seq' || body.startsWith('seq:')) {
      const digits = /^seq:([1-9]\d?)$/.exec(body)?.[1];
      if (digits === undefined || Number(digits) > MAX_SEQ_DIGITS) {
        throw fail(`{${body}} must be {seq:N} with N from 1 to ${MAX_SEQ_DIGITS}, e.g. {seq:8}`);
      }
      parts.push({ kind: 'seq', digits: Number(digits) });
    } else {
      throw fail(
        `unknown placeholder {${body}}; only {seq:N} and {yyyy} exist, everything else is literal text`,
      );
    }
  }
  if (last < pattern.length) parts.push({ kind: 'literal', text: pattern.slice(last) });

  const seqs = parts.filter((p): p is Extract<Part, { kind: 'seq' }> => p.kind === 'seq');
  if (seqs.length !== 1) throw fail(`must contain exactly one {seq:N}, found ${seqs.length}`);
  const years = parts.filter((p) => p.kind === 'year').length;
  if (years > 1) throw fail(`may contain {yyyy} at most once, found ${years}`);
  for (const p of parts) {
    // IDs travel in URLs, filenames, mail subjects and copy-paste; invisible characters there are a trap.
    if (p.kind === 'literal' && /[\s\p{Cc}\p{Cf}]/u.test(p.text)) {
      throw fail(`literal text ${JSON.stringify(p.text)} contains whitespace or control characters`);
    }
  }

  const source = parts
    .map((p) => {
      if (p.kind === 'literal') return p.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      if (p.kind === 'year') return '(?<year>[0-9]{4})';
      return `(?<seq>[0-9]{${p.digits}})`;
    })
    .join('');
  const result: Compiled = {
    parts,
    seqDigits: seqs[0]!.digits,
    hasYear: years === 1,
    exact: new RegExp(`^${source}$`, 'u'),
  };
  compiled.set(pattern, result);
  return result;
}

/** Throws an IdFormatError saying what is wrong with `pattern`; use it when reading configuration. */
export function validatePattern(pattern: string): void {
  compile(pattern);
}

/**
 * The ID for sequence number `seq`; `date` (the publication or receipt instant) is needed when the pattern has
 * {yyyy}, whose year is taken in JST: 2026-12-31T15:00Z is already 2027.
 */
export function formatId(pattern: string, input: { seq: number; date?: Date }): string {
  const p = compile(pattern);
  const { seq } = input;
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new IdFormatError(`ID sequence must be a whole number ≥ 0, got ${seq}`);
  }
  const max = 10 ** p.seqDigits - 1;
  if (seq > max) {
    throw new IdFormatError(
      `ID sequence ${seq} does not fit {seq:${p.seqDigits}} in ${JSON.stringify(pattern)} (at most ${max}); ` +
        'widen the pattern',
    );
  }
  const year = p.hasYear ? jstYear(input.date, pattern) : '';
  return p.parts
    .map((part) => {
      if (part.kind === 'literal') return part.text;
      if (part.kind === 'year') return year;
      return String(seq).padStart(part.digits, '0');
    })
    .join('');
}

/** The sequence number and year in `id` if it matches `pattern` exactly (case and width included), else null. */
export function parseId(pattern: string, id: string): { seq: number; year: number | null } | null {
  const p = compile(pattern);
  const groups = p.exact.exec(id)?.groups;
  if (!groups) return null;
  return { seq: Number(groups.seq), year: p.hasYear ? Number(groups.year) : null };
}

/**
 * The counter row a new ID of `pattern` draws from: per JST year when the pattern has {yyyy}, else one for
 * all time, with year 0 rather than null so that a unique (pattern, year) index applies (NULLs never conflict).
 */
export function counterKey(pattern: string, date?: Date): { pattern: string; year: number } {
  const p = compile(pattern);
  return { pattern, year: p.hasYear ? Number(jstYear(date, pattern)) : 0 };
}

function jstYear(date: Date | undefined, pattern: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new IdFormatError(`ID pattern ${JSON.stringify(pattern)} has {yyyy}, so a valid date is required`);
  }
  const year = jstDate(date).slice(0, 4);
  if (year < '1000') throw new IdFormatError(`ID year ${year} is not a four-digit year`);
  return year;
}
