// The CSAF validator's findings in a coordinator's words: which vulnerability (by its own number, not the JSON
// index), the products or the document; the rule's number beside the validator's text; each problem once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsafMappingError } from '../../exports/csaf.js';
import { csafProblems, mappingProblem } from './csaf-approval-check.js';

describe('wording CSAF problems for the approval', () => {
  it('names the vulnerability by its ordinal, the products or the document, with the rule', () => {
    const problems = csafProblems(
      [
        { instancePath: '/vulnerabilities/1/cwe', message: 'invalid CWE name', test: 'mandatoryTest_6_1_11' },
        { instancePath: '/vulnerabilities/1/cwe', message: 'invalid CWE name', test: 'mandatoryTest_6_1_11' },
        {
          instancePath: '/product_tree/branches/0',
          message: 'must match format "uri"',
          test: 'csaf_2_0_strict',
        },
        { instancePath: '/document/tracking', message: 'bad', test: 'mandatoryTest_6_1_16' },
      ],
      [2, 5],
    );
    assert.deepEqual(problems, [
      {
        key: 'advisories.errors.csaf.inVulnerability',
        vars: { n: 5, detail: 'CSAF 6.1.11: invalid CWE name' },
      },
      { key: 'advisories.errors.csaf.inProducts', vars: { detail: 'CSAF schema: must match format "uri"' } },
      { key: 'advisories.errors.csaf.inDocument', vars: { detail: 'CSAF 6.1.16: bad' } },
    ]);
  });

  it("says which vulnerability has no product, from the mapping's refusal", () => {
    assert.deepEqual(
      mappingProblem(new CsafMappingError('no-products', 'JVN#1: vulnerability 3 concerns no product (…)')),
      { key: 'advisories.errors.csaf.noProduct', vars: { n: 3 } },
    );
    assert.deepEqual(mappingProblem(new CsafMappingError('no-products', 'odd')), {
      key: 'advisories.errors.csaf.noProductAny',
      vars: {},
    });
    assert.deepEqual(
      mappingProblem(new CsafMappingError('no-vulnerabilities', 'JVN#1 names no vulnerability')),
      {
        key: 'advisories.errors.csaf.noVulnerabilities',
        vars: {},
      },
    );
  });
});
