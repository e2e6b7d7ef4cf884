// groupMembers is what the coordination workspace adds a group with, from a form's groupId: an id that is not a
// group's (not even a UUID) is an empty group, never a database error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, startTestApp, type TestApp } from '../../testing/app.js';
import { groupMembers } from './contact-window.js';

describe('groupMembers', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('answers an empty list for an id that is not a UUID, an unknown group and an archived one', async () => {
    assert.deepEqual(await groupMembers(t.ctx.db, 'not-a-uuid'), []);
    assert.deepEqual(await groupMembers(t.ctx.db, ''), []);
    assert.deepEqual(await groupMembers(t.ctx.db, '00000000-0000-4000-8000-000000000000'), []);
    const dev = await makeOrganization(t.ctx, 'product_developer', 'Archived Group Member');
    const now = new Date('2026-11-05T00:00:00Z');
    const g = await t.ctx.db
      .insertInto('directory_groups')
      .values({ name: 'Old group', description: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('directory_group_members')
      .values({ group_id: g.id, organization_id: dev, added_at: now })
      .execute();
    assert.deepEqual(await groupMembers(t.ctx.db, g.id), [dev]);
    await t.ctx.db.updateTable('directory_groups').set({ archived_at: now }).where('id', '=', g.id).execute();
    assert.deepEqual(await groupMembers(t.ctx.db, g.id), []);
  });
});
