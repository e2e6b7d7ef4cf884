import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatInstant, utcOffset, type Zoned } from './time.js';

const jst: Zoned = { locale: 'ja', timeZone: 'Asia/Tokyo' };
const utc: Zoned = { locale: 'en', timeZone: 'UTC' };
const at = (iso: string) => new Date(iso);

describe('showing instants in a time zone', () => {
  it('shows 15:00 UTC on New Year’s Eve as midnight on New Year’s Day in JST', () => {
    const d = at('2026-12-31T15:00:00Z');
    assert.equal(formatInstant(d, jst), '2027-01-01 00:00 JST (UTC+09:00)');
    assert.equal(formatDate(d, jst), '2027-01-01');
    assert.equal(formatInstant(d, utc), '2026-12-31 15:00 UTC (UTC+00:00)');
    assert.equal(formatDate(d, utc), '2026-12-31');
  });

  it('keeps the last minute before JST midnight on the old day, even with seconds and milliseconds', () => {
    const d = at('2026-12-31T14:59:59.999Z');
    assert.equal(formatInstant(d, jst), '2026-12-31 23:59 JST (UTC+09:00)');
    assert.equal(formatDate(d, jst), '2026-12-31');
  });

  it('shows UTC midnight as 09:00 JST on the same day, and the minute before it on the previous UTC day', () => {
    assert.equal(formatInstant(at('2027-01-01T00:00:00Z'), utc), '2027-01-01 00:00 UTC (UTC+00:00)');
    assert.equal(formatInstant(at('2027-01-01T00:00:00Z'), jst), '2027-01-01 09:00 JST (UTC+09:00)');
    assert.equal(formatDate(at('2026-12-31T23:59:59Z'), utc), '2026-12-31');
    assert.equal(formatDate(at('2026-12-31T23:59:59Z'), jst), '2027-01-01');
  });

  it('shows midnight as 00:00, never as 24:00', () => {
    assert.match(formatInstant(at('2026-06-30T15:00:00Z'), jst), / 00:00 JST/);
    assert.match(formatInstant(at('2026-06-30T00:00:00Z'), utc), / 00:00 UTC/);
  });

  it('treats Etc/UTC as UTC', () => {
    assert.equal(
      formatInstant(at('2026-05-01T12:34:00Z'), { locale: 'en', timeZone: 'Etc/UTC' }),
      '2026-05-01 12:34 UTC (UTC+00:00)',
    );
  });

  it('follows New York into daylight saving time in March (02:00 EST becomes 03:00 EDT)', () => {
    const ny: Zoned = { locale: 'en', timeZone: 'America/New_York' };
    assert.equal(
      formatInstant(at('2026-03-08T06:59:00Z'), ny),
      '2026-03-08 01:59 America/New_York (UTC-05:00)',
    );
    assert.equal(
      formatInstant(at('2026-03-08T07:00:00Z'), ny),
      '2026-03-08 03:00 America/New_York (UTC-04:00)',
    );
  });

  it('tells the two 01:30s apart in New York in November by their offsets', () => {
    const ny: Zoned = { locale: 'en', timeZone: 'America/New_York' };
    const first = formatInstant(at('2026-11-01T05:30:00Z'), ny);
    const second = formatInstant(at('2026-11-01T06:30:00Z'), ny);
    assert.equal(first, '2026-11-01 01:30 America/New_York (UTC-04:00)');
    assert.equal(second, '2026-11-01 01:30 America/New_York (UTC-05:00)');
    assert.notEqual(first, second);
  });

  it('shows half-hour and quarter-hour offsets (Kolkata, Kathmandu, St John’s, Chatham)', () => {
    const d = at('2026-12-31T15:00:00Z');
    assert.equal(
      formatInstant(d, { locale: 'en', timeZone: 'Asia/Kolkata' }),
      '2026-12-31 20:30 Asia/Kolkata (UTC+05:30)',
    );
    assert.equal(utcOffset(d, 'Asia/Kathmandu'), '+05:45');
    assert.equal(utcOffset(d, 'America/St_Johns'), '-03:30');
    assert.equal(utcOffset(d, 'Pacific/Chatham'), '+13:45');
  });

  it('crosses the date line with a half-hour offset (Adelaide is already in the new year)', () => {
    const z: Zoned = { locale: 'en', timeZone: 'Australia/Adelaide' };
    assert.equal(
      formatInstant(at('2026-12-31T13:30:00Z'), z),
      '2027-01-01 00:00 Australia/Adelaide (UTC+10:30)',
    );
    assert.equal(formatDate(at('2026-12-31T13:29:00Z'), z), '2026-12-31');
  });

  it('gives the offset with a sign and two-digit hours and minutes', () => {
    const d = at('2026-07-01T00:00:00Z');
    assert.equal(utcOffset(d, 'Asia/Tokyo'), '+09:00');
    assert.equal(utcOffset(d, 'UTC'), '+00:00');
    assert.equal(utcOffset(d, 'America/New_York'), '-04:00');
    assert.equal(utcOffset(d, 'America/Los_Angeles'), '-07:00');
    assert.equal(utcOffset(d, 'Europe/London'), '+01:00');
  });

  it('does not let seconds in the instant skew the offset', () => {
    assert.equal(utcOffset(at('2026-07-01T00:00:59.999Z'), 'Asia/Kolkata'), '+05:30');
    assert.equal(utcOffset(at('2026-07-01T23:59:59.999Z'), 'America/St_Johns'), '-02:30');
  });

  it('always names the zone, whatever the viewer’s locale', () => {
    const d = at('2026-04-01T03:00:00Z');
    for (const timeZone of ['Asia/Tokyo', 'UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'Asia/Kolkata']) {
      for (const locale of ['ja', 'en'] as const) {
        const shown = formatInstant(d, { locale, timeZone });
        assert.match(shown, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+ \(UTC[+-]\d{2}:\d{2}\)$/, shown);
        const named = timeZone === 'Asia/Tokyo' ? 'JST' : timeZone;
        assert.ok(shown.includes(` ${named} (`), shown);
      }
    }
  });

  it('formats a date as YYYY-MM-DD in the zone, without a time', () => {
    assert.equal(
      formatDate(at('2026-03-08T04:59:00Z'), { locale: 'en', timeZone: 'America/New_York' }),
      '2026-03-07',
    );
    assert.equal(
      formatDate(at('2026-03-08T05:00:00Z'), { locale: 'ja', timeZone: 'America/New_York' }),
      '2026-03-08',
    );
  });
});
