// The pre-release copy a developer sees (事前公開版): its own products and statements in full, and every other
// developer of the case reduced to "Another developer (n)" / 「他の開発者（n）」 — name, products and statements —
// because developers never learn each other's names before publication. The other developers' names are also
// replaced wherever the free texts mention them, and links to developers' own pages are left out. Pure.
import type { AdvisoryContent, Bilingual } from '../../domain/advisory-document.js';

export const anotherDeveloper = (n: number): Bilingual => ({
  ja: `他の開発者（${n}）`,
  en: `Another developer (${n})`,
});

function replaceAll(text: string, names: [string, string][]): string {
  let out = text;
  for (const [name, by] of names) if (name.length >= 2) out = out.split(name).join(by);
  return out;
}

export function maskForDeveloper(content: AdvisoryContent, ownSlug: string | null): AdvisoryContent {
  const others = content.developers.filter((d) => d.slug !== ownSlug);
  const alias = new Map(others.map((d, i) => [d.slug, i + 1]));
  const slugOf = (slug: string) => (alias.has(slug) ? `other-${alias.get(slug)}` : slug);
  // longest names first, so "Beta Works Cloud" is replaced before "Beta Works"
  const names: { ja: [string, string][]; en: [string, string][] } = { ja: [], en: [] };
  for (const d of others) {
    const n = anotherDeveloper(alias.get(d.slug) as number);
    for (const lang of ['ja', 'en'] as const) {
      for (const name of [d.name.ja, d.name.en]) if (name) names[lang].push([name, n[lang]]);
    }
  }
  for (const p of content.products) {
    const n = alias.get(p.developerSlug);
    if (n === undefined) continue;
    for (const lang of ['ja', 'en'] as const) {
      for (const name of [p.name.ja, p.name.en])
        if (name) names[lang].push([name, anotherDeveloper(n)[lang]]);
    }
  }
  names.ja.sort((a, b) => b[0].length - a[0].length);
  names.en.sort((a, b) => b[0].length - a[0].length);
  const bi = (x: Bilingual): Bilingual => ({
    ja: replaceAll(x.ja, names.ja),
    en: replaceAll(x.en, names.en),
  });
  return {
    title: bi(content.title),
    overview: bi(content.overview),
    description: bi(content.description),
    impact: bi(content.impact),
    solution: bi(content.solution),
    workaround: bi(content.workaround),
    contact: content.contact,
    receivedOn: content.receivedOn,
    credits: content.credits,
    developers: content.developers.map((d) =>
      alias.has(d.slug) ? { slug: slugOf(d.slug), name: anotherDeveloper(alias.get(d.slug) as number) } : d,
    ),
    products: content.products.map((p) => {
      const n = alias.get(p.developerSlug);
      if (n === undefined) return p;
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
      if (n === undefined) return s;
      return { ...s, developerSlug: slugOf(s.developerSlug), statement: anotherDeveloper(n), url: null };
    }),
    references: content.references
      .filter((r) => r.kind !== 'vendor')
      .map((r) => ({ ...r, title: replaceAll(replaceAll(r.title, names.ja), names.en) })),
  };
}
