// A counter-proposed moment: one exact instant from a wall-clock time in a named zone or from ISO 8601 with an
// offset; never a zone-less time, a skipped or repeated DST time, a moment in the past or less than an hour ahead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { parseMoment } from './moment.js';

const now = new Date('2026-11-05T00:00:00Z');

function fieldError(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'validation');
    return err.fields ?? {};
  }
  assert.fail('expected a validation error');
}

describe('parseMoment', () => {
  it('reads a wall-clock time in JST and in another zone as the same instant', () => {
    assert.equal(
      parseMoment({ local: '2026-12-20T10:00', timeZone: 'Asia/Tokyo' }, now).at.toISOString(),
      '2026-12-20T01:00:00.000Z',
    );
    assert.equal(
      parseMoment({ local: '2026-12-19T20:00', timeZone: 'America/New_York' }, now).at.toISOString(),
      '2026-12-20T01:00:00.000Z',
    );
  });

  it('reads midnight JST as the previous UTC day', () => {
    assert.equal(
      parseMoment({ local: '2027-01-01T00:00', timeZone: 'Asia/Tokyo' }, now).at.toISOString(),
      '2026-12-31T15:00:00.000Z',
    );
  });

  it('takes ISO 8601 only with an offset', () => {
    assert.equal(
      parseMoment({ iso: '2026-12-20T10:00:00+09:00' }, now).at.toISOString(),
      '2026-12-20T01:00:00.000Z',
    );
    assert.equal(parseMoment({ iso: '2026-12-20T01:00Z' }, now).at.toISOString(), '2026-12-20T01:00:00.000Z');
    for (const iso of [
      '2026-12-20T10:00:00',
      '2026-12-20',
      '2027-02-30T10:00:00+09:00',
      'tomorrow',
      42,
      undefined,
    ]) {
      assert.deepEqual(
        fieldError(() => parseMoment({ iso }, now)),
        { publishAt: ['portal.errors.momentIso'] },
        String(iso),
      );
    }
  });

  it('refuses a moment in the past, now, or less than an hour ahead', () => {
    assert.deepEqual(
      fieldError(() => parseMoment({ iso: '2026-11-04T23:59:00Z' }, now)),
      {
        publishAt: ['portal.errors.momentPast'],
      },
    );
    assert.deepEqual(
      fieldError(() => parseMoment({ iso: '2026-11-05T00:00:00Z' }, now)),
      {
        publishAt: ['portal.errors.momentPast'],
      },
    );
    assert.deepEqual(
      fieldError(() => parseMoment({ local: '2026-11-05T09:30', timeZone: 'Asia/Tokyo' }, now)),
      {
        publishAt: ['portal.errors.momentTooSoon'],
      },
    );
    assert.equal(
      parseMoment({ local: '2026-11-05T10:00', timeZone: 'Asia/Tokyo' }, now).at.toISOString(),
      '2026-11-05T01:00:00.000Z',
      'exactly an hour ahead is enough',
    );
  });

  it('refuses a time a DST change skips or repeats, an unknown zone and a malformed time', () => {
    assert.deepEqual(
      fieldError(() => parseMoment({ local: '2027-03-14T02:30', timeZone: 'America/New_York' }, now)),
      {
        publishAt: ['portal.errors.moment_nonexistent'],
      },
    );
    assert.deepEqual(
      fieldError(() => parseMoment({ local: '2027-11-07T01:30', timeZone: 'America/New_York' }, now)),
      {
        publishAt: ['portal.errors.moment_ambiguous'],
      },
    );
    assert.deepEqual(
      fieldError(() => parseMoment({ local: '2026-12-20T10:00', timeZone: 'Mars/Olympus' }, now)),
      {
        timeZone: ['portal.errors.moment_zone'],
      },
    );
    assert.deepEqual(
      fieldError(() => parseMoment({ local: '2026-12-20 10:00', timeZone: 'Asia/Tokyo' }, now)),
      {
        publishAt: ['portal.errors.moment_syntax'],
      },
    );
    assert.deepEqual(
      fieldError(() => parseMoment({ local: '', timeZone: 'Asia/Tokyo' }, now)),
      {
        publishAt: ['portal.errors.momentRequired'],
      },
    );
  });
});
