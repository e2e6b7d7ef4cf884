// The finder's progress steps from a case's events: an allow-list of events and of the fields each step keeps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finderProgress, type ProgressEvent } from './case-progress.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 1, minute));
const ev = (minute: number, type: string, data: unknown = {}, caseId = 'c1'): ProgressEvent => ({
  caseId,
  type,
  at: at(minute),
  data,
});

describe('finder progress (pure)', () => {
  it('shows nothing for a report without a case', () => {
    assert.deepEqual(finderProgress([]), []);
  });

  it('maps a coordinated product case: handover, developers notified as a count, moment agreed, end kind', () => {
    const steps = finderProgress([
      ev(0, 'case.opened', { reportId: 'r', track: 'software', origin: 'report' }),
      ev(1, 'coordination.party-added', { partyId: 'p1', organizationId: 'o1' }),
      ev(2, 'coordination.party-notified', { partyId: 'p1', organizationId: 'o1', first: true, mails: 1 }),
      ev(3, 'coordination.party-notified', { partyId: 'p2', organizationId: 'o2', first: true, mails: 2 }),
      ev(4, 'coordination.party-notified', { partyId: 'p1', organizationId: 'o1', first: false, mails: 1 }),
      ev(5, 'coordination.schedule-accepted', { proposalId: 'x', publishAt: '2027-01-20T01:00:00.000Z' }),
      ev(6, 'coordination.schedule-accepted', { proposalId: 'y', publishAt: '2027-02-03T01:00:00.000Z' }),
      ev(7, 'coordination.ended', {
        kind: 'ready_for_publication',
        caseClosed: false,
        note: 'secret reason',
      }),
    ]);
    assert.deepEqual(steps, [
      { kind: 'handedOver', at: at(0), track: 'software' },
      { kind: 'developersNotified', at: at(2), count: 2 },
      {
        kind: 'publicationAgreed',
        at: at(5),
        publishAt: new Date('2027-01-20T01:00:00.000Z'),
        changed: false,
      },
      {
        kind: 'publicationAgreed',
        at: at(6),
        publishAt: new Date('2027-02-03T01:00:00.000Z'),
        changed: true,
      },
      { kind: 'coordinationEnded', at: at(7), endKind: 'ready_for_publication' },
    ]);
    assert.ok(!JSON.stringify(steps).includes('secret reason'));
    assert.ok(!JSON.stringify(steps).includes('o1'));
  });

  it('maps a website case: the details notice (not the contact request, once), the fix report and the outcome', () => {
    const steps = finderProgress([
      ev(0, 'case.opened', { track: 'website' }),
      ev(1, 'website.contact_assigned', { organizationId: 'op' }),
      ev(2, 'website.notice_sent', { kind: 'contact_request', organizationId: 'op' }),
      ev(3, 'website.notice_sent', { kind: 'details', organizationId: 'op' }),
      ev(4, 'website.notice_sent', { kind: 'details', organizationId: 'op' }),
      ev(5, 'website.operator_acknowledged', { via: 'link' }),
      ev(6, 'website.operator_completion_reported', { via: 'link', action: 'page_deleted' }),
      ev(7, 'website.closed', { outcome: 'fixed', fixAction: 'page_deleted', reason: 'staff words' }),
    ]);
    assert.deepEqual(steps, [
      { kind: 'handedOver', at: at(0), track: 'website' },
      { kind: 'operatorNotified', at: at(3) },
      { kind: 'operatorReportedFix', at: at(6) },
      { kind: 'websiteClosed', at: at(7), outcome: 'page_deleted' },
    ]);
  });

  it('tells every website outcome apart, the fix action splitting "fixed"', () => {
    const outcome = (data: unknown) => finderProgress([ev(0, 'website.closed', data)])[0];
    assert.deepEqual(outcome({ outcome: 'fixed', fixAction: 'fixed' }), {
      kind: 'websiteClosed',
      at: at(0),
      outcome: 'fixed',
    });
    assert.equal(
      (outcome({ outcome: 'fixed', fixAction: 'operational_workaround' }) as { outcome: string }).outcome,
      'workaround',
    );
    assert.equal((outcome({ outcome: 'fixed', fixAction: null }) as { outcome: string }).outcome, 'fixed');
    for (const o of ['stopped_after_alert', 'stopped_after_9_months', 'not_vulnerability', 'unreachable']) {
      assert.equal((outcome({ outcome: o, fixAction: null }) as { outcome: string }).outcome, o);
    }
  });

  it('leaves out internal events, unknown values and malformed data', () => {
    const steps = finderProgress([
      ev(0, 'case.opened', { track: 'bogus' }),
      ev(1, 'coordination.message-sent', { to: 'all', body: 'internal' }),
      ev(2, 'coordination.party-notified', { organizationId: 'o1' }),
      ev(3, 'coordination.schedule-accepted', { publishAt: 'not a date' }),
      ev(4, 'coordination.schedule-proposed', { publishAt: '2027-01-20T01:00:00.000Z' }),
      ev(5, 'coordination.ended', { kind: 'made_up' }),
      ev(6, 'website.closed', { outcome: 'bogus' }),
      ev(7, 'website.operator_responded', { kind: 'message' }),
      ev(8, 'case.opened', null),
      ev(9, 'coordination.ended', ['no_new_handling']),
    ]);
    assert.deepEqual(steps, []);
  });

  it('keeps both cases of a reclassified report on one timeline, in time order, each counted apart', () => {
    const steps = finderProgress([
      ev(0, 'case.opened', { track: 'website' }, 'old'),
      ev(1, 'coordination.party-notified', { partyId: 'p1' }, 'new'),
      ev(2, 'coordination.party-notified', { partyId: 'p1' }, 'other'),
      ev(1, 'case.opened', { track: 'software' }, 'new'),
    ]);
    assert.deepEqual(
      steps.map((s) => [s.kind, s.at.getTime(), 'count' in s ? s.count : null]),
      [
        ['handedOver', at(0).getTime(), null],
        ['developersNotified', at(1).getTime(), 1],
        ['handedOver', at(1).getTime(), null],
        ['developersNotified', at(2).getTime(), 1],
      ],
    );
  });
});
