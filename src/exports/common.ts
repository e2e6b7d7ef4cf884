// Small helpers the exports share (pure): picking a language, JST timestamps, advisory URLs, reference URLs.
import {
  type AdvisoryDocument,
  advisorySlug,
  type Bilingual,
  type Severity,
} from '../domain/advisory-document.js';

export type FeedLang = 'ja' | 'en';

/** The text in `lang`; an English reader gets the Japanese text when there is no English yet. */
export function pick(b: Bilingual, lang: FeedLang): string {
  return lang === 'en' && b.en.trim() ? b.en : b.ja;
}

/** An instant as ISO 8601 in Japan time with its offset, as JVNRSS writes dates: 2026-11-10T15:00:00+09:00. */
export function jst(instant: string | Date): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return `${new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

/** The public page of an advisory: <publicUrl>/advisories/<slug>. */
export function advisoryUrl(publicUrl: string, doc: Pick<AdvisoryDocument, 'id'>): string {
  return `${publicUrl.replace(/\/$/, '')}/advisories/${advisorySlug(doc.id)}`;
}

export const cveUrl = (cveId: string) => `https://www.cve.org/CVERecord?id=${encodeURIComponent(cveId)}`;
export const nvdUrl = (cveId: string) => `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(cveId)}`;

/** MITRE's page of a CWE-n id; null for NVD-CWE-Other / NVD-CWE-noinfo, which have none. */
export function cweUrl(cweId: string): string | null {
  const m = /^CWE-([1-9]\d*)$/.exec(cweId);
  return m ? `https://cwe.mitre.org/data/definitions/${m[1]}.html` : null;
}

/** 'critical' → 'Critical' (JVNRSS) */
export const severityWord = (s: Severity) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** HTML-escapes text for the places a format says "this is HTML" (Atom type="html"). */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The banner word a feed reader sees in front of a sample advisory's title. */
export const SAMPLE_PREFIX: Record<FeedLang, string> = { ja: '【サンプル】', en: '[SAMPLE] ' };

/** A title that already says it is a sample: 【サンプル】…, [Sample] …, (SAMPLE) …, サンプル: … at its start. */
const SAMPLE_MARKER = /^\s*(?:[【[(（]\s*(?:サンプル|sample)\s*[】\])）]|(?:サンプル|sample)\s*[:：])/i;

/** What goes in front of a title in a feed: the sample banner for a sample, unless the title carries one. */
export function samplePrefix(doc: Pick<AdvisoryDocument, 'sample'>, title: string, lang: FeedLang): string {
  return doc.sample && !SAMPLE_MARKER.test(title) ? SAMPLE_PREFIX[lang] : '';
}

/**
 * Characters XML 1.0 does not allow anywhere (§2.2 Char): C0 controls but tab, LF and CR; U+FFFE and U+FFFF;
 * lone surrogates. One of them makes a whole feed unreadable for every reader, whatever its escaping.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/u;
const XML_FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'gu');

/**
 * The value with every XML-forbidden character removed from each of its strings (objects and arrays walked;
 * the same value back, not a copy, when nothing had to go). Every XML export (JVNRSS, Atom) passes its
 * documents and channel through this once: the import refuses such text, but a feed must never break.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') {
    return (XML_FORBIDDEN.test(value) ? value.replace(XML_FORBIDDEN_ALL, '') : value) as T;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v, i) => {
      const c = xmlSafe(v);
      if (c === v) return;
      out ??= [...value];
      out[i] = c;
    });
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const c = xmlSafe(v);
      if (c === v) continue;
      out ??= { ...(value as Record<string, unknown>) };
      out[k] = c;
    }
    return (out ?? value) as T;
  }
  return value;
}

export type VersConstraint = { op: '=' | '!=' | '<' | '<=' | '>' | '>=' | '*'; version: string };

/**
 * A `vers:` range (https://github.com/package-url/purl-spec VERSION-RANGE-SPEC) split into its scheme and
 * constraints: `vers:npm/>=1.0.0|<1.2.4` → { scheme: 'npm', constraints: [>= 1.0.0, < 1.2.4] }. Null when it is
 * not one.
 */
export function parseVers(range: string): { scheme: string; constraints: VersConstraint[] } | null {
  const m = /^vers:([a-z0-9.+-]+)\/(.+)$/i.exec(range.trim());
  if (!m) return null;
  const constraints: VersConstraint[] = [];
  for (const raw of m[2]!.split('|')) {
    const c = raw.trim();
    if (c === '*') {
      constraints.push({ op: '*', version: '*' });
      continue;
    }
    const op = /^(>=|<=|!=|<|>|=)?(.+)$/.exec(c);
    if (!op?.[2]) return null;
    constraints.push({
      op: (op[1] ?? '=') as VersConstraint['op'],
      version: safeDecode(op[2].trim()),
    });
  }
  return constraints.length > 0 ? { scheme: m[1]!.toLowerCase(), constraints } : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
