import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebsiteStage } from '../../platform/db/schema/website.js';
import { parseJstMinute } from './record-relay-forward.js';
import {
  type CaseFacts,
  type CloseRule,
  closeRefusal,
  noticeRefusal,
  OUTCOMES,
  operatorLinkExpiry,
  operatorLinkState,
  subjectPrefix,
} from './website-rules.js';

const NOW = new Date('2027-06-01T00:00:00Z');
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  stage: 'notified',
  open: true,
  hasContact: true,
  notifiedAt: new Date('2026-08-01T00:00:00Z'),
  unansweredAttempts: 0,
  ...over,
});
const rule = (over: Partial<CloseRule> = {}): CloseRule => ({
  stopEligibleAt: new Date('2027-05-01T00:00:00Z'),
  minUnreachableAttempts: 3,
  ...over,
});
const STAGES: WebsiteStage[] = ['identifying', 'contact_requested', 'notified'];

describe('website case rules', () => {
  it('refuses every notice and outcome on a closed or moved case', () => {
    const closed = facts({ open: false });
    assert.equal(noticeRefusal('contact_request', closed), 'closed');
    assert.equal(noticeRefusal('details', closed), 'closed');
    for (const o of OUTCOMES) assert.equal(closeRefusal(o, closed, NOW, rule(), 'fixed'), 'closed');
  });

  it('sends no notice without a contact', () => {
    for (const stage of STAGES) {
      assert.equal(noticeRefusal('contact_request', facts({ stage, hasContact: false })), 'noContact');
      assert.equal(noticeRefusal('details', facts({ stage, hasContact: false })), 'noContact');
    }
  });

  it('asks for a contact point only before the details went out; details may be sent (again) at any open stage', () => {
    assert.equal(noticeRefusal('contact_request', facts({ stage: 'identifying' })), null);
    assert.equal(noticeRefusal('contact_request', facts({ stage: 'contact_requested' })), null);
    assert.equal(noticeRefusal('contact_request', facts({ stage: 'notified' })), 'alreadyNotified');
    for (const stage of STAGES) assert.equal(noticeRefusal('details', facts({ stage })), null);
  });

  it('closes as fixed only after the details, and only with what was done', () => {
    assert.equal(closeRefusal('fixed', facts(), NOW, rule(), 'page_deleted'), null);
    assert.equal(closeRefusal('fixed', facts(), NOW, rule(), null), 'fixActionRequired');
    assert.equal(
      closeRefusal('fixed', facts({ stage: 'contact_requested' }), NOW, rule(), 'fixed'),
      'notNotified',
    );
  });

  it('judges "not a vulnerability" only once the operator had the details', () => {
    assert.equal(closeRefusal('not_vulnerability', facts(), NOW, rule()), null);
    assert.equal(
      closeRefusal('not_vulnerability', facts({ stage: 'identifying' }), NOW, rule()),
      'notNotified',
    );
  });

  it('stops after 9 months: refused a moment before the eligible instant, allowed at it and after', () => {
    const at = new Date('2027-05-01T00:00:00Z');
    assert.equal(
      closeRefusal(
        'stopped_after_9_months',
        facts(),
        new Date(at.getTime() - 1),
        rule({ stopEligibleAt: at }),
      ),
      'tooEarly',
    );
    assert.equal(closeRefusal('stopped_after_9_months', facts(), at, rule({ stopEligibleAt: at })), null);
    assert.equal(closeRefusal('stopped_after_9_months', facts(), NOW, rule({ stopEligibleAt: at })), null);
    assert.equal(
      closeRefusal('stopped_after_9_months', facts({ stage: 'contact_requested' }), NOW, rule()),
      'notNotified',
    );
    assert.equal(
      closeRefusal('stopped_after_9_months', facts(), NOW, rule({ stopEligibleAt: null })),
      'notNotified',
    );
  });

  it('declares the operator unreachable only after the attempts the policy requires, at any stage', () => {
    for (const stage of STAGES) {
      assert.equal(
        closeRefusal('unreachable', facts({ stage, unansweredAttempts: 2 }), NOW, rule()),
        'tooFewAttempts',
      );
      assert.equal(closeRefusal('unreachable', facts({ stage, unansweredAttempts: 3 }), NOW, rule()), null);
    }
    assert.equal(
      closeRefusal('unreachable', facts({ unansweredAttempts: 0 }), NOW, rule({ minUnreachableAttempts: 0 })),
      null,
    );
  });

  it('may stop after a public alert at any open stage', () => {
    for (const stage of STAGES)
      assert.equal(closeRefusal('stopped_after_alert', facts({ stage }), NOW, rule()), null);
  });

  it('puts the handling number into the configured subject pattern', () => {
    assert.equal(subjectPrefix('[{reference}]', 'IPA#00000012'), '[IPA#00000012]');
    assert.equal(subjectPrefix('{reference} /', 'X-1'), 'X-1 /');
    assert.equal(subjectPrefix('[{reference}] ({reference})', 'A'), '[A] (A)');
  });

  it("reads a relay's forwarding time as Japan time, refusing impossible dates and other shapes", () => {
    assert.equal(parseJstMinute('2026-11-03 14:30')?.toISOString(), '2026-11-03T05:30:00.000Z');
    assert.equal(parseJstMinute('2026-11-03T00:05')?.toISOString(), '2026-11-02T15:05:00.000Z');
    assert.equal(parseJstMinute(' 2026-12-31 23:59 ')?.toISOString(), '2026-12-31T14:59:00.000Z');
    for (const bad of [
      '2026-02-30 10:00',
      '2026-13-01 10:00',
      '2026-11-03 24:00',
      '2026/11/03 10:00',
      '2026-11-03',
      '',
    ]) {
      assert.equal(parseJstMinute(bad), null, bad);
    }
  });
});

describe("the operator's link", () => {
  const closedAt = new Date('2027-08-02T15:00:00Z');
  const link = (over: Partial<Parameters<typeof operatorLinkState>[0]> = {}) => ({
    hash: 'abc',
    revokedAt: null,
    expiresAt: null,
    moved: false,
    ...over,
  });

  it('lasts 90 days after the close, to the millisecond', () => {
    const until = operatorLinkExpiry(closedAt);
    assert.equal(until.toISOString(), '2027-10-31T15:00:00.000Z');
    assert.equal(operatorLinkState(link({ expiresAt: until }), new Date(until.getTime() - 1)), 'live');
    assert.equal(operatorLinkState(link({ expiresAt: until }), until), 'ended');
  });

  it('is none before it is issued, ended once replaced or moved to the product track', () => {
    assert.equal(operatorLinkState(link({ hash: null }), closedAt), 'none');
    assert.equal(operatorLinkState(link(), closedAt), 'live');
    assert.equal(operatorLinkState(link({ revokedAt: closedAt }), closedAt), 'ended');
    assert.equal(operatorLinkState(link({ moved: true }), closedAt), 'ended');
  });
});
