// Adding a directory group: only its product developers become parties. A CSIRT (or any other organization) kept
// in the same group is left out, and the coordinator is told how many and why; a group with no developer at all
// is refused as before.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { addParties } from './add-parties.js';
import { partiesOf } from './queries.js';
import { type Bodies, bodies, developer, footprint, group, productCase, workspaceUrl } from './testing.js';

describe('adding the parties of a directory group', () => {
  let t: TestApp;
  let b: Bodies;
  let devs: string[];
  let csirt: string;

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    b = await bodies(t);
    devs = [
      (await developer(t, 'Router Maker')).organizationId,
      (await developer(t, 'Camera Maker')).organizationId,
    ];
    csirt = await makeOrganization(t.ctx, 'csirt', 'Overseas CERT');
  });
  after(() => t.close());

  it('adds the developers of a group that also holds a CSIRT, and counts the CSIRT as skipped', async () => {
    const k = await productCase(t, b);
    const groupId = await group(t, 'IoT vendors and their CERT', [devs[0]!, csirt, devs[1]!]);
    const r = await addParties(t.ctx, b.coordinator.actor, { reference: k.reference, groupId });
    assert.deepEqual(r, { added: 2, skipped: 0, notDevelopers: 1 });
    assert.deepEqual(
      (await partiesOf(t.ctx.db, k.caseId)).map((p) => p.organizationId).sort(),
      [...devs].sort(),
    );
  });

  it('tells the coordinator in the workspace, in the coordinator’s language', async () => {
    const k = await productCase(t, b);
    const groupId = await group(t, 'Mixed group', [csirt, devs[0]!]);
    const browser = await signedIn(t, b.coordinator.userId);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/parties`,
      { groupId },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 303);
    const location = String(res.headers.location);
    assert.match(location, /notice=saved&skipped=1/);
    const page = textOf((await browser.get(location)).body);
    assert.match(
      page,
      /グループのうち 1 件は製品開発者ではない（海外CSIRT など）ため、当事者に加えていません。/,
    );
    const en = await signedIn(t, b.coordinator2.userId);
    assert.match(
      textOf((await en.get(location)).body),
      /1 member\(s\) of the group were not added: they are not product developers/,
    );
  });

  it('still refuses a group without any developer, changing nothing', async () => {
    const k = await productCase(t, b);
    const groupId = await group(t, 'CERTs only', [csirt]);
    const before = await footprint(t);
    await assert.rejects(
      addParties(t.ctx, b.coordinator.actor, { reference: k.reference, groupId }),
      (e: unknown) =>
        (e as { fields?: Record<string, string[]> }).fields?.groupId?.[0] ===
        'coordination.errors.emptyGroup',
    );
    assert.deepEqual(await footprint(t), before);
  });
});
