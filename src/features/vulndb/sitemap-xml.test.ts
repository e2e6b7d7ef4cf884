import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { sitemapIndexXml, urlsetXml, xmlText } from './sitemap-xml.js';

describe('sitemap XML', () => {
  it('escapes markup characters and drops characters XML cannot hold', () => {
    assert.equal(xmlText(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&apos;f');
    assert.equal(xmlText('x\u0000y\u001Fz'), 'xyz');
    assert.equal(xmlText('脆弱性 😀'), '脆弱性 😀');
  });

  it('writes a urlset and an index that parse back to the same URLs, hostile text included', () => {
    const hostile = 'https://example.jp/a?x=1&y=<script>"</loc><loc>evil';
    const when = new Date('2026-12-01T00:00:00.000Z');
    const xml = urlsetXml([{ loc: hostile, lastmod: when }, { loc: 'https://example.jp/b' }]);
    assert.ok(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    );
    assert.ok(!xml.includes('<script>'));
    const parsed = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(xml);
    assert.deepEqual(
      parsed.urlset.url.map((u: { loc: string }) => u.loc),
      ['https://example.jp/a?x=1&y=<script>"</loc><loc>evil', 'https://example.jp/b'],
    );
    assert.equal(parsed.urlset.url[0].lastmod, '2026-12-01T00:00:00.000Z');
    const index = new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(
      sitemapIndexXml(['https://example.jp/sitemap.xml?part=0&x', 'https://example.jp/sitemap.xml?part=1']),
    );
    assert.deepEqual(
      index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc),
      ['https://example.jp/sitemap.xml?part=0&x', 'https://example.jp/sitemap.xml?part=1'],
    );
  });
});
