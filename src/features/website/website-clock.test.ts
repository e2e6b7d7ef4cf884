import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { createBusinessCalendar } from '../../domain/business-days.js';
import {
  addCalendarMonths,
  elapsedDays,
  fixDueAt,
  fixDueDate,
  investigationDueAt,
  investigationDueDate,
  LONG_RUNNING_BUCKETS,
  longRunningBucket,
  nextReminderAt,
  reminderAt,
  remindersDue,
  stopEligibleAt,
  type WebsitePolicy,
  websitePolicy,
} from './website-clock.js';

const policy: WebsitePolicy = {
  reminderBusinessDays: [10, 20],
  investigationBusinessDays: 20,
  fixMonths: 3,
  stopMonths: 9,
  unreachableAfterAttempts: 3,
};
const calendar = createBusinessCalendar();
const at = (iso: string) => new Date(iso);

describe('websitePolicy', () => {
  it('has the documented defaults: reminders at 10 and 20 business days, 20 business days, 3 and 9 months, 3 attempts', () => {
    assert.deepEqual(websitePolicy(loadConfig({})), policy);
  });

  it('reads every setting from the environment', () => {
    assert.deepEqual(
      websitePolicy(
        loadConfig({
          KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS: '5,15,25',
          KEIKAI_WEBSITE_INVESTIGATION_BUSINESS_DAYS: '15',
          KEIKAI_WEBSITE_FIX_MONTHS: '2',
          KEIKAI_WEBSITE_STOP_MONTHS: '12',
          KEIKAI_WEBSITE_UNREACHABLE_AFTER_ATTEMPTS: '5',
        }),
      ),
      {
        reminderBusinessDays: [5, 15, 25],
        investigationBusinessDays: 15,
        fixMonths: 2,
        stopMonths: 12,
        unreachableAfterAttempts: 5,
      },
    );
    assert.deepEqual(
      websitePolicy(loadConfig({ KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS: '' })).reminderBusinessDays,
      [],
    );
  });

  for (const [name, value] of [
    ['KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS', '20,10'],
    ['KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS', '10,10'],
    ['KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS', '0,10'],
    ['KEIKAI_WEBSITE_REMINDER_BUSINESS_DAYS', '10, 20'],
    ['KEIKAI_WEBSITE_INVESTIGATION_BUSINESS_DAYS', '0'],
    ['KEIKAI_WEBSITE_FIX_MONTHS', 'three'],
    ['KEIKAI_WEBSITE_STOP_MONTHS', '0'],
    ['KEIKAI_WEBSITE_UNREACHABLE_AFTER_ATTEMPTS', '-1'],
  ] as const) {
    it(`refuses ${name}=${JSON.stringify(value)}, naming it`, () => {
      assert.throws(() => loadConfig({ [name]: value }), new RegExp(name));
    });
  }
});

describe('investigationDueAt (about 20 business days)', () => {
  it('counts Japanese business days from the JST date of the notice, due by the end of that day', () => {
    // Mon 2026-11-02 (11/3 文化の日, 11/23 勤労感謝の日 closed): 4–6, 9–13, 16–20, 24–27, 30, 12/1, 12/2 → the 20th
    assert.equal(investigationDueDate(at('2026-11-02T01:00:00Z'), policy, calendar), '2026-12-02');
    assert.deepEqual(
      investigationDueAt(at('2026-11-02T01:00:00Z'), policy, calendar),
      at('2026-12-02T14:59:59.999Z'),
    );
  });

  it('skips Golden Week', () => {
    // Thu 2027-04-22: (4/29, 5/3–5/5 closed) → Wed 2027-05-26
    assert.equal(investigationDueDate(at('2027-04-22T01:00:00Z'), policy, calendar), '2027-05-26');
  });

  it('skips the year-end closure and 成人の日', () => {
    // Fri 2026-12-25: 28, (12/29–1/3), 4–8, (1/11 成人の日), 12–15, 18–22, 25–29 → Fri 2027-01-29
    assert.equal(investigationDueDate(at('2026-12-25T01:00:00Z'), policy, calendar), '2027-01-29');
  });

  it('takes the notice’s JST date: 23:59 JST is that day, 00:00 JST the next', () => {
    const before = investigationDueDate(at('2026-11-04T14:59:00Z'), policy, calendar); // Wed 11-04 23:59 JST
    const after = investigationDueDate(at('2026-11-04T15:00:00Z'), policy, calendar); // Thu 11-05 00:00 JST
    assert.equal(before, '2026-12-03');
    assert.equal(after, '2026-12-04');
  });
});

describe('fixDueAt (about 3 months)', () => {
  const cases: [string, string][] = [
    ['2027-01-15T01:00:00Z', '2027-04-15'],
    ['2027-01-31T01:00:00Z', '2027-04-30'], // April has no 31st
    ['2027-11-30T01:00:00Z', '2028-02-29'], // leap year
    ['2026-11-30T01:00:00Z', '2027-02-28'],
    ['2026-12-31T01:00:00Z', '2027-03-31'], // across the year
    ['2027-11-30T15:00:00Z', '2028-03-01'], // 00:00 JST on 12-01
  ];
  for (const [notified, due] of cases) {
    it(`notified ${notified} → due ${due} (end of the JST day)`, () => {
      assert.equal(fixDueDate(at(notified), policy), due);
      const end = fixDueAt(at(notified), policy);
      assert.equal(end.getTime() + 1, at(`${due}T00:00:00+09:00`).getTime() + 86_400_000);
    });
  }

  it('is not moved to a business day', () => {
    // 2027-05-03 (憲法記念日)
    assert.equal(fixDueDate(at('2027-02-03T01:00:00Z'), policy), '2027-05-03');
  });
});

describe('stopEligibleAt (more than 9 months)', () => {
  it('is 00:00 JST of the day after the same day nine months on', () => {
    assert.deepEqual(stopEligibleAt(at('2027-01-15T01:00:00Z'), policy), at('2027-10-16T00:00:00+09:00'));
    assert.deepEqual(stopEligibleAt(at('2027-01-31T01:00:00Z'), policy), at('2027-11-01T00:00:00+09:00'));
    assert.deepEqual(stopEligibleAt(at('2027-05-31T01:00:00Z'), policy), at('2028-03-01T00:00:00+09:00'));
  });

  it('follows a longer configured period', () => {
    assert.deepEqual(
      stopEligibleAt(at('2027-01-15T01:00:00Z'), { ...policy, stopMonths: 12 }),
      at('2028-01-16T00:00:00+09:00'),
    );
  });
});

describe('addCalendarMonths', () => {
  it('keeps the day number or falls back to the month’s last day', () => {
    assert.equal(addCalendarMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(addCalendarMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addCalendarMonths('2027-03-31', 1), '2027-04-30');
    assert.equal(addCalendarMonths('2027-08-31', 6), '2028-02-29');
    assert.equal(addCalendarMonths('2027-12-15', 0), '2027-12-15');
    assert.throws(() => addCalendarMonths('2027-12-15', -1), RangeError);
  });
});

describe('reminders', () => {
  const notified = at('2027-04-22T01:00:00Z'); // Thu 10:00 JST, before Golden Week

  it('fall due at 09:00 JST on the 10th and 20th business days', () => {
    assert.deepEqual(reminderAt(notified, 0, policy, calendar), at('2027-05-12T09:00:00+09:00'));
    assert.deepEqual(reminderAt(notified, 1, policy, calendar), at('2027-05-26T09:00:00+09:00'));
    assert.equal(reminderAt(notified, 2, policy, calendar), null);
  });

  it('counts the points passed and not yet sent', () => {
    const due = (now: string, sent: number) => remindersDue(notified, at(now), sent, policy, calendar);
    assert.equal(due('2027-05-12T08:59:59+09:00', 0), 0);
    assert.equal(due('2027-05-12T09:00:00+09:00', 0), 1);
    assert.equal(due('2027-05-12T09:00:00+09:00', 1), 0);
    assert.equal(due('2027-05-26T09:00:00+09:00', 0), 2); // both missed (e.g. the worker was down)
    assert.equal(due('2027-05-26T09:00:00+09:00', 1), 1);
    assert.equal(due('2027-12-31T00:00:00+09:00', 2), 0);
    assert.equal(due('2027-12-31T00:00:00+09:00', 5), 0); // never negative
    assert.equal(due('2027-04-01T00:00:00+09:00', 0), 0); // a clock behind the notice
  });

  it('tells when the next unsent reminder falls due', () => {
    assert.deepEqual(nextReminderAt(notified, 0, policy, calendar), at('2027-05-12T09:00:00+09:00'));
    assert.deepEqual(nextReminderAt(notified, 1, policy, calendar), at('2027-05-26T09:00:00+09:00'));
    assert.equal(nextReminderAt(notified, 2, policy, calendar), null);
  });

  it('with no reminder points, none is ever due', () => {
    const none = { ...policy, reminderBusinessDays: [] };
    assert.equal(remindersDue(notified, at('2028-01-01T00:00:00Z'), 0, none, calendar), 0);
    assert.equal(nextReminderAt(notified, 0, none, calendar), null);
  });
});

describe('long-running buckets', () => {
  const notified = at('2027-01-01T01:00:00Z'); // 2027-01-01 10:00 JST; day 90 is 2027-04-01

  it('start at 90 days: day 89 is not long-running, day 90 is, turning at midnight JST', () => {
    assert.equal(elapsedDays(notified, at('2027-03-31T14:59:00Z')), 89); // 03-31 23:59 JST
    assert.equal(longRunningBucket(notified, at('2027-03-31T14:59:00Z')), null);
    assert.equal(elapsedDays(notified, at('2027-03-31T15:00:00Z')), 90); // 04-01 00:00 JST
    assert.equal(longRunningBucket(notified, at('2027-03-31T15:00:00Z')), '90-179');
  });

  it('puts each age in exactly one bucket, at every edge', () => {
    const day = (n: number) => new Date(at('2027-01-01T03:00:00Z').getTime() + n * 86_400_000);
    const edges: [number, string | null][] = [
      [0, null],
      [89, null],
      [90, '90-179'],
      [179, '90-179'],
      [180, '180-269'],
      [269, '180-269'],
      [270, '270-364'],
      [364, '270-364'],
      [365, '365-729'],
      [729, '365-729'],
      [730, '730+'],
      [5000, '730+'],
    ];
    for (const [n, key] of edges) assert.equal(longRunningBucket(notified, day(n)), key, `day ${n}`);
  });

  it('is null for a clock behind the notice', () => {
    assert.equal(longRunningBucket(notified, at('2026-12-01T00:00:00Z')), null);
  });

  it('the buckets are contiguous from 90 days with an open end', () => {
    assert.equal(LONG_RUNNING_BUCKETS[0]!.minDays, 90);
    for (let i = 1; i < LONG_RUNNING_BUCKETS.length; i++) {
      assert.equal(LONG_RUNNING_BUCKETS[i]!.minDays, LONG_RUNNING_BUCKETS[i - 1]!.maxDays! + 1);
    }
    assert.equal(LONG_RUNNING_BUCKETS.at(-1)!.maxDays, null);
    assert.equal(new Set(LONG_RUNNING_BUCKETS.map((b) => b.key)).size, LONG_RUNNING_BUCKETS.length);
  });
});
