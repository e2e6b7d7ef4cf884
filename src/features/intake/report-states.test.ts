import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canDecide, DECISIONS, decisionsFrom, isClosed, nextState, REPORT_STATES } from './report-states.js';

// Written out by hand, not derived from the table under test.
const EXPECTED: Record<string, Record<string, string | null>> = {
  submitted: {
    accept: 'accepted',
    not_accept: 'not_accepted',
    request_info: 'awaiting_finder',
    finder_replied: null,
    discontinue: 'discontinued',
    mark_duplicate: 'duplicate',
    reclassify: 'submitted',
  },
  awaiting_finder: {
    accept: 'accepted',
    not_accept: 'not_accepted',
    request_info: 'awaiting_finder',
    finder_replied: 'submitted',
    discontinue: 'discontinued',
    mark_duplicate: 'duplicate',
    reclassify: 'awaiting_finder',
  },
  accepted: {
    accept: null,
    not_accept: null,
    request_info: null,
    finder_replied: null,
    discontinue: 'discontinued',
    mark_duplicate: null,
    reclassify: 'accepted',
  },
  not_accepted: Object.fromEntries(DECISIONS.map((d) => [d, null])),
  discontinued: Object.fromEntries(DECISIONS.map((d) => [d, null])),
  duplicate: Object.fromEntries(DECISIONS.map((d) => [d, null])),
};

describe('report states', () => {
  for (const state of REPORT_STATES) {
    for (const decision of DECISIONS) {
      const expected = EXPECTED[state]?.[decision];
      it(`${decision} from ${state} ${expected ? `leads to ${expected}` : 'is refused'}`, () => {
        assert.equal(nextState(state, decision), expected ?? null);
        assert.equal(canDecide(state, decision), expected !== null && expected !== undefined);
      });
    }
  }

  it('covers every state in the expectation table', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...REPORT_STATES].sort());
  });

  it('treats not accepted, discontinued and duplicate as closed, and nothing can follow them', () => {
    for (const s of REPORT_STATES) {
      assert.equal(isClosed(s), decisionsFrom(s).length === 0);
    }
    assert.deepEqual(
      REPORT_STATES.filter((s) => isClosed(s)),
      ['not_accepted', 'discontinued', 'duplicate'],
    );
  });
});
