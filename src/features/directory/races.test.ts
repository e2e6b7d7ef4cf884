// The directory under concurrent keepers: the relay chain is checked on the state the write sees, so two keepers
// pointing two operators at each other at the same moment cannot make a loop; and a stored key that has since
// expired does not stand in the way of edits that leave it alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';

const entry = (over: Record<string, string> = {}) => ({
  nameJa: '例県',
  nameEn: 'Example Prefecture',
  emails: 'it@pref.example.lg.jp',
  phone: '03-1234-5678',
  languages: 'ja',
  locale: 'ja',
  webUrl: '',
  pgpPublicKey: '',
  ndaSignedOn: '',
  ndaVersion: '',
  notes: '',
  operatorKind: 'local_government',
  relayViaOrganizationId: '',
  ...over,
});

const idFrom = (location: unknown) => /\/directory\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

describe('directory under concurrent keepers', () => {
  let t: TestApp;
  let keeperA = '';
  let keeperB = '';

  before(async () => {
    t = await startTestApp();
    const reception = await makeOrganization(t.ctx, 'reception_body', 'Reception');
    keeperA = (await makeUser(t.ctx, { organizationId: reception, role: 'handler' })).userId;
    keeperB = (await makeUser(t.ctx, { organizationId: reception, role: 'lead' })).userId;
  });
  after(() => t.close());

  async function operator(nameEn: string, emails: string) {
    const b = await signedIn(t, keeperA);
    const res = await b.post(
      '/directory',
      { type: 'website_operator', ...entry({ nameEn, emails }) },
      '/directory/new',
    );
    assert.equal(res.status, 303);
    return idFrom(res.headers.location);
  }

  it('two keepers pointing two operators at each other at once: exactly one succeeds, no loop', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await operator(`Operator A${round}`, `a${round}@a.example.lg.jp`);
      const b = await operator(`Operator B${round}`, `b${round}@b.example.lg.jp`);
      const one = await signedIn(t, keeperA);
      const two = await signedIn(t, keeperB);
      const [ra, rb] = await Promise.all([
        one.post(
          `/directory/${a}/edit`,
          entry({
            nameEn: `Operator A${round}`,
            emails: `a${round}@a.example.lg.jp`,
            relayViaOrganizationId: b,
          }),
          `/directory/${a}/edit`,
        ),
        two.post(
          `/directory/${b}/edit`,
          entry({
            nameEn: `Operator B${round}`,
            emails: `b${round}@b.example.lg.jp`,
            relayViaOrganizationId: a,
          }),
          `/directory/${b}/edit`,
        ),
      ]);
      assert.deepEqual([ra.status, rb.status].sort(), [303, 400]);
      const relays = await t.ctx.db
        .selectFrom('directory_entries')
        .select('relay_via_organization_id')
        .where('organization_id', 'in', [a, b])
        .execute();
      assert.equal(relays.filter((r) => r.relay_via_organization_id !== null).length, 1);
    }
  });

  it('a loop through entries neither edit touches is refused too (B→C and D→A exist; A→B and C→D at once)', async () => {
    const [a, b, c, d] = [
      await operator('Loop A', 'a@loop.example.lg.jp'),
      await operator('Loop B', 'b@loop.example.lg.jp'),
      await operator('Loop C', 'c@loop.example.lg.jp'),
      await operator('Loop D', 'd@loop.example.lg.jp'),
    ];
    const k = await signedIn(t, keeperA);
    const set = (b2: typeof k, id: string, name: string, mail: string, relay: string) =>
      b2.post(
        `/directory/${id}/edit`,
        entry({ nameEn: name, emails: mail, relayViaOrganizationId: relay }),
        `/directory/${id}/edit`,
      );
    assert.equal((await set(k, b, 'Loop B', 'b@loop.example.lg.jp', c)).status, 303);
    assert.equal((await set(k, d, 'Loop D', 'd@loop.example.lg.jp', a)).status, 303);
    const k2 = await signedIn(t, keeperB);
    const [r1, r2] = await Promise.all([
      set(k, a, 'Loop A', 'a@loop.example.lg.jp', b),
      set(k2, c, 'Loop C', 'c@loop.example.lg.jp', d),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [303, 400]);
  });

  it('a stored key that has since expired does not block editing the phone (by the keeper or the party); the entry page marks it expired', async () => {
    const id = await operator('Keyed Operator', 'sec@keyed.example.lg.jp');
    const expiredKey = async () =>
      (
        await openpgp.generateKey({
          type: 'ecc',
          curve: 'curve25519Legacy',
          userIDs: [{ name: 'Keyed', email: 'sec@keyed.example.lg.jp' }],
          date: new Date('2020-01-01T00:00:00Z'),
          keyExpirationTime: 86_400,
          format: 'armored',
        })
      ).publicKey.trim();
    const stored = await expiredKey();
    // kept while it was valid (the directory refuses an expired key when it is given)
    await t.ctx.db
      .updateTable('directory_entries')
      .set({
        pgp_public_key: stored,
        pgp_fingerprint: 'AAAA1111BBBB2222CCCC3333DDDD4444EEEE5555',
        pgp_expires_at: new Date('2020-01-02T00:00:00Z'),
      })
      .where('organization_id', '=', id)
      .execute();
    const k = await signedIn(t, keeperA);
    const page = await k.get(`/directory/${id}`);
    assert.match(textOf(page.body), /期限切れ/);
    const form = {
      nameEn: 'Keyed Operator',
      emails: 'sec@keyed.example.lg.jp',
      phone: '03-9999-0000',
      // the browser sends the key back as the form showed it, with CRLF line ends
      pgpPublicKey: stored.replace(/\n/g, '\r\n'),
    };
    const edited = await k.post(`/directory/${id}/edit`, entry(form), `/directory/${id}/edit`);
    assert.equal(edited.status, 303);
    const row = await t.ctx.db
      .selectFrom('directory_entries')
      .select(['phone', 'pgp_public_key', 'pgp_fingerprint'])
      .where('organization_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.phone, '03-9999-0000');
    assert.equal(row.pgp_public_key, stored);
    assert.equal(row.pgp_fingerprint, 'AAAA1111BBBB2222CCCC3333DDDD4444EEEE5555');
    // a different key, expired too, is checked and refused
    const other = await k.post(
      `/directory/${id}/edit`,
      entry({ ...form, pgpPublicKey: await expiredKey() }),
      `/directory/${id}/edit`,
    );
    assert.equal(other.status, 400);
    assert.match(other.body, /この公開鍵は有効期限が切れています/);
    // the party itself may propose a new phone number, sending back the key it has on file
    const party = await signedIn(
      t,
      (await makeUser(t.ctx, { organizationId: id, role: 'org_admin' })).userId,
    );
    const proposed = await party.post(
      '/my/directory',
      {
        nameJa: '例県',
        nameEn: 'Keyed Operator',
        emails: 'sec@keyed.example.lg.jp',
        phone: '03-9999-1111',
        languages: 'ja',
        locale: 'ja',
        webUrl: '',
        pgpPublicKey: stored,
      },
      '/my/directory',
    );
    assert.equal(proposed.status, 303);
    const request = await t.ctx.db
      .selectFrom('directory_change_requests')
      .select('id')
      .where('organization_id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    const view = await k.get(`/directory/requests/${request.id}`);
    assert.equal(view.status, 200);
    assert.equal(
      (await k.post(`/directory/requests/${request.id}/approve`, {}, `/directory/requests/${request.id}`))
        .status,
      303,
    );
    const approved = await t.ctx.db
      .selectFrom('directory_entries')
      .select(['phone', 'pgp_fingerprint'])
      .where('organization_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(approved, {
      phone: '03-9999-1111',
      pgp_fingerprint: 'AAAA1111BBBB2222CCCC3333DDDD4444EEEE5555',
    });
  });
});
