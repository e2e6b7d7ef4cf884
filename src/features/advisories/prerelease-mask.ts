// The pre-release copy a developer sees (事前公開版): its own products and statements in full, and every other
// developer of the case reduced to "Another developer (n)" / 「他の開発者（n）」 — name, products and statements —
// because developers never learn each other's names before publication. The other developers are also masked
// wherever the free texts (and the contact) mention them: by their names with and without the legal form
// (株式会社…, ", Inc.", "Co., Ltd." …), their products, their slug and their web domains, compared after NFKC,
// case folding and ignoring spaces and punctuation, so 「ＢＥＴＡ　ＷＯＲＫＳ」, "beta works" and "Beta-Works" are
// the same name. Links to developers' pages, and every reference whose host is another developer's or whose
// title/URL mentions one, are left out (CVE and CWE references stay). Text matching can never be complete: the
// editor warns the coordinator about each mention at submission and approval (findMentions). Pure.
import type { AdvisoryContent, Bilingual } from '../../domain/advisory-document.js';

export const anotherDeveloper = (n: number): Bilingual => ({
  ja: `他の開発者（${n}）`,
  en: `Another developer (${n})`,
});

/** What else is known about a developer than the copy's own text (its directory entry): names and domains. */
export type DeveloperAliases = Record<string, { names: string[]; domains: string[] }>;

// hosts many organizations share: never a developer's domain as a whole (their URLs are compared in full)
const SHARED_HOSTS = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'sourceforge.net',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
  'yahoo.com',
  'yahoo.co.jp',
  'docs.google.com',
  'sites.google.com',
  'medium.com',
  'npmjs.com',
  'www.npmjs.com',
  'pypi.org',
]);

const LEGAL_JA =
  /^(?:株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|特定非営利活動法人|\(株\)|\(有\)|㈱|㈲)|(?:株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|㈱|㈲)$/u;
const LEGAL_EN =
  /(?:[\s,]+|^)(?:inc\.?|incorporated|co\.?,?\s*ltd\.?|ltd\.?|limited|corporation|corp\.?|company|llc|l\.l\.c\.|gmbh|k\.k\.|kk|ag|s\.a\.|b\.v\.|plc|co\.)$/iu;

/** The name and the name without its legal form(s) (株式会社ベータワークス → ベータワークス; "Beta Works, Inc." → "Beta Works"). */
export function nameForms(name: string): string[] {
  const out = new Set<string>();
  let s = name.normalize('NFKC').trim();
  if (s) out.add(s);
  for (let i = 0; i < 4; i++) {
    const next = s
      .replace(LEGAL_JA, '')
      .replace(LEGAL_EN, '')
      .replace(/[\s,]+$/u, '')
      .trim();
    if (next === s) break;
    s = next;
    if (s) out.add(s);
  }
  return [...out];
}

/** A host in lowercase without "www.", or null when the text is not an http(s) URL. */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const ownsHost = (domains: string[], host: string) =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

const isWordChar = (ch: string | undefined) => !!ch && /^[\p{Script=Latin}\p{N}]/u.test(ch.normalize('NFKC'));

/** The folded skeleton of a text: NFKD per code point, lowercase, letters and digits only; with its map back. */
function skeleton(text: string): { s: string; from: number[]; to: number[] } {
  let s = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const cp of text) {
    const folded = cp.normalize('NFKD').toLowerCase();
    for (const ch of folded) {
      if (/[\p{L}\p{N}\p{M}]/u.test(ch)) {
        s += ch;
        for (let k = 0; k < ch.length; k++) {
          from.push(i);
          to.push(i + cp.length);
        }
      }
    }
    i += cp.length;
  }
  return { s, from, to };
}

const fold = (text: string) => skeleton(text).s;

type Needle = { key: string; slug: string; latin: boolean };

/** A matcher of the other developers in any of their forms; mask() replaces, find() lists. */
export class DeveloperMatcher {
  private needles: Needle[] = [];
  private domains = new Map<string, string[]>();

  constructor(
    others: { slug: string; names: string[]; domains: string[]; urls: string[] }[],
    protectedDomains: string[] = [],
  ) {
    const seen = new Set<string>();
    for (const o of others) {
      const ds = new Set<string>();
      for (const d of o.domains) {
        const h = d
          .toLowerCase()
          .replace(/^www\./, '')
          .trim();
        if (h && !SHARED_HOSTS.has(h) && !ownsHost(protectedDomains, h)) ds.add(h);
      }
      this.domains.set(o.slug, [...ds]);
      const forms = [...o.names.flatMap(nameForms), o.slug, ...ds, ...o.urls];
      for (const f of forms) {
        const key = fold(f);
        if (key.length < 2 || seen.has(`${o.slug} ${key}`)) continue;
        seen.add(`${o.slug} ${key}`);
        this.needles.push({ key, slug: o.slug, latin: /^[a-z0-9]+$/.test(key) });
      }
    }
    this.needles.sort((a, b) => b.key.length - a.key.length);
  }

  /** The developer whose domain the URL's host is (or under), else null. */
  hostOwner(url: string): string | null {
    const h = hostOf(url);
    if (!h) return null;
    for (const [slug, ds] of this.domains) if (ownsHost(ds, h)) return slug;
    return null;
  }

  /** Each mention: the original range and whose. */
  private spans(text: string): { start: number; end: number; slug: string }[] {
    const out: { start: number; end: number; slug: string }[] = [];
    // whole URLs on another developer's host first
    for (const m of text.matchAll(/https?:\/\/[^\s<>"'（）「」、。]+/giu)) {
      const slug = this.hostOwner(m[0]);
      if (slug) out.push({ start: m.index, end: m.index + m[0].length, slug });
    }
    const sk = skeleton(text);
    const taken = (a: number, b: number) => out.some((r) => a < r.end && b > r.start);
    for (const n of this.needles) {
      let at = sk.s.indexOf(n.key);
      while (at >= 0) {
        const start = sk.from[at] as number;
        const end = sk.to[at + n.key.length - 1] as number;
        const bounded = !n.latin || (!isWordChar(text[start - 1]) && !isWordChar(text[end]));
        if (bounded && !taken(start, end)) out.push({ start, end, slug: n.slug });
        at = sk.s.indexOf(n.key, at + 1);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  mentions(text: string): { slug: string; text: string }[] {
    return this.spans(text).map((r) => ({ slug: r.slug, text: text.slice(r.start, r.end) }));
  }

  mask(text: string, label: (slug: string) => string): string {
    let out = '';
    let i = 0;
    for (const r of this.spans(text)) {
      out += text.slice(i, r.start) + label(r.slug);
      i = r.end;
    }
    return out + text.slice(i);
  }
}

/** The other developers (not ownSlug) of the copy in every form the copy and the directory know. */
function othersOf(content: AdvisoryContent, ownSlug: string | null, aliases: DeveloperAliases) {
  return content.developers
    .filter((d) => d.slug !== ownSlug)
    .map((d) => {
      const extra = aliases[d.slug] ?? { names: [], domains: [] };
      const names = [d.name.ja, d.name.en, ...extra.names];
      for (const p of content.products) if (p.developerSlug === d.slug) names.push(p.name.ja, p.name.en);
      const urls: string[] = [];
      const domains = [...extra.domains];
      for (const s of content.vendorStatuses) {
        if (s.developerSlug !== d.slug || !s.url) continue;
        const h = hostOf(s.url);
        if (h && !SHARED_HOSTS.has(h)) domains.push(h);
        else urls.push(s.url);
      }
      return { slug: d.slug, names: names.filter(Boolean), domains, urls };
    });
}

function matcherFor(content: AdvisoryContent, ownSlug: string | null, aliases: DeveloperAliases) {
  const others = othersOf(content, ownSlug, aliases);
  const own = ownSlug ? (aliases[ownSlug]?.domains ?? []) : [];
  const ownStatusHosts = content.vendorStatuses
    .filter((s) => s.developerSlug === ownSlug && s.url)
    .map((s) => hostOf(s.url as string))
    .filter((h): h is string => !!h);
  const first = new DeveloperMatcher(others, [...own, ...ownStatusHosts]);
  // a vendor reference that names another developer tells its domain too
  const more = new Map<string, string[]>();
  for (const r of content.references) {
    const hit = first.mentions(`${r.title} ${r.url}`)[0];
    const h = hostOf(r.url);
    if (hit && h && !SHARED_HOSTS.has(h) && r.kind !== 'cve' && r.kind !== 'cwe')
      more.set(hit.slug, [...(more.get(hit.slug) ?? []), h]);
  }
  if (more.size === 0) return first;
  return new DeveloperMatcher(
    others.map((o) => ({ ...o, domains: [...o.domains, ...(more.get(o.slug) ?? [])] })),
    [...own, ...ownStatusHosts],
  );
}

/** Every free-text field of a copy by a stable name (as the editor's warnings list them). */
export function freeTexts(c: AdvisoryContent): [string, string][] {
  const out: [string, string][] = [];
  const bi = (name: string, x: Bilingual) => {
    out.push([`${name}.ja`, x.ja], [`${name}.en`, x.en]);
  };
  bi('title', c.title);
  bi('overview', c.overview);
  bi('description', c.description);
  bi('impact', c.impact);
  bi('solution', c.solution);
  bi('workaround', c.workaround);
  bi('contact', c.contact);
  for (const v of c.vulnerabilities) {
    bi(`vulnerability ${v.ordinal} title`, v.title);
    bi(`vulnerability ${v.ordinal} description`, v.description);
  }
  c.credits.forEach((x, i) => {
    bi(`credit ${i + 1}`, x);
  });
  c.references.forEach((r, i) => {
    out.push([`reference ${i + 1} title`, r.title], [`reference ${i + 1} url`, r.url]);
  });
  return out;
}

export type Mention = { field: string; developerSlug: string; text: string };

/**
 * Where the copy's free texts mention a developer of a multi-developer advisory (other than in its own product
 * and status rows): each such mention is masked in every other developer's pre-release copy.
 */
export function findMentions(content: AdvisoryContent, aliases: DeveloperAliases = {}): Mention[] {
  if (content.developers.length < 2) return [];
  const m = matcherFor(content, null, aliases);
  const out: Mention[] = [];
  for (const [field, text] of freeTexts(content))
    for (const x of m.mentions(text)) out.push({ field, developerSlug: x.slug, text: x.text });
  return out;
}

export function maskForDeveloper(
  content: AdvisoryContent,
  ownSlug: string | null,
  aliases: DeveloperAliases = {},
): AdvisoryContent {
  const others = content.developers.filter((d) => d.slug !== ownSlug);
  const alias = new Map(others.map((d, i) => [d.slug, i + 1]));
  const slugOf = (slug: string) => (alias.has(slug) ? `other-${alias.get(slug)}` : slug);
  const m = matcherFor(content, ownSlug, aliases);
  const label = (lang: 'ja' | 'en') => (slug: string) => anotherDeveloper(alias.get(slug) ?? 0)[lang];
  const bi = (x: Bilingual): Bilingual => ({ ja: m.mask(x.ja, label('ja')), en: m.mask(x.en, label('en')) });
  const mentions = (s: string) => m.mentions(s).length > 0;
  return {
    title: bi(content.title),
    overview: bi(content.overview),
    description: bi(content.description),
    impact: bi(content.impact),
    solution: bi(content.solution),
    workaround: bi(content.workaround),
    contact: bi(content.contact),
    receivedOn: content.receivedOn,
    credits: content.credits.map(bi),
    developers: content.developers.map((d) =>
      alias.has(d.slug) ? { slug: slugOf(d.slug), name: anotherDeveloper(alias.get(d.slug) as number) } : d,
    ),
    products: content.products.map((p) => {
      const n = alias.get(p.developerSlug);
      if (n === undefined) return { ...p, name: bi(p.name), versions: bi(p.versions) };
      return {
        key: p.key,
        developerSlug: slugOf(p.developerSlug),
        name: anotherDeveloper(n),
        versions: { ja: '', en: '' },
        versionRange: null,
        fixedVersion: null,
        purl: null,
        cpe: null,
      };
    }),
    vulnerabilities: content.vulnerabilities.map((v) => ({
      ...v,
      title: bi(v.title),
      description: bi(v.description),
    })),
    vendorStatuses: content.vendorStatuses.map((s) => {
      const n = alias.get(s.developerSlug);
      if (n === undefined)
        return { ...s, statement: bi(s.statement), url: s.url && m.hostOwner(s.url) ? null : s.url };
      return { ...s, developerSlug: slugOf(s.developerSlug), statement: anotherDeveloper(n), url: null };
    }),
    references: content.references
      .filter((r) => {
        if (r.kind === 'cve' || r.kind === 'cwe') return true;
        if (r.kind === 'vendor') return false;
        return !m.hostOwner(r.url) && !mentions(r.title) && !mentions(r.url);
      })
      .map((r) => ({ ...r, title: m.mask(r.title, label('en')) })),
  };
}
