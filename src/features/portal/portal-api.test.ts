// The developer portal's JSON API: bearer tokens only, a developer's own cases only (404 for any other, the same
// answer as for a case that does not exist), bad input as 400 with field errors, and every route documented.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { signedIn } from '../../testing/login.js';
import {
  addParty,
  addVulnerability,
  caseApi,
  coordinatorWrites,
  type Developer,
  FINDER_EMAIL,
  FINDER_NAME,
  footprint,
  makeCoordinator,
  makeDeveloper,
  makeProductCase,
  proposeMoment,
  tokenFor,
} from './testing.js';

describe('developer portal API', () => {
  let t: TestApp;
  let coordinator: { userId: string; email: string };
  let a: Developer;
  let b: Developer;
  let outsider: Developer;
  let tokenA: string;
  let tokenB: string;
  let tokenOutsider: string;
  let k: { caseId: string; reference: string };
  let partyA: string;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T00:00:00Z' });
    coordinator = await makeCoordinator(t);
    a = await makeDeveloper(t, 'Alpha Soft');
    b = await makeDeveloper(t, 'Bravo Systems');
    outsider = await makeDeveloper(t, 'Outsider Corp');
    tokenA = await tokenFor(t, a.userId);
    tokenB = await tokenFor(t, b.userId);
    tokenOutsider = await tokenFor(t, outsider.userId);
    k = await makeProductCase(t);
    partyA = await addParty(t, k.caseId, a.organizationId);
    await addParty(t, k.caseId, b.organizationId);
    await addVulnerability(t, k.caseId, 1, 'Stored XSS in comments');
    await addVulnerability(t, k.caseId, 2, 'CSRF in settings');
    await proposeMoment(t, k.caseId, '2026-12-10T01:00:00Z');
    await coordinatorWrites(t, k.caseId, { partyId: partyA }, 'PRIVATE-TO-ALPHA');
  });
  after(() => t.close());

  const call = (
    token: string | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'accept-language': 'en',
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  it('lists and shows the developer’s own cases with a bearer token', async () => {
    const list = await call(tokenA, 'GET', '/api/v1/portal/cases');
    assert.equal(list.statusCode, 200);
    const cases = list.json().cases;
    assert.equal(cases.length, 1);
    assert.equal(cases[0].reference, k.reference);
    assert.deepEqual(cases[0].tasks, { acknowledge: true, statusesToGive: 2, scheduleToAnswer: true });
    assert.equal(cases[0].targetDate, '2026-12-17');

    const one = await call(tokenA, 'GET', caseApi(k.reference));
    assert.equal(one.statusCode, 200);
    const c = one.json();
    assert.deepEqual(
      c.vulnerabilities.map((v: { ordinal: number; titleEn: string; cweId: string }) => [
        v.ordinal,
        v.titleEn,
        v.cweId,
      ]),
      [
        [1, 'Stored XSS in comments', 'CWE-79'],
        [2, 'CSRF in settings', 'CWE-79'],
      ],
    );
    assert.equal(c.schedule.openProposal.publishAt, '2026-12-10T01:00:00.000Z');
    assert.equal(c.report.productName, 'Example CMS');
    assert.deepEqual(c.finder, {
      disclosed: false,
      name: null,
      organization: null,
      email: null,
      phone: null,
      creditName: null,
    });
    assert.deepEqual(
      c.messages.map((m: { from: string; body: string }) => [m.from, m.body]),
      [['coordinator', 'PRIVATE-TO-ALPHA']],
    );
    assert.ok(!one.body.includes(FINDER_NAME));
    assert.ok(!one.body.includes(FINDER_EMAIL));
    const opened = await t.ctx.db
      .selectFrom('coordination_parties')
      .select('first_opened_at')
      .where('id', '=', partyA)
      .executeTakeFirstOrThrow();
    assert.ok(opened.first_opened_at, 'reading through the API is opening the case too');
  });

  it('answers 401 without a token (the session cookie grants nothing) and 403 to staff', async () => {
    assert.equal((await call(null, 'GET', '/api/v1/portal/cases')).statusCode, 401);
    const browser = await signedIn(t, a.userId);
    const cookieOnly = await t.app.inject({
      url: '/api/v1/portal/cases',
      headers: { cookie: browser.cookie },
    });
    assert.equal(cookieOnly.statusCode, 401);
    // staff tokens act only once the second factor is enrolled
    await t.ctx.db
      .updateTable('users')
      .set({ totp_enabled_at: t.clock.now() })
      .where('id', '=', coordinator.userId)
      .execute();
    const staffToken = await tokenFor(t, coordinator.userId);
    const staff = await call(staffToken, 'GET', '/api/v1/portal/cases');
    assert.equal(staff.statusCode, 403);
    assert.equal(staff.json().error.code, 'forbidden');
    const operatorOrg = await makeOrganization(t.ctx, 'website_operator', 'Shop Operator');
    const operator = await makeUser(t.ctx, { organizationId: operatorOrg, role: 'org_admin' });
    const operatorCase = await call(await tokenFor(t, operator.userId), 'GET', caseApi(k.reference));
    assert.equal(operatorCase.statusCode, 403);
    const noBody = await call(null, 'PUT', `${caseApi(k.reference)}/vulnerabilities/1/status`, {
      status: 'nonsense',
    });
    assert.equal(noBody.statusCode, 401, 'permission comes before the input check');
  });

  it('answers 404 to a developer that is not a party, exactly as for a case that does not exist, and changes nothing', async () => {
    const before = await footprint(t, k.caseId);
    const missing = await call(tokenOutsider, 'GET', caseApi('IPA#99999999'));
    const hidden = await call(tokenOutsider, 'GET', caseApi(k.reference));
    assert.equal(missing.statusCode, 404);
    assert.equal(hidden.statusCode, 404);
    assert.deepEqual(hidden.json(), missing.json());
    const writes: [string, 'POST' | 'PUT', unknown][] = [
      [`${caseApi(k.reference)}/acknowledge`, 'POST', undefined],
      [`${caseApi(k.reference)}/vulnerabilities/1/status`, 'PUT', { status: 'not_affected' }],
      [`${caseApi(k.reference)}/schedule/responses`, 'POST', { response: 'acknowledged' }],
      [
        `${caseApi(k.reference)}/schedule/responses`,
        'POST',
        { response: 'counter_proposal', publishAt: '2026-12-24T10:00:00+09:00', reason: 'later' },
      ],
      [`${caseApi(k.reference)}/messages`, 'POST', { body: 'hello' }],
      [`${caseApi(k.reference)}/suggestions`, 'POST', { name: 'X', reason: 'Y' }],
    ];
    for (const [url, method, payload] of writes) {
      const res = await call(tokenOutsider, method, url, payload);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
    }
    assert.equal((await call(tokenOutsider, 'GET', `${caseApi(k.reference)}/messages`)).statusCode, 404);
    assert.deepEqual(await footprint(t, k.caseId), before);
    assert.equal((await call(tokenOutsider, 'GET', '/api/v1/portal/cases')).json().cases.length, 0);
  });

  it('checks the party before the body: an empty body is a 404 to a developer that is not a party, a 400 to one that is', async () => {
    const before = await footprint(t, k.caseId);
    const writes: [string, 'POST' | 'PUT'][] = [
      [`${caseApi(k.reference)}/vulnerabilities/1/status`, 'PUT'],
      [`${caseApi(k.reference)}/schedule/responses`, 'POST'],
      [`${caseApi(k.reference)}/messages`, 'POST'],
      [`${caseApi(k.reference)}/suggestions`, 'POST'],
    ];
    for (const [url, method] of writes) {
      const outside = await call(tokenOutsider, method, url, {});
      assert.equal(outside.statusCode, 404, `outsider ${method} ${url}`);
      const missing = await call(tokenOutsider, method, url.replace(k.reference, 'IPA#99999999'), {});
      assert.deepEqual(outside.json(), missing.json(), 'the same answer as for no case at all');
      const party = await call(tokenA, method, url, {});
      assert.equal(party.statusCode, 400, `party ${method} ${url}`);
      assert.ok(party.json().error.fields, 'the fields are named');
    }
    assert.deepEqual(await footprint(t, k.caseId), before);
  });

  it('updates a status, and the other developer reads it only once it is shared', async () => {
    const url = `${caseApi(k.reference)}/vulnerabilities/1/status`;
    const bad = await call(tokenA, 'PUT', url, { status: 'exploded' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.fields.status, 'the field is named');
    const badOrdinal = await call(tokenA, 'PUT', `${caseApi(k.reference)}/vulnerabilities/0/status`, {
      status: 'fixed',
    });
    assert.equal(badOrdinal.statusCode, 400);
    assert.equal(
      (await call(tokenA, 'PUT', `${caseApi(k.reference)}/vulnerabilities/9/status`, { status: 'fixed' }))
        .statusCode,
      404,
    );

    const put = await call(tokenA, 'PUT', url, {
      status: 'affected',
      statement: 'API-ALPHA-STATEMENT',
      countermeasure: 'API-ALPHA-FIX',
    });
    assert.equal(put.statusCode, 200);
    assert.deepEqual(put.json(), { status: 'affected', shared: false });
    const mine = (await call(tokenA, 'GET', caseApi(k.reference))).json().vulnerabilities[0].mine;
    assert.equal(mine.status, 'affected');
    assert.equal(mine.statement, 'API-ALPHA-STATEMENT');
    assert.equal(mine.shared, false);

    let bView = await call(tokenB, 'GET', caseApi(k.reference));
    assert.ok(!bView.body.includes('API-ALPHA'), 'B does not read an unshared statement');
    assert.ok(!bView.body.includes('PRIVATE-TO-ALPHA'), 'nor A’s thread');
    assert.deepEqual(bView.json().vulnerabilities[0].sharedByOthers, []);

    await call(tokenA, 'PUT', url, {
      status: 'fixed',
      statement: 'API-ALPHA-STATEMENT',
      countermeasure: 'API-ALPHA-FIX',
      shared: true,
    });
    bView = await call(tokenB, 'GET', caseApi(k.reference));
    const shared = bView.json().vulnerabilities[0].sharedByOthers;
    assert.equal(shared.length, 1);
    assert.equal(shared[0].status, 'fixed');
    assert.equal(shared[0].statement, 'API-ALPHA-STATEMENT');
    assert.ok(!bView.body.includes('Alpha Soft'), 'the sharer is not named');
    assert.ok(!bView.body.includes(a.organizationId));
  });

  it('acknowledges once and answers the schedule, refusing a moment in the past or without an offset', async () => {
    const ack = await call(tokenA, 'POST', `${caseApi(k.reference)}/acknowledge`);
    assert.equal(ack.statusCode, 200);
    assert.equal(ack.json().first, true);
    const again = await call(tokenA, 'POST', `${caseApi(k.reference)}/acknowledge`);
    assert.equal(again.json().first, false);
    assert.equal(again.json().acknowledgedAt, ack.json().acknowledgedAt);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('related_id', '=', k.caseId)
      .where('template', '=', 'portal.mail.acknowledged')
      .execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      [coordinator.email],
    );

    const url = `${caseApi(k.reference)}/schedule/responses`;
    const before = await footprint(t, k.caseId);
    const past = await call(tokenA, 'POST', url, {
      response: 'counter_proposal',
      publishAt: '2026-11-01T10:00:00+09:00',
      reason: 'too late',
    });
    assert.equal(past.statusCode, 400);
    assert.deepEqual(past.json().error.fields, {
      publishAt: ['A moment in the past cannot be proposed. Enter a moment in the future.'],
    });
    const noOffset = await call(tokenA, 'POST', url, {
      response: 'counter_proposal',
      publishAt: '2026-12-24T10:00:00',
      reason: 'x',
    });
    assert.equal(noOffset.statusCode, 400);
    assert.ok(noOffset.json().error.fields.publishAt);
    const noReason = await call(tokenA, 'POST', url, {
      response: 'counter_proposal',
      publishAt: '2026-12-24T10:00:00+09:00',
    });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.json().error.fields.reason);
    assert.deepEqual(await footprint(t, k.caseId), before);

    const counter = await call(tokenA, 'POST', url, {
      response: 'counter_proposal',
      publishAt: '2026-12-24T10:00:00+09:00',
      reason: 'Release on the 24th',
    });
    assert.equal(counter.statusCode, 201);
    assert.equal(counter.json().counterPublishAt, '2026-12-24T01:00:00.000Z');
    const okB = await call(tokenB, 'POST', url, { response: 'acknowledged' });
    assert.equal(okB.statusCode, 201);
    const view = (await call(tokenA, 'GET', caseApi(k.reference))).json();
    assert.deepEqual(
      view.schedule.openProposal.yourResponses.map((r: { response: string }) => r.response),
      ['counter_proposal'],
      'A sees its own answers only',
    );
    assert.equal(view.tasks.scheduleToAnswer, false);
  });

  it('writes to the coordinator and names another developer', async () => {
    const empty = await call(tokenA, 'POST', `${caseApi(k.reference)}/messages`, { body: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.ok(empty.json().error.fields.body);
    t.clock.advance(60_000);
    const sent = await call(tokenA, 'POST', `${caseApi(k.reference)}/messages`, { body: 'API question' });
    assert.equal(sent.statusCode, 201);
    const thread = await call(tokenA, 'GET', `${caseApi(k.reference)}/messages`);
    assert.deepEqual(
      thread.json().messages.map((m: { from: string; body: string }) => [m.from, m.body]),
      [
        ['coordinator', 'PRIVATE-TO-ALPHA'],
        ['us', 'API question'],
      ],
    );
    const bThread = await call(tokenB, 'GET', `${caseApi(k.reference)}/messages`);
    assert.deepEqual(bThread.json().messages, []);
    const suggested = await call(tokenA, 'POST', `${caseApi(k.reference)}/suggestions`, {
      name: 'Bravo Systems',
      reason: 'Bundles the same parser',
    });
    assert.equal(suggested.statusCode, 201);
    const row = await t.ctx.db
      .selectFrom('coordination_suggestions')
      .selectAll()
      .where('id', '=', suggested.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(row.organization_id, b.organizationId);
    assert.equal(row.suggested_by_user, a.userId);
  });

  it('documents every portal route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/portal/cases',
      '/api/v1/portal/cases/{reference}',
      '/api/v1/portal/cases/{reference}/vulnerabilities/{ordinal}/status',
      '/api/v1/portal/cases/{reference}/acknowledge',
      '/api/v1/portal/cases/{reference}/schedule/responses',
      '/api/v1/portal/cases/{reference}/messages',
      '/api/v1/portal/cases/{reference}/suggestions',
    ]) {
      assert.ok(paths.includes(p), `${p} is documented`);
    }
    assert.ok(doc.paths['/api/v1/portal/cases/{reference}/vulnerabilities/{ordinal}/status'].put);
    assert.ok(doc.paths['/api/v1/portal/cases/{reference}/messages'].get);
    assert.ok(doc.paths['/api/v1/portal/cases/{reference}/messages'].post);
    assert.ok(!paths.some((p) => p.startsWith('/portal')), 'the pages are not in the API document');
  });
});
