// The statistics pages, downloads and API over HTTP, anonymous: the quarterly report of 2012-Q3 (the fixture of
// the seeds' reference figures) in Japanese and English with a chart and a table per figure, the dashboard and
// its as-of day (validated, ja/en errors), CSV (BOM, CRLF, per section) and JSON downloads, and the API (schema,
// ETag/304, Cache-Control by day, 400 with the shared error body). The engine is replaced by the fixture.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { type App, buildServer } from '../../platform/http/server.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { importHistory } from './import-history.js';
import { emptyReport } from './load-report.js';
import type { StatisticsReport } from './report.js';
import { statisticsRoutesWith } from './routes.js';
import { sampleReport } from './testing.js';

describe('statistics over HTTP', () => {
  let t: TestApp;
  let app: App;
  const asked: string[] = [];
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  const en = { 'accept-language': 'en' };

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T03:00:00Z' });
    app = await buildServer(t.ctx, [
      statisticsRoutesWith(async (_ctx, asOf): Promise<StatisticsReport> => {
        asked.push(asOf);
        return asOf === '2012-09-30' ? sampleReport() : emptyReport(asOf, '2004-07-08');
      }),
    ]);
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await t?.close();
  });

  it('shows the 2012-Q3 report with the reference figures, a chart and a table per figure (ja)', async () => {
    const res = await get('/statistics/quarters/2012Q3');
    assert.equal(res.statusCode, 200);
    assert.equal(asked.at(-1), '2012-09-30');
    const html = res.body;
    for (const figure of ['7,950', '1,424', '6,526', '667', '4,436', '35%', '47%', '66%', '2,924', '3.96'])
      assert.ok(html.includes(figure), `the page shows ${figure}`);
    assert.match(html, /<h1>2012年第3四半期の届出状況<\/h1>/);
    assert.match(html, /修正完了/);
    assert.match(html, /うち 当該ページを削除/);
    // every chart is labelled by its caption, and a table follows it
    const charts = html.match(/<svg role="img" aria-labelledby="fig-[a-z0-9-]+-caption"/g) ?? [];
    assert.ok(charts.length >= 15, `${charts.length} charts`);
    const tables = html.match(/<table class="stat-table">/g) ?? [];
    assert.ok(tables.length >= charts.length);
    assert.match(html, /<th scope="col">/);
    assert.match(html, /<th scope="row">/);
    // the sections in the seeds' order
    const order = ['sec-s1', 'sec-s2', 'sec-s3', 'sec-s4', 'sec-s5', 'sec-s6', 'sec-s8', 'sec-s9', 'sec-s10'];
    const at = order.map((id) => html.indexOf(`id="${id}"`));
    assert.deepEqual(
      at,
      [...at].sort((a, b) => a - b),
    );
    assert.ok(at.every((i) => i > 0));
    for (const id of ['s11', 's12', 's13', 's14', 's15', 's16']) assert.ok(html.includes(`id="sec-${id}"`));
    // the within-90 trend like the seed's table: quarters across
    assert.match(html, /<th scope="col" class="num">2009 4Q<\/th>/);
    // the CSV of each figure, the downloads, the quarters to navigate, the print stylesheet
    assert.match(html, /href="\/statistics\/quarters\/2012Q3\.csv\?section=s12-trend"/);
    assert.match(html, /href="\/statistics\/quarters\/2012Q3\.json"/);
    assert.match(html, /href="\/statistics\/quarters\/2004Q3"/);
    assert.match(html, /href="\/statistics\/quarters\/2026Q4"/);
    assert.match(html, /href="\/assets\/statistics\.css"/);
    // no script, no inline style (the CSP allows neither)
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, / style="/);
  });

  it('shows the same report in English', async () => {
    const res = await get('/statistics/quarters/2012Q3', en);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en"/);
    assert.match(res.body, /Reporting statistics, Q3 2012/);
    assert.match(res.body, /Published within 45 days/);
    assert.match(res.body, /of which the page was deleted/);
    for (const figure of ['7,950', '1,424', '6,526', '667', '4,436', '35%', '47%', '66%'])
      assert.ok(res.body.includes(figure), figure);
  });

  it('the charts on a page are well-formed SVG with unique ids', async () => {
    const html = (await get('/statistics/quarters/2012Q3')).body;
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const svg of svgs) assert.doesNotThrow(() => parser.parse(svg));
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique on the page');
  });

  it('a quarter outside the scheme, in the future or misspelled is 404', async () => {
    for (const q of ['2004Q2', '2027Q1', '2012Q5', '2012q3', 'x', '2012Q3.xml'])
      assert.equal((await get(`/statistics/quarters/${q}`)).statusCode, 404, q);
    // the quarter under way is computed as of today (JST)
    assert.equal((await get('/statistics/quarters/2026Q4')).statusCode, 200);
    assert.equal(asked.at(-1), '2026-12-01');
    // the first quarter is there
    assert.equal((await get('/statistics/quarters/2004Q3')).statusCode, 200);
  });

  it('the dashboard shows headline figures as of today or a chosen day, in ja and en', async () => {
    const today = await get('/statistics');
    assert.equal(today.statusCode, 200);
    assert.equal(asked.at(-1), '2026-12-01');
    assert.match(today.body, /2026-12-01 時点/);
    assert.match(today.body, /この時点では該当するデータがありません/);

    const past = await get('/statistics?asOf=2012-09-30');
    assert.equal(past.statusCode, 200);
    for (const figure of ['7,950', '1,424', '6,526', '667', '4,436', '35%', '47%', '66%'])
      assert.ok(past.body.includes(figure), figure);
    assert.match(past.body, /href="\/statistics\.csv\?asOf=2012-09-30&amp;section=s1"/);
    assert.match(past.body, /href="\/statistics\/quarters\/2012Q3"/);

    const english = await get('/statistics?asOf=2012-09-30', en);
    assert.match(english.body, /As of 2012-09-30/);
    assert.match(english.body, /Cumulative reports/);
  });

  it('refuses an unusable as-of day with a clear message in ja and en, keeping what was typed', async () => {
    const cases: [string, RegExp, RegExp][] = [
      ['2012-13-01', /YYYY-MM-DD の形式/, /Enter the date as YYYY-MM-DD/],
      ['yesterday', /YYYY-MM-DD の形式/, /Enter the date as YYYY-MM-DD/],
      [
        '2004-07-07',
        /届出受付開始日（2004-07-08）以降/,
        /on or after the start of acceptance \(2004-07-08\)/,
      ],
      [
        '2026-12-02',
        /未来の日付は指定できません（今日は 2026-12-01 です）/,
        /cannot be in the future \(today is 2026-12-01\)/,
      ],
    ];
    for (const [asOf, ja, english] of cases) {
      const res = await get(`/statistics?asOf=${encodeURIComponent(asOf)}`);
      assert.equal(res.statusCode, 400, asOf);
      assert.match(res.body, ja);
      assert.match(res.body, /aria-invalid="true"/);
      assert.ok(res.body.includes(`value="${asOf}"`));
      assert.match((await get(`/statistics?asOf=${encodeURIComponent(asOf)}`, en)).body, english);
    }
    assert.equal((await get('/statistics?asOf=2004-07-08')).statusCode, 200);
  });

  it('downloads the quarter as CSV: BOM, CRLF, every figure, or one section', async () => {
    const all = await get('/statistics/quarters/2012Q3.csv');
    assert.equal(all.statusCode, 200);
    assert.match(String(all.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(all.headers['content-disposition']), /attachment; filename="statistics-2012Q3\.csv"/);
    assert.equal(all.headers['cache-control'], 'public, max-age=3600');
    assert.ok(all.body.startsWith('\uFEFF'));
    assert.ok(all.body.includes('\r\n'));
    assert.doesNotMatch(all.body.replace(/\r\n/g, ''), /\n/);
    for (const id of ['s1', 's3', 's4', 's12-trend', 's16'])
      assert.match(all.body, new RegExp(`\\r\\n${id},`));

    const one = await get('/statistics/quarters/2012Q3.csv?section=s3');
    assert.match(String(one.headers['content-disposition']), /statistics-2012Q3-s3\.csv/);
    const lines = one.body.slice(1).split('\r\n');
    assert.equal(lines[0], '状況,件数,割合（%）');
    assert.equal(lines[1], '公表済み,667,47');
    assert.equal(lines.at(-2), '合計,1424,100');

    const trend = (await get('/statistics/quarters/2012Q3.csv?section=s12-trend', en)).body
      .slice(1)
      .split('\r\n');
    assert.equal(
      trend[0],
      'Quarter,2009 4Q,2010 1Q,2010 2Q,2010 3Q,2010 4Q,2011 1Q,2011 2Q,2011 3Q,2011 4Q,2012 1Q,2012 2Q,2012 3Q',
    );
    assert.equal(trend[3], 'Fixed within 90 days,72,70,68,67,66,65,65,64,66,66,66,66');

    const bad = await get('/statistics/quarters/2012Q3.csv?section=../../etc', en);
    assert.equal(bad.statusCode, 400);
    assert.equal((await get('/statistics.csv?asOf=2012-09-30&section=s1')).statusCode, 200);
    assert.equal((await get('/statistics.csv?asOf=nope')).statusCode, 400);
  });

  it('downloads the quarter as JSON, the same report the API gives', async () => {
    const res = await get('/statistics/quarters/2012Q3.json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(res.json(), sampleReport());
  });

  it('the API gives the report with an ETag, 304 for a current copy, and caches a past day longer', async () => {
    const res = await get('/api/v1/statistics?asOf=2012-09-30');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), sampleReport());
    assert.equal(res.headers['cache-control'], 'public, max-age=3600');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['set-cookie'], undefined);
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get('/api/v1/statistics?asOf=2012-09-30', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const other = await get('/api/v1/statistics?asOf=2012-09-29', { 'if-none-match': etag });
    assert.equal(other.statusCode, 200);

    const today = await get('/api/v1/statistics');
    assert.equal(today.statusCode, 200);
    assert.equal(today.json().asOf, '2026-12-01');
    assert.equal(today.headers['cache-control'], 'public, max-age=300');
  });

  it("the API refuses a bad day with the shared error body, in the caller's language", async () => {
    const ja = await get('/api/v1/statistics?asOf=2012-02-30');
    assert.equal(ja.statusCode, 400);
    const body = ja.json();
    assert.equal(body.error.code, 'validation');
    assert.match(body.error.fields.asOf[0], /YYYY-MM-DD の形式/);
    const english = (await get('/api/v1/statistics?asOf=2099-01-01', en)).json();
    assert.match(english.error.fields.asOf[0], /cannot be in the future/);
    assert.equal((await get('/api/v1/statistics?asOf=2004-01-01')).statusCode, 400);
  });

  it('the real app reads the engine: an imported history shows on the page, in the API and the CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keikai-stat-http-'));
    const file = join(dir, 'history.jsonl');
    const lines = [
      {
        id: 'SW-1',
        track: 'software',
        receivedOn: '2012-07-02',
        acceptedOn: '2012-07-03',
        publishedOn: '2012-08-10',
      },
      { id: 'SW-2', track: 'software', receivedOn: '2012-07-05', notAcceptedOn: '2012-07-09' },
      {
        id: 'WEB-1',
        track: 'website',
        receivedOn: '2012-07-02',
        acceptedOn: '2012-07-03',
        notifiedOn: '2012-07-04',
        outcome: 'fixed',
        outcomeOn: '2012-08-03',
        fixAction: 'page_deleted',
        websiteVulnerabilityType: 'xss',
      },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    await importHistory(t.ctx, file);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/statistics?asOf=2012-09-30' });
    assert.equal(api.statusCode, 200);
    const report = api.json() as StatisticsReport;
    assert.deepEqual(report.totals, { software: 2, website: 1, total: 3 });
    assert.equal(report.websiteStatus.fixedByPageDeletion, 1);
    const page = await t.app.inject({ method: 'GET', url: '/statistics/quarters/2012Q3', headers: en });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<th scope="row">Published<\/th><td class="num">1<\/td><td class="num">50%<\/td>/,
    );
    assert.match(page.body, /Cross-site scripting/);
    const csv = await t.app.inject({ method: 'GET', url: '/statistics/quarters/2012Q3.csv?section=s4' });
    assert.match(csv.body, /\r\nうち 当該ページを削除,1,100\r\n/);
  });

  it('the API is in the OpenAPI document and the real app serves the pages with its engine', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/statistics'].get;
    assert.ok(op.responses['200'].content['application/json'].schema.properties.websiteStatus);
    assert.ok(op.responses['400']);
    const page = await t.app.inject({ method: 'GET', url: '/statistics' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/statistics" aria-current="page">届出状況<\/a>/);
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.match(home.body, /href="\/statistics"/);
  });
});
