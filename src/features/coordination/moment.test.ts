// A publication moment typed with a zone becomes one exact instant, or a field error that says why; mails give
// it in JST and UTC.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { mailMoment, parseProposedMoment } from './moment.js';

const now = new Date('2026-11-05T15:30:00Z'); // 00:30 JST on 6 November

function refusal(local: unknown, zone: unknown): [string, string] {
  try {
    parseProposedMoment(local, zone, now);
  } catch (e) {
    if (e instanceof AppError && e.fields) {
      const [field, [key]] = Object.entries(e.fields)[0] as [string, string[]];
      return [field, key ?? ''];
    }
    throw e;
  }
  return ['', ''];
}

describe('proposed publication moments', () => {
  it('reads a wall-clock time in its zone', () => {
    assert.equal(
      parseProposedMoment('2026-11-06T10:00', 'Asia/Tokyo', now).at.toISOString(),
      '2026-11-06T01:00:00.000Z',
    );
    assert.equal(
      parseProposedMoment('2026-11-06T10:00', 'America/New_York', now).at.toISOString(),
      '2026-11-06T15:00:00.000Z',
    );
  });

  it('says why a moment is refused', () => {
    assert.deepEqual(refusal('2026-11-06T00:00', 'Asia/Tokyo'), [
      'publishAt',
      'coordination.errors.momentPast',
    ]);
    assert.deepEqual(refusal('2026-11-06T01:00', 'Asia/Tokyo'), [
      'publishAt',
      'coordination.errors.momentTooSoon',
    ]);
    assert.deepEqual(refusal('2027-03-14T02:30', 'America/New_York'), [
      'publishAt',
      'coordination.errors.momentInvalid',
    ]);
    assert.deepEqual(refusal('2026-10-01T10:00', 'America/New_York'), [
      'publishAt',
      'coordination.errors.momentPast',
    ]);
    assert.deepEqual(refusal('2027-11-07T01:30', 'America/New_York'), [
      'publishAt',
      'coordination.errors.momentInvalid',
    ]);
    assert.deepEqual(refusal('6/11/2026 10:00', 'Asia/Tokyo'), [
      'publishAt',
      'coordination.errors.momentFormat',
    ]);
    assert.deepEqual(refusal('2026-11-06T10:00', 'Mars/Olympus'), [
      'timeZone',
      'coordination.errors.timeZone',
    ]);
    assert.deepEqual(refusal(undefined, 'Asia/Tokyo'), ['publishAt', 'coordination.errors.momentFormat']);
  });

  it('writes a moment in JST and UTC for mails, across midnight', () => {
    assert.equal(
      mailMoment(new Date('2027-01-14T16:00:00Z'), 'ja'),
      '2027-01-15 01:00 JST (UTC+09:00) / 2027-01-14 16:00 UTC (UTC+00:00)',
    );
  });
});
