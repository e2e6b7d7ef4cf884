// The directory (名簿) over HTTP: the keepers register and edit entries, products and domains; a party proposes
// changes to its own entry and the keeper approves or rejects them; groups; who may see and do what.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { TestBrowser, textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import {
  findOperatorsByHost,
  getContactWindow,
  groupMembers,
  listGroups,
  productsOf,
  searchParties,
} from './contact-window.js';

async function keys() {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'PSIRT', email: 'psirt@example.jp' }],
    format: 'armored',
  });
}

const entry = (over: Record<string, string> = {}) => ({
  nameJa: 'ルーター工業',
  nameEn: 'Router Industries',
  emails: 'PSIRT@router.example.jp\nsupport@router.example.jp',
  phone: '03-1234-5678',
  languages: 'ja',
  locale: 'ja',
  webUrl: 'https://router.example.jp/',
  pgpPublicKey: '',
  ndaSignedOn: '2026-04-01',
  ndaVersion: 'v2',
  notes: 'メモ',
  operatorKind: '',
  relayViaOrganizationId: '',
  ...over,
});

const idFrom = (location: unknown) => /\/directory\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

describe('directory', () => {
  let t: TestApp;
  const org = { reception: '', coordination: '', devA: '', devB: '', csirt: '' };
  const u = { coordHandler: '', coordAdmin: '', recHandler: '', adminA: '', memberA: '', adminB: '' };
  let adminAEmail = '';

  before(async () => {
    t = await startTestApp();
    org.reception = await makeOrganization(t.ctx, 'reception_body', 'Reception');
    org.coordination = await makeOrganization(t.ctx, 'coordination_body', 'Coordination');
    org.devA = await makeOrganization(t.ctx, 'product_developer', 'Dev A');
    org.devB = await makeOrganization(t.ctx, 'product_developer', 'Dev B');
    org.csirt = await makeOrganization(t.ctx, 'csirt', 'Overseas CSIRT');
    u.coordHandler = (await makeUser(t.ctx, { organizationId: org.coordination, role: 'handler' })).userId;
    u.coordAdmin = (await makeUser(t.ctx, { organizationId: org.coordination, role: 'admin' })).userId;
    u.recHandler = (await makeUser(t.ctx, { organizationId: org.reception, role: 'handler' })).userId;
    const a = await makeUser(t.ctx, { organizationId: org.devA, role: 'org_admin', locale: 'en' });
    u.adminA = a.userId;
    adminAEmail = a.email;
    u.memberA = (await makeUser(t.ctx, { organizationId: org.devA, role: 'member' })).userId;
    u.adminB = (await makeUser(t.ctx, { organizationId: org.devB, role: 'org_admin' })).userId;
  });
  after(() => t.close());

  it('the coordination body registers a developer with its contact window, as events and audit entries', async () => {
    const b = await signedIn(t, u.coordHandler);
    const form = await b.get('/directory/new');
    assert.equal(form.status, 200);
    // a coordinator registers developers and CSIRTs, not website operators
    assert.match(form.body, /value="product_developer"/);
    assert.doesNotMatch(form.body, /value="website_operator"/);
    const { publicKey } = await keys();
    const res = await b.post(
      '/directory',
      { type: 'product_developer', ...entry({ pgpPublicKey: publicKey }) },
      '/directory/new',
    );
    assert.equal(res.status, 303);
    const id = idFrom(res.headers.location);
    const page = await b.get(`/directory/${id}`);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /psirt@router\.example\.jp （主）/);
    assert.match(text, /2026-04-01 締結（v2）/);
    assert.match(text, /フィンガープリント: [0-9A-F]{40}/);

    const w = await getContactWindow(t.ctx.db, id);
    assert.deepEqual(w?.emails, ['psirt@router.example.jp', 'support@router.example.jp']);
    assert.equal(w?.type, 'product_developer');
    assert.equal(w?.ndaVersion, 'v2');
    assert.match(w?.pgpPublicKey ?? '', /BEGIN PGP PUBLIC KEY BLOCK/);

    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ['organization.created', 'directory.entry-created'],
    );
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', id)
      .execute();
    assert.ok(audits.some((a) => a.action === 'directory.entry-created'));
    assert.ok(
      (await searchParties(t.ctx.db, { type: 'product_developer', q: 'router' })).some(
        (p) => p.organizationId === id,
      ),
    );
  });

  it('refuses a private key, garbage, a bad date and no address, keeping what was typed', async () => {
    const b = await signedIn(t, u.coordHandler);
    const { privateKey } = await keys();
    const res = await b.post(
      `/directory/${org.devA}/edit`,
      entry({ nameEn: 'Dev A', nameJa: 'Dev A（日本語）', pgpPublicKey: privateKey }),
      `/directory/${org.devA}/edit`,
    );
    assert.equal(res.status, 400);
    assert.match(res.body, /秘密鍵が貼り付けられました/);
    // never echoed back
    assert.doesNotMatch(res.body, /PRIVATE KEY/);
    const garbage = await b.post(
      `/directory/${org.devA}/edit`,
      entry({ pgpPublicKey: 'hello', ndaSignedOn: '2026-02-30', emails: '' }),
      `/directory/${org.devA}/edit`,
    );
    assert.equal(garbage.status, 400);
    assert.match(garbage.body, /実在する日/);
    assert.match(garbage.body, /メールアドレスを1つ以上/);
    assert.match(garbage.body, /value="ルーター工業"/);
    const row = await t.ctx.db
      .selectFrom('directory_entries')
      .select('organization_id')
      .where('organization_id', '=', org.devA)
      .executeTakeFirst();
    assert.equal(row, undefined);
    const key = await b.post(
      `/directory/${org.devA}/edit`,
      entry({ pgpPublicKey: 'hello' }),
      `/directory/${org.devA}/edit`,
    );
    assert.equal(key.status, 400);
    assert.match(key.body, /OpenPGP 公開鍵として読み取れません/);
  });

  it('products: purl and CPE checked, a category for the schedule, retired not deleted', async () => {
    const b = await signedIn(t, u.coordHandler);
    const bad = await b.post(
      `/directory/${org.devB}/products`,
      { nameJa: 'ルーター', nameEn: 'Router', purl: 'npm/router', cpe: 'cpe:/h:x:y', category: 'ics' },
      `/directory/${org.devB}`,
    );
    assert.equal(bad.status, 400);
    assert.match(bad.body, /purl の形式が正しくありません/);
    assert.match(bad.body, /CPE 2\.3 の形式が正しくありません/);
    assert.equal((await productsOf(t.ctx.db, org.devB)).length, 0);
    // the entry page has several forms: the summary links to the add form's own (prefixed) name field
    const noName = await b.post(
      `/directory/${org.devB}/products`,
      { nameJa: '', nameEn: 'Router', category: 'ics' },
      `/directory/${org.devB}`,
    );
    assert.equal(noName.status, 400);
    assert.match(noName.body, /<a href="#product-nameJa">/);
    assert.match(noName.body, /id="product-nameJa"/);
    const ok = await b.post(
      `/directory/${org.devB}/products`,
      {
        nameJa: 'ルーター RT-100',
        nameEn: 'Router RT-100',
        purl: 'pkg:generic/example/rt-100@2.1',
        cpe: 'cpe:2.3:h:example:rt-100:-:*:*:*:*:*:*:*',
        category: 'ics',
      },
      `/directory/${org.devB}`,
    );
    assert.equal(ok.status, 303);
    const [p] = await productsOf(t.ctx.db, org.devB);
    assert.equal(p?.category, 'ics');
    assert.equal(p?.purl, 'pkg:generic/example/rt-100@2.1');
    const editPath = `/directory/${org.devB}/products/${p?.id}/edit`;
    const form = await b.get(editPath);
    assert.equal(form.status, 200);
    assert.match(form.body, /value="pkg:generic\/example\/rt-100@2.1"/);
    const badEdit = await b.post(
      editPath,
      { nameJa: 'ルーター RT-100', nameEn: 'Router RT-100', cpe: 'cpe:2.3:h', category: 'iot' },
      editPath,
    );
    assert.equal(badEdit.status, 400);
    assert.match(badEdit.body, /CPE 2\.3 の形式が正しくありません/);
    const edited = await b.post(
      editPath,
      { nameJa: 'ルーター RT-100', nameEn: 'Router RT-100', purl: '', cpe: '', category: 'iot' },
      editPath,
    );
    assert.equal(edited.status, 303);
    const [corrected] = await productsOf(t.ctx.db, org.devB);
    assert.deepEqual([corrected?.category, corrected?.purl, corrected?.cpe], ['iot', null, null]);
    const productEvent = await t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', org.devB)
      .where('type', '=', 'directory.product-updated')
      .executeTakeFirstOrThrow();
    assert.deepEqual((productEvent.data as { category: unknown }).category, { from: 'ics', to: 'iot' });
    const rec = await signedIn(t, u.recHandler);
    assert.equal((await rec.get(editPath)).status, 403);
    const retired = await b.post(
      `/directory/${org.devB}/products/${p?.id}/retire`,
      {},
      `/directory/${org.devB}`,
    );
    assert.equal(retired.status, 303);
    assert.equal((await productsOf(t.ctx.db, org.devB)).length, 0);
    const kept = await t.ctx.db
      .selectFrom('directory_products')
      .select('retired_at')
      .where('id', '=', p?.id ?? '')
      .executeTakeFirstOrThrow();
    assert.ok(kept.retired_at);
  });

  it('the reception body keeps website operators: domains normalised and unique, found by host, relays checked', async () => {
    const b = await signedIn(t, u.recHandler);
    const pref = await b.post(
      '/directory',
      {
        type: 'website_operator',
        ...entry({
          nameJa: '例県',
          nameEn: 'Example Prefecture',
          emails: 'it@pref.example.lg.jp',
          operatorKind: 'local_government',
        }),
      },
      '/directory/new',
    );
    assert.equal(pref.status, 303);
    const prefId = idFrom(pref.headers.location);
    const city = await b.post(
      '/directory',
      {
        type: 'website_operator',
        ...entry({
          nameJa: '例市',
          nameEn: 'Example City',
          emails: 'info@city.example.lg.jp',
          operatorKind: 'local_government',
          relayViaOrganizationId: prefId,
        }),
      },
      '/directory/new',
    );
    assert.equal(city.status, 303);
    const cityId = idFrom(city.headers.location);
    assert.equal((await getContactWindow(t.ctx.db, cityId))?.relayViaOrganizationId, prefId);

    const added = await b.post(
      `/directory/${cityId}/domains`,
      { domain: 'City.Example.LG.JP.' },
      `/directory/${cityId}`,
    );
    assert.equal(added.status, 303);
    const taken = await b.post(
      `/directory/${prefId}/domains`,
      { domain: 'city.example.lg.jp' },
      `/directory/${prefId}`,
    );
    assert.equal(taken.status, 400);
    assert.match(taken.body, /すでに別の運営者に登録されています/);
    const bad = await b.post(
      `/directory/${prefId}/domains`,
      { domain: 'not a domain' },
      `/directory/${prefId}`,
    );
    assert.equal(bad.status, 400);

    const found = await findOperatorsByHost(t.ctx.db, 'www.City.example.lg.jp');
    assert.deepEqual(
      found.map((f) => [f.organizationId, f.domain]),
      [[cityId, 'city.example.lg.jp']],
    );
    assert.deepEqual(await findOperatorsByHost(t.ctx.db, 'https://city.example.lg.jp:8443/x'), found);
    assert.deepEqual(await findOperatorsByHost(t.ctx.db, 'example.lg.jp'), []);

    // the prefecture relaying through the city, which relays through the prefecture: a loop
    const loop = await b.post(
      `/directory/${prefId}/edit`,
      entry({
        nameJa: '例県',
        nameEn: 'Example Prefecture',
        emails: 'it@pref.example.lg.jp',
        relayViaOrganizationId: cityId,
      }),
      `/directory/${prefId}/edit`,
    );
    assert.equal(loop.status, 400);
    assert.match(loop.body, /元の組織に戻ってしまいます/);

    const list = await b.get('/directory?q=city.example');
    assert.match(textOf(list.body), /例市/);
    assert.doesNotMatch(textOf(list.body), /例県/);
  });

  it('who may do what: parties see only their own entry, keepers edit only their own kind, visitors log in', async () => {
    const anon = new TestBrowser(t);
    for (const url of ['/directory', `/directory/${org.devA}`, '/my/directory', '/directory/groups']) {
      const res = await anon.get(url);
      assert.equal(res.status, 303, url);
      assert.match(String(res.headers.location), /^\/login\?returnTo=/);
    }
    const adminB = await signedIn(t, u.adminB);
    assert.equal((await adminB.get(`/directory/${org.devA}`)).status, 403);
    assert.equal((await adminB.get('/directory')).status, 403);
    assert.equal((await adminB.get('/directory/requests')).status, 403);
    const ownPage = await adminB.get(`/directory/${org.devB}`);
    assert.equal(ownPage.status, 303);
    assert.equal(ownPage.headers.location, '/my/directory');

    const rec = await signedIn(t, u.recHandler);
    assert.equal((await rec.get(`/directory/${org.devA}`)).status, 200);
    assert.equal((await rec.get(`/directory/${org.devA}/edit`)).status, 403);
    assert.equal((await rec.post(`/directory/${org.devA}/edit`, entry(), '/directory')).status, 403);
    assert.equal(
      (
        await rec.post(
          `/directory/${org.devA}/products`,
          { nameJa: 'x', nameEn: 'x', category: 'general' },
          '/directory',
        )
      ).status,
      403,
    );
    assert.equal(
      (await rec.post('/directory', { type: 'product_developer', ...entry() }, '/directory')).status,
      403,
    );

    const op = await makeOrganization(t.ctx, 'website_operator', 'Shop');
    const coord = await signedIn(t, u.coordHandler);
    assert.equal((await coord.get(`/directory/${op}`)).status, 200);
    assert.equal((await coord.post(`/directory/${op}/edit`, entry(), '/directory')).status, 403);
    assert.equal(
      (await coord.post(`/directory/${op}/domains`, { domain: 'shop.example.jp' }, '/directory')).status,
      403,
    );

    // a member (not the organization admin) reads its entry but proposes nothing
    const member = await signedIn(t, u.memberA);
    const mine = await member.get('/my/directory');
    assert.equal(mine.status, 200);
    assert.doesNotMatch(mine.body, /action="\/my\/directory"/);
    assert.equal((await member.post('/my/directory', entry(), '/my/directory')).status, 403);
  });

  it('a party proposes changes; approved they are applied and the party is told by mail', async () => {
    const party = await signedIn(t, u.adminA);
    const own = await party.get('/my/directory');
    assert.equal(own.status, 200);
    assert.match(own.body, /href="\/my\/directory"/); // the menu leads here
    const proposed = await party.post(
      '/my/directory',
      {
        nameJa: 'Dev A（日本語）',
        nameEn: 'Dev A',
        emails: 'psirt@deva.example.jp',
        phone: '',
        languages: 'en',
        locale: 'en',
        webUrl: '',
        pgpPublicKey: '',
      },
      '/my/directory',
    );
    assert.equal(proposed.status, 303);
    // nothing changes before approval
    assert.equal(
      (await getContactWindow(t.ctx.db, org.devA))?.emails.includes('psirt@deva.example.jp'),
      false,
    );
    const request = await t.ctx.db
      .selectFrom('directory_change_requests')
      .select(['id', 'state'])
      .where('organization_id', '=', org.devA)
      .executeTakeFirstOrThrow();
    assert.equal(request.state, 'pending');
    // the coordination body's staff (not the reception body's, nor the party) hear of it, each in their language,
    // with a link to the request and none of the proposed values
    const told = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'body_text', 'locale'])
      .where('template', '=', 'directory.mail.changeRequested')
      .orderBy('to_address')
      .execute();
    const staff = await t.ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', 'in', [u.coordHandler, u.coordAdmin])
      .orderBy('email')
      .execute();
    assert.deepEqual(
      told.map((m) => m.to_address),
      staff.map((s) => s.email),
    );
    for (const m of told) {
      assert.match(m.body_text, new RegExp(`/directory/requests/${request.id}`));
      assert.doesNotMatch(m.body_text, /psirt@deva/);
    }

    const keeper = await signedIn(t, u.coordHandler);
    const list = await keeper.get('/directory/requests');
    assert.match(list.body, new RegExp(`/directory/requests/${request.id}`));
    const view = await keeper.get(`/directory/requests/${request.id}`);
    assert.equal(view.status, 200);
    assert.match(textOf(view.body), /メールアドレス \(なし\)|メールアドレス （なし）/);
    assert.match(textOf(view.body), /psirt@deva\.example\.jp 変更あり/);

    // the reception body does not keep developers: it cannot decide
    const rec = await signedIn(t, u.recHandler);
    assert.equal((await rec.post(`/directory/requests/${request.id}/approve`, {}, '/directory')).status, 403);

    const approved = await keeper.post(
      `/directory/requests/${request.id}/approve`,
      {},
      `/directory/requests/${request.id}`,
    );
    assert.equal(approved.status, 303);
    const w = await getContactWindow(t.ctx.db, org.devA);
    assert.deepEqual(w?.emails, ['psirt@deva.example.jp']);
    assert.equal(w?.locale, 'en');
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'subject', 'locale'])
      .where('template', '=', 'directory.mail.changeApproved')
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, adminAEmail);
    assert.equal(mail.locale, 'en');
    const again = await keeper.post(`/directory/requests/${request.id}/approve`, {}, '/directory');
    assert.equal(again.status, 409);
    const types = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', org.devA)
      .execute();
    assert.ok(types.some((e) => e.type === 'directory.change-requested'));
    assert.ok(types.some((e) => e.type === 'directory.change-approved'));
  });

  it('rejected, the entry is unchanged and the reason is mailed; a reason is required', async () => {
    const party = await signedIn(t, u.adminA);
    const before = await getContactWindow(t.ctx.db, org.devA);
    const proposed = await party.post(
      '/my/directory',
      {
        nameJa: 'Dev A（日本語）',
        nameEn: 'Dev A Renamed',
        emails: 'someone@elsewhere.example',
        languages: 'en',
        locale: 'en',
      },
      '/my/directory',
    );
    assert.equal(proposed.status, 303);
    const request = await t.ctx.db
      .selectFrom('directory_change_requests')
      .select('id')
      .where('organization_id', '=', org.devA)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    const keeper = await signedIn(t, u.coordHandler);
    const empty = await keeper.post(
      `/directory/requests/${request.id}/reject`,
      { reason: '  ' },
      `/directory/requests/${request.id}`,
    );
    assert.equal(empty.status, 400);
    assert.match(empty.body, /却下の理由を入力してください/);
    const rejected = await keeper.post(
      `/directory/requests/${request.id}/reject`,
      { reason: 'Please confirm the address from your official domain.' },
      `/directory/requests/${request.id}`,
    );
    assert.equal(rejected.status, 303);
    assert.deepEqual(await getContactWindow(t.ctx.db, org.devA), before);
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'body_text'])
      .where('template', '=', 'directory.mail.changeRejected')
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, adminAEmail);
    assert.match(mail.body_text, /Please confirm the address from your official domain\./);
    const mine = await party.get('/my/directory');
    assert.match(textOf(mine.body), /Rejected Please confirm the address/);
  });

  it("approving applies only what the party changed: a keeper's later edit to another field stays", async () => {
    const party = await signedIn(t, u.adminB);
    const keeper = await signedIn(t, u.coordHandler);
    const setUp = await keeper.post(
      `/directory/${org.devB}/edit`,
      entry({
        nameJa: 'Dev B（日本語）',
        nameEn: 'Dev B',
        emails: 'sec@devb.example.jp',
        phone: '03-1111-1111',
      }),
      `/directory/${org.devB}/edit`,
    );
    assert.equal(setUp.status, 303);
    const asked = await party.post(
      '/my/directory',
      {
        nameJa: 'Dev B（日本語）',
        nameEn: 'Dev B',
        emails: 'sec@devb.example.jp',
        phone: '03-2222-2222',
        languages: 'ja',
        locale: 'ja',
        webUrl: 'https://router.example.jp/',
      },
      '/my/directory',
    );
    assert.equal(asked.status, 303);
    // meanwhile the keeper changes the addresses
    const edited = await keeper.post(
      `/directory/${org.devB}/edit`,
      entry({
        nameJa: 'Dev B（日本語）',
        nameEn: 'Dev B',
        emails: 'psirt@devb.example.jp',
        phone: '03-1111-1111',
      }),
      `/directory/${org.devB}/edit`,
    );
    assert.equal(edited.status, 303);
    const request = await t.ctx.db
      .selectFrom('directory_change_requests')
      .select('id')
      .where('organization_id', '=', org.devB)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    const view = await keeper.get(`/directory/requests/${request.id}`);
    assert.match(textOf(view.body), /電話番号 03-1111-1111 03-2222-2222 変更あり/);
    assert.match(
      textOf(view.body),
      /メールアドレス psirt@devb\.example\.jp psirt@devb\.example\.jp 変更なし/,
    );
    assert.equal(
      (await keeper.post(`/directory/requests/${request.id}/approve`, {}, '/directory')).status,
      303,
    );
    const w = await getContactWindow(t.ctx.db, org.devB);
    assert.equal(w?.phone, '03-2222-2222');
    assert.deepEqual(w?.emails, ['psirt@devb.example.jp']);
  });

  it("without an entry, the contact window is the organization's active users, org admins first", async () => {
    const dev = await makeOrganization(t.ctx, 'product_developer', 'No Entry Co');
    const m = await makeUser(t.ctx, { organizationId: dev, role: 'member', email: 'm@noentry.example' });
    const a = await makeUser(t.ctx, {
      organizationId: dev,
      role: 'org_admin',
      email: 'a@noentry.example',
      locale: 'en',
    });
    const w = await getContactWindow(t.ctx.db, dev);
    assert.deepEqual(w?.emails, [a.email, m.email]);
    assert.equal(w?.pgpPublicKey, null);
    assert.equal(await getContactWindow(t.ctx.db, '00000000-0000-4000-8000-000000000000'), null);
  });

  it('groups of developers: made and filled by the coordination body, read by its callers', async () => {
    const keeper = await signedIn(t, u.coordHandler);
    const made = await keeper.post(
      '/directory/groups',
      { name: 'ルーター製品開発者', description: '' },
      '/directory/groups',
    );
    assert.equal(made.status, 303);
    const groupId = /\/directory\/groups\/([0-9a-f-]{36})/.exec(String(made.headers.location))?.[1] ?? '';
    const dup = await keeper.post('/directory/groups', { name: 'ルーター製品開発者' }, '/directory/groups');
    assert.equal(dup.status, 400);
    for (const o of [org.devA, org.devB, org.csirt]) {
      const r = await keeper.post(
        `/directory/groups/${groupId}/members`,
        { organizationId: o },
        `/directory/groups/${groupId}`,
      );
      assert.equal(r.status, 303);
    }
    const op = await makeOrganization(t.ctx, 'website_operator', 'Not a developer');
    const refused = await keeper.post(
      `/directory/groups/${groupId}/members`,
      { organizationId: op },
      `/directory/groups/${groupId}`,
    );
    assert.equal(refused.status, 400);
    assert.deepEqual((await groupMembers(t.ctx.db, groupId)).sort(), [org.devA, org.devB, org.csirt].sort());
    const removed = await keeper.post(
      `/directory/groups/${groupId}/members/${org.devB}/remove`,
      {},
      `/directory/groups/${groupId}`,
    );
    assert.equal(removed.status, 303);
    assert.deepEqual(await listGroups(t.ctx.db), [
      { id: groupId, name: 'ルーター製品開発者', memberCount: 2 },
    ]);
    const rec = await signedIn(t, u.recHandler);
    assert.equal((await rec.get(`/directory/groups/${groupId}`)).status, 200);
    assert.equal(
      (await rec.post(`/directory/groups/${groupId}/members`, { organizationId: org.devB }, '/directory'))
        .status,
      403,
    );
  });

  it('invitations: the keeper (a coordination handler) invites a developer contact; reception staff may not', async () => {
    const rec = await signedIn(t, u.recHandler);
    const recPage = await rec.get(`/directory/${org.devA}`);
    assert.doesNotMatch(recPage.body, /action="\/directory\/[^"]+\/invite"/);
    assert.equal(
      (
        await rec.post(
          `/directory/${org.devA}/invite`,
          { email: 'psirt@deva.example.jp', locale: 'en' },
          '/directory',
        )
      ).status,
      403,
    );
    const handler = await signedIn(t, u.coordHandler);
    const handlerPage = await handler.get(`/directory/${org.devA}`);
    assert.match(handlerPage.body, /action="\/directory\/[^"]+\/invite"/);
    const invited = await handler.post(
      `/directory/${org.devA}/invite`,
      { email: 'psirt@deva.example.jp', locale: 'en' },
      `/directory/${org.devA}`,
    );
    assert.equal(invited.status, 303);
    const token = await t.ctx.db
      .selectFrom('mail_tokens')
      .select(['role', 'organization_id'])
      .where('email', '=', 'psirt@deva.example.jp')
      .executeTakeFirstOrThrow();
    assert.deepEqual(token, { role: 'org_admin', organization_id: org.devA });
  });
});
