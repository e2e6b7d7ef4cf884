// The public feeds and exports over HTTP, on advisories written through the publish step's writer: JVNRSS and
// Atom parse, carry the right namespaces and exactly the published advisories (newest update first, at most
// 50), flag samples, pick the language (400 for another), and answer 304 to a matching ETag until something
// changes; the CVE 5 and OSV exports pass their schema checks through the route (CVE 5: the keikai-written 5.1
// schema and the official CVE JSON 5.0 CNA container schema from Debian's python3-cvelib, skipped with a message
// when that is not installed, except under CI) and name the CNA of the settings; they refuse an unknown CVE or
// advisory with 404, missing English with 422 naming the fields, and a non-package advisory's OSV with 404
// and the reason.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import {
  cveErrors,
  officialCnaErrors,
  officialCnaSchemaMissing,
  osvErrors,
} from '../../exports/schema-check.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { buildWorld } from '../../testing/world.js';
import { sampleDocument, seedPublic } from '../vulndb/testing.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['item', 'entry', 'rdf:li'].includes(n),
});

const bi = (ja: string, en: string) => ({ ja, en });
const CNA_ORG_ID = '6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const at = (day: number) => new Date(Date.UTC(2026, 9, day, 3)).toISOString();

describe('feeds and exports', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  let docs: AdvisoryDocument[];

  before(async () => {
    t = await startTestApp({
      now: '2026-12-01T00:00:00Z',
      env: { KEIKAI_CVE_ASSIGNER_ORG_ID: CNA_ORG_ID, KEIKAI_CVE_ASSIGNER_SHORT_NAME: 'keikai-cna' },
    });
    docs = [];
    // 55 advisories, one updated per day; the newest five are special
    for (let day = 1; day <= 55; day += 1) {
      docs.push(
        sampleDocument({
          id: `JVN#${String(20000000 + day)}`,
          firstPublishedAt: at(day),
          lastUpdatedAt: at(day),
        }),
      );
    }
    const amp = docs[54]!;
    amp.title = bi('A&B <製品> に "引用" の脆弱性', 'A&B <Product> "quoted" flaw');
    const sample = docs[53]!;
    sample.sample = true;
    const noEnglish = docs[52]!;
    noEnglish.title = bi('英語のない脆弱性対策情報', '');
    noEnglish.overview = bi('概要のみ', '');
    noEnglish.vulnerabilities = noEnglish.vulnerabilities.map((v) => ({
      ...v,
      cveId: 'CVE-2026-30000',
      title: bi('英語なし', ''),
      description: bi('説明', ''),
    }));
    const npm = docs[51]!;
    npm.products = npm.products.map((p) => ({
      ...p,
      purl: 'pkg:npm/%40sample/web',
      versionRange: 'vers:npm/>=1.0.0|<=1.2.3',
    }));
    await seedPublic(t.ctx, docs);
  });
  after(() => t?.close());

  it('serves JVNRSS: RDF with the sec: namespace, the 50 latest updates, newest first, in utf-8', async () => {
    const res = await get('/feeds/jvnrss.rdf');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/rdf\+xml; charset=utf-8$/);
    assert.equal(res.headers['cache-control'], 'public, max-age=300');
    assert.equal(XMLValidator.validate(res.body), true);
    const rdf = parser.parse(res.body)['rdf:RDF'];
    assert.equal(rdf['@xmlns'], 'http://purl.org/rss/1.0/');
    assert.equal(rdf['@xmlns:sec'], 'http://jvn.jp/rss/mod_sec/3.0/');
    assert.equal(rdf['@xmlns:rdf'], 'http://www.w3.org/1999/02/22-rdf-syntax-ns#');
    assert.equal(rdf['@xml:lang'], 'ja');
    const ids = rdf.item.map((i: Record<string, string>) => i['sec:identifier']);
    const expected = docs
      .slice(-50)
      .reverse()
      .map((d) => d.id);
    assert.deepEqual(ids, expected, 'exactly the 50 most recently updated published advisories');
    assert.equal(rdf.channel.items['rdf:Seq']['rdf:li'].length, 50);
    assert.equal(rdf.item[0].title, 'A&B <製品> に "引用" の脆弱性');
    assert.equal(rdf.item[1].title, `【サンプル】${docs[53]!.title.ja}`, 'the sample is flagged');
    assert.equal(rdf.channel['dc:date'], '2026-11-24T12:00:00+09:00', 'the newest update, in Japan time');
    assert.equal(rdf.item[0].link, `${t.ctx.config.publicUrl}/advisories/JVN20000055`);
  });

  it('serves JVNRSS in English, with Japanese where there is no English yet', async () => {
    const rdf = parser.parse((await get('/feeds/jvnrss.rdf?lang=en')).body)['rdf:RDF'];
    assert.equal(rdf['@xml:lang'], 'en');
    assert.equal(rdf.item[0].title, 'A&B <Product> "quoted" flaw');
    assert.equal(rdf.item[1].title, `[SAMPLE] ${docs[53]!.title.en}`);
    assert.equal(rdf.item[2].title, '英語のない脆弱性対策情報');
  });

  it('serves Atom with the advisories as entries', async () => {
    const res = await get('/feeds/atom.xml?lang=en');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/atom\+xml; charset=utf-8$/);
    assert.equal(XMLValidator.validate(res.body), true);
    const feed = parser.parse(res.body).feed;
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed.id, `${t.ctx.config.publicUrl}/feeds/atom.xml?lang=en`);
    assert.equal(feed.entry.length, 50);
    assert.equal(feed.entry[0].id, `${t.ctx.config.publicUrl}/advisories/JVN20000055`);
    assert.ok(!res.body.includes('<Product>'), 'the title is escaped');
  });

  it('refuses a language other than ja or en with 400, in both languages', async () => {
    for (const url of [
      '/feeds/jvnrss.rdf?lang=fr',
      '/feeds/atom.xml?lang=',
      '/feeds/atom.xml?lang=ja&lang=en',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      const body = res.json();
      assert.equal(body.error, 'bad_lang');
      assert.ok(body.message.ja.includes('lang') && body.message.en.includes('ja or en'));
    }
  });

  it('answers 304 to a matching If-None-Match, per language, until an advisory changes', async () => {
    const first = await get('/feeds/jvnrss.rdf');
    const etag = String(first.headers.etag);
    assert.ok(etag.length > 5);
    const again = await get('/feeds/jvnrss.rdf', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal((await get('/feeds/jvnrss.rdf?lang=en', { 'if-none-match': etag })).statusCode, 200);
    assert.equal((await get('/feeds/atom.xml', { 'if-none-match': etag })).statusCode, 200, 'another feed');
    const atomTag = String((await get('/feeds/atom.xml')).headers.etag);
    assert.equal((await get('/feeds/atom.xml', { 'if-none-match': `"x", ${atomTag}` })).statusCode, 304);

    const { revisions: _, ...oldest } = docs[0]!;
    await seedPublic(t.ctx, [
      sampleDocument({ ...oldest, revision: 2, lastUpdatedAt: '2026-11-30T00:00:00.000Z' }),
    ]);
    const changed = await get('/feeds/jvnrss.rdf', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    const rdf = parser.parse(changed.body)['rdf:RDF'];
    assert.equal(rdf.item[0]['sec:identifier'], docs[0]!.id, 'the updated advisory comes first');
    assert.equal(rdf.item[0]['dcterms:issued'], '2026-10-01T12:00:00+09:00');
    assert.equal(rdf.item[0]['dcterms:modified'], '2026-11-30T09:00:00+09:00');

    // a new revision dated before the newest update (as an import may bring) changes the ETag too
    const etag2 = String(changed.headers.etag);
    const { revisions: __, ...eleventh } = docs[10]!;
    await seedPublic(t.ctx, [
      sampleDocument({
        ...eleventh,
        revision: 2,
        lastUpdatedAt: '2026-10-11T04:00:00.000Z',
        title: bi('第2版の題名', 'Second title'),
      }),
    ]);
    const third = await get('/feeds/jvnrss.rdf', { 'if-none-match': etag2 });
    assert.equal(third.statusCode, 200);
    assert.ok(third.body.includes('第2版の題名'));
  });

  it('exports a CVE record of the configured CNA that passes the schema check', async () => {
    const res = await get('/advisories/JVN20000055/cve/CVE-2026-12345.json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/);
    const rec = res.json();
    assert.deepEqual(cveErrors(rec), []);
    assert.equal(rec.cveMetadata.cveId, 'CVE-2026-12345');
    assert.deepEqual(
      [rec.cveMetadata.assignerOrgId, rec.cveMetadata.assignerShortName],
      [CNA_ORG_ID, 'keikai-cna'],
    );
    assert.deepEqual(
      [rec.containers.cna.providerMetadata.orgId, rec.containers.cna.providerMetadata.shortName],
      [CNA_ORG_ID, 'keikai-cna'],
    );
    assert.equal(rec.containers.cna.references[0].url, `${t.ctx.config.publicUrl}/advisories/JVN20000055`);
  });

  it("exports CVE records whose cna container passes the CVE Program's official CVE JSON 5.0 schema", async (ctx) => {
    const skip = officialCnaSchemaMissing(); // throws under CI
    if (skip) return ctx.skip(skip);
    for (const url of [
      '/advisories/JVN20000055/cve/CVE-2026-12345.json',
      '/advisories/JVN20000052/cve/CVE-2026-12345.json', // an npm package: collectionURL, packageName, semver
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual(officialCnaErrors(res.json().containers.cna), [], url);
    }
  });

  it('refuses the CVE export of an unknown advisory or CVE with 404, and without English with 422 naming the fields', async () => {
    for (const url of [
      '/advisories/JVN29999999/cve/CVE-2026-12345.json',
      '/advisories/JVN20000055/cve/CVE-2026-99999.json',
      '/advisories/JVN20000055/cve/not-a-cve.json',
      '/advisories/%E2%9C%93/cve/CVE-2026-12345.json',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error, 'not_found');
    }
    const res = await get('/advisories/JVN20000053/cve/CVE-2026-30000.json');
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.error, 'english_required');
    assert.deepEqual(body.fields, ['vulnerabilities[1].title.en', 'vulnerabilities[1].description.en']);
    assert.ok(body.message.ja.startsWith('CVE 5 には英語の説明が必要です: vulnerabilities[1].title.en'));
    assert.ok(body.message.en.startsWith('CVE JSON 5 requires English: '));
  });

  it('exports OSV records for a package advisory, and says why not for the others', async () => {
    const res = await get('/advisories/JVN20000052/osv.json');
    assert.equal(res.statusCode, 200);
    const recs = res.json();
    assert.ok(Array.isArray(recs));
    assert.equal(recs.length, 1);
    assert.deepEqual(osvErrors(recs[0]), []);
    assert.equal(recs[0].id, 'JVN-20000052');
    assert.equal(recs[0].affected[0].package.ecosystem, 'npm');

    const no = await get('/advisories/JVN20000055/osv.json');
    assert.equal(no.statusCode, 404);
    assert.equal(no.json().error, 'not_applicable');
    assert.ok(no.json().message.en.includes('OSV ecosystem'));
    assert.equal((await get('/advisories/JVN29999999/osv.json')).statusCode, 404);
  });

  it('never shows an advisory that is approved and scheduled but not yet published', async () => {
    const w = await buildWorld(t);
    const id = '00000000-0000-4000-8000-00000000a001';
    const content = JSON.stringify({
      ...sampleDocument({ id: 'JVN#77777777' }),
      title: bi('未公開XYZ', 'EMBARGOED-XYZ'),
    });
    const now = new Date('2026-11-30T00:00:00Z');
    await t.ctx.db
      .insertInto('advisories')
      .values({
        id,
        case_id: w.product.caseId,
        kind: 'jvn',
        public_id: 'JVN#77777777',
        state: 'scheduled',
        content_enc: t.ctx.secrets.encrypt(content, `advisories.content:${id}`),
        approved_content_enc: t.ctx.secrets.encrypt(content, `advisories.approved:${id}`),
        approved_content_sha256: '0'.repeat(64),
        scheduled_for: new Date('2026-12-24T00:00:00Z'),
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const url of [
      '/feeds/jvnrss.rdf',
      '/feeds/jvnrss.rdf?lang=en',
      '/feeds/atom.xml',
      '/feeds/atom.xml?lang=en',
    ]) {
      const body = (await get(url)).body;
      assert.ok(!body.includes('77777777') && !body.includes('XYZ'), url);
    }
    assert.equal((await get('/advisories/JVN77777777/cve/CVE-2026-12345.json')).statusCode, 404);
    assert.equal((await get('/advisories/JVN77777777/osv.json')).statusCode, 404);
  });

  it('answers an empty public database with empty, valid feeds', async () => {
    const empty = await startTestApp();
    try {
      for (const url of ['/feeds/jvnrss.rdf', '/feeds/atom.xml']) {
        const res = await empty.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, url);
        assert.equal(XMLValidator.validate(res.body), true, url);
      }
    } finally {
      await empty.close();
    }
  });
});
