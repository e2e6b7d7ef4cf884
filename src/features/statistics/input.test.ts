// What the statistics URLs accept: the as-of day at its edges (the scheme's first day, today in JST, real
// calendar days only), quarter paths, the day a quarter is computed as of, and the quarters to navigate.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  availableQuarters,
  isDay,
  parseAsOf,
  parseQuarterPath,
  quarterAsOf,
  quarterEndDay,
  quarterOfDay,
  todayJst,
} from './input.js';

const START = '2004-07-08';

describe('statistics input', () => {
  it('takes today when no day is asked, and refuses malformed, early and future days', () => {
    assert.deepEqual(parseAsOf(undefined, '2026-12-01', START), { ok: true, asOf: '2026-12-01' });
    assert.deepEqual(parseAsOf('', '2026-12-01', START), { ok: true, asOf: '2026-12-01' });
    assert.deepEqual(parseAsOf('2004-07-08', '2026-12-01', START), { ok: true, asOf: '2004-07-08' });
    assert.deepEqual(parseAsOf('2026-12-01', '2026-12-01', START), { ok: true, asOf: '2026-12-01' });
    const problem = (raw: unknown) => {
      const r = parseAsOf(raw, '2026-12-01', START);
      return r.ok ? null : r.problem.key;
    };
    assert.equal(problem('2004-07-07'), 'statistics.errors.asOfBeforeStart');
    assert.equal(problem('2026-12-02'), 'statistics.errors.asOfFuture');
    for (const bad of [
      '2012-02-30',
      '2012-13-01',
      '12-09-30',
      '2012-9-30',
      ['2012-09-30'],
      20120930,
      ' 2012-09-30',
    ])
      assert.equal(problem(bad), 'statistics.errors.asOfInvalid', String(bad));
    assert.equal(isDay('2012-02-29'), true);
    assert.equal(isDay('2013-02-29'), false);
  });

  it('today is the JST day: 15:00 UTC is already tomorrow in Japan', () => {
    assert.equal(todayJst(new Date('2026-12-01T14:59:59Z')), '2026-12-01');
    assert.equal(todayJst(new Date('2026-12-01T15:00:00Z')), '2026-12-02');
  });

  it('reads quarter paths with an optional .csv or .json', () => {
    assert.deepEqual(parseQuarterPath('2012Q3'), { quarter: '2012Q3', year: 2012, q: 3, format: 'html' });
    assert.equal(parseQuarterPath('2012Q3.csv')?.format, 'csv');
    assert.equal(parseQuarterPath('2012Q3.json')?.format, 'json');
    for (const bad of ['2012Q0', '2012Q5', '2012q3', '12Q3', '2012Q3.xml', '2012Q3.csv.csv', ''])
      assert.equal(parseQuarterPath(bad), null, bad);
  });

  it('computes a quarter as of its last day, the quarter under way as of today, and none outside', () => {
    assert.equal(quarterEndDay('2012Q3'), '2012-09-30');
    assert.equal(quarterEndDay('2012Q1'), '2012-03-31');
    assert.equal(quarterEndDay('2024Q4'), '2024-12-31');
    assert.equal(quarterAsOf('2012Q3', '2026-12-01', START), '2012-09-30');
    assert.equal(quarterAsOf('2004Q3', '2026-12-01', START), '2004-09-30');
    assert.equal(quarterAsOf('2004Q2', '2026-12-01', START), null);
    assert.equal(quarterAsOf('2026Q4', '2026-12-01', START), '2026-12-01');
    assert.equal(quarterAsOf('2026Q4', '2026-12-31', START), '2026-12-31');
    assert.equal(quarterAsOf('2027Q1', '2026-12-31', START), null);
    assert.equal(quarterOfDay('2012-09-30'), '2012Q3');
    assert.equal(quarterOfDay('2012-10-01'), '2012Q4');
  });

  it("lists the quarters from today's back to the scheme's first", () => {
    const qs = availableQuarters('2005-01-15', START);
    assert.deepEqual(qs, ['2005Q1', '2004Q4', '2004Q3']);
    assert.equal(availableQuarters('2026-12-01', START).length, 90);
  });
});
