import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type BusinessCalendar,
  CALENDAR_FIRST_DATE,
  CALENDAR_LAST_DATE,
  createBusinessCalendar,
  holidayName,
  jstDate,
} from './business-days.js';

const calendar = createBusinessCalendar();
const withoutClosure = createBusinessCalendar({ yearEndClosure: false });

// mulberry32: a tiny seeded PRNG, so the property checks are random yet repeatable.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDate(random: () => number, from = '1971-01-01', to = '2048-06-30'): string {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return calendar.addCalendarDays(from, Math.floor(random() * (days + 1)));
}

// Day by day, with no prefix sums: the reference the fast implementation is checked against.
function naiveBetween(cal: BusinessCalendar, from: string, to: string): number {
  let count = 0;
  for (let d = cal.addCalendarDays(from, 1); d <= to; d = cal.addCalendarDays(d, 1)) {
    if (cal.isBusinessDay(d)) count++;
  }
  return count;
}

function naiveAdd(cal: BusinessCalendar, date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = cal.addCalendarDays(d, 1);
    if (cal.isBusinessDay(d)) left--;
  }
  return d;
}

describe('the JST calendar date of an instant', () => {
  it('keeps 2026-12-31T14:59:59Z on New Year’s Eve and moves 15:00:00Z to New Year’s Day', () => {
    assert.equal(jstDate(new Date('2026-12-31T14:59:59Z')), '2026-12-31');
    assert.equal(jstDate(new Date('2026-12-31T14:59:59.999Z')), '2026-12-31');
    assert.equal(jstDate(new Date('2026-12-31T15:00:00Z')), '2027-01-01');
  });

  it('puts UTC midnight on the same JST date, at 09:00', () => {
    assert.equal(jstDate(new Date('2028-02-29T00:00:00Z')), '2028-02-29');
    assert.equal(jstDate(new Date('2028-02-28T15:00:00Z')), '2028-02-29');
  });

  it('refuses an invalid Date rather than returning "Invalid"', () => {
    assert.throws(() => jstDate(new Date('nonsense')), RangeError);
  });
});

describe('which days are business days', () => {
  it('closes Saturdays and Sundays and opens ordinary weekdays', () => {
    assert.equal(calendar.isBusinessDay('2026-06-05'), true); // Friday
    assert.equal(calendar.isBusinessDay('2026-06-06'), false); // Saturday
    assert.equal(calendar.isBusinessDay('2026-06-07'), false); // Sunday
    assert.equal(calendar.isBusinessDay('2026-06-08'), true); // Monday
  });

  it('closes a Happy Monday holiday: 2026-01-12 成人の日 and 2026-11-23 勤労感謝の日', () => {
    assert.equal(calendar.isBusinessDay('2026-01-12'), false);
    assert.equal(holidayName('2026-01-12'), '成人の日');
    assert.equal(calendar.isBusinessDay('2026-11-23'), false);
    assert.equal(holidayName('2026-11-23'), '勤労感謝の日');
  });

  it('closes Golden Week 2026 including the substitute holiday (振替休日) on Wednesday 05-06', () => {
    assert.equal(calendar.isBusinessDay('2026-04-29'), false);
    assert.equal(holidayName('2026-04-29'), '昭和の日');
    assert.equal(calendar.isBusinessDay('2026-05-01'), true);
    for (const d of ['2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']) {
      assert.equal(calendar.isBusinessDay(d), false, d);
    }
    assert.equal(holidayName('2026-05-06'), 'こどもの日 振替休日');
    assert.equal(calendar.isBusinessDay('2026-05-07'), true);
    assert.equal(calendar.addBusinessDays('2026-05-01', 1), '2026-05-07');
  });

  it('closes 2026-09-22, a citizens’ holiday (国民の休日) sandwiched between two holidays', () => {
    assert.equal(holidayName('2026-09-21'), '敬老の日');
    assert.equal(holidayName('2026-09-22'), '休日');
    assert.equal(holidayName('2026-09-23'), '秋分の日');
    assert.equal(calendar.isBusinessDay('2026-09-22'), false);
    assert.equal(calendar.addBusinessDays('2026-09-18', 1), '2026-09-24');
    assert.equal(calendar.businessDaysBetween('2026-09-18', '2026-09-24'), 1);
  });

  it('has no holiday name for an ordinary day', () => {
    assert.equal(holidayName('2026-06-08'), null);
  });

  it('closes 12/29–1/3 by default, and only 1/1 plus the weekend without the year-end closure', () => {
    assert.equal(calendar.isBusinessDay('2026-12-28'), true);
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      assert.equal(calendar.isBusinessDay(d), false, d);
    }
    assert.equal(calendar.isBusinessDay('2027-01-04'), true);
    assert.equal(calendar.addBusinessDays('2026-12-28', 1), '2027-01-04');

    assert.deepEqual(
      ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'].map((d) =>
        withoutClosure.isBusinessDay(d),
      ),
      [true, true, true, false, false, false],
    );
    assert.equal(withoutClosure.addBusinessDays('2026-12-28', 1), '2026-12-29');
  });

  it('applies the closure at both ends of the data: 1970-01-02 and 2050-12-29 are closed', () => {
    assert.equal(calendar.isBusinessDay('1970-01-02'), false); // Friday
    assert.equal(withoutClosure.isBusinessDay('1970-01-02'), true);
    assert.equal(calendar.isBusinessDay('2050-12-29'), false); // Thursday
    assert.equal(withoutClosure.isBusinessDay('2050-12-29'), true);
  });

  it('lets extra closed and extra open dates override the rules', () => {
    const office = createBusinessCalendar({
      extraClosedDates: ['2026-06-10'], // a Wednesday
      extraOpenDates: ['2026-06-13', '2026-12-29'], // a Saturday, and a day of the year-end closure
    });
    assert.equal(office.isBusinessDay('2026-06-10'), false);
    assert.equal(office.isBusinessDay('2026-06-13'), true);
    assert.equal(office.isBusinessDay('2026-12-29'), true);
    assert.equal(office.addBusinessDays('2026-06-12', 1), '2026-06-13');
    assert.equal(calendar.isBusinessDay('2026-06-10'), true, 'other calendars are not affected');
  });

  it('refuses a date listed both as extra closed and extra open', () => {
    assert.throws(
      () => createBusinessCalendar({ extraClosedDates: ['2026-06-10'], extraOpenDates: ['2026-06-10'] }),
      /2026-06-10 is listed both/,
    );
  });
});

describe('calendar arithmetic', () => {
  it('steps over the leap day 2028-02-29 and refuses 2027-02-29', () => {
    assert.equal(calendar.addCalendarDays('2028-02-28', 1), '2028-02-29');
    assert.equal(calendar.addCalendarDays('2028-02-29', 1), '2028-03-01');
    assert.equal(calendar.addCalendarDays('2028-03-01', -1), '2028-02-29');
    assert.equal(calendar.addCalendarDays('2027-02-28', 1), '2027-03-01');
    assert.equal(calendar.isBusinessDay('2028-02-29'), true); // Tuesday
    assert.equal(calendar.businessDaysBetween('2028-02-25', '2028-03-01'), 3); // Mon 28, Tue 29, Wed 1
    assert.throws(() => calendar.isBusinessDay('2027-02-29'), /not a calendar date/);
  });

  it('adds whole years of calendar days across leap years exactly', () => {
    assert.equal(calendar.addCalendarDays('2026-03-01', 366 + 365), '2028-03-01');
    assert.equal(calendar.addCalendarDays('2026-01-01', 0), '2026-01-01');
  });

  it('refuses malformed dates with a message naming the input', () => {
    for (const bad of ['2026-1-5', '2026-02-30', '2026-13-01', '20260105', '', '2026-01-05T00:00:00Z']) {
      assert.throws(() => calendar.isBusinessDay(bad), /is not a calendar date written YYYY-MM-DD/, bad);
    }
  });

  it('refuses dates outside the holiday data instead of miscounting them', () => {
    assert.throws(() => calendar.isBusinessDay('1969-12-31'), /outside the Japanese holiday data/);
    assert.throws(() => calendar.isBusinessDay('2051-01-04'), /outside the Japanese holiday data/);
    assert.throws(() => calendar.addCalendarDays(CALENDAR_LAST_DATE, 1), /outside the Japanese holiday data/);
    assert.throws(
      () => calendar.addCalendarDays(CALENDAR_FIRST_DATE, -1),
      /outside the Japanese holiday data/,
    );
    assert.throws(() => calendar.addBusinessDays('2050-12-27', 2), /outside the Japanese holiday data/);
    assert.throws(() => calendar.nextBusinessDayOnOrAfter('2050-12-31'), /outside the Japanese holiday data/);
    assert.throws(() => calendar.businessDaysBetween('2026-01-01', '2051-01-01'), /outside/);
    assert.throws(() => holidayName('2051-01-01'), /outside/);
    assert.equal(calendar.addBusinessDays('2050-12-27', 1), '2050-12-28'); // the last business day works
  });

  it('refuses negative, fractional and non-finite business-day counts', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => calendar.addBusinessDays('2026-06-08', n), /whole number ≥ 0/, String(n));
    }
    assert.throws(() => calendar.addCalendarDays('2026-06-08', 0.5), /whole number/);
  });
});

describe('adding and counting business days', () => {
  it('counts from the day after: one business day after Friday is Monday', () => {
    assert.equal(calendar.addBusinessDays('2026-06-05', 1), '2026-06-08');
    assert.equal(calendar.addBusinessDays('2026-06-05', 5), '2026-06-12');
    assert.equal(calendar.addBusinessDays('2026-06-06', 1), '2026-06-08'); // from a Saturday
  });

  it('returns a business day itself for n = 0, and the next business day from a closed day', () => {
    assert.equal(calendar.addBusinessDays('2026-06-08', 0), '2026-06-08');
    assert.equal(calendar.addBusinessDays('2026-06-06', 0), '2026-06-08');
    assert.equal(calendar.addBusinessDays('2026-12-29', 0), '2027-01-04');
    assert.equal(calendar.nextBusinessDayOnOrAfter('2026-05-02'), '2026-05-07');
    assert.equal(calendar.nextBusinessDayOnOrAfter('2026-05-07'), '2026-05-07');
  });

  it('counts (from, to]: excludes from, includes to, zero for the same day, negative when reversed', () => {
    assert.equal(calendar.businessDaysBetween('2026-06-08', '2026-06-08'), 0);
    assert.equal(calendar.businessDaysBetween('2026-06-08', '2026-06-09'), 1);
    assert.equal(calendar.businessDaysBetween('2026-06-05', '2026-06-07'), 0); // Fri → Sun
    assert.equal(calendar.businessDaysBetween('2026-06-06', '2026-06-08'), 1); // Sat → Mon
    assert.equal(calendar.businessDaysBetween('2026-06-09', '2026-06-08'), -1);
  });

  it('counts 20 business days across Golden Week 2026 (a 20-business-day deadline)', () => {
    // 4/28 (Tue) + 20: 4/30, 5/1, 5/7, 5/8, 5/11–15, 5/18–22, 5/25–29 (19) → Monday 6/1.
    assert.equal(calendar.addBusinessDays('2026-04-28', 20), '2026-06-01');
    assert.equal(calendar.businessDaysBetween('2026-04-28', '2026-06-01'), 20);
    assert.equal(withoutClosure.addBusinessDays('2026-04-28', 20), '2026-06-01');
  });

  it('counts 240 business days in 2026 with the year-end closure and 244 without', () => {
    // 261 weekdays; 17 of the 18 holidays fall on weekdays (05-03 is a Sunday); the closure adds Friday 1/2
    // and Tuesday–Thursday 12/29–12/31.
    assert.equal(calendar.businessDaysBetween('2025-12-31', '2026-12-31'), 240);
    assert.equal(withoutClosure.businessDaysBetween('2025-12-31', '2026-12-31'), 244);
  });

  it('makes add and between inverse for 2000 seeded random dates (property)', () => {
    const random = prng(20260708);
    for (let i = 0; i < 2000; i++) {
      const d = randomDate(random);
      const n = Math.floor(random() * 400);
      const cal = i % 2 === 0 ? calendar : withoutClosure;
      const later = cal.addBusinessDays(d, n);
      assert.equal(cal.isBusinessDay(later), true, `${d} + ${n}`);
      if (cal.isBusinessDay(d) || n >= 1) assert.equal(cal.businessDaysBetween(d, later), n, `${d} + ${n}`);
      else assert.equal(later, cal.nextBusinessDayOnOrAfter(d));
      // Nothing is skipped: the day before `later` is still short of n.
      if (n >= 1) assert.equal(cal.businessDaysBetween(d, cal.addCalendarDays(later, -1)), n - 1);
    }
  });

  it('agrees with a day-by-day count and walk for 300 seeded random spans (property)', () => {
    const random = prng(42);
    for (let i = 0; i < 300; i++) {
      const from = randomDate(random);
      const to = calendar.addCalendarDays(from, Math.floor(random() * 120));
      assert.equal(
        calendar.businessDaysBetween(from, to),
        naiveBetween(calendar, from, to),
        `${from}..${to}`,
      );
      assert.equal(calendar.businessDaysBetween(to, from), 0 - naiveBetween(calendar, from, to));
      const n = 1 + Math.floor(random() * 60);
      assert.equal(calendar.addBusinessDays(from, n), naiveAdd(calendar, from, n), `${from} + ${n}`);
    }
  });
});

describe('reports per business day (1就業日あたり)', () => {
  it('counts the opening day 2004-07-08 (a Thursday) as the first business day', () => {
    assert.equal(calendar.businessDaysSinceSchemeStart('2004-07-08'), 1);
    assert.equal(calendar.businessDaysSinceSchemeStart('2004-07-09'), 2);
    assert.equal(calendar.businessDaysSinceSchemeStart('2004-07-11'), 2); // weekend
    assert.equal(calendar.businessDaysSinceSchemeStart('2026-06-10', '2026-06-06'), 3); // closed start
    assert.throws(() => calendar.businessDaysSinceSchemeStart('2004-07-07'), /before the start/);
  });

  // Seeds 004 (2019 1Q–2021 4Q) and 000 (2009 4Q–2012 3Q), research/seeds-000-002-004.md S1: cumulative
  // reports at the quarter's end and the published rate in hundredths (3.96 件/日 → 396).
  const published: readonly (readonly [quarterEnd: string, cumulative: number, rateHundredths: number])[] = [
    ['2009-12-31', 5975, 447],
    ['2010-03-31', 6146, 440],
    ['2010-06-30', 6300, 432],
    ['2010-09-30', 6414, 422],
    ['2010-12-31', 6481, 410],
    ['2011-03-31', 6569, 401],
    ['2011-06-30', 6652, 392],
    ['2011-09-30', 6887, 391],
    ['2011-12-31', 7314, 402],
    ['2012-03-31', 7583, 403],
    ['2012-06-30', 7752, 399],
    ['2012-09-30', 7950, 396],
    ['2019-03-31', 14213, 396],
    ['2019-06-30', 14710, 403],
    ['2019-09-30', 15055, 406],
    ['2019-12-31', 15227, 404],
    ['2020-03-31', 15488, 404],
    ['2020-06-30', 15676, 403],
    ['2020-09-30', 15922, 403],
    ['2020-12-31', 16225, 404],
    ['2021-03-31', 16476, 405],
    ['2021-06-30', 16779, 406],
    ['2021-09-30', 16986, 405],
    ['2021-12-31', 17139, 403],
  ];
  // Rounded half up to two places, as published; integer arithmetic avoids binary-fraction surprises.
  const rate = (cal: BusinessCalendar, asOf: string, cumulative: number) =>
    Math.round((cumulative * 100) / cal.businessDaysSinceSchemeStart(asOf));
  const mismatches = (cal: BusinessCalendar) =>
    published.filter(([asOf, n, r]) => rate(cal, asOf, n) !== r).map(([asOf]) => asOf);

  it('reproduces the published rate for 22 of 24 quarters; 2011 2Q and 4Q come out 0.01 lower', () => {
    assert.equal(calendar.businessDaysSinceSchemeStart('2012-09-30'), 2008);
    assert.equal(calendar.businessDaysSinceSchemeStart('2021-12-31'), 4256); // 17,139 / 4,256 = 4.027
    assert.deepEqual(mismatches(calendar), ['2011-06-30', '2011-12-31']);
    // Recorded exactly so a change in the calendar or the data is noticed: 6,652 / 1,700 = 3.913 (published
    // 3.92 needs 1,695–1,699 days); 7,314 / 1,822 = 4.014 (published 4.02 needs 1,818–1,821).
    assert.equal(calendar.businessDaysSinceSchemeStart('2011-06-30'), 1700);
    assert.equal(rate(calendar, '2011-06-30', 6652), 391);
    assert.equal(calendar.businessDaysSinceSchemeStart('2011-12-31'), 1822);
    assert.equal(rate(calendar, '2011-12-31', 7314), 401);
  });

  it('reproduces none of the 24 without the year-end closure', () => {
    assert.equal(mismatches(withoutClosure).length, 24);
  });

  it('reproduces all 24 if one more day in 2011 1Q–2Q was closed, and not if it was outside that span', () => {
    // A hypothesis, not a fact: which day (if any) IPA closed is unknown. Every business day from 2011-01-04
    // to 2011-06-30 works; the neighbouring business days outside it do not.
    for (let d = '2011-01-04'; d <= '2011-06-30'; d = calendar.addBusinessDays(d, 1)) {
      assert.deepEqual(mismatches(createBusinessCalendar({ extraClosedDates: [d] })), [], d);
    }
    assert.notDeepEqual(mismatches(createBusinessCalendar({ extraClosedDates: ['2010-12-28'] })), []);
    assert.notDeepEqual(mismatches(createBusinessCalendar({ extraClosedDates: ['2011-07-01'] })), []);
  });
});
