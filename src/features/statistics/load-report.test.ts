// The report loader: a day's report is computed once for a few minutes (concurrent requests share it), per
// application; a failure is not kept; a fixture put in the engine's place is used at once and put back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { emptyReport, isArbitraryAsOf, loadReport, replaceEngineForTests } from './load-report.js';

describe('loadReport', () => {
  it('computes a day once for five minutes, shares a computation under way, and keeps no failure', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const ctx = { clock } as unknown as AppContext;
    const other = { clock } as unknown as AppContext;
    const asked: string[] = [];
    let fail = false;
    const restore = replaceEngineForTests(async (_ctx, asOf) => {
      asked.push(asOf);
      if (fail) throw new Error('database away');
      return emptyReport(asOf, '2004-07-08');
    });
    try {
      const [a, b] = await Promise.all([loadReport(ctx, '2012-09-28'), loadReport(ctx, '2012-09-28')]);
      assert.equal(a, b);
      assert.deepEqual(asked, ['2012-09-28']);
      await loadReport(ctx, '2012-09-29');
      await loadReport(other, '2012-09-28');
      assert.deepEqual(asked, ['2012-09-28', '2012-09-29', '2012-09-28'], 'per day and per application');
      clock.advance(5 * 60_000);
      await loadReport(ctx, '2012-09-28');
      assert.equal(asked.length, 4, 'recomputed after five minutes');

      fail = true;
      await assert.rejects(loadReport(ctx, '2012-01-01'));
      fail = false;
      assert.equal((await loadReport(ctx, '2012-01-01')).asOf, '2012-01-01');
    } finally {
      restore();
    }
  });

  it("keeps completed quarters' reports apart: a hundred other days never push them out", async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const ctx = { clock } as unknown as AppContext;
    const asked: string[] = [];
    const restore = replaceEngineForTests(async (_ctx, asOf) => {
      asked.push(asOf);
      return emptyReport(asOf, '2004-07-08');
    });
    try {
      const quarterEnds = ['2012-09-30', '2012-12-31', '2013-03-31', '2013-06-30'];
      for (const d of quarterEnds) await loadReport(ctx, d);
      for (let i = 1; i <= 100; i++)
        await loadReport(
          ctx,
          `2014-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
        );
      const before = asked.length;
      for (const d of quarterEnds) await loadReport(ctx, d);
      assert.equal(asked.length, before, 'all four still remembered');
      clock.advance(30 * 60_000);
      await loadReport(ctx, '2012-09-30');
      assert.equal(asked.length, before, 'for an hour');
      clock.advance(31 * 60_000);
      await loadReport(ctx, '2012-09-30');
      assert.equal(asked.length, before + 1);
    } finally {
      restore();
    }
  });

  it('tells an arbitrary as-of day (rate-limited) from today and quarter ends (not limited)', () => {
    const today = '2026-12-01';
    for (const raw of [undefined, '', today, '2012-09-30', '2026-12-31'])
      assert.equal(isArbitraryAsOf(raw, today), false, String(raw));
    for (const raw of ['2012-09-29', '2026-11-30', 'garbage', ['2012-09-30']])
      assert.equal(isArbitraryAsOf(raw, today), true, String(raw));
  });
});
