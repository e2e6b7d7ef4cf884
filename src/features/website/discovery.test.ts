// Contact discovery on a website case: security.txt served by real test sites on loopback, each outcome stored
// with its reason and shown in both languages; a found address can become the contact, an address not found
// cannot; other roles are refused before any request leaves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { startTestServer, type TestServer } from '../../platform/outbound/testing.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { assignContact } from './assign-contact.js';
import { closeWebsiteCase } from './close-website-case.js';
import { discoverContact } from './discover-contact.js';
import { reclassifyToProduct } from './reclassify-to-product.js';
import { acceptedWebsiteCase, caseIdOf, makeActor, type Staff } from './testing.js';
import { websiteCasePath } from './views/paths.js';

const txt = (body: string) => (res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
};

describe('security.txt discovery on a website case', () => {
  let t: TestApp;
  let handler: Staff;
  let lead: Staff;
  const servers: Record<string, TestServer> = {};
  const refs: Record<string, string> = {};

  before(async () => {
    const serve = {
      found: txt(
        'Contact: mailto:security@found.example\nContact: https://found.example/report\nExpires: 2030-01-01T00:00:00Z\n',
      ),
      expired: txt('Contact: mailto:old@expired.example\nExpires: 2020-01-01T00:00:00Z\n'),
      'no-contact': txt('Expires: 2030-01-01T00:00:00Z\nPolicy: https://nocontact.example/policy\n'),
      malformed: txt('<html>hello</html>\nthis is not a security.txt\n'),
      'too-large': txt(`Contact: mailto:big@large.example\n# ${'x'.repeat(200_000)}\n`),
      'not-found': (res: import('node:http').ServerResponse) => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no');
      },
      'blocked-address': (res: import('node:http').ServerResponse) => {
        res.writeHead(302, { location: 'http://10.1.2.3/.well-known/security.txt' });
        res.end();
      },
      timeout: () => {
        /* never answers */
      },
    } as const;
    for (const [name, respond] of Object.entries(serve)) {
      servers[name] = await startTestServer((_req, res) => (respond as (r: typeof res) => void)(res));
    }
    t = await startTestApp({
      now: '2026-11-02T01:00:00Z',
      env: {
        KEIKAI_OUTBOUND_ALLOW_HOSTS: Object.values(servers)
          .map((s) => s.hostPort)
          .join(','),
        KEIKAI_OUTBOUND_TIMEOUT_MS: '800',
      },
    });
    const reception = await makeActor(t, { orgType: 'reception_body', role: 'lead' });
    lead = reception;
    handler = await makeActor(t, {
      orgType: 'reception_body',
      role: 'handler',
      organizationId: reception.organizationId ?? '',
    });
    for (const [name, s] of Object.entries(servers)) {
      refs[name] = (
        await acceptedWebsiteCase(t, reception, { siteUrl: `${s.origin}/shop/search?q=1` })
      ).reference;
    }
  });
  after(async () => {
    await t.close();
    for (const s of Object.values(servers)) await s.close();
  });

  const rowsOf = async (reference: string) =>
    t.ctx.db
      .selectFrom('website_discoveries')
      .selectAll()
      .where('case_id', '=', await caseIdOf(t, reference))
      .execute();

  it('stores every outcome with its URL, reason, addresses and expiry', async () => {
    const expected = [
      'found',
      'expired',
      'no-contact',
      'malformed',
      'too-large',
      'not-found',
      'blocked-address',
      'timeout',
    ];
    for (const name of expected) {
      const r = await discoverContact(t.ctx, handler, { reference: refs[name] as string });
      assert.equal(r.outcome, name, `${name} site`);
      const [row] = await rowsOf(refs[name] as string);
      assert.equal(row?.outcome, name);
      assert.equal(row?.actor_user_id, handler.userId);
      assert.ok(row?.tried.length, `${name}: the URLs tried are kept`);
    }
    const [found] = await rowsOf(refs.found as string);
    assert.deepEqual(found?.emails, ['security@found.example']);
    assert.equal(found?.expires_at?.toISOString(), '2030-01-01T00:00:00.000Z');
    assert.equal(found?.url, `${servers.found?.origin}/.well-known/security.txt`);
    const [expired] = await rowsOf(refs.expired as string);
    assert.deepEqual(expired?.emails, ['old@expired.example']);
    assert.equal(expired?.expires_at?.toISOString(), '2020-01-01T00:00:00.000Z');
    // the redirect to a private address was refused: the site was asked once, nothing followed
    assert.deepEqual(servers['blocked-address']?.requests, ['GET /.well-known/security.txt']);
    const events = await t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'website.discovery_ran')
      .execute();
    assert.equal(events.length, expected.length);
  });

  it('shows each outcome with a clear reason in Japanese and in English', async () => {
    const b = await signedIn(t, handler.userId);
    const ja = textOf((await b.get(websiteCasePath(refs.timeout as string))).body);
    assert.match(ja, /サーバーの応答が遅すぎるため、取得を打ち切りました/);
    const blocked = textOf((await b.get(websiteCasePath(refs['blocked-address'] as string))).body);
    assert.match(blocked, /内部ネットワークや予約済みのアドレス/);
    const english = await makeActor(t, {
      orgType: 'reception_body',
      role: 'handler',
      organizationId: handler.organizationId ?? '',
      locale: 'en',
    });
    const en = await (await signedIn(t, english.userId)).get(websiteCasePath(refs.expired as string));
    assert.equal(en.status, 200);
    assert.match(textOf(en.body), /Expires date has passed/);
    assert.match(textOf((await b.get(websiteCasePath(refs['too-large'] as string))).body), /大きすぎる/);
    assert.match(
      textOf((await b.get(websiteCasePath(refs['no-contact'] as string))).body),
      /連絡先（Contact）のメールアドレスがありません/,
    );
    assert.match(
      textOf((await b.get(websiteCasePath(refs.malformed as string))).body),
      /書式が正しくありません/,
    );
  });

  it('lets a found address become the contact, through the page', async () => {
    const b = await signedIn(t, handler.userId);
    const path = websiteCasePath(refs.found as string);
    const res = await b.post(
      `${path}/contact`,
      { source: 'security_txt', email: 'security@found.example', locale: 'ja' },
      path,
    );
    assert.equal(res.status, 303);
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', await caseIdOf(t, refs.found as string))
      .executeTakeFirstOrThrow();
    assert.equal(w.contact_email, 'security@found.example');
    assert.equal(w.contact_source, 'security_txt');
  });

  it('refuses an address no check of this case found, and keeps what was typed on a bad manual entry', async () => {
    await assert.rejects(
      assignContact(t.ctx, handler, {
        reference: refs.found as string,
        contact: { source: 'security_txt', email: 'attacker@evil.example', locale: 'ja' },
      }),
      (e: unknown) => e instanceof AppError && e.messageKey === 'website.errors.addressNotFound',
    );
    const b = await signedIn(t, handler.userId);
    const path = websiteCasePath(refs.malformed as string);
    const res = await b.post(
      `${path}/contact`,
      { source: 'manual', email: 'not-an-address', name: '総務課' },
      path,
    );
    assert.equal(res.status, 400);
    assert.match(res.body, /value="not-an-address"/);
    assert.match(res.body, /value="総務課"/);
    const ok = await b.post(
      `${path}/contact`,
      { source: 'manual', email: 'Info@Site.Example', name: '総務課', locale: 'en' },
      path,
    );
    assert.equal(ok.status, 303);
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', await caseIdOf(t, refs.malformed as string))
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [w.contact_email, w.contact_name, w.contact_locale],
      ['info@site.example', '総務課', 'en'],
    );
  });

  it('refuses coordination staff and operators before anything is fetched', async () => {
    const coordinator = await makeActor(t, { orgType: 'coordination_body', role: 'lead' });
    const operator = await makeActor(t, { orgType: 'website_operator', role: 'org_admin' });
    const before = servers.found?.requests.length ?? 0;
    for (const who of [coordinator, operator]) {
      await assert.rejects(discoverContact(t.ctx, who, { reference: refs.found as string }), (e: unknown) => {
        return e instanceof AppError && e.code === 'forbidden';
      });
      const b = await signedIn(t, who.userId);
      assert.equal((await b.get(websiteCasePath(refs.found as string))).status, 403);
    }
    assert.equal(servers.found?.requests.length, before);
  });

  it('sends no request for a closed case, nor for one moved to the product track', async () => {
    const s = servers.found as TestServer;
    const closed = await acceptedWebsiteCase(t, lead, { siteUrl: `${s.origin}/closed` });
    await closeWebsiteCase(t.ctx, lead, {
      reference: closed.reference,
      close: { outcome: 'stopped_after_alert', reason: '注意喚起済み', notifyFinder: false },
    });
    const moved = await acceptedWebsiteCase(t, lead, { siteUrl: `${s.origin}/moved` });
    await reclassifyToProduct(t.ctx, lead, { reference: moved.reference, message: '製品の脆弱性です。' });
    const before = s.requests.length;
    for (const reference of [closed.reference, moved.reference]) {
      await assert.rejects(discoverContact(t.ctx, handler, { reference }), (e: unknown) => {
        return e instanceof AppError && e.code === 'conflict';
      });
      assert.equal((await rowsOf(reference)).length, 0);
    }
    assert.equal(s.requests.length, before);
  });
});
