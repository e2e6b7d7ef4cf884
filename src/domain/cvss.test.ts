import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CvssError, cvssSeverity, parseCvss } from './cvss.js';

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

function score(vector: string) {
  const r = parseCvss(vector);
  assert.ok(r.ok, `${vector}: ${JSON.stringify(r)}`);
  return r;
}

describe('parseCvss scores CVSS 3.1 vectors as the specification does', () => {
  const known: [string, number, string][] = [
    [V31, 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'], // the usual reflected XSS
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'high'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N', 3.7, 'low'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
  ];
  for (const [vector, base, severity] of known) {
    it(`${vector} = ${base} ${severity}`, () => {
      const r = score(vector);
      assert.equal(r.version, '3.1');
      assert.equal(r.baseScore, base);
      assert.equal(r.severity, severity);
      assert.equal(r.vector, vector);
    });
  }

  it('keeps the base score apart from the temporal score', () => {
    const r = score(`${V31}/E:U/RL:O/RC:C`);
    assert.equal(r.baseScore, 9.8);
    assert.equal(r.severity, 'critical');
    assert.ok(r.overallScore < 9.8);
  });

  it('accepts every temporal and environmental metric once', () => {
    const r = score(`${V31}/E:X/RL:X/RC:X/CR:H/IR:M/AR:L/MAV:L/MAC:H/MPR:H/MUI:R/MS:C/MC:N/MI:L/MA:H`);
    assert.equal(r.baseScore, 9.8);
  });

  it('lists metrics given in another order in the specification order', () => {
    const r = score('CVSS:3.1/S:U/AV:N/C:H/AC:L/I:H/PR:N/A:H/UI:N');
    assert.equal(r.vector, V31);
    assert.equal(r.baseScore, 9.8);
  });
});

describe('parseCvss scores CVSS 4.0 vectors as FIRST does', () => {
  // the first five from FIRST's "CVSS v4.0 Examples"; the score there is of every metric given (CVSS-BTE)
  const known: [string, number][] = [
    ['CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.7],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 8.3],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 4.6],
    [V40, 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0],
  ];
  for (const [vector, expected] of known) {
    it(`${vector} = ${expected}`, () => {
      const r = score(vector);
      assert.equal(r.version, '4.0');
      assert.equal(r.baseScore, expected);
      assert.equal(r.overallScore, expected);
      assert.equal(r.severity, cvssSeverity(expected));
    });
  }

  it('scores threat metrics into the overall score, not the base score (FIRST: 7.7 → 5.2 with E:U)', () => {
    const r = score('CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U');
    assert.equal(r.baseScore, 7.7);
    assert.equal(r.severity, 'high');
    assert.equal(r.overallScore, 5.2);
  });

  it('scores environmental metrics into the overall score (FIRST: 8.3 → 8.1)', () => {
    const r = score(
      'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/CR:H/IR:L/AR:L/MAV:N/MAC:H/MVC:H/MVI:L/MVA:L',
    );
    assert.equal(r.baseScore, 8.3);
    assert.equal(r.overallScore, 8.1);
  });

  it('accepts the supplemental metrics, Provider Urgency in its mixed case', () => {
    const r = score(`${V40}/E:A/S:P/AU:Y/R:I/V:C/RE:H/U:Amber`);
    assert.equal(r.baseScore, 9.3);
    assert.equal(r.vector, `${V40}/E:A/S:P/AU:Y/R:I/V:C/RE:H/U:Amber`);
  });

  it('accepts MSI:S and MSA:S (safety) only in the subsequent-system modified metrics', () => {
    assert.ok(parseCvss(`${V40}/MSI:S/MSA:S`).ok);
    assert.deepEqual(parseCvss(`${V40}/MSC:S`), { ok: false, error: 'bad-value', metric: 'MSC' });
  });
});

describe('parseCvss refuses anything but a well-formed vector, naming the problem', () => {
  const cases: [string, CvssError, string?][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'prefix'],
    ['cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'prefix'],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'prefix'],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', 'prefix'],
    [' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'prefix'],
    ['CVSS:3.1', 'prefix'],
    ['CVSS:3.1/', 'syntax'],
    [`${V31}/`, 'syntax'],
    [`${V31} `, 'syntax'],
    ['CVSS:3.1/AV:N /AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'syntax'],
    ['CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'syntax'],
    ['CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'syntax'],
    ['CVSS:3.1/AV=N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'syntax'],
    ['CVSS:3.1/AV:N:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'syntax'],
    ['CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'syntax'],
    [`${V31}/AT:N`, 'unknown-metric', 'AT'],
    [`${V40}/S:U/RL:O`, 'bad-value', 'S'], // S in 4.0 is Safety: N, P or X
    [`${V40}/RL:O`, 'unknown-metric', 'RL'],
    [`${V31}/AV:L`, 'duplicate-metric', 'AV'],
    [`${V31}/E:U/E:U`, 'duplicate-metric', 'E'],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'bad-value', 'AV'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:h', 'bad-value', 'A'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:P/S:U/C:H/I:H/A:H', 'bad-value', 'UI'], // P is 4.0's
    [`${V40}/U:red`, 'bad-value', 'U'],
    [`${V40}/E:F`, 'bad-value', 'E'], // F is 3.1's
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'missing-metric', 'A'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H', 'missing-metric', 'S'],
    ['CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'missing-metric', 'AT'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H', 'missing-metric', 'SC'],
  ];
  for (const [vector, error, metric] of cases) {
    it(`${JSON.stringify(vector)} → ${error}${metric ? ` (${metric})` : ''}`, () => {
      const r = parseCvss(vector);
      assert.deepEqual(r, metric ? { ok: false, error, metric } : { ok: false, error });
    });
  }

  it('refuses a valid vector of the other version when one is expected', () => {
    assert.deepEqual(parseCvss(V31, '4.0'), { ok: false, error: 'version-mismatch' });
    assert.deepEqual(parseCvss(V40, '3.1'), { ok: false, error: 'version-mismatch' });
    assert.ok(parseCvss(V31, '3.1').ok);
    assert.ok(parseCvss(V40, '4.0').ok);
  });
});

describe('cvssSeverity', () => {
  it('follows the qualitative rating scale at its edges', () => {
    const edges: [number, string][] = [
      [0, 'none'],
      [0.1, 'low'],
      [3.9, 'low'],
      [4, 'medium'],
      [6.9, 'medium'],
      [7, 'high'],
      [8.9, 'high'],
      [9, 'critical'],
      [10, 'critical'],
    ];
    for (const [s, sev] of edges) assert.equal(cvssSeverity(s), sev, String(s));
  });
});
