// The sitemap files (sitemaps.org 0.9): a urlset of up to 50,000 URLs, or an index of parts. Written as text
// with every value escaped here rather than through xmlbuilder2, whose tree of 150,000 nodes took seconds per
// 50,000-URL part (11 s at load 20, measured) against milliseconds for this. The only values are URLs built
// from the configured public URL and slugs, and ISO dates; all of them go through xmlText anyway.

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Text or attribute content escaped for XML (&, <, >, " and '); characters XML 1.0 forbids are dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

export type SitemapUrl = { loc: string; lastmod?: Date | undefined };

export function urlsetXml(urls: Iterable<SitemapUrl>): string {
  const out = [`${DECLARATION}<urlset xmlns="${SITEMAP_NS}">`];
  for (const u of urls) {
    out.push(
      u.lastmod
        ? `<url><loc>${xmlText(u.loc)}</loc><lastmod>${u.lastmod.toISOString()}</lastmod></url>`
        : `<url><loc>${xmlText(u.loc)}</loc></url>`,
    );
  }
  out.push('</urlset>');
  return out.join('');
}

export function sitemapIndexXml(locs: Iterable<string>): string {
  const out = [`${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">`];
  for (const loc of locs) out.push(`<sitemap><loc>${xmlText(loc)}</loc></sitemap>`);
  out.push('</sitemapindex>');
  return out.join('');
}
