// The whole path with the real engine: the history generated to the seeds' 2012-Q3 reference figures
// (testing/reference-history.ts) is imported, and the public quarterly report, the dashboard as of 2012-09-30,
// the API and the CSV show the published figures — 7,950 / 1,424 / 6,526, 667 published, 4,436 fixed, 35%
// within 45 days, 47% / 66% fixed within 30 / 90 days — in Japanese and English.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { importHistory } from './import-history.js';
import type { StatisticsReport } from './report.js';
import { referenceHistoryJsonl } from './testing/reference-history.js';

const FIGURES = ['7,950', '1,424', '6,526', '667', '4,436', '35%', '47%', '66%'];

describe('the 2012-Q3 reference figures on the public pages, through the engine', () => {
  let t: TestApp;
  let dir: string;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T03:00:00Z' });
    dir = mkdtempSync(join(tmpdir(), 'keikai-reference-page-'));
    const file = join(dir, 'history.jsonl');
    writeFileSync(file, referenceHistoryJsonl());
    await importHistory(t.ctx, file);
  });
  after(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the quarterly report shows every reference figure, in ja and en', async () => {
    for (const headers of [{}, { 'accept-language': 'en' }] as Record<string, string>[]) {
      const res = await get('/statistics/quarters/2012Q3', headers);
      assert.equal(res.statusCode, 200);
      for (const figure of FIGURES)
        assert.ok(res.body.includes(figure), `${figure} (${JSON.stringify(headers)})`);
      // the within-90 trend of the seed's table
      assert.match(res.body, /<td class="num">72%<\/td><td class="num">70%<\/td><td class="num">68%<\/td>/);
    }
  });

  it('the dashboard as of 2012-09-30, the API and the CSV agree', async () => {
    const page = await get('/statistics?asOf=2012-09-30');
    for (const figure of FIGURES) assert.ok(page.body.includes(figure), figure);
    const report = (await get('/api/v1/statistics?asOf=2012-09-30')).json() as StatisticsReport;
    assert.deepEqual(report.totals, { software: 1424, website: 6526, total: 7950 });
    assert.equal(report.daysToPublication.within45Pct, 35);
    assert.deepEqual([report.daysToFix.within30Pct, report.daysToFix.within90Pct], [47, 66]);
    const csv = (await get('/statistics/quarters/2012Q3.csv?section=s2')).body.slice(1).split('\r\n');
    assert.deepEqual(csv.slice(1, 4), ['ソフトウェア製品,1424,18', 'ウェブサイト,6526,82', '合計,7950,100']);
  });
});
