// The public vulnerability database over HTTP: pages (list, search, advisory, revisions, developers, sitemap)
// and the JSON API (shapes, ETag/304, Cache-Control, CORS, no cookies, 400 in ja/en, 404), for an anonymous
// visitor and a signed-in one alike. Drafts in the advisories table never show (they are not public rows).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { type Browser, textOf } from '../../testing/browser.js';
import { sessionOf } from '../../testing/world.js';
import { sampleDocument, seedPublic } from './testing.js';

const bi = (ja: string, en: string) => ({ ja, en });

describe('public vulnerability database over HTTP', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    await seedPublic(t.ctx, [
      sampleDocument({ id: 'JVN#30000001', firstPublishedAt: '2026-11-01T01:00:00.000Z' }),
      sampleDocument({
        id: 'JVNVU#30000002',
        kind: 'jvnvu',
        firstPublishedAt: '2026-11-05T01:00:00.000Z',
        title: bi('暗号鍵のハードコード', ''),
        overview: bi('暗号の鍵が固定されています。', ''),
        sample: true,
        developers: [{ slug: 'key-works', name: bi('キー製作所', 'Key Works') }],
        products: [
          {
            ...sampleDocument().products[0]!,
            developerSlug: 'key-works',
            name: bi('鍵サーバ', 'Key Server'),
          },
        ],
        vendorStatuses: [],
      }),
      ...Array.from({ length: 25 }, (_, i) =>
        sampleDocument({
          id: `JVN#3100${String(i).padStart(4, '0')}`,
          firstPublishedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 3_600_000).toISOString(),
          title: bi(`バルク製品 ${i}`, `Bulk ${i}`),
          developers: [{ slug: 'bulk-soft', name: bi('バルクソフト', 'Bulk Soft') }],
          products: [],
          vendorStatuses: [],
        }),
      ),
    ]);
    await seedPublic(t.ctx, [
      sampleDocument({
        id: 'JVN#30000001',
        firstPublishedAt: '2026-11-01T01:00:00.000Z',
        lastUpdatedAt: '2026-11-20T01:00:00.000Z',
        revision: 2,
        solution: bi('バージョン 1.2.5 にアップデートしてください。', 'Update to 1.2.5.'),
      }),
    ]);
  });
  after(() => t?.close());

  describe('pages', () => {
    it('lists the latest advisories with severity labels, developers, JST dates and a pager', async () => {
      const res = await get('/advisories');
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.match(res.body, /href="\/advisories\/JVNVU30000002"/);
      assert.match(text, /緊急（9\.8）/, "JVN's Japanese label and the score");
      assert.match(text, /サンプル/, 'the sample badge');
      assert.match(text, /2026-11-05/);
      assert.match(text, /27 件中 1–20 件目/);
      assert.match(res.body, /<a href="\/advisories\?page=2" rel="next">/);
      const page2 = await get('/advisories?page=2');
      assert.match(page2.body, /<a href="\/advisories" rel="prev">/);
      assert.doesNotMatch(page2.body, /rel="next"/);
    });

    it('links to the mail subscription and the feeds, and names the feeds in the head of every public page', async () => {
      const ja = await get('/advisories');
      assert.match(ja.body, /<a href="\/subscribe">メールで購読<\/a>/);
      assert.match(ja.body, /<a href="\/feeds\/jvnrss\.rdf\?lang=ja">/);
      assert.match(ja.body, /<a href="\/feeds\/atom\.xml\?lang=ja">/);
      const en = await get('/advisories', { 'accept-language': 'en' });
      assert.match(en.body, /<a href="\/subscribe">Subscribe by mail<\/a>/);
      assert.match(
        en.body,
        /<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/atom\.xml\?lang=en"/,
      );
      for (const url of [
        '/advisories',
        '/advisories/JVN30000001',
        '/advisories/JVN30000001/revisions',
        '/developers',
        '/developers/key-works',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        const head = /<head>([\s\S]*)<\/head>/.exec(res.body)?.[1] ?? '';
        assert.match(
          head,
          /<link rel="alternate" type="application\/rss\+xml" href="\/feeds\/jvnrss\.rdf\?lang=ja" title="[^"]+"/,
          url,
        );
        assert.match(
          head,
          /<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/atom\.xml\?lang=ja"/,
          url,
        );
      }
    });

    it('searches with the form values kept, and shows English to an English reader, with ja fallback marked', async () => {
      const res = await get('/advisories?q=%E6%9A%97%E5%8F%B7&severity=critical', {
        'accept-language': 'en',
      });
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.match(text, /1–1 of 1/);
      assert.match(
        res.body,
        /<span lang="ja">暗号鍵のハードコード<\/span>/,
        'no English title: the Japanese, marked',
      );
      assert.match(res.body, /value="暗号"/);
      assert.match(res.body, /value="critical" checked/);
      assert.match(text, /Critical \(9\.8\)/);
    });

    it('shows bad filters as field errors in the reader language, keeping what was typed (400)', async () => {
      const res = await get('/advisories?published_from=2026-13-01&severity=urgent&cwe=xss');
      assert.equal(res.statusCode, 400);
      assert.match(textOf(res.body), /YYYY-MM-DD 形式/);
      assert.match(res.body, /value="2026-13-01"/);
      assert.match(res.body, /href="#severity"/);
      const en = await get('/advisories?cwe=xss', { 'accept-language': 'en' });
      assert.match(textOf(en.body), /Not a CWE identifier/);
    });

    it('shows the whole advisory: products, CWE name, CVSS vectors, CVE link, statuses, credits, history, exports', async () => {
      const res = await get('/advisories/JVN30000001');
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      for (const s of [
        'サンプル製品における認証回避の脆弱性',
        '1.0.0 から 1.2.3 まで',
        'CWE-287: Improper Authentication',
        'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        '修正済み',
        '修正版を提供しています。',
        '山田太郎 氏',
        'サンプル工業 サポート窓口',
        '第2版に更新しました',
        'バージョン 1.2.5 にアップデートしてください。',
        '2026-11-01',
        '2026-11-20',
        '悪用の報告はありません',
      ])
        assert.ok(text.includes(s), s);
      for (const href of [
        'https://www.cve.org/CVERecord?id=CVE-2026-12345',
        '/advisories/JVN30000001/csaf.json',
        '/advisories/JVN30000001/cve/CVE-2026-12345.json',
        '/advisories/JVN30000001/osv.json',
        '/feeds/jvnrss.rdf?lang=ja',
        '/feeds/atom.xml?lang=ja',
        '/advisories/JVN30000001/revisions',
        '/developers/sample-industries',
      ])
        assert.ok(res.body.includes(`href="${href.replaceAll('&', '&amp;')}"`), href);
      assert.doesNotMatch(res.body, /sample-banner/);
    });

    it('shows a sample banner, and the Japanese text marked lang="ja" to an English reader where English is missing', async () => {
      const res = await get('/advisories/JVNVU30000002', { 'accept-language': 'en' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /sample-banner/);
      assert.match(res.body, /<h1 lang="ja">暗号鍵のハードコード<\/h1>/);
      assert.match(res.body, /<div lang="ja"><p>暗号の鍵が固定されています。<\/p><\/div>/);
      assert.match(res.body, /<html lang="en">/);
    });

    it('answers an unknown or malformed slug with the 404 page, never a 500', async () => {
      for (const url of [
        '/advisories/JVN99999999',
        '/advisories/..%2F..%2Fetc',
        "/advisories/x'%20or%201=1",
        `/advisories/${'A'.repeat(99)}~`,
        '/advisories/%00',
        '/advisories/JVN30000001/revisions/9',
        '/advisories/JVN30000001/revisions/x',
        '/advisories/JVN30000001/revisions?revision=-1',
        '/advisories/nope/revisions',
        '/developers/nope',
        '/developers/Not_A_Slug',
        '/developers?page=zero',
        '/sitemap.xml?part=9',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.headers['content-type'] as string, /text\/html/, url);
      }
    });

    it('lists the revisions and shows an earlier one from the revision table', async () => {
      const list = await get('/advisories/JVN30000001/revisions');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /href="\/advisories\/JVN30000001\/revisions\/1"/);
      assert.match(textOf(list.body), /公開しました/);
      for (const url of [
        '/advisories/JVN30000001/revisions/1',
        '/advisories/JVN30000001/revisions?revision=1',
      ]) {
        const r1 = await get(url);
        assert.equal(r1.statusCode, 200, url);
        const text = textOf(r1.body);
        assert.match(text, /これは第1版/);
        assert.ok(
          text.includes('開発者が提供する最新版にアップデートしてください。'),
          'the solution as it was',
        );
        assert.ok(!text.includes('1.2.5 にアップデート'));
      }
    });

    it('lists developers with counts and shows a developer page with its advisories only', async () => {
      const list = await get('/developers');
      assert.equal(list.statusCode, 200);
      assert.match(textOf(list.body), /バルクソフト 25/);
      const dev = await get('/developers/key-works');
      assert.equal(dev.statusCode, 200);
      const text = textOf(dev.body);
      assert.match(text, /キー製作所 の脆弱性対策情報/);
      assert.match(text, /1 件中 1–1 件目/);
      assert.match(dev.body, /JVNVU30000002/);
      assert.doesNotMatch(dev.body, /JVN30000001/);
      const bulk = await get('/developers/bulk-soft?q=Bulk');
      assert.match(bulk.body, /href="\/developers\/bulk-soft\?q=Bulk&amp;page=2" rel="next"/);
    });

    it('lists only public, non-sample advisories and developer pages in the sitemap', async () => {
      const res = await get('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /application\/xml/);
      const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      const base = t.ctx.config.publicUrl;
      assert.ok(locs.includes(`${base}/advisories/JVN30000001`));
      assert.ok(!locs.some((l) => l.endsWith('/JVNVU30000002')), 'samples are not offered to search engines');
      assert.ok(locs.includes(`${base}/developers/bulk-soft`));
      assert.equal(locs.filter((l) => l.includes('/advisories/')).length, 26);
      assert.ok(
        locs.every((l) => /\/(advisories|developers)(\/|$)/.test(l)),
        'nothing else',
      );
    });

    it('shows everything to a signed-in person too, and the navigation links to the database', async () => {
      const org = await makeOrganization(t.ctx, 'product_developer', 'Nav Test');
      const user = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
      const b: Browser = await sessionOf(t, user.userId);
      for (const url of ['/advisories', '/advisories/JVN30000001', '/developers', '/developers/key-works']) {
        const r = await b.get(url);
        assert.equal(r.statusCode, 200, url);
        assert.match(r.body, /<a href="\/advisories"[^>]*>脆弱性対策情報<\/a>/, url);
      }
      const home = await get('/');
      assert.match(home.body, /href="\/advisories"/);
    });
  });

  describe('JSON API', () => {
    it('lists summaries with page, perPage, total and links; no cookie, public cache, CORS', async () => {
      const res = await get('/api/v1/advisories?per_page=10&page=2');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), [
        'items',
        'links',
        'page',
        'perPage',
        'total',
        'totalCapped',
      ]);
      assert.equal(body.total, 27);
      assert.equal(body.page, 2);
      assert.equal(body.perPage, 10);
      assert.equal(body.items.length, 10);
      const base = `${t.ctx.config.publicUrl}/api/v1/advisories`;
      assert.equal(body.links.next, `${base}?page=3&per_page=10`);
      assert.equal(body.links.prev, `${base}?per_page=10`);
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['set-cookie'], undefined);
      assert.match(res.headers.etag as string, /^"[^"]+"$/);
      const first = (await get('/api/v1/advisories')).json();
      assert.equal(first.perPage, 50);
      assert.equal(first.items[0].id, 'JVNVU#30000002');
      assert.deepEqual(first.items[0].developers, [
        { slug: 'key-works', name: bi('キー製作所', 'Key Works') },
      ]);
      assert.equal(first.items[0].severity, 'critical');
      assert.equal(first.items[0].score, 9.8, 'the highest of its scores');
      assert.equal(first.items[0].sample, true);
      assert.equal(first.items[0].url, `${t.ctx.config.publicUrl}/advisories/JVNVU30000002`);
    });

    it('filters like the pages', async () => {
      const r = (
        await get('/api/v1/advisories?q=%E8%AA%8D%E8%A8%BC&developer=sample-industries&kind=jvn')
      ).json();
      assert.deepEqual(
        r.items.map((i: { id: string }) => i.id),
        ['JVN#30000001'],
      );
      const sev = (await get('/api/v1/advisories?severity=low,critical&published_from=2026-11-05')).json();
      assert.equal(sev.total, 1);
    });

    it('answers 304 to a matching If-None-Match and a new ETag when the parameters change', async () => {
      const res = await get('/api/v1/advisories?q=Bulk');
      const etag = res.headers.etag as string;
      const again = await get('/api/v1/advisories?q=Bulk', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      assert.equal(
        (await get('/api/v1/advisories?q=Bulk', { 'if-none-match': `W/${etag}, "x"` })).statusCode,
        304,
      );
      const other = await get('/api/v1/advisories?q=Bulk&page=2', { 'if-none-match': etag });
      assert.equal(other.statusCode, 200);
      assert.notEqual(other.headers.etag, etag);
    });

    it('gives one advisory by slug or URL-encoded id, with ETag, Last-Modified and 304', async () => {
      const bySlug = await get('/api/v1/advisories/JVN30000001');
      assert.equal(bySlug.statusCode, 200);
      const doc = bySlug.json();
      assert.equal(doc.id, 'JVN#30000001');
      assert.equal(doc.revision, 2);
      assert.equal(doc.revisions.length, 2);
      assert.equal(doc.vulnerabilities[0].cvss40.score, 9.3);
      assert.equal(bySlug.headers['last-modified'], new Date('2026-11-20T01:00:00Z').toUTCString());
      assert.equal(bySlug.headers['cache-control'], 'public, max-age=300');
      assert.equal(bySlug.headers['access-control-allow-origin'], '*');
      assert.equal(bySlug.headers['set-cookie'], undefined);
      const byId = await get('/api/v1/advisories/JVN%2330000001');
      assert.equal(byId.statusCode, 200);
      assert.equal(byId.headers.etag, bySlug.headers.etag);
      const cached = await get('/api/v1/advisories/JVN30000001', {
        'if-none-match': bySlug.headers.etag as string,
      });
      assert.equal(cached.statusCode, 304);
      const since = await get('/api/v1/advisories/JVN30000001', {
        'if-modified-since': bySlug.headers['last-modified'] as string,
      });
      assert.equal(since.statusCode, 304);
    });

    it('refuses bad parameters with 400 and the shared error shape, in ja or en', async () => {
      const ja = await get('/api/v1/advisories?per_page=500&severity=urgent&published_to=2026-02-30');
      assert.equal(ja.statusCode, 400);
      const body = ja.json();
      assert.equal(body.error.code, 'validation');
      assert.deepEqual(Object.keys(body.error.fields).sort(), ['per_page', 'published_to', 'severity']);
      assert.match(body.error.fields.per_page[0], /1 から 100/);
      const en = await get('/api/v1/advisories?page=-2', { 'accept-language': 'en' });
      assert.equal(en.statusCode, 400);
      assert.match(en.json().error.fields.page[0], /whole number/);
      assert.equal((await get('/api/v1/advisories?page=1000&per_page=100')).statusCode, 400);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      for (const url of [
        '/api/v1/advisories/JVN99999999',
        '/api/v1/advisories/%27%3B%20drop',
        '/api/v1/advisories/%00',
        `/api/v1/advisories/${'A'.repeat(99)}~`,
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().error.code, 'not_found', url);
      }
      // a parameter longer than Fastify's limit (100) is refused by the router itself, still not a 500
      assert.equal((await get(`/api/v1/advisories/${'A'.repeat(150)}`)).statusCode, 414);
    });

    it('is documented in the OpenAPI description', async () => {
      const doc = (await get('/api/openapi.json')).json();
      assert.ok(doc.paths['/api/v1/advisories']?.get);
      assert.ok(doc.paths['/api/v1/advisories/{id}']?.get);
    });
  });
});
