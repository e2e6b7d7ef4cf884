// The CWE field without JavaScript: the workspace offers the common CWEs in a <datalist> with MITRE's names, the
// chosen CWE's name is shown beside its id, and a CWE that is not in MITRE's list is still refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findCwe } from '../../domain/cwe.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { type Bodies, bodies, footprint, productCase, workspaceUrl } from './testing.js';
import { COMMON_CWE_IDS } from './views/cwe-choices.js';

const XSS_NAME = 'Improper Neutralization of Input During Web Page Generation';

describe('the CWE picker', () => {
  let t: TestApp;
  let b: Bodies;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T01:00:00Z' });
    b = await bodies(t);
  });
  after(() => t.close());

  it('offers only CWEs the catalogue knows and MITRE has not deprecated', () => {
    assert.ok(COMMON_CWE_IDS.length >= 40);
    for (const id of COMMON_CWE_IDS) {
      const c = findCwe(id);
      assert.ok(c, `${id} is known`);
      assert.ok(!c.deprecated, `${id} is not deprecated`);
    }
  });

  it('lists the common CWEs with their names, linked to the CWE field, and names the chosen one', async () => {
    const k = await productCase(t, b);
    const browser = await signedIn(t, b.coordinator.userId);
    const empty = await browser.get(workspaceUrl(k.reference));
    assert.equal(empty.status, 200);
    assert.match(empty.body, /<datalist id="cwe-choices">/);
    assert.match(empty.body, new RegExp(`<option value="CWE-79">${XSS_NAME}`));
    assert.match(
      empty.body,
      /<input[^>]*name="cwe"[^>]*list="cwe-choices"|<input[^>]*list="cwe-choices"[^>]*name="cwe"/,
    );
    assert.match(textOf(empty.body), /MITRE/);

    const res = await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      { titleJa: 'XSS', titleEn: 'XSS', cwe: 'cwe-79' },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 303);
    const page = await browser.get(workspaceUrl(k.reference));
    assert.match(textOf(page.body), new RegExp(`CWE-79 — ${XSS_NAME}`));
  });

  it('still refuses a CWE that is not in MITRE’s list, keeping what was typed', async () => {
    const k = await productCase(t, b);
    const browser = await signedIn(t, b.coordinator.userId);
    const before = await footprint(t);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      { titleJa: 'XSS', titleEn: 'XSS', cwe: 'CWE-99999' },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 400);
    assert.match(textOf(res.body), /CWE一覧にありません/);
    assert.match(res.body, /value="CWE-99999"/);
    assert.deepEqual(await footprint(t), before);
  });
});
