// Ids in the workspace's addresses and forms are checked before they reach PostgreSQL: a malformed party,
// proposal, response, suggestion or vulnerability id is a 404 (it names nothing), a malformed developer id a
// field error — never a database error (500) — and nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { addParties } from './add-parties.js';
import { type Bodies, bodies, footprint, productCase, workspaceUrl } from './testing.js';

const MALFORMED = ['x', '1', '00000000-0000-0000-0000-00000000000g', '------------------------------------'];

describe('malformed ids in the coordination workspace', () => {
  let t: TestApp;
  let b: Bodies;
  let reference: string;

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    b = await bodies(t);
    reference = (await productCase(t, b)).reference;
  });
  after(() => t.close());

  it('answers 404 for a malformed id in the address or the form, and changes nothing', async () => {
    const browser = await signedIn(t, b.coordinator.userId);
    const ws = workspaceUrl(reference);
    const before = await footprint(t);
    for (const id of MALFORMED) {
      const e = encodeURIComponent(id);
      const posts: [string, Record<string, string>][] = [
        [`${ws}/parties/${e}/notify`, {}],
        [`${ws}/parties/${e}/remove`, { reason: '誤って追加' }],
        [`${ws}/parties/${e}/finder-contact`, { allow: 'no' }],
        [`${ws}/vulnerabilities/${e}`, { titleJa: 'XSS', titleEn: 'XSS' }],
        [`${ws}/suggestions/${e}`, { decision: 'reject', note: '対象外' }],
        [`${ws}/schedule/decide`, { decision: 'accept', proposalId: id }],
        [`${ws}/schedule/decide`, { decision: 'reject', proposalId: id }],
        [`${ws}/schedule/decide`, { decision: 'accept_counter', responseId: id }],
        [`${ws}/messages`, { to: id, body: 'こんにちは' }],
      ];
      for (const [url, fields] of posts) {
        const res = await browser.post(url, fields, ws);
        assert.equal(res.status, 404, `${url} ${JSON.stringify(fields)}`);
      }
    }
    assert.deepEqual(await footprint(t), before);
  });

  it('refuses a malformed developer id with a field error, in the form, keeping the page', async () => {
    const browser = await signedIn(t, b.coordinator.userId);
    const ws = workspaceUrl(reference);
    const before = await footprint(t);
    for (const id of MALFORMED) {
      const res = await browser.post(`${ws}/parties`, { organizationId: id }, ws);
      assert.equal(res.status, 400, id);
      assert.match(textOf(res.body), /製品開発者として名簿に登録されている組織を選んでください。/);
      await assert.rejects(
        addParties(t.ctx, b.coordinator.actor, { reference, organizationId: id }),
        (e: unknown) =>
          (e as { fields?: Record<string, string[]> }).fields?.organizationId?.[0] ===
          'coordination.errors.notDeveloper',
      );
    }
    assert.deepEqual(await footprint(t), before);
  });
});
