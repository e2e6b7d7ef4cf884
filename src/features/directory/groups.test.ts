// Developer groups kept over time: the coordination body renames a group and archives one it no longer uses; an
// archived group is kept for the record but no longer listed nor offered to a case, and its name is free again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { groupMembers, listGroups } from './contact-window.js';

describe('directory groups: rename and archive', () => {
  let t: TestApp;
  let keeper = '';
  let reception = '';
  let dev = '';

  before(async () => {
    t = await startTestApp();
    const coordination = await makeOrganization(t.ctx, 'coordination_body', 'Coordination');
    const rec = await makeOrganization(t.ctx, 'reception_body', 'Reception');
    dev = await makeOrganization(t.ctx, 'product_developer', 'Dev');
    keeper = (await makeUser(t.ctx, { organizationId: coordination, role: 'handler' })).userId;
    reception = (await makeUser(t.ctx, { organizationId: rec, role: 'handler' })).userId;
  });
  after(() => t.close());

  async function group(b: Awaited<ReturnType<typeof signedIn>>, name: string) {
    const made = await b.post('/directory/groups', { name, description: '' }, '/directory/groups');
    assert.equal(made.status, 303);
    return /\/directory\/groups\/([0-9a-f-]{36})/.exec(String(made.headers.location))?.[1] ?? '';
  }

  it('renames a group, refusing a name another live group has and keeping what was typed; as an event', async () => {
    const b = await signedIn(t, keeper);
    const id = await group(b, 'ルーター');
    await group(b, 'カメラ');
    const taken = await b.post(
      `/directory/groups/${id}/rename`,
      { name: 'カメラ', description: '説明の下書き' },
      `/directory/groups/${id}`,
    );
    assert.equal(taken.status, 400);
    assert.match(taken.body, /説明の下書き/);
    const blank = await b.post(`/directory/groups/${id}/rename`, { name: ' ' }, `/directory/groups/${id}`);
    assert.equal(blank.status, 400);
    const renamed = await b.post(
      `/directory/groups/${id}/rename`,
      { name: 'ルーター製品開発者', description: '家庭用ルーター' },
      `/directory/groups/${id}`,
    );
    assert.equal(renamed.status, 303);
    assert.equal(renamed.headers.location, `/directory/groups/${id}?notice=renamed`);
    const same = await b.post(
      `/directory/groups/${id}/rename`,
      { name: 'ルーター製品開発者', description: '家庭用ルーター' },
      `/directory/groups/${id}`,
    );
    assert.equal(same.status, 400);
    assert.match(same.body, /変更された項目がありません/);
    const page = await b.get(`/directory/groups/${id}`);
    assert.match(textOf(page.body), /グループ: ルーター製品開発者/);
    assert.match(textOf(page.body), /家庭用ルーター/);
    const ev = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_id', '=', id)
      .where('type', '=', 'directory.group-renamed')
      .executeTakeFirstOrThrow();
    assert.deepEqual(ev.data, {
      from: 'ルーター',
      name: 'ルーター製品開発者',
      changed: ['name', 'description'],
    });
  });

  it('archives a group: gone from the list and from cases, its page 404, its name free again; as an event', async () => {
    const b = await signedIn(t, keeper);
    const id = await group(b, 'アーカイブ対象');
    const added = await b.post(
      `/directory/groups/${id}/members`,
      { organizationId: dev },
      `/directory/groups/${id}`,
    );
    assert.equal(added.status, 303);
    assert.deepEqual(await groupMembers(t.ctx.db, id), [dev]);
    const archived = await b.post(`/directory/groups/${id}/archive`, {}, `/directory/groups/${id}`);
    assert.equal(archived.status, 303);
    assert.equal(archived.headers.location, '/directory/groups?notice=archived');
    assert.ok(!(await listGroups(t.ctx.db)).some((g) => g.id === id));
    assert.deepEqual(await groupMembers(t.ctx.db, id), []);
    assert.equal((await b.get(`/directory/groups/${id}`)).status, 404);
    // nothing more happens to it
    assert.equal((await b.post(`/directory/groups/${id}/archive`, {}, '/directory/groups')).status, 404);
    assert.equal(
      (await b.post(`/directory/groups/${id}/rename`, { name: 'x' }, '/directory/groups')).status,
      404,
    );
    // kept, not deleted; and a new group may take the name
    const row = await t.ctx.db
      .selectFrom('directory_groups')
      .select('archived_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(row.archived_at);
    await group(b, 'アーカイブ対象');
    const types = await t.ctx.db.selectFrom('events').select('type').where('stream_id', '=', id).execute();
    assert.ok(types.some((e) => e.type === 'directory.group-archived'));
  });

  it('only the coordination body renames and archives groups', async () => {
    const b = await signedIn(t, keeper);
    const id = await group(b, '受付は触れない');
    const rec = await signedIn(t, reception);
    assert.equal(
      (await rec.post(`/directory/groups/${id}/rename`, { name: 'x' }, `/directory/groups/${id}`)).status,
      403,
    );
    assert.equal(
      (await rec.post(`/directory/groups/${id}/archive`, {}, `/directory/groups/${id}`)).status,
      403,
    );
    const page = await rec.get(`/directory/groups/${id}`);
    assert.doesNotMatch(page.body, /\/archive"/);
    assert.ok((await listGroups(t.ctx.db)).some((g) => g.id === id));
  });
});
