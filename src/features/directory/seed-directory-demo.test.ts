// The directory's part of the demo: after the demo seed, the developers and the operator have entries, products, a
// domain and a group; a change request waits; seeding again changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { seedDemo } from '../demo/seed-demo.js';
import {
  findOperatorsByHost,
  getContactWindow,
  groupMembers,
  listGroups,
  productsOf,
} from './contact-window.js';
import { DEMO_GROUP, seedDirectoryDemo } from './seed-directory-demo.js';

describe('seedDirectoryDemo', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemo(t.ctx);
  });
  after(() => t.close());

  it('gives the demo parties their entries, products, domain and group, once', async () => {
    await seedDirectoryDemo(t.ctx);
    await seedDirectoryDemo(t.ctx);
    const a = await t.ctx.db
      .selectFrom('organizations')
      .select('id')
      .where('name_en', '=', 'Demo Developer A Inc.')
      .executeTakeFirstOrThrow();
    const w = await getContactWindow(t.ctx.db, a.id);
    assert.equal(w?.emails[0], 'psirt@vendor-a.demo.keikai.test');
    assert.equal(w?.ndaVersion, 'v2');
    assert.deepEqual((await productsOf(t.ctx.db, a.id)).map((p) => p.category).sort(), ['ics', 'iot']);
    const [op] = await findOperatorsByHost(t.ctx.db, 'shop.demo.keikai.test');
    assert.equal(op?.nameEn, 'Demo Website Operator');
    const groups = await listGroups(t.ctx.db);
    assert.deepEqual(
      groups.map((g) => [g.name, g.memberCount]),
      [[DEMO_GROUP, 2]],
    );
    assert.equal((await groupMembers(t.ctx.db, groups[0]?.id ?? '')).length, 2);
    const pending = await t.ctx.db.selectFrom('directory_change_requests').select('state').execute();
    assert.deepEqual(pending, [{ state: 'pending' }]);
    const entries = await t.ctx.db.selectFrom('directory_entries').select('organization_id').execute();
    assert.equal(entries.length, 3);
  });
});
