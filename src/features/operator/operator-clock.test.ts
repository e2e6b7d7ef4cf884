// Target dates shown to the operator: business days on the Japanese calendar from the JST date of the details,
// months by the calendar with month ends clamped (the website track's clock).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebsitePolicy } from '../website/website-clock.js';
import { operatorTargets } from './operator-clock.js';

const policy: WebsitePolicy = {
  reminderBusinessDays: [10, 20],
  investigationBusinessDays: 20,
  fixMonths: 3,
  stopMonths: 9,
  unreachableAfterAttempts: 3,
};

describe('operator target dates', () => {
  it('counts 20 business days from the JST date of the details, skipping weekends and holidays', () => {
    // Mon 2026-04-27 JST; Golden Week (4/29, 5/4–5/6) and weekends do not count
    const t = operatorTargets(new Date('2026-04-27T01:00:00Z'), policy);
    assert.equal(t.notifiedOn, '2026-04-27');
    assert.equal(t.investigationDue, '2026-05-29');
    assert.equal(t.fixDue, '2026-07-27');
  });

  it('takes the JST date: 23:30 UTC is already the next day in Japan', () => {
    const t = operatorTargets(new Date('2026-06-30T23:30:00Z'), policy);
    assert.equal(t.notifiedOn, '2026-07-01');
    assert.equal(t.fixDue, '2026-10-01');
  });

  it('skips the year-end closure', () => {
    const one = { ...policy, investigationBusinessDays: 1 };
    assert.equal(operatorTargets(new Date('2026-12-25T03:00:00Z'), one).investigationDue, '2026-12-28');
    assert.equal(operatorTargets(new Date('2026-12-28T03:00:00Z'), one).investigationDue, '2027-01-04');
  });

  it('clamps a month end and crosses years', () => {
    assert.equal(operatorTargets(new Date('2026-11-30T03:00:00Z'), policy).fixDue, '2027-02-28');
    assert.equal(operatorTargets(new Date('2027-11-30T03:00:00Z'), policy).fixDue, '2028-02-29');
  });
});
