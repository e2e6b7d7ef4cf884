// CVSS vectors (共通脆弱性評価システム): a strict syntax check of our own first, then the scores from
// ae-cvss-calculator (which is lenient: it fills in missing metrics and ignores some mistakes, so it never sees a
// vector we have not checked). Versions 3.1 and 4.0 only (FIRST's current specifications; JVN publishes both).
//
// Strict means: the prefix `CVSS:3.1/` or `CVSS:4.0/` exactly; `NAME:VALUE` parts separated by single slashes, no
// whitespace, no trailing slash, upper-case names; every mandatory base metric exactly once; the optional metrics
// of the version at most once each; only the values the specification lists (4.0's Provider Urgency keeps its
// mixed-case values Clear/Green/Amber/Red). Metrics may come in any order; the vector returned lists them in the
// specification's order.
import cvssCalculator from 'ae-cvss-calculator';

const { Cvss3P1, Cvss4P0 } = cvssCalculator;

export type CvssVersion = '3.1' | '4.0';
export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';
export type CvssError =
  | 'empty'
  | 'prefix'
  | 'version-mismatch'
  | 'syntax'
  | 'unknown-metric'
  | 'duplicate-metric'
  | 'bad-value'
  | 'missing-metric';
export type CvssResult =
  | {
      ok: true;
      version: CvssVersion;
      /** the vector with its metrics in the specification's order */
      vector: string;
      /** the base score: CVSS 3.1 Base Score; CVSS 4.0 CVSS-B (base metrics only) */
      baseScore: number;
      /** the severity of baseScore */
      severity: CvssSeverity;
      /** the score of every metric given: 3.1 environmental, else temporal, else base; 4.0 CVSS-BTE */
      overallScore: number;
    }
  | { ok: false; error: CvssError; metric?: string };

type MetricSpec = { values: readonly string[]; mandatory: boolean };

const base = (...values: string[]): MetricSpec => ({ values, mandatory: true });
const optional = (...values: string[]): MetricSpec => ({ values, mandatory: false });

/** CVSS v3.1 specification, Table 15 (metric order) and section 7.4 (values). */
const V3_1: Record<string, MetricSpec> = {
  AV: base('N', 'A', 'L', 'P'),
  AC: base('L', 'H'),
  PR: base('N', 'L', 'H'),
  UI: base('N', 'R'),
  S: base('U', 'C'),
  C: base('H', 'L', 'N'),
  I: base('H', 'L', 'N'),
  A: base('H', 'L', 'N'),
  E: optional('X', 'H', 'F', 'P', 'U'),
  RL: optional('X', 'U', 'W', 'T', 'O'),
  RC: optional('X', 'C', 'R', 'U'),
  CR: optional('X', 'H', 'M', 'L'),
  IR: optional('X', 'H', 'M', 'L'),
  AR: optional('X', 'H', 'M', 'L'),
  MAV: optional('X', 'N', 'A', 'L', 'P'),
  MAC: optional('X', 'L', 'H'),
  MPR: optional('X', 'N', 'L', 'H'),
  MUI: optional('X', 'N', 'R'),
  MS: optional('X', 'U', 'C'),
  MC: optional('X', 'H', 'L', 'N'),
  MI: optional('X', 'H', 'L', 'N'),
  MA: optional('X', 'H', 'L', 'N'),
};

/** CVSS v4.0 specification, section 7 (metric order and values). */
const V4_0: Record<string, MetricSpec> = {
  AV: base('N', 'A', 'L', 'P'),
  AC: base('L', 'H'),
  AT: base('N', 'P'),
  PR: base('N', 'L', 'H'),
  UI: base('N', 'P', 'A'),
  VC: base('H', 'L', 'N'),
  VI: base('H', 'L', 'N'),
  VA: base('H', 'L', 'N'),
  SC: base('H', 'L', 'N'),
  SI: base('H', 'L', 'N'),
  SA: base('H', 'L', 'N'),
  E: optional('X', 'A', 'P', 'U'),
  CR: optional('X', 'H', 'M', 'L'),
  IR: optional('X', 'H', 'M', 'L'),
  AR: optional('X', 'H', 'M', 'L'),
  MAV: optional('X', 'N', 'A', 'L', 'P'),
  MAC: optional('X', 'L', 'H'),
  MAT: optional('X', 'N', 'P'),
  MPR: optional('X', 'N', 'L', 'H'),
  MUI: optional('X', 'N', 'P', 'A'),
  MVC: optional('X', 'H', 'L', 'N'),
  MVI: optional('X', 'H', 'L', 'N'),
  MVA: optional('X', 'H', 'L', 'N'),
  MSC: optional('X', 'H', 'L', 'N'),
  MSI: optional('X', 'S', 'H', 'L', 'N'),
  MSA: optional('X', 'S', 'H', 'L', 'N'),
  S: optional('X', 'N', 'P'),
  AU: optional('X', 'N', 'Y'),
  R: optional('X', 'A', 'U', 'I'),
  V: optional('X', 'D', 'C'),
  RE: optional('X', 'L', 'M', 'H'),
  U: optional('X', 'Clear', 'Green', 'Amber', 'Red'),
};

const SPECS: Record<CvssVersion, Record<string, MetricSpec>> = { '3.1': V3_1, '4.0': V4_0 };

/** The qualitative severity rating scale (the same in 3.1 and 4.0). */
export function cvssSeverity(score: number): CvssSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

const fail = (error: CvssError, metric?: string): CvssResult =>
  metric === undefined ? { ok: false, error } : { ok: false, error, metric };

// Results by (expected version, vector): real vectors repeat a great deal (a bulk import of 250,000 advisories
// scores a few hundred distinct ones), and scoring is the costly part. Pure, so kept; frozen, so shared safely.
const MEMO_MAX = 4_096;
const memo = new Map<string, CvssResult>();

/** Checks a vector strictly and scores it. `expected` refuses a valid vector of the other version. */
export function parseCvss(vector: string, expected?: CvssVersion): CvssResult {
  const key = `${expected ?? ''} ${vector}`;
  let result = memo.get(key);
  if (result === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    result = Object.freeze(checkAndScore(vector, expected));
    memo.set(key, result);
  }
  return result;
}

function checkAndScore(vector: string, expected?: CvssVersion): CvssResult {
  if (vector.trim() === '') return fail('empty');
  const prefix = /^CVSS:(3\.1|4\.0)\//.exec(vector);
  if (!prefix) return fail('prefix');
  const version = prefix[1] as CvssVersion;
  if (expected && version !== expected) return fail('version-mismatch');

  const spec = SPECS[version];
  const given = new Map<string, string>();
  for (const part of vector.slice(prefix[0].length).split('/')) {
    const m = /^([A-Z]+):([A-Za-z]+)$/.exec(part);
    if (!m) return fail('syntax');
    const [, name, value] = m as unknown as [string, string, string];
    const metric = spec[name];
    if (!metric) return fail('unknown-metric', name);
    if (given.has(name)) return fail('duplicate-metric', name);
    if (!metric.values.includes(value)) return fail('bad-value', name);
    given.set(name, value);
  }
  for (const [name, metric] of Object.entries(spec)) {
    if (metric.mandatory && !given.has(name)) return fail('missing-metric', name);
  }

  const ordered = Object.keys(spec)
    .filter((name) => given.has(name))
    .map((name) => `${name}:${given.get(name)}`);
  const canonical = `CVSS:${version}/${ordered.join('/')}`;
  const { baseScore, overallScore } = scores(version, canonical);
  return { ok: true, version, vector: canonical, baseScore, severity: cvssSeverity(baseScore), overallScore };
}

function scores(version: CvssVersion, vector: string): { baseScore: number; overallScore: number } {
  if (version === '3.1') {
    const s = new Cvss3P1(vector).calculateScores();
    return { baseScore: s.base ?? 0, overallScore: s.overall ?? s.base ?? 0 };
  }
  const s = new Cvss4P0(vector).calculateScores();
  return { baseScore: s.baseMetricsOnly ?? s.base ?? 0, overallScore: s.overall ?? s.base ?? 0 };
}
