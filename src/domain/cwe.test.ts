import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CWE_NOTICE, CWE_SOURCE, findCwe, normaliseCweId, searchCwe } from './cwe.js';
import data from './data/cwe.json' with { type: 'json' };

describe('the shipped CWE list', () => {
  it('is the full catalogue, says where it came from and carries MITRE’s notice', () => {
    assert.ok(data.entries.length >= 900, String(data.entries.length));
    assert.match(CWE_SOURCE, /^MITRE CWE \d+\.\d+/);
    assert.match(CWE_NOTICE, /The MITRE Corporation/);
  });

  it('has unique ids in CWE-n form and a name for each', () => {
    const ids = new Set<string>();
    for (const e of data.entries) {
      assert.match(e.id, /^CWE-[1-9]\d*$/);
      assert.ok(e.name.trim().length > 0, e.id);
      assert.ok(!ids.has(e.id), `duplicate ${e.id}`);
      ids.add(e.id);
    }
  });

  it('names the CWEs JVN uses most as MITRE does', () => {
    const names: Record<string, string> = {
      'CWE-20': 'Improper Input Validation',
      'CWE-22': "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
      'CWE-78': "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
      'CWE-79': "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
      'CWE-89': "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')",
      'CWE-94': "Improper Control of Generation of Code ('Code Injection')",
      'CWE-200': 'Exposure of Sensitive Information to an Unauthorized Actor',
      'CWE-284': 'Improper Access Control',
      'CWE-287': 'Improper Authentication',
      'CWE-306': 'Missing Authentication for Critical Function',
      'CWE-352': 'Cross-Site Request Forgery (CSRF)',
      'CWE-384': 'Session Fixation',
      'CWE-434': 'Unrestricted Upload of File with Dangerous Type',
      'CWE-502': 'Deserialization of Untrusted Data',
      'CWE-601': "URL Redirection to Untrusted Site ('Open Redirect')",
      'CWE-611': 'Improper Restriction of XML External Entity Reference',
      'CWE-798': 'Use of Hard-coded Credentials',
      'CWE-862': 'Missing Authorization',
      'CWE-863': 'Incorrect Authorization',
      'CWE-918': 'Server-Side Request Forgery (SSRF)',
      'CWE-1021': 'Improper Restriction of Rendered UI Layers or Frames',
      'CWE-787': 'Out-of-bounds Write',
      'CWE-416': 'Use After Free',
    };
    for (const [id, name] of Object.entries(names)) assert.equal(findCwe(id)?.name, name, id);
  });
});

describe('normaliseCweId', () => {
  it('accepts the spellings people type', () => {
    for (const input of [
      '79',
      'CWE-79',
      'cwe-79',
      'Cwe-79',
      ' CWE-79 ',
      'CWE 79',
      'CWE79',
      'CWE:79',
      'CWE-079',
      'ＣＷＥ－７９',
      'CWE–79',
    ]) {
      assert.equal(normaliseCweId(input), 'CWE-79', JSON.stringify(input));
    }
    assert.equal(normaliseCweId('1021'), 'CWE-1021');
  });

  it('spells the NVD pseudo-entries as NVD does', () => {
    assert.equal(normaliseCweId('nvd-cwe-other'), 'NVD-CWE-Other');
    assert.equal(normaliseCweId('NVD-CWE-noinfo'), 'NVD-CWE-noinfo');
    assert.equal(normaliseCweId('NVD-CWE-NOINFO'), 'NVD-CWE-noinfo');
  });

  it('refuses junk', () => {
    for (const input of [
      '',
      ' ',
      'CWE',
      'CWE-',
      'CWE-0',
      '0',
      '-79',
      'CWE--79',
      'CWE-79a',
      '79.1',
      'CWE-123456',
      'CVE-2024-1234',
      'xss',
      'NVD-CWE-foo',
      'CWE-79; drop table',
    ]) {
      assert.equal(normaliseCweId(input), null, JSON.stringify(input));
    }
  });
});

describe('findCwe', () => {
  it('finds weaknesses and categories in any accepted spelling', () => {
    assert.equal(findCwe('cwe-79')?.id, 'CWE-79');
    assert.equal(findCwe('79')?.category, undefined);
    assert.equal(findCwe('CWE-16')?.name, 'Configuration');
    assert.equal(findCwe('CWE-16')?.category, true);
  });

  it('finds the NVD pseudo-entries', () => {
    assert.deepEqual(findCwe('NVD-CWE-Other'), { id: 'NVD-CWE-Other', name: 'Other' });
    assert.deepEqual(findCwe('nvd-cwe-noinfo'), { id: 'NVD-CWE-noinfo', name: 'Insufficient Information' });
  });

  it('finds a deprecated entry, marked so (old advisories cite them)', () => {
    const c = findCwe('CWE-1');
    assert.equal(c?.deprecated, true);
    assert.match(c?.name ?? '', /^DEPRECATED:/);
  });

  it('is undefined for an id the catalogue does not have, and for junk', () => {
    assert.equal(findCwe('CWE-99999'), undefined);
    assert.equal(findCwe('CWE-0'), undefined);
    assert.equal(findCwe('not a cwe'), undefined);
  });
});

describe('searchCwe', () => {
  it('puts the entry itself first for an id, then ids starting with its digits', () => {
    const ids = searchCwe('79', 5).map((c) => c.id);
    assert.equal(ids[0], 'CWE-79');
    assert.equal(ids.length, 5);
    for (const id of ids.slice(1)) assert.match(id, /^CWE-79\d+$/);
    assert.equal(searchCwe('CWE-1021')[0]?.id, 'CWE-1021');
  });

  it('finds by all words of the name, a weakness with the whole phrase first', () => {
    const found = searchCwe('sql injection');
    assert.equal(found[0]?.id, 'CWE-89');
    for (const c of found) assert.match(c.name.toLowerCase(), /sql/);
    assert.equal(searchCwe('Path Traversal')[0]?.id, 'CWE-22');
    assert.equal(searchCwe('hard-coded credentials')[0]?.id, 'CWE-798');
  });

  it('finds by common other names, in English and Japanese', () => {
    assert.equal(searchCwe('xss')[0]?.id, 'CWE-79');
    assert.equal(searchCwe('クロスサイトスクリプティング')[0]?.id, 'CWE-79');
    assert.equal(searchCwe('ＳＱＬインジェクション')[0]?.id, 'CWE-89');
    assert.equal(searchCwe('パストラバーサル')[0]?.id, 'CWE-22');
    assert.equal(searchCwe('clickjacking')[0]?.id, 'CWE-1021');
  });

  it('lists weaknesses before categories', () => {
    const found = searchCwe('cross-site scripting', 50);
    const firstCategory = found.findIndex((c) => c.category);
    assert.ok(firstCategory > 0);
    assert.ok(found.slice(firstCategory).every((c) => c.category));
  });

  it('leaves deprecated entries out', () => {
    assert.ok(searchCwe('deprecated', 100).every((c) => !c.deprecated));
    assert.deepEqual(
      searchCwe('CWE-1'),
      searchCwe('CWE-1').filter((c) => c.id !== 'CWE-1'),
    );
  });

  it('respects the limit and finds nothing for nothing', () => {
    assert.equal(searchCwe('injection', 3).length, 3);
    assert.deepEqual(searchCwe(''), []);
    assert.deepEqual(searchCwe('   '), []);
    assert.deepEqual(searchCwe('injection', 0), []);
    assert.deepEqual(searchCwe('zzzz no such weakness'), []);
  });

  it('finds the NVD pseudo-entries by id and by name', () => {
    assert.equal(searchCwe('NVD-CWE-noinfo')[0]?.id, 'NVD-CWE-noinfo');
    assert.ok(searchCwe('insufficient information').some((c) => c.id === 'NVD-CWE-noinfo'));
  });
});
