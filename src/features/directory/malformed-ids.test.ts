// Ids come into the directory from addresses and forms. One that is not a UUID names nothing: a page answers 404, a
// read answers "none" — never a database error (500). groupMembers is what the coordination workspace adds a group
// with, straight from a form's groupId.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { signedIn } from '../../testing/login.js';
import { groupMembers } from './contact-window.js';
import { relayCandidates } from './relay-candidates.js';

// 36 characters of the old check's alphabet, but not UUIDs
const NOT_UUIDS = ['a'.repeat(36), '-'.repeat(36), '0123456789abcdef0123456789abcdef0123'];

describe('directory ids that are not UUIDs', () => {
  let t: TestApp;
  let keeperId = '';
  let devId = '';
  before(async () => {
    t = await startTestApp();
    const coordination = await makeOrganization(t.ctx, 'coordination_body', 'Coordination');
    keeperId = (await makeUser(t.ctx, { organizationId: coordination, role: 'handler' })).userId;
    devId = await makeOrganization(t.ctx, 'product_developer', 'Dev With Products');
  });
  after(() => t.close());

  it('answers 404 on every page addressed by one', async () => {
    const b = await signedIn(t, keeperId);
    for (const bad of NOT_UUIDS) {
      for (const url of [
        `/directory/${bad}`,
        `/directory/${bad}/edit`,
        `/directory/requests/${bad}`,
        `/directory/groups/${bad}`,
      ]) {
        assert.equal((await b.get(url)).status, 404, url);
      }
      for (const url of [
        `/directory/${devId}/products/${bad}/retire`,
        `/directory/${devId}/domains/${bad}/remove`,
      ]) {
        assert.equal((await b.post(url, {}, `/directory/${devId}`)).status, 404, url);
      }
    }
  });

  it('offers relays and group members without failing on a posted id that is not one', async () => {
    for (const bad of ['not-a-uuid', ...NOT_UUIDS]) {
      assert.ok(Array.isArray(await relayCandidates(t.ctx.db, { currentId: bad, exceptId: bad })));
      assert.deepEqual(await groupMembers(t.ctx.db, bad), []);
    }
    assert.deepEqual(await groupMembers(t.ctx.db, ''), []);
    assert.deepEqual(await groupMembers(t.ctx.db, '00000000-0000-4000-8000-000000000000'), []);
  });

  it('has no members in an archived group', async () => {
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
