import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { createBusinessCalendar } from '../../domain/business-days.js';
import {
  ackReminderDueAt,
  type CoordinationPolicy,
  coordinationPolicy,
  daysUntilTarget,
  localMomentToUtc,
  startDate,
  targetDaysFor,
  targetPublicationDate,
  targetState,
  validateProposedMoment,
} from './schedule-policy.js';

const policy: CoordinationPolicy = {
  targetDays: 45,
  targetDaysByCategory: { ics: 90, medical: 120 },
  ackReminderBusinessDays: 5,
  unreachableAfterReminders: 3,
  approachingDays: 7,
};
const calendar = createBusinessCalendar();
const at = (iso: string) => new Date(iso);

describe('coordinationPolicy', () => {
  it('has the documented defaults: 45 days, ICS 90, reminders every 5 business days, 3 reminders, 7 days', () => {
    assert.deepEqual(coordinationPolicy(loadConfig({})), {
      targetDays: 45,
      targetDaysByCategory: { ics: 90 },
      ackReminderBusinessDays: 5,
      unreachableAfterReminders: 3,
      approachingDays: 7,
    });
  });

  it('reads every setting from the environment', () => {
    const p = coordinationPolicy(
      loadConfig({
        KEIKAI_COORDINATION_TARGET_DAYS: '60',
        KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY: 'ics=90,medical=120',
        KEIKAI_COORDINATION_ACK_REMINDER_BUSINESS_DAYS: '3',
        KEIKAI_COORDINATION_UNREACHABLE_AFTER_REMINDERS: '4',
        KEIKAI_COORDINATION_APPROACHING_DAYS: '10',
      }),
    );
    assert.deepEqual(p, {
      targetDays: 60,
      targetDaysByCategory: { ics: 90, medical: 120 },
      ackReminderBusinessDays: 3,
      unreachableAfterReminders: 4,
      approachingDays: 10,
    });
    assert.deepEqual(
      coordinationPolicy(loadConfig({ KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY: '' }))
        .targetDaysByCategory,
      {},
    );
  });

  for (const [name, value] of [
    ['KEIKAI_COORDINATION_TARGET_DAYS', '0'],
    ['KEIKAI_COORDINATION_TARGET_DAYS', 'forty-five'],
    ['KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY', 'ICS=90'],
    ['KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY', 'ics:90'],
    ['KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY', 'ics=0'],
    ['KEIKAI_COORDINATION_TARGET_DAYS_BY_CATEGORY', 'ics=90,'],
    ['KEIKAI_COORDINATION_ACK_REMINDER_BUSINESS_DAYS', '0'],
    ['KEIKAI_COORDINATION_UNREACHABLE_AFTER_REMINDERS', '1.5'],
    ['KEIKAI_COORDINATION_APPROACHING_DAYS', '-1'],
  ] as const) {
    it(`refuses ${name}=${JSON.stringify(value)}, naming it`, () => {
      assert.throws(() => loadConfig({ [name]: value }), new RegExp(name));
    });
  }
});

describe('startDate (起算日)', () => {
  it('is the JST date of the first notice: 23:59 JST is that day, 00:00 JST (15:00 UTC) the next', () => {
    assert.equal(startDate(at('2026-12-01T14:59:59Z')), '2026-12-01');
    assert.equal(startDate(at('2026-12-01T15:00:00Z')), '2026-12-02');
    assert.equal(startDate(at('2026-12-01T00:00:00Z')), '2026-12-01'); // 09:00 JST
  });

  it('turns the year at midnight JST, not UTC', () => {
    assert.equal(startDate(at('2026-12-31T14:59:00Z')), '2026-12-31');
    assert.equal(startDate(at('2026-12-31T15:00:00Z')), '2027-01-01');
  });
});

describe('targetPublicationDate', () => {
  it('is 45 calendar days after the start date, across month and year ends', () => {
    assert.equal(targetPublicationDate('2026-12-01', null, policy), '2027-01-15');
    assert.equal(targetPublicationDate('2027-01-31', null, policy), '2027-03-17');
    assert.equal(targetPublicationDate('2028-01-15', null, policy), '2028-02-29'); // leap year
  });

  it('is not moved off a weekend or holiday: it is a target, not a business deadline', () => {
    // 2027-03-21 is a Sunday and 春分の日 (2027-03-22 its substitute holiday)
    assert.equal(targetPublicationDate('2027-02-04', null, policy), '2027-03-21');
    // lands on こどもの日
    assert.equal(targetPublicationDate('2027-03-21', null, policy), '2027-05-05');
  });

  it('uses a category’s own target, matching the category case-insensitively', () => {
    assert.equal(targetPublicationDate('2026-12-01', 'ics', policy), '2027-03-01');
    assert.equal(targetPublicationDate('2026-12-01', 'ICS', policy), '2027-03-01');
    assert.equal(targetPublicationDate('2026-12-01', 'medical', policy), '2027-03-31');
  });

  it('falls back to the general target for no category or one without its own', () => {
    for (const category of [null, '', 'web', 'oss']) {
      assert.equal(targetDaysFor(category, policy), 45, String(category));
      assert.equal(targetPublicationDate('2026-12-01', category, policy), '2027-01-15');
    }
  });

  it('refuses a start date that is not a date', () => {
    assert.throws(() => targetPublicationDate('2026-02-30', null, policy), RangeError);
    assert.throws(() => targetPublicationDate('2026/12/01', null, policy), RangeError);
  });
});

describe('ackReminderDueAt', () => {
  it('counts business days from the JST date of the notice, due at 09:00 JST', () => {
    // Wed 2026-12-02 10:00 JST → 5 business days later: Wed 12-09, 09:00 JST = 00:00 UTC
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-02T01:00:00Z'), 1, policy, calendar),
      at('2026-12-09T00:00:00Z'),
    );
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-02T01:00:00Z'), 2, policy, calendar),
      at('2026-12-16T00:00:00Z'),
    );
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-02T01:00:00Z'), 3, policy, calendar),
      at('2026-12-23T00:00:00Z'),
    );
  });

  it('counts a notice at 23:59 JST on its day and one at 00:00 JST on the next', () => {
    // Wed 23:59 JST
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-02T14:59:00Z'), 1, policy, calendar),
      at('2026-12-09T00:00:00Z'),
    );
    // Thu 00:00 JST = Wed 15:00 UTC
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-02T15:00:00Z'), 1, policy, calendar),
      at('2026-12-10T00:00:00Z'),
    );
  });

  it('skips Golden Week', () => {
    // Thu 2027-04-22: 23 Fri, 26 Mon, 27, 28, (29 昭和の日), 30 Fri → 5th
    assert.deepEqual(
      ackReminderDueAt(at('2027-04-22T01:00:00Z'), 1, policy, calendar),
      at('2027-04-30T00:00:00Z'),
    );
    // then (5/3, 5/4, 5/5 closed) 6, 7, 10, 11, 12
    assert.deepEqual(
      ackReminderDueAt(at('2027-04-22T01:00:00Z'), 2, policy, calendar),
      at('2027-05-12T00:00:00Z'),
    );
  });

  it('skips the year-end closure (12/29–1/3)', () => {
    // Fri 2026-12-25: 28 Mon, (29–3 closed), 4 Mon, 5, 6, 7
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-25T01:00:00Z'), 1, policy, calendar),
      at('2027-01-07T00:00:00Z'),
    );
  });

  it('counts from the next business day for a notice sent on a weekend or holiday', () => {
    // Sat 2026-12-05 → 7, 8, 9, 10, 11
    assert.deepEqual(
      ackReminderDueAt(at('2026-12-05T03:00:00Z'), 1, policy, calendar),
      at('2026-12-11T00:00:00Z'),
    );
  });

  it('refuses a reminder number below 1', () => {
    for (const n of [0, -1, 1.5]) {
      assert.throws(() => ackReminderDueAt(at('2026-12-02T01:00:00Z'), n, policy, calendar), RangeError);
    }
  });
});

describe('targetState', () => {
  const target = '2027-01-15';
  const cases: [string, string, number][] = [
    ['2026-12-01T01:00:00Z', 'ok', 45],
    ['2027-01-07T14:59:00Z', 'ok', 8], // 2027-01-07 23:59 JST
    ['2027-01-07T15:00:00Z', 'approaching', 7], // 2027-01-08 00:00 JST
    ['2027-01-15T14:59:00Z', 'approaching', 0], // the target day, 23:59 JST
    ['2027-01-15T15:00:00Z', 'passed', -1], // the day after, 00:00 JST
    ['2027-06-01T00:00:00Z', 'passed', -137],
  ];
  for (const [now, state, days] of cases) {
    it(`is ${state} at ${now} (${days} days left)`, () => {
      assert.equal(targetState(at(now), target, policy), state);
      assert.equal(daysUntilTarget(at(now), target), days);
    });
  }

  it('with no approaching window, is approaching only on the day itself', () => {
    const p = { ...policy, approachingDays: 0 };
    assert.equal(targetState(at('2027-01-14T03:00:00Z'), target, p), 'ok');
    assert.equal(targetState(at('2027-01-15T03:00:00Z'), target, p), 'approaching');
  });
});

describe('localMomentToUtc', () => {
  it('reads a JST wall-clock time', () => {
    assert.deepEqual(localMomentToUtc('2027-01-15T10:00', 'Asia/Tokyo'), {
      ok: true,
      at: at('2027-01-15T01:00:00Z'),
    });
    assert.deepEqual(localMomentToUtc('2027-01-01T00:00', 'Asia/Tokyo'), {
      ok: true,
      at: at('2026-12-31T15:00:00Z'),
    });
    assert.deepEqual(localMomentToUtc('2027-01-15T10:00', 'UTC'), {
      ok: true,
      at: at('2027-01-15T10:00:00Z'),
    });
  });

  it('reads New York times either side of the DST changes', () => {
    const ny = (local: string) => localMomentToUtc(local, 'America/New_York');
    assert.deepEqual(ny('2027-01-15T10:00'), { ok: true, at: at('2027-01-15T15:00:00Z') }); // EST
    assert.deepEqual(ny('2027-07-15T10:00'), { ok: true, at: at('2027-07-15T14:00:00Z') }); // EDT
    assert.deepEqual(ny('2027-03-14T01:59'), { ok: true, at: at('2027-03-14T06:59:00Z') });
    assert.deepEqual(ny('2027-03-14T03:00'), { ok: true, at: at('2027-03-14T07:00:00Z') });
    assert.deepEqual(ny('2027-11-07T00:59'), { ok: true, at: at('2027-11-07T04:59:00Z') });
    assert.deepEqual(ny('2027-11-07T02:00'), { ok: true, at: at('2027-11-07T07:00:00Z') });
  });

  it('refuses a time the spring-forward change skips', () => {
    for (const local of ['2027-03-14T02:00', '2027-03-14T02:30', '2027-03-14T02:59']) {
      assert.deepEqual(
        localMomentToUtc(local, 'America/New_York'),
        { ok: false, error: 'nonexistent' },
        local,
      );
    }
  });

  it('refuses a time the fall-back change repeats', () => {
    for (const local of ['2027-11-07T01:00', '2027-11-07T01:30', '2027-11-07T01:59']) {
      assert.deepEqual(localMomentToUtc(local, 'America/New_York'), { ok: false, error: 'ambiguous' }, local);
    }
  });

  it('refuses a malformed time', () => {
    for (const local of [
      '',
      '2027-01-15',
      '2027-01-15 10:00',
      '2027-01-15T10:00:00',
      '2027-01-15T10:00Z',
      '2027-02-30T10:00',
      '2027-13-01T10:00',
      '2027-01-15T24:00',
      '2027-01-15T10:60',
      '27-01-15T10:00',
    ]) {
      assert.deepEqual(localMomentToUtc(local, 'Asia/Tokyo'), { ok: false, error: 'syntax' }, local);
    }
  });

  it('refuses a zone that is not an IANA zone', () => {
    for (const zone of ['', 'Mars/Olympus', 'Asia/Tokio']) {
      assert.deepEqual(localMomentToUtc('2027-01-15T10:00', zone), { ok: false, error: 'zone' }, zone);
    }
  });
});

describe('validateProposedMoment', () => {
  const now = at('2027-01-15T01:00:00Z');
  it('wants at least an hour ahead', () => {
    assert.equal(validateProposedMoment(at('2027-01-15T02:00:00Z'), now), 'ok');
    assert.equal(validateProposedMoment(at('2027-03-01T00:00:00Z'), now), 'ok');
    assert.equal(validateProposedMoment(at('2027-01-15T01:59:59Z'), now), 'too-soon');
    assert.equal(validateProposedMoment(at('2027-01-15T01:00:01Z'), now), 'too-soon');
  });

  it('refuses now and the past', () => {
    assert.equal(validateProposedMoment(now, now), 'past');
    assert.equal(validateProposedMoment(at('2027-01-14T01:00:00Z'), now), 'past');
    assert.equal(validateProposedMoment(new Date(Number.NaN), now), 'past');
  });
});
