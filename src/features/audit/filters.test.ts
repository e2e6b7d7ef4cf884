import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFilterSchema, criteriaOf, startOfLocalDay } from './filters.js';

const schema = auditFilterSchema({ invalidDate: 'bad date', reversed: 'reversed' });

describe('audit trail filters', () => {
  it('takes a date as that whole day in the viewer time zone', () => {
    assert.equal(startOfLocalDay('2026-01-02', 'Asia/Tokyo').toISOString(), '2026-01-01T15:00:00.000Z');
    assert.equal(startOfLocalDay('2026-01-02', 'UTC').toISOString(), '2026-01-02T00:00:00.000Z');
    const f = schema.parse({ from: '2026-01-02', to: '2026-01-02' });
    const c = criteriaOf(f, 'Asia/Tokyo');
    assert.equal(c.since?.toISOString(), '2026-01-01T15:00:00.000Z');
    assert.equal(c.until?.toISOString(), '2026-01-02T15:00:00.000Z');
  });

  it('finds local midnight across daylight-saving changes', () => {
    // New York: clocks went forward on 2026-03-08 (UTC-5 before, UTC-4 after)
    assert.equal(startOfLocalDay('2026-03-08', 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(startOfLocalDay('2026-03-09', 'America/New_York').toISOString(), '2026-03-09T04:00:00.000Z');
    // a month end rolls over into the next month
    const c = criteriaOf(schema.parse({ to: '2026-12-31' }), 'UTC');
    assert.equal(c.until?.toISOString(), '2027-01-01T00:00:00.000Z');
  });

  it('refuses dates that are not calendar dates, and ranges that end before they start', () => {
    assert.equal(schema.safeParse({ from: '2026-02-30' }).success, false);
    assert.equal(schema.safeParse({ from: '2026/01/01' }).success, false);
    const reversed = schema.safeParse({ from: '2026-02-02', to: '2026-02-01' });
    assert.equal(reversed.success, false);
    assert.equal(reversed.error?.issues[0]?.message, 'reversed');
  });

  it('treats empty fields as not given, and page cursors as positive sequence numbers', () => {
    const blank = schema.parse({ actor: ' ', action: '', before: '' });
    assert.deepEqual(
      Object.values(blank).filter((v) => v !== undefined),
      [],
    );
    assert.equal(schema.safeParse({ before: '0' }).success, false);
    assert.equal(schema.safeParse({ before: '1; drop table' }).success, false);
  });
});
