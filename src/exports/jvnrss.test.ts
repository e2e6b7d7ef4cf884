// JVNRSS 3.2: the CPE 2.3 → 2.2 binding, and a feed parsed back with fast-xml-parser — namespaces, channel and
// item structure, sec: elements, Japan-time dates, escaping of & < " and Japanese text, samples flagged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sampleDocument } from '../features/vulndb/testing.js';
import { jst, XML_FORBIDDEN } from './common.js';
import { cpe23To22, NS, toJvnRss } from './jvnrss.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['item', 'rdf:li', 'sec:references', 'sec:cpe', 'sec:cvss'].includes(n),
});
const channel = {
  title: 'keikai 脆弱性対策情報',
  link: 'https://keikai.example.jp/advisories',
  description: '新着',
  lang: 'ja' as const,
  modified: '2026-11-20T03:04:05.000Z',
};

describe('cpe23To22', () => {
  it('binds a plain CPE 2.3 name to the 2.2 URI, dropping trailing ANY components', () => {
    assert.equal(
      cpe23To22('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*'),
      'cpe:/a:microsoft:internet_explorer:8.0.6001:beta',
    );
    assert.equal(
      cpe23To22('cpe:2.3:o:sample:router_firmware:*:*:*:*:*:*:*:*'),
      'cpe:/o:sample:router_firmware',
    );
  });

  it('keeps NA as "-" and packs the extended attributes into the edition with ~', () => {
    assert.equal(
      cpe23To22('cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*'),
      'cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~',
    );
  });

  it('percent-encodes quoted characters, keeps quoted . and -, and lower-cases', () => {
    assert.equal(
      cpe23To22('cpe:2.3:a:foo\\\\bar:big\\$money_2010:*:*:*:*:special:ipod_touch:80gb:*'),
      'cpe:/a:foo%5cbar:big%24money_2010:::~~special~ipod_touch~80gb~',
    );
    assert.equal(
      cpe23To22('cpe:2.3:a:Sample:Web\\-Server\\!:1\\.0:*:*:ja:*:*:*:*'),
      'cpe:/a:sample:web-server%21:1.0:::ja',
    );
  });

  it('refuses what is not a CPE 2.3 formatted string', () => {
    for (const bad of [
      'cpe:/a:foo:bar',
      'cpe:2.3:a:foo:bar',
      'cpe:2.3:x:a:b:c:d:e:f:g:h:i:j',
      'cpe:2.3:a:fo o:b:*:*:*:*:*:*:*:*',
      '',
    ]) {
      assert.equal(cpe23To22(bad), null, bad);
    }
  });
});

describe('toJvnRss', () => {
  const doc = sampleDocument({
    id: 'JVN#12345678',
    title: { ja: 'A&B <製品> に "引用" の脆弱性', en: 'A&B <Product> "quoted" flaw' },
    firstPublishedAt: '2026-11-10T06:00:00.000Z',
    lastUpdatedAt: '2026-11-20T03:04:05.000Z',
    revision: 2,
  });
  doc.products[0]!.cpe = 'cpe:2.3:a:sample:sample_product:1.2.3:*:*:*:*:*:*:*';
  doc.references.push({ kind: 'vendor', title: 'Vendor notice', url: 'https://sample.example.jp/notice' });
  const second = sampleDocument({ id: 'JVNVU#87654321', sample: true, title: { ja: 'サンプル', en: '' } });

  it('is well-formed XML with the RSS 1.0, RDF, Dublin Core, sec 3.0 and marking namespaces', () => {
    const xml = toJvnRss([doc, second], channel);
    assert.equal(XMLValidator.validate(xml), true);
    const rdf = parser.parse(xml)['rdf:RDF'];
    assert.equal(rdf['@xmlns'], NS.rss);
    assert.equal(rdf['@xmlns:rdf'], NS.rdf);
    assert.equal(rdf['@xmlns:dc'], NS.dc);
    assert.equal(rdf['@xmlns:dcterms'], NS.dcterms);
    assert.equal(rdf['@xmlns:sec'], 'http://jvn.jp/rss/mod_sec/3.0/');
    assert.equal(rdf['@xmlns:marking'], NS.marking);
    assert.equal(rdf['@xmlns:tlpMarking'], NS.tlpMarking);
    assert.equal(rdf['@xml:lang'], 'ja');
  });

  it('lists every item in the channel and describes each with sec: elements and +09:00 dates', () => {
    const rdf = parser.parse(toJvnRss([doc, second], channel))['rdf:RDF'];
    const ch = rdf.channel;
    assert.equal(ch.title, channel.title);
    assert.equal(ch.link, channel.link);
    assert.equal(ch['dc:date'], '2026-11-20T12:04:05+09:00');
    assert.equal(ch['dcterms:modified'], '2026-11-20T12:04:05+09:00');
    assert.equal(ch['sec:handling']['marking:Marking']['marking:Marking_Structure']['@color'], 'WHITE');
    const lis = ch.items['rdf:Seq']['rdf:li'].map((l: Record<string, string>) => l['@rdf:resource']);
    assert.deepEqual(lis, [
      'https://keikai.example.jp/advisories/JVN12345678',
      'https://keikai.example.jp/advisories/JVNVU87654321',
    ]);
    const [item] = rdf.item;
    assert.equal(item['@rdf:about'], lis[0]);
    assert.equal(item.link, lis[0]);
    assert.equal(item['sec:identifier'], 'JVN#12345678');
    assert.equal(item.description, doc.overview.ja);
    const refs = item['sec:references'];
    const cve = refs.find((r: Record<string, string>) => r['@source'] === 'CVE');
    assert.equal(cve['@id'], 'CVE-2026-12345');
    assert.equal(cve['#text'], 'https://www.cve.org/CVERecord?id=CVE-2026-12345');
    const nvd = refs.find((r: Record<string, string>) => r['@source'] === 'NVD');
    assert.equal(nvd['#text'], 'https://nvd.nist.gov/vuln/detail/CVE-2026-12345');
    const related = refs.find((r: Record<string, string>) => r['@source'] === '関連文書');
    assert.deepEqual(
      [related['@id'], related['#text']],
      ['Vendor notice', 'https://sample.example.jp/notice'],
    );
    assert.equal(
      refs.filter((r: Record<string, string>) => r['@source'] === 'CVE').length,
      1,
      'the CVE once',
    );
    const cwe = refs.find((r: Record<string, string>) => r['@id'] === 'CWE-287');
    assert.equal(cwe['@title'], 'Improper Authentication(CWE-287)');
    const [cpe] = item['sec:cpe'];
    assert.deepEqual(
      { v: cpe['@version'], vendor: cpe['@vendor'], product: cpe['@product'], uri: cpe['#text'] },
      {
        v: '2.2',
        vendor: 'サンプル工業株式会社',
        product: 'サンプル製品',
        uri: 'cpe:/a:sample:sample_product:1.2.3',
      },
    );
    const cvss = item['sec:cvss'].map((c: Record<string, string>) => [
      c['@version'],
      c['@score'],
      c['@type'],
      c['@severity'],
    ]);
    assert.deepEqual(cvss, [
      ['4.0', '9.3', 'Base', 'Critical'],
      ['3.1', '9.8', 'Base', 'Critical'],
    ]);
    assert.equal(item['sec:cvss'][1]['@vector'], 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    assert.equal(item['dc:date'], '2026-11-20T12:04:05+09:00');
    assert.equal(item['dcterms:issued'], '2026-11-10T15:00:00+09:00');
    assert.equal(item['dcterms:modified'], '2026-11-20T12:04:05+09:00');
  });

  it('escapes & < " in titles and keeps Japanese text as it is; English falls back to Japanese', () => {
    const xml = toJvnRss([doc, second], channel);
    assert.ok(xml.includes('A&amp;B &lt;製品&gt;'), 'escaped in the text');
    const items = parser.parse(xml)['rdf:RDF'].item;
    assert.equal(items[0].title, 'A&B <製品> に "引用" の脆弱性');
    const en = parser.parse(toJvnRss([doc, second], { ...channel, lang: 'en' }))['rdf:RDF'];
    assert.equal(en['@xml:lang'], 'en');
    assert.equal(en.item[0].title, 'A&B <Product> "quoted" flaw');
    assert.equal(
      en.item[1].title,
      '[SAMPLE] サンプル',
      'no English title yet: the Japanese one, flagged as a sample',
    );
  });

  it("writes NVD's pseudo-CWEs as JVN does (CWE-noinfo, without a link)", () => {
    const d = sampleDocument();
    d.vulnerabilities[0] = { ...d.vulnerabilities[0]!, cweId: 'NVD-CWE-noinfo' };
    const [item] = parser.parse(toJvnRss([d], channel))['rdf:RDF'].item;
    const cwe = item['sec:references'].find((r: Record<string, string>) => r['@id'] === 'CWE-noinfo');
    assert.equal(cwe['@title'], 'Insufficient Information(CWE-noinfo)');
    assert.equal(cwe['#text'], undefined);
  });

  it('flags a sample advisory in its title', () => {
    const items = parser.parse(toJvnRss([second], channel))['rdf:RDF'].item;
    assert.equal(items[0].title, '【サンプル】サンプル');
  });

  it('does not flag a sample twice when its title already says it is one', () => {
    const marked = sampleDocument({
      id: 'JVN#11111111',
      sample: true,
      title: { ja: '【サンプル】デモの脆弱性', en: '[Sample] Demo flaw' },
    });
    const ja = parser.parse(toJvnRss([marked], channel))['rdf:RDF'].item;
    assert.equal(ja[0].title, '【サンプル】デモの脆弱性');
    const en = parser.parse(toJvnRss([marked], { ...channel, lang: 'en' }))['rdf:RDF'].item;
    assert.equal(en[0].title, '[Sample] Demo flaw');
    const notSample = sampleDocument({ id: 'JVN#22222222', title: { ja: '【サンプル】非サンプル', en: '' } });
    assert.equal(
      parser.parse(toJvnRss([notSample], channel))['rdf:RDF'].item[0].title,
      '【サンプル】非サンプル',
    );
  });

  it('drops characters XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) so the feed stays readable', () => {
    const bad = sampleDocument({
      id: 'JVN#33333333',
      title: { ja: 'タイトル\u0001に\uFFFE制御\u0008文字\uD800', en: 'Title\u001F with\uFFFF tab\there' },
    });
    bad.overview = { ja: '概要\u000B\u000C', en: '' };
    const xml = toJvnRss([bad], { ...channel, title: 'チャンネル\u0002' });
    assert.equal(XMLValidator.validate(xml), true);
    assert.doesNotMatch(xml, XML_FORBIDDEN);
    const rdf = parser.parse(xml)['rdf:RDF'];
    assert.equal(rdf.item[0].title, 'タイトルに制御文字');
    assert.equal(rdf.item[0].description, '概要');
    assert.equal(rdf.channel.title, 'チャンネル');
    const en = parser.parse(toJvnRss([bad], { ...channel, lang: 'en' }))['rdf:RDF'];
    assert.equal(en.item[0].title, 'Title with tab\there');
    assert.equal(
      bad.title.ja,
      'タイトル\u0001に\uFFFE制御\u0008文字\uD800',
      'the document itself is left as it was',
    );
  });

  it('writes an empty channel for no advisories', () => {
    const xml = toJvnRss([], channel);
    assert.equal(XMLValidator.validate(xml), true);
    assert.equal(parser.parse(xml)['rdf:RDF'].item, undefined);
  });

  it('writes instants in Japan time', () => {
    assert.equal(jst('2026-12-31T15:00:00Z'), '2027-01-01T00:00:00+09:00');
    assert.throws(() => jst('nonsense'), RangeError);
  });
});
