// The cost of arbitrary as-of days over HTTP: a client asking for many days other than today and the quarters'
// last days (each a computation) gets 429 after ARBITRARY_AS_OF_PER_MINUTE a minute, in the shared error body;
// today's report and the quarterly ones stay open to it. The engine is replaced by a fixture.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type App, buildServer } from '../../platform/http/server.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { ARBITRARY_AS_OF_PER_MINUTE, emptyReport } from './load-report.js';
import { statisticsRoutesWith } from './routes.js';

describe('rate limit on arbitrary as-of days', () => {
  let t: TestApp;
  let app: App;
  let computed = 0;
  const get = (url: string, ip = '203.0.113.7') => app.inject({ method: 'GET', url, remoteAddress: ip });

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T03:00:00Z' });
    app = await buildServer(t.ctx, [
      statisticsRoutesWith(async (_ctx, asOf) => {
        computed++;
        return emptyReport(asOf, '2004-07-08');
      }),
    ]);
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await t?.close();
  });

  it('refuses the arbitrary days over the limit with 429, and still serves today and quarter ends', async () => {
    const day = (i: number) =>
      `2013-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    for (let i = 0; i < ARBITRARY_AS_OF_PER_MINUTE; i++) {
      const url = i % 3 === 0 ? '/api/v1/statistics' : i % 3 === 1 ? '/statistics.csv' : '/statistics';
      const res = await get(`${url}?asOf=${day(i)}`);
      assert.equal(res.statusCode, 200, `${url} ${day(i)}`);
    }
    const over = await get(`/api/v1/statistics?asOf=${day(99)}`);
    assert.equal(over.statusCode, 429);
    const computedBefore = computed;
    assert.equal((await get('/statistics?asOf=2012-06-15')).statusCode, 429);
    assert.equal(computed, computedBefore, 'nothing computed for a refused request');
    for (const url of [
      '/api/v1/statistics',
      '/statistics?asOf=2026-12-01',
      '/statistics?asOf=2012-09-30',
      '/statistics/quarters/2012Q3',
    ])
      assert.equal((await get(url)).statusCode, 200, url);
    // another client is not affected
    assert.equal((await get(`/api/v1/statistics?asOf=${day(5)}`, '198.51.100.9')).statusCode, 200);
  });
});
