import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CaseHistory, deriveFact, type ReportHistory } from './statistics-facts.js';

const at = (iso: string) => new Date(iso);
const ev = (type: string, iso: string, data: Record<string, unknown> = {}) => ({ type, at: at(iso), data });

function report(over: Partial<ReportHistory> = {}): ReportHistory {
  return {
    id: 'r1',
    track: 'software',
    source: 'form',
    state: 'accepted',
    submittedAt: at('2012-09-01T00:00:00Z'),
    websiteVulnerabilityType: null,
    events: [ev('report.accepted', '2012-09-02T00:00:00Z')],
    ...over,
  };
}

function kase(over: Partial<CaseHistory> = {}): CaseHistory {
  return {
    id: 'c1',
    track: 'software',
    origin: 'report',
    handedOverAt: at('2012-09-02T00:00:00Z'),
    supersededBy: null,
    startDate: '2012-09-03',
    csirtReceivedOn: null,
    productCategory: 'general',
    website: null,
    developerParties: 1,
    events: [],
    ...over,
  };
}

const sectors = new Map([['ci-1', 'electricity' as const]]);

describe('deriveFact', () => {
  it('takes every milestone on its JST day: 23:59 JST is still the day, 00:00 JST the next', () => {
    const f = deriveFact({
      report: report({
        submittedAt: at('2012-09-30T14:59:59Z'),
        events: [ev('report.accepted', '2012-09-30T15:00:00Z')],
      }),
      cases: [],
      sectors,
    });
    assert.equal(f?.received_on, '2012-09-30');
    assert.equal(f?.accepted_on, '2012-10-01');
  });

  it('never counts a duplicate without the event that marked it (nothing to date it by)', () => {
    assert.equal(deriveFact({ report: report({ state: 'duplicate' }), cases: [], sectors }), null);
  });

  it('follows a reclassified report: its current track, the old one before the day it moved', () => {
    const f = deriveFact({
      report: report({
        track: 'website',
        events: [
          ev('report.accepted', '2012-09-02T00:00:00Z'),
          ev('report.reclassified', '2012-09-10T00:00:00Z', { fromTrack: 'software', toTrack: 'website' }),
        ],
      }),
      cases: [
        kase({ supersededBy: 'c2' }),
        kase({
          id: 'c2',
          track: 'website',
          handedOverAt: at('2012-09-10T00:00:00Z'),
          website: {
            notifiedAt: at('2012-09-11T00:00:00Z'),
            outcome: 'fixed',
            fixAction: 'operational_workaround',
            closedAt: at('2012-10-01T00:00:00Z'),
            vulnerabilityType: 'sql_injection',
          },
        }),
      ],
      sectors,
    });
    assert.equal(f?.key, 'report:r1');
    assert.deepEqual([f?.track, f?.track_before, f?.reclassified_on], ['website', 'software', '2012-09-10']);
    assert.deepEqual(
      [f?.outcome, f?.fix_action, f?.outcome_on],
      ['fixed', 'operational_workaround', '2012-10-01'],
    );
    assert.equal(f?.notified_on, '2012-09-11');
    assert.equal(f?.website_vulnerability_type, 'sql_injection');
    assert.equal(f?.start_on, null, 'the superseded product case says nothing');
  });

  it('makes a report discontinued before acceptance 不受理, after it 脆弱性ではない when that is the reason', () => {
    const before = deriveFact({
      report: report({
        state: 'discontinued',
        events: [ev('report.discontinued', '2012-09-05T00:00:00Z', { reason: 'already_known' })],
      }),
      cases: [],
      sectors,
    });
    assert.deepEqual(
      [before?.accepted_on, before?.not_accepted_on, before?.outcome],
      [null, '2012-09-05', null],
    );
    const after = deriveFact({
      report: report({
        state: 'discontinued',
        events: [
          ev('report.accepted', '2012-09-02T00:00:00Z'),
          ev('report.discontinued', '2012-09-20T00:00:00Z', { reason: 'not_vulnerability' }),
        ],
      }),
      cases: [kase()],
      sectors,
    });
    assert.deepEqual(
      [after?.accepted_on, after?.outcome, after?.outcome_on],
      ['2012-09-02', 'not_vulnerable', '2012-09-20'],
    );
    const otherwise = deriveFact({
      report: report({
        state: 'discontinued',
        events: [
          ev('report.accepted', '2012-09-02T00:00:00Z'),
          ev('report.discontinued', '2012-09-20T00:00:00Z', { reason: 'unlawfully_obtained' }),
        ],
      }),
      cases: [kase()],
      sectors,
    });
    assert.deepEqual([otherwise?.accepted_on, otherwise?.not_accepted_on], [null, '2012-09-20']);
  });

  it('ends a software case at its first publication, or as coordination ended', () => {
    const published = deriveFact({
      report: report(),
      cases: [
        kase({
          developerParties: 2,
          productCategory: 'ics',
          events: [
            ev('coordination.ended', '2012-10-01T00:00:00Z', { kind: 'ready_for_publication' }),
            ev('advisory.published', '2012-10-05T01:00:00Z'),
            ev('advisory.published', '2012-11-05T01:00:00Z'),
          ],
        }),
      ],
      sectors,
    });
    assert.deepEqual(
      [published?.outcome, published?.outcome_on, published?.published_on],
      ['published', '2012-10-05', '2012-10-05'],
    );
    assert.equal(published?.multi_vendor, true);
    assert.equal(published?.ics, true);
    for (const [kind, outcome] of [
      ['not_vulnerability', 'not_vulnerable'],
      ['developer_notifies_users', 'handled_individually'],
      ['no_new_handling', 'handled_individually'],
      ['ready_for_publication', null],
    ] as const) {
      const f = deriveFact({
        report: report({ source: 'developer_self' }),
        cases: [kase({ events: [ev('coordination.ended', '2012-10-01T00:00:00Z', { kind })] })],
        sectors,
      });
      assert.equal(f?.outcome, outcome, kind);
    }
  });

  it('maps the website outcomes, "stopped after 9 months" to 取扱不可能', () => {
    const f = deriveFact({
      report: report({ track: 'website', websiteVulnerabilityType: 'xss' }),
      cases: [
        kase({
          track: 'website',
          website: {
            notifiedAt: at('2012-01-01T00:00:00Z'),
            outcome: 'stopped_after_9_months',
            fixAction: null,
            closedAt: at('2012-10-01T00:00:00Z'),
            vulnerabilityType: null,
          },
        }),
      ],
      sectors,
    });
    assert.deepEqual(
      [f?.outcome, f?.fix_action, f?.website_vulnerability_type],
      ['unreachable', null, 'xss'],
    );
  });

  it('records unreachable developers listed, resumed and completed, and priority disclosures by sector', () => {
    const f = deriveFact({
      report: report(),
      cases: [
        kase({
          events: [
            ev('coordination.party-notified', '2012-09-03T00:00:00Z', { organizationId: 'ci-1' }),
            ev('coordination.party-notified', '2012-09-03T05:00:00Z', { organizationId: 'ci-1' }),
            ev('coordination.party-notified', '2012-09-03T00:00:00Z', { organizationId: 'developer' }),
            ev('coordination.party-unreachable', '2012-10-03T00:00:00Z'),
            ev('coordination.party-acknowledged', '2012-11-03T00:00:00Z'),
            ev('advisory.published', '2012-12-03T00:00:00Z'),
          ],
        }),
      ],
      sectors,
    });
    assert.deepEqual(
      [f?.unreachable_listed_on, f?.unreachable_resumed_on, f?.unreachable_completed_on],
      ['2012-10-03', '2012-11-03', '2012-12-03'],
    );
    assert.deepEqual(f?.disclosures, [{ sector: 'electricity', disclosed_on: '2012-09-03' }]);
  });

  it('takes categories from case.classified, the latest value winning, unknown codes left unclassified', () => {
    const f = deriveFact({
      report: report(),
      cases: [
        kase({
          events: [
            ev('case.classified', '2012-09-05T00:00:00Z', {
              productType: 'router',
              cause: 'specification_flaw',
              oss: true,
            }),
            ev('case.classified', '2012-09-06T00:00:00Z', {
              productType: 'web_application',
              operatorType: 'nonsense',
            }),
          ],
        }),
      ],
      sectors,
    });
    assert.deepEqual(
      [f?.product_type, f?.cause, f?.operator_type, f?.oss],
      ['web_application', 'specification_flaw', null, true],
    );
  });

  it("counts an overseas CSIRT's case as a publication source, from the day the CSIRT told us", () => {
    const f = deriveFact({
      report: null,
      cases: [
        kase({
          origin: 'csirt',
          csirtReceivedOn: '2012-08-30',
          events: [ev('advisory.published', '2012-09-15T00:00:00Z')],
        }),
      ],
      sectors,
    });
    assert.deepEqual(
      [f?.key, f?.origin, f?.received_on, f?.accepted_on],
      ['case:c1', 'overseas_csirt', '2012-08-30', '2012-08-30'],
    );
    assert.equal(f?.published_on, '2012-09-15');
  });

  it("keeps 個別対応 for developers' own reports: a finder's report so ended stays in progress", () => {
    const ended = [ev('coordination.ended', '2012-10-01T00:00:00Z', { kind: 'developer_notifies_users' })];
    const finder = deriveFact({ report: report(), cases: [kase({ events: ended })], sectors });
    assert.deepEqual([finder?.origin, finder?.outcome, finder?.outcome_on], ['domestic', null, null]);
    const own = deriveFact({
      report: report({ source: 'developer_self' }),
      cases: [kase({ events: ended })],
      sectors,
    });
    assert.deepEqual([own?.outcome, own?.outcome_on], ['handled_individually', '2012-10-01']);
  });

  it('takes the first coordination end that means an outcome, after an earlier "ready for publication"', () => {
    const f = deriveFact({
      report: report(),
      cases: [
        kase({
          events: [
            ev('coordination.ended', '2012-10-01T00:00:00Z', { kind: 'ready_for_publication' }),
            ev('coordination.ended', '2012-11-01T00:00:00Z', { kind: 'not_vulnerability' }),
          ],
        }),
      ],
      sectors,
    });
    assert.deepEqual([f?.outcome, f?.outcome_on], ['not_vulnerable', '2012-11-01']);
  });

  it('keeps an outcome reached before a later discontinuation: a fixed website case stays 修正完了', () => {
    const website = {
      notifiedAt: at('2012-09-05T00:00:00Z'),
      outcome: 'fixed',
      fixAction: 'page_deleted',
      closedAt: at('2012-09-20T00:00:00Z'),
      vulnerabilityType: null,
    };
    const later = deriveFact({
      report: report({
        track: 'website',
        state: 'discontinued',
        events: [
          ev('report.accepted', '2012-09-02T00:00:00Z'),
          ev('report.discontinued', '2012-10-20T00:00:00Z', { reason: 'unlawfully_obtained' }),
        ],
      }),
      cases: [kase({ track: 'website', website })],
      sectors,
    });
    assert.deepEqual(
      [later?.outcome, later?.outcome_on, later?.fix_action, later?.not_accepted_on, later?.accepted_on],
      ['fixed', '2012-09-20', 'page_deleted', null, '2012-09-02'],
    );
    // discontinued before the fix: 不受理 from that day, nothing of the case counts
    const earlier = deriveFact({
      report: report({
        track: 'website',
        state: 'discontinued',
        events: [
          ev('report.accepted', '2012-09-02T00:00:00Z'),
          ev('report.discontinued', '2012-09-10T00:00:00Z', { reason: 'unlawfully_obtained' }),
        ],
      }),
      cases: [kase({ track: 'website', website })],
      sectors,
    });
    assert.deepEqual(
      [earlier?.outcome, earlier?.not_accepted_on, earlier?.notified_on],
      [null, '2012-09-10', null],
    );
  });

  it('counts a duplicate until the day it was marked one', () => {
    const f = deriveFact({
      report: report({
        state: 'duplicate',
        events: [ev('report.marked_duplicate', '2012-09-04T00:00:00Z', { duplicateOf: 'r0' })],
      }),
      cases: [],
      sectors,
    });
    assert.deepEqual(
      [f?.received_on, f?.duplicate_on, f?.accepted_on, f?.outcome],
      ['2012-09-01', '2012-09-04', null, null],
    );
  });

  it('never gives days that would make a count negative: 不受理 before a reclassification stays in its track', () => {
    const f = deriveFact({
      report: report({
        track: 'website',
        state: 'not_accepted',
        events: [
          ev('report.not_accepted', '2012-09-05T00:00:00Z'),
          ev('report.reclassified', '2012-09-10T00:00:00Z', { fromTrack: 'software' }),
        ],
      }),
      cases: [],
      sectors,
    });
    assert.deepEqual(
      [f?.track, f?.track_before, f?.reclassified_on, f?.not_accepted_on],
      ['software', null, null, '2012-09-05'],
    );
  });

  it('counts A→B→A in A throughout, and A→B→A→B as one move from A on the last day', () => {
    const back = deriveFact({
      report: report({
        track: 'software',
        events: [
          ev('report.reclassified', '2012-09-03T00:00:00Z', { fromTrack: 'software' }),
          ev('report.reclassified', '2012-09-05T00:00:00Z', { fromTrack: 'website' }),
        ],
      }),
      cases: [],
      sectors,
    });
    assert.deepEqual([back?.track, back?.track_before, back?.reclassified_on], ['software', null, null]);
    const twice = deriveFact({
      report: report({
        track: 'website',
        events: [
          ev('report.reclassified', '2012-09-03T00:00:00Z', { fromTrack: 'software' }),
          ev('report.reclassified', '2012-09-05T00:00:00Z', { fromTrack: 'website' }),
          ev('report.reclassified', '2012-09-07T00:00:00Z', { fromTrack: 'software' }),
        ],
      }),
      cases: [],
      sectors,
    });
    assert.deepEqual(
      [twice?.track, twice?.track_before, twice?.reclassified_on],
      ['website', 'software', '2012-09-07'],
    );
  });
});
