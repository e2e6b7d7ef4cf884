// Package URLs (purl, https://github.com/package-url/purl-spec): pkg:type/namespace/name@version?qualifiers#subpath.
// Checked strictly by the specification's grammar; the type is kept lower-case (its canonical form).

export type PurlCheck = { ok: true; purl: string } | { ok: false };

const TYPE = /^[a-z.+-][a-z0-9.+-]*$/;
const QUALIFIER_KEY = /^[a-z.\-_][a-z0-9.\-_]*$/;
// what may appear in a component: unreserved and sub-delims, ':' and '@' where allowed, and %XX escapes
const SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;
// a qualifier value may also hold '/' (repository_url=repo.example/release)
const VALUE = /^(?:[A-Za-z0-9\-._~!$'()*+,;:@/]|%[0-9A-Fa-f]{2})+$/;

function decodes(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

function segmentOk(s: string): boolean {
  return (
    SEGMENT.test(s) && decodes(s) && !/[/\s]/.test(decodeURIComponent(s)) && decodeURIComponent(s) !== ''
  );
}

export function checkPurl(input: string): PurlCheck {
  const s = input.trim();
  if (s.length === 0 || s.length > 1000 || /\s/.test(s)) return { ok: false };
  if (!s.toLowerCase().startsWith('pkg:')) return { ok: false };
  let rest = s.slice(4).replace(/^\/+/, '');
  // subpath
  let subpath: string | null = null;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    subpath = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
    const segs = subpath.split('/').filter((x) => x !== '');
    if (segs.length === 0) return { ok: false };
    for (const seg of segs) {
      if (!segmentOk(seg)) return { ok: false };
      const d = decodeURIComponent(seg);
      if (d === '.' || d === '..') return { ok: false };
    }
  }
  // qualifiers
  const q = rest.indexOf('?');
  if (q >= 0) {
    const qs = rest.slice(q + 1);
    rest = rest.slice(0, q);
    if (qs === '') return { ok: false };
    const seen = new Set<string>();
    for (const pair of qs.split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return { ok: false };
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!QUALIFIER_KEY.test(key) || seen.has(key)) return { ok: false };
      seen.add(key);
      if (!VALUE.test(value) || !decodes(value)) return { ok: false };
    }
  }
  // version
  const at = rest.lastIndexOf('@');
  const slashBeforeAt = rest.lastIndexOf('/');
  if (at >= 0 && at > slashBeforeAt) {
    const version = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!segmentOk(version)) return { ok: false };
  }
  const parts = rest.replace(/\/+$/, '').split('/');
  const type = parts.shift()?.toLowerCase() ?? '';
  if (!TYPE.test(type)) return { ok: false };
  const name = parts.pop();
  if (name === undefined || !segmentOk(name)) return { ok: false };
  for (const ns of parts) if (!segmentOk(ns)) return { ok: false };
  const body = s.slice(4).replace(/^\/+/, '');
  return { ok: true, purl: `pkg:${type}${body.slice(body.indexOf('/'))}` };
}
