// Full-text search tokens for Japanese and English in PostgreSQL without extensions (research §2.5): the app
// turns text into CJK bigrams plus Latin words, stored in a tsvector('simple') column with a GIN index.
// pg_trgm needs 3 characters and Japanese is full of 2-character words (認証, 暗号, 権限), hence bigrams.
//
// Text is NFKC-normalised (full-width ＳＱＬ → SQL, half-width ｸﾛｽ → クロス, ① → 1) and lower-cased, then split
// into runs:
// - a CJK run (Han, Hiragana, Katakana with ー, Hangul) gives one token per character: the bigram starting at
//   it, and for the run's last character the character alone. '脆弱性' → 脆弱 弱性 性; '鍵' → 鍵. Positions thus
//   line up with characters, which makes phrase queries exact substring matches, and a single character
//   can be found anywhere as a prefix: '性':* hits 性 at a run's end, '脆':* hits 脆弱.
// - a Latin/digit run (any other letters, marks and digits) is one word. Everything else separates.
//   Identifiers split at their punctuation: 'CVE-2026-12345' → cve 2026 12345, 'v1.2.3' → v1 2 3. Joined
//   forms are deliberately not indexed: the query 'cve-2026-12345' becomes the phrase
//   'cve' <-> '2026' <-> '12345', which is already exact, and a fragment like '2026-12345' still matches.
//   Words are matched whole (like most search engines): 'strut' does not find 'struts'.
//
// A query is split at whitespace into terms that are ANDed; each term is a phrase of its tokens, so
// 'SQLインジェクション' must appear as such, while 'Apache Struts' needs both words anywhere.
//
// Use with literals, not with to_tsvector/to_tsquery's parser, so no dictionary re-splits a token:
//   UPDATE … SET search = $1::tsvector            -- toTsVector(text)
//   WHERE search @@ $1::tsquery                     -- toTsQuery(q), skipped when null
// (to_tsquery('simple', $1) also accepts toTsQuery's output safely, but re-parses each operand with the
// database's parser, which may not classify every character as ours does.)

// ー and 〆 belong to the Common script, so they are named. Kana and Hangul are letters (\p{L}) too, hence the
// set difference: a word run must not swallow 'インジェクション' in 'SQLインジェクション'.
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆]$/v;
const WORD_CHAR =
  /^[[\p{L}\p{M}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆]]$/v;

// Each character's class, asked of the patterns above once per character and kept: the writer tokenizes every
// advisory it writes (a bulk import of 250,000 spent ~15 % of its CPU here when each run was a regex match
// split into an array of characters)
const SEPARATOR = 1;
const CJK = 2;
const WORD = 3;
const bmpClasses = new Uint8Array(0x10000); // 0: not asked yet
const astralClasses = new Map<number, number>();
const classify = (ch: string) => (CJK_CHAR.test(ch) ? CJK : WORD_CHAR.test(ch) ? WORD : SEPARATOR);

/** The class of the character at `i` of `t` (a lone surrogate separates). */
function classAt(t: string, i: number): number {
  const u = t.charCodeAt(i);
  if (u < 0xd800 || u > 0xdfff) {
    let c = bmpClasses[u]!;
    if (c === 0) {
      c = classify(t[i]!);
      bmpClasses[u] = c;
    }
    return c;
  }
  const cp = t.codePointAt(i)!;
  if (cp <= 0xffff) return SEPARATOR;
  let c = astralClasses.get(cp);
  if (c === undefined) {
    c = classify(String.fromCodePoint(cp));
    astralClasses.set(cp, c);
  }
  return c;
}

/** The length in code units of the character at `i` (2 for a surrogate pair). */
function widthAt(t: string, i: number): number {
  const u = t.charCodeAt(i);
  return u >= 0xd800 && u <= 0xdbff && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/**
 * The runs of normalised text `t`: `fn(start, end, cjk)` for each CJK run and each word run, as code-unit offsets
 * (end exclusive). A run is a longest stretch of characters of the same class; anything else separates.
 */
function eachRun(t: string, fn: (start: number, end: number, cjk: boolean) => void): void {
  let i = 0;
  while (i < t.length) {
    const c = classAt(t, i);
    if (c === SEPARATOR) {
      i += widthAt(t, i);
      continue;
    }
    let end = i + widthAt(t, i);
    while (end < t.length && classAt(t, end) === c) end += widthAt(t, end);
    fn(i, end, c === CJK);
    i = end;
  }
}

/**
 * The document tokens of `text`, in order, to `fn`: a word run as one word (its first MAX_WORD_LENGTH
 * characters), a CJK run as the bigram starting at each character and the last character alone.
 */
function eachToken(text: string, fn: (token: string) => void): void {
  const t = normalise(text);
  eachRun(t, (start, end, cjk) => {
    if (!cjk) {
      let cut = start;
      for (let n = 0; n < MAX_WORD_LENGTH && cut < end; n++) cut += widthAt(t, cut);
      fn(t.slice(start, cut));
      return;
    }
    let a = start;
    let b = a + widthAt(t, a);
    while (b < end) {
      const c = b + widthAt(t, b);
      fn(t.slice(a, c));
      a = b;
      b = c;
    }
    fn(t.slice(a, b));
  });
}

/** Longer words are cut: PostgreSQL refuses lexemes over 2,047 bytes, and 100 characters are ≤ 400. */
export const MAX_WORD_LENGTH = 100;
/** tsvector positions stop at 16,383; tokens beyond it are still indexed there, without exact phrases. */
const MAX_POSITION = 16_383;

type Run = { cjk: boolean; chars: string[] };

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runs(text: string): Run[] {
  const out: Run[] = [];
  const t = normalise(text);
  eachRun(t, (start, end, cjk) => {
    const chars = Array.from(t.slice(start, end)); // by code point, so characters outside the BMP stay whole
    out.push({ cjk, chars: cjk ? chars : chars.slice(0, MAX_WORD_LENGTH) });
  });
  return out;
}

/** The document's tokens in order; the i-th token is at tsvector position i + 1. */
export function documentTokens(text: string): string[] {
  const out: string[] = [];
  eachToken(text, (token) => out.push(token));
  return out;
}

/** One query operand: a token, whether it matches as a prefix, and its distance from the previous one. */
type Operand = { token: string; prefix: boolean; distance: number };

// A term's operands: each CJK run's bigrams (a lone character as a prefix), and words. The distance
// between runs counts the run-final single-character token the document has and the query does not list.
function termOperands(term: string): Operand[] {
  const out: Operand[] = [];
  let gap = 1;
  for (const run of runs(term)) {
    if (!run.cjk) {
      out.push({ token: run.chars.join(''), prefix: false, distance: gap });
      gap = 1;
    } else if (run.chars.length === 1) {
      out.push({ token: run.chars[0]!, prefix: true, distance: gap });
      gap = 1;
    } else {
      for (let i = 0; i + 1 < run.chars.length; i++) {
        out.push({ token: run.chars[i]! + run.chars[i + 1]!, prefix: false, distance: i === 0 ? gap : 1 });
      }
      gap = 2;
    }
  }
  return out;
}

function terms(text: string): Operand[][] {
  return normalise(text)
    .split(/\s+/u)
    .map(termOperands)
    .filter((t) => t.length > 0);
}

/**
 * The distinct tokens a document must contain to match the query (order kept). A single CJK character is
 * matched as a prefix: a document has it as the start of a bigram, or alone at the end of a run.
 */
export function queryTokens(text: string): string[] {
  return [...new Set(terms(text).flatMap((t) => t.map((o) => o.token)))];
}

// tsquery and tsvector literal syntax: quote the lexeme, double ' and \. Tokens never contain either (they
// are separators), but escaping keeps the literal safe whatever the tokenizer becomes.
function quote(token: string): string {
  if (!token.includes("'") && !token.includes('\\')) return `'${token}'`;
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * A tsquery for `text` (every term ANDed, each a phrase), or null when it has no searchable characters.
 * Only quoted lexemes and operators written here appear in it, so input like `a & b | !c` or `:*` is
 * searched for as text and can never act as tsquery syntax.
 */
export function toTsQuery(text: string): string | null {
  const phrases = new Set<string>();
  for (const term of terms(text)) {
    const parts = term.map((o, i) => {
      const operand = o.prefix ? `${quote(o.token)}:*` : quote(o.token);
      if (i === 0) return operand;
      return `${o.distance === 1 ? '<->' : `<${o.distance}>`} ${operand}`;
    });
    phrases.add(parts.length === 1 ? parts[0]! : `(${parts.join(' ')})`);
  }
  return phrases.size === 0 ? null : [...phrases].join(' & ');
}

/** The tsvector literal for `text`: each distinct token with its positions, e.g. `'脆弱':1 '弱性':2 '性':3`. */
export function toTsVector(text: string): string {
  return toTsVectorFrom(text, 1).literal;
}

/**
 * toTsVector with the first token at position `from`, and the number of tokens: two literals written one after
 * the other (`a b`) are one tsvector, PostgreSQL merges a token's positions, so a text can be tokenized ahead
 * and another appended later at the positions after it (the writer appends an advisory's id this way).
 */
export function toTsVectorFrom(text: string, from: number): { literal: string; tokens: number } {
  // the tokens of documentTokens, without building their list: this runs once per advisory written (a bulk
  // import spends a good share of its CPU here). A token seen once keeps its position as a number.
  const positions = new Map<string, number | number[]>();
  let at = from - 1;
  eachToken(text, (token) => {
    at++;
    const p = Math.min(at, MAX_POSITION);
    const seen = positions.get(token);
    if (seen === undefined) positions.set(token, p);
    else if (typeof seen === 'number') {
      if (seen !== p) positions.set(token, [seen, p]); // positions only repeat once clamped at the last
    } else if (seen[seen.length - 1] !== p) seen.push(p);
  });
  const parts: string[] = [];
  for (const [token, p] of positions) {
    parts.push(`${quote(token)}:${typeof p === 'number' ? p : p.join(',')}`);
  }
  return { literal: parts.join(' '), tokens: at - (from - 1) };
}
