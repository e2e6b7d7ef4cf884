// The two-stage notification: the first notice asks for a contact point, the second carries the details, the
// handling number in every subject, the targets and the operator's link; encrypted to a known key; relayed
// through 総務省 → 都道府県 → 市町村 with each hop tracked; never a word about who the finder is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { AppError } from '../../platform/errors.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { FINDER } from '../../testing/reports.js';
import { assignContact } from './assign-contact.js';
import { caseIdForOperatorToken, operatorCaseView } from './queries.js';
import { recordRelayForward } from './record-relay-forward.js';
import { sendNotice } from './send-notice.js';
import { acceptedWebsiteCase, caseIdOf, mailOfCase, makeActor, makeOperator, type Staff } from './testing.js';
import { websiteCasePath } from './views/paths.js';

const FINDER_TRACES = [
  FINDER.name,
  FINDER.email,
  FINDER.phone,
  FINDER.organization,
  FINDER.creditName,
  'Yamada',
];

function assertNoFinder(text: string, where: string) {
  for (const trace of FINDER_TRACES) assert.ok(!text.includes(trace), `${where} must not carry "${trace}"`);
}

const linkIn = (body: string) => /\/operator\/link\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? null;

describe('two-stage notices to website operators', () => {
  let t: TestApp;
  let lead: Staff;
  let handler: Staff;

  before(async () => {
    // Monday 2026-11-02 10:00 JST
    t = await startTestApp({ now: '2026-11-02T01:00:00Z' });
    lead = await makeActor(t, { orgType: 'reception_body', role: 'lead' });
    handler = await makeActor(t, {
      orgType: 'reception_body',
      role: 'handler',
      organizationId: lead.organizationId ?? '',
    });
  });
  after(() => t.close());

  it('asks for a contact point, then sends the details with the handling number, targets and a working link', async () => {
    const operator = await makeOperator(t, {
      name: 'Example Shop Inc.',
      emails: ['security@shop.example.org'],
      domains: ['example.org'],
    });
    const c = await acceptedWebsiteCase(t, lead, {
      consent: {
        identityToCoordinator: true,
        identityToVendor: true,
        directContact: true,
        publicCredit: true,
        creditName: FINDER.creditName,
      },
      finder: {
        name: FINDER.name,
        email: FINDER.email,
        phone: FINDER.phone,
        organization: FINDER.organization,
      },
    });
    const caseId = await caseIdOf(t, c.reference);
    const b = await signedIn(t, handler.userId);
    const path = websiteCasePath(c.reference);
    const page = await b.get(path);
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Example Shop Inc\. \( example\.org \)|Example Shop Inc\./);
    assert.equal(
      (await b.post(`${path}/contact`, { source: 'directory', organizationId: operator }, path)).status,
      303,
    );
    assert.equal((await b.post(`${path}/notices`, { kind: 'contact_request' }, path)).status, 303);
    assert.equal((await b.post(`${path}/notices`, { kind: 'details' }, path)).status, 303);

    const [first, second] = await mailOfCase(t, caseId);
    assert.equal(first?.to_address, 'security@shop.example.org');
    assert.equal(first?.subject, `[${c.reference}] ウェブページのセキュリティ上の問題`);
    assert.match(first?.body_text ?? '', /https:\/\/shop\.example\.org\/search/);
    assert.match(first?.body_text ?? '', /窓口/);
    assert.equal(second?.subject, `[${c.reference}] セキュリティ上の問題に関する詳細情報送付の件`);
    const body = second?.body_text ?? '';
    assert.match(body, new RegExp(`取扱番号 ${c.reference.replace('#', '\\#')} に関する連絡`));
    assert.match(body, /https:\/\/shop\.example\.org\/search/); // URL
    assert.match(body, /SQLインジェクション/); // type
    assert.match(body, /GET \/search\?q=' or 1=1--/); // how it was confirmed
    assert.match(body, /SQL injection in the q parameter/); // what happens
    assert.match(body, /検証していません/); // not verified by the reception body
    assert.match(body, /アカウントをお持ちの場合は、\S+\/operator からも/); // a directory operator's accounts
    // 20 business days from Monday 2 November 2026 (3 and 23 November are holidays): 2 December
    assert.match(body, /2026-12-02 \(JST\) 頃まで（概ね20営業日以内）/);
    assert.match(body, /2027-02-02 \(JST\) 頃まで（概ね3か月以内）/);
    for (const m of [first, second]) assertNoFinder(`${m?.subject}\n${m?.body_text}`, 'a notice');

    const token = linkIn(body);
    assert.ok(token, 'the details carry the operator link');
    assert.equal(await caseIdForOperatorToken(t.ctx.db, token, t.clock.now()), caseId);
    // the operator-facing data never carries the finder, even with every consent given
    const view = await operatorCaseView(t.ctx, caseId);
    assert.equal(view?.siteUrl, 'https://shop.example.org/search');
    assertNoFinder(JSON.stringify(view), 'the operator view');

    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.equal(w.stage, 'notified');
    assert.equal(w.notified_at?.toISOString(), '2026-11-02T01:00:00.000Z');
    const attempts = await t.ctx.db
      .selectFrom('website_contact_attempts')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    assert.deepEqual(
      attempts.map((a) => [a.channel, a.automatic, a.result]),
      [
        ['mail', true, 'sent'],
        ['mail', true, 'sent'],
      ],
    );

    // sent again a day later: a new link, the old one dead, the clock unchanged
    t.clock.advance(86_400_000);
    await sendNotice(t.ctx, handler, { reference: c.reference, kind: 'details' });
    const again = (await mailOfCase(t, caseId))[2];
    const token2 = linkIn(again?.body_text ?? '');
    assert.ok(token2 && token2 !== token);
    assert.equal(await caseIdForOperatorToken(t.ctx.db, token, t.clock.now()), null);
    assert.equal(await caseIdForOperatorToken(t.ctx.db, token2, t.clock.now()), caseId);
    const w2 = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.equal(w2.notified_at?.toISOString(), '2026-11-02T01:00:00.000Z');
    // no first notice once the details went out
    await assert.rejects(
      sendNotice(t.ctx, handler, { reference: c.reference, kind: 'contact_request' }),
      (e: unknown) => e instanceof AppError && e.messageKey === 'website.errors.alreadyNotified',
    );
    t.clock.set('2026-11-02T01:00:00Z');
  });

  it('refuses a notice without a contact, and shows why on the page', async () => {
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://nobody.example.net/' });
    const b = await signedIn(t, handler.userId);
    const path = websiteCasePath(c.reference);
    const res = await b.post(`${path}/notices`, { kind: 'details' }, path);
    assert.equal(res.status, 409);
    assert.match(textOf(res.body), /連絡先がありません。先に連絡先を設定してください。/);
    assert.equal((await mailOfCase(t, await caseIdOf(t, c.reference))).length, 0);
  });

  it('encrypts to the operator key when one is known, keeping the subject neutral', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'PSIRT', email: 'psirt@secure.example' }],
      format: 'armored',
    });
    const operator = await makeOperator(t, {
      name: 'Secure Co.',
      emails: ['psirt@secure.example'],
      pgpPublicKey: publicKey,
      locale: 'en',
    });
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://secure.example/admin' });
    const caseId = await caseIdOf(t, c.reference);
    await assignContact(t.ctx, handler, {
      reference: c.reference,
      contact: { source: 'directory', organizationId: operator },
    });
    await sendNotice(t.ctx, handler, { reference: c.reference, kind: 'details' });
    const [mail] = await mailOfCase(t, caseId);
    assert.equal(mail?.subject, `[${c.reference}] Details of a security problem on your website`);
    assert.match(mail?.body_text ?? '', /^-----BEGIN PGP MESSAGE-----/);
    assert.ok(!(mail?.body_text ?? '').includes('secure.example/admin'));
    const message = await openpgp.readMessage({ armoredMessage: mail?.body_text ?? '' });
    const key = await openpgp.readPrivateKey({ armoredKey: privateKey });
    const { data } = await openpgp.decrypt({ message, decryptionKeys: key });
    assert.match(String(data), /https:\/\/secure\.example\/admin/);
    assert.match(String(data), /has not verified it/);
    assertNoFinder(String(data), 'the decrypted notice');
    const notice = await t.ctx.db
      .selectFrom('website_notices')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.equal(notice.encrypted, true);
  });

  it('relays a notice to a municipality through the ministry and the prefecture, each hop tracked', async () => {
    const mic = await makeOperator(t, {
      name: '総務省',
      emails: ['relay@soumu.example'],
      kind: 'local_government',
    });
    const pref = await makeOperator(t, {
      name: '架空県',
      emails: ['joho@pref.example'],
      relayVia: mic,
      kind: 'local_government',
    });
    const city = await makeOperator(t, {
      name: '架空市',
      emails: ['info@city.example'],
      domains: ['city.example'],
      relayVia: pref,
      kind: 'local_government',
    });
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://www.city.example/form' });
    const caseId = await caseIdOf(t, c.reference);
    await assignContact(t.ctx, handler, {
      reference: c.reference,
      contact: { source: 'directory', organizationId: city },
    });
    await sendNotice(t.ctx, handler, { reference: c.reference, kind: 'details' });
    const [mail] = await mailOfCase(t, caseId);
    assert.equal(mail?.to_address, 'relay@soumu.example');
    assert.match(
      mail?.body_text ?? '',
      /架空市（日本語） 様にお伝えいただくため、総務省（日本語） → 架空県（日本語） → 架空市（日本語） の経路/,
    );
    const hops = await t.ctx.db
      .selectFrom('website_relay_hops')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      hops.map((h) => [h.position, h.organization_id, h.received_at !== null]),
      [
        [1, mic, true],
        [2, pref, false],
        [3, city, false],
      ],
    );
    // out of order, or on the operator itself: refused
    const refused = (e: unknown) => e instanceof AppError && e.messageKey === 'website.errors.hopOrder';
    await assert.rejects(
      recordRelayForward(t.ctx, handler, {
        reference: c.reference,
        forward: {
          hopId: hops[1]?.id ?? '',
          forwardedAt: new Date('2026-11-03T00:00:00Z'),
          byName: '県 情報政策課',
        },
      }),
      refused,
    );
    await assert.rejects(
      recordRelayForward(t.ctx, handler, {
        reference: c.reference,
        forward: { hopId: hops[2]?.id ?? '', forwardedAt: new Date('2026-11-03T00:00:00Z'), byName: '市' },
      }),
      refused,
    );
    const b = await signedIn(t, handler.userId);
    const path = websiteCasePath(c.reference);
    const bad = await b.post(
      `${path}/relay`,
      { hopId: hops[0]?.id ?? '', noticeId: hops[0]?.notice_id ?? '', forwardedAt: '2026/11/03', byName: '' },
      path,
    );
    assert.equal(bad.status, 400);
    assert.match(textOf(bad.body), /YYYY-MM-DD HH:MM/);
    // the error summary links to the relay form's own fields, whose ids carry the notice's
    const links = [...bad.body.matchAll(/<div class="error-summary"[\s\S]*?<\/div>/g)]
      .flatMap((m) => [...m[0].matchAll(/href="#([^"]+)"/g)])
      .map((m) => m[1] ?? '');
    assert.deepEqual(links.sort(), [`byName-${hops[0]?.notice_id}`, `forwardedAt-${hops[0]?.notice_id}`]);
    for (const id of links) assert.match(bad.body, new RegExp(`<input[^>]* id="${id}"`));
    const ok = await b.post(
      `${path}/relay`,
      { hopId: hops[0]?.id ?? '', forwardedAt: '2026-11-03 14:30', byName: '総務省 地域情報化企画室' },
      path,
    );
    assert.equal(ok.status, 303);
    const after = await t.ctx.db
      .selectFrom('website_relay_hops')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute();
    assert.equal(after[0]?.forwarded_at?.toISOString(), '2026-11-03T05:30:00.000Z');
    assert.equal(after[0]?.forwarded_by_name, '総務省 地域情報化企画室');
    assert.equal(after[0]?.recorded_by, handler.userId);
    assert.equal(after[1]?.received_at?.toISOString(), '2026-11-03T05:30:00.000Z');
    const page = textOf((await b.get(path)).body);
    assert.match(page, /総務省 地域情報化企画室/);
  });

  it('records answers the operator sent by mail: acknowledgement, then the investigation result', async () => {
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://mailer.example/' });
    await assignContact(t.ctx, handler, {
      reference: c.reference,
      contact: { source: 'manual', email: 'web@mailer.example', locale: 'ja' },
    });
    await sendNotice(t.ctx, handler, { reference: c.reference, kind: 'details' });
    const b = await signedIn(t, handler.userId);
    const path = websiteCasePath(c.reference);
    assert.equal(
      (await b.post(`${path}/responses`, { kind: 'acknowledged', body: '受領しました' }, path)).status,
      303,
    );
    const missing = await b.post(
      `${path}/responses`,
      { kind: 'investigation_result', finding: '', body: '確認中' },
      path,
    );
    assert.equal(missing.status, 400);
    assert.match(textOf(missing.body), /調査結果を選んでください/);
    assert.match(missing.body, /確認中/);
    const ok = await b.post(
      `${path}/responses`,
      { kind: 'investigation_result', finding: 'vulnerable', body: '再現しました' },
      path,
    );
    assert.equal(ok.status, 303);
    const caseId = await caseIdOf(t, c.reference);
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.equal(w.acknowledged_at?.toISOString(), t.clock.now().toISOString());
    assert.equal(w.investigation_finding, 'vulnerable');
    const responses = await t.ctx.db
      .selectFrom('website_operator_responses')
      .select(['kind', 'via', 'user_id'])
      .where('case_id', '=', caseId)
      .orderBy('at')
      .execute();
    assert.deepEqual(
      responses.map((r) => [r.kind, r.via, r.user_id]),
      [
        ['acknowledged', 'staff', handler.userId],
        ['investigation_result', 'staff', handler.userId],
      ],
    );
    assert.match(textOf((await b.get(path)).body), /問題を確認した/);
  });

  it('refuses coordination staff and operators', async () => {
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://refuse.example/' });
    await assignContact(t.ctx, handler, {
      reference: c.reference,
      contact: { source: 'manual', email: 'web@refuse.example', locale: 'ja' },
    });
    const coordinator = await makeActor(t, { orgType: 'coordination_body', role: 'admin' });
    const operator = await makeActor(t, { orgType: 'website_operator', role: 'org_admin' });
    for (const who of [coordinator, operator]) {
      await assert.rejects(
        sendNotice(t.ctx, who, { reference: c.reference, kind: 'details' }),
        (e: unknown) => e instanceof AppError && e.code === 'forbidden',
      );
      const b = await signedIn(t, who.userId);
      const res = await b.post(`${websiteCasePath(c.reference)}/notices`, { kind: 'details' }, '/');
      assert.equal(res.status, 403);
    }
    assert.equal((await mailOfCase(t, await caseIdOf(t, c.reference))).length, 0);
  });
});
