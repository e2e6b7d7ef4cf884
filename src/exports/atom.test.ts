// Atom 1.0: the feed parsed back — feed id, title, updated, self and alternate links; entries with the
// advisory URL as id, title, summary, published/updated, a severity category and the author; titles with & <
// read back as the text they are; samples flagged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sampleDocument } from '../features/vulndb/testing.js';
import { SEVERITY_SCHEME, toAtom } from './atom.js';
import { XML_FORBIDDEN } from './common.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['entry', 'link', 'category', 'author'].includes(n),
});
/** Atom type="html" text: the HTML's text content (entities decoded) */
const htmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const channel = {
  self: 'https://keikai.example.jp/feeds/atom.xml?lang=ja',
  link: 'https://keikai.example.jp/advisories',
  title: 'keikai 脆弱性対策情報',
  description: '新着',
  lang: 'ja' as const,
  updated: '2026-11-20T03:04:05.000Z',
  author: 'keikai 脆弱性受付窓口',
  publicUrl: 'https://keikai.example.jp',
};

describe('toAtom', () => {
  const doc = sampleDocument({
    id: 'JVN#12345678',
    title: { ja: 'A&B <script>alert(1)</script> "引用"', en: 'A&B <b>bold</b>' },
    firstPublishedAt: '2026-11-10T06:00:00.000Z',
    lastUpdatedAt: '2026-11-20T03:04:05.000Z',
    revision: 2,
  });
  const sample = sampleDocument({ id: 'JVN#99999999', sample: true, vulnerabilities: [] });

  it('is a well-formed Atom feed with its id, title, updated time and self/alternate links', () => {
    const xml = toAtom([doc, sample], channel);
    assert.equal(XMLValidator.validate(xml), true);
    const feed = parser.parse(xml).feed;
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed.id, channel.self);
    assert.equal(feed.title, channel.title);
    assert.equal(feed.updated, '2026-11-20T03:04:05.000Z');
    const links = Object.fromEntries(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']]));
    assert.deepEqual(links, { alternate: channel.link, self: channel.self });
  });

  it('has one entry per advisory, identified by its public URL, with dates, severity and author', () => {
    const [entry, second] = parser.parse(toAtom([doc, sample], channel)).feed.entry;
    assert.equal(entry.id, 'https://keikai.example.jp/advisories/JVN12345678');
    assert.equal(entry.link[0]['@href'], entry.id);
    assert.equal(entry.published, '2026-11-10T06:00:00.000Z');
    assert.equal(entry.updated, '2026-11-20T03:04:05.000Z');
    assert.equal(htmlText(entry.summary['#text']), doc.overview.ja);
    assert.deepEqual(
      [entry.category[0]['@term'], entry.category[0]['@scheme'], entry.category[0]['@label']],
      ['critical', SEVERITY_SCHEME, 'critical (9.8)'],
    );
    assert.equal(entry.author[0].name, channel.author);
    assert.equal(second.category, undefined, 'no vulnerabilities, no severity');
  });

  it('escapes titles so & < " and Japanese read back as text, not markup', () => {
    const xml = toAtom([doc], channel);
    assert.ok(!xml.includes('<script>'), 'no live markup anywhere');
    const [entry] = parser.parse(xml).feed.entry;
    assert.equal(htmlText(entry.title['#text']), 'JVN#12345678: A&B <script>alert(1)</script> "引用"');
    const [en] = parser.parse(toAtom([doc], { ...channel, lang: 'en' })).feed.entry;
    assert.equal(htmlText(en.title['#text']), 'JVN#12345678: A&B <b>bold</b>');
  });

  it('flags a sample advisory in its title', () => {
    const [entry] = parser.parse(toAtom([sample], channel)).feed.entry;
    assert.ok(htmlText(entry.title['#text']).startsWith('【サンプル】JVN#99999999'));
  });

  it('does not flag a sample twice when its title already says it is one', () => {
    const marked = sampleDocument({
      id: 'JVN#11111111',
      sample: true,
      title: { ja: '【サンプル】デモの脆弱性', en: '[Sample] Demo flaw' },
    });
    const [ja] = parser.parse(toAtom([marked], channel)).feed.entry;
    assert.equal(htmlText(ja.title['#text']), 'JVN#11111111: 【サンプル】デモの脆弱性');
    const [en] = parser.parse(toAtom([marked], { ...channel, lang: 'en' })).feed.entry;
    assert.equal(htmlText(en.title['#text']), 'JVN#11111111: [Sample] Demo flaw');
  });

  it('drops characters XML 1.0 forbids so the feed stays readable', () => {
    const bad = sampleDocument({ id: 'JVN#33333333', title: { ja: '題\u0001名\uFFFE', en: '' } });
    bad.overview = { ja: '概要\u001B', en: '' };
    const xml = toAtom([bad], { ...channel, author: '窓口\uFFFF' });
    assert.equal(XMLValidator.validate(xml), true);
    assert.doesNotMatch(xml, XML_FORBIDDEN);
    const [entry] = parser.parse(xml).feed.entry;
    assert.equal(htmlText(entry.title['#text']), 'JVN#33333333: 題名');
    assert.equal(htmlText(entry.summary['#text']), '概要');
    assert.equal(entry.author[0].name, '窓口');
  });
});
