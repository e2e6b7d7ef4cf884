// The operator side as JSON: bearer tokens of a website operator's members only (no session cookie, no link),
// its own organization's cases only (404 for any other, nothing changed), the forms' rules with field errors,
// and the finder kept out unless they consented.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { createApiToken } from '../accounts/create-api-token.js';
import { type Cast, makeCast } from '../screening/testing.js';
import { notifiedWebsiteCase } from './testing.js';

const api = (reference: string) => `/api/v1/operator/cases/${encodeURIComponent(reference)}`;

describe('the operator API', () => {
  let t: TestApp;
  let cast: Cast;
  let orgA: string;
  let tokenA: string;
  let tokenB: string;

  const tokenFor = async (userId: string) =>
    (await createApiToken(t.ctx, { kind: 'system', label: 'test' }, { userId, name: 'operator test' })).token;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T01:00:00Z' });
    cast = await makeCast(t);
    orgA = await makeOrganization(t.ctx, 'website_operator', 'Shop A');
    const orgB = await makeOrganization(t.ctx, 'website_operator', 'Shop B');
    tokenA = await tokenFor(
      (await makeUser(t.ctx, { organizationId: orgA, role: 'member', locale: 'en' })).userId,
    );
    tokenB = await tokenFor((await makeUser(t.ctx, { organizationId: orgB, role: 'org_admin' })).userId);
  });
  after(() => t.close());

  const call = (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('lists and shows its own cases, and answers them', async () => {
    const c = await notifiedWebsiteCase(t, cast, {
      operatorOrganizationId: orgA,
      finder: { name: '鬼瓦 権三郎', email: 'gonzaburo@example.jp' },
    });
    const list = await call(tokenA, 'GET', '/api/v1/operator/cases');
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json().cases.map((x: { reference: string }) => x.reference),
      [c.reference],
    );
    const one = await call(tokenA, 'GET', api(c.reference));
    assert.equal(one.statusCode, 200);
    const body = one.json();
    assert.equal(body.subjectPrefix, `[${c.reference}]`);
    assert.equal(body.reported.siteUrl, 'https://shop.example.org/search');
    assert.equal(body.reported.verifiedByReceptionBody, false);
    assert.deepEqual(body.finder, { disclosed: false, name: null, organization: null });
    assert.deepEqual(body.targets, { investigationDue: '2026-12-04', fixDue: '2027-02-05' });
    assert.doesNotMatch(one.body, /鬼瓦|gonzaburo/);

    assert.deepEqual((await call(tokenA, 'POST', `${api(c.reference)}/acknowledgement`)).json(), {
      already: false,
    });
    assert.deepEqual((await call(tokenA, 'POST', `${api(c.reference)}/acknowledgement`)).json(), {
      already: true,
    });
    t.clock.advance(60_000);
    const inv = await call(tokenA, 'POST', `${api(c.reference)}/investigation`, {
      finding: 'vulnerable',
      body: 'confirmed',
    });
    assert.equal(inv.statusCode, 201);
    const done = await call(tokenA, 'POST', `${api(c.reference)}/completion-report`, {
      action: 'page_deleted',
      whatDone: 'deleted /search',
      causeBasis: ['design'],
      causeDetail: ['input_check_sql'],
      damageActual: ['personal_data_leak'],
      leakedKinds: 'names',
      nextContact: 'reception_desk',
      reporterOrganization: 'Shop A',
      reporterName: 'Hanako Sato',
    });
    assert.equal(done.statusCode, 201);
    assert.equal(done.json().personalDataLeak, true);
    const leak = await call(tokenA, 'PUT', `${api(c.reference)}/leak-publication`, {
      overview: 'member data may have been read',
      publishedUrl: 'https://shop.example.org/news/1',
    });
    assert.deepEqual(leak.json(), { newlyPublished: true });
    const after = (await call(tokenA, 'GET', api(c.reference))).json();
    assert.deepEqual(
      after.answers.map((a: { kind: string; via: string }) => [a.kind, a.via]),
      [
        ['acknowledged', 'account'],
        ['investigation_result', 'account'],
      ],
    );
    assert.equal(after.completionReports[0].action, 'page_deleted');
    assert.equal(after.leakPublication.publishedUrl, 'https://shop.example.org/news/1');
  });

  it('refuses another organization’s case (404, nothing changed), anonymous callers (401) and bad input (400)', async () => {
    const c = await notifiedWebsiteCase(t, cast, { operatorOrganizationId: orgA });
    assert.equal((await call(tokenB, 'GET', api(c.reference))).statusCode, 404);
    assert.equal((await call(tokenB, 'POST', `${api(c.reference)}/acknowledgement`)).statusCode, 404);
    assert.equal(
      (await call(tokenB, 'POST', `${api(c.reference)}/not-vulnerability`, { reason: 'x' })).statusCode,
      404,
    );
    assert.equal((await call(tokenB, 'GET', '/api/v1/operator/cases')).json().cases.length, 0);
    assert.equal((await call(null, 'GET', api(c.reference))).statusCode, 401);
    assert.equal((await call(null, 'GET', '/api/v1/operator/cases')).statusCode, 401);
    assert.equal((await call(null, 'POST', `${api(c.reference)}/not-vulnerability`, {})).statusCode, 401);

    const bad = await call(tokenA, 'POST', `${api(c.reference)}/not-vulnerability`, { reason: '' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.fields, { reason: ['Enter the reason.'] });
    const badReport = await call(tokenA, 'POST', `${api(c.reference)}/completion-report`, {
      action: 'fixed',
      whatDone: 'fixed',
      causeBasis: ['other'],
      causeDetail: [],
      damageActual: ['none'],
      wantsConfirmation: true,
      nextContact: 'this_address',
      reporterOrganization: 'A',
      reporterName: 'B',
    });
    assert.equal(badReport.statusCode, 400);
    assert.deepEqual(Object.keys(badReport.json().error.fields).sort(), [
      'causeDetail',
      'causeOther',
      'consent',
      'nextEmail',
    ]);
    const rows = await t.ctx.db
      .selectFrom('website_operator_responses')
      .select('id')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal(rows.length, 0);
    const events = await t.ctx.db
      .selectFrom('events')
      .select('id')
      .where('stream_id', '=', c.caseId)
      .where('type', 'like', 'website.operator_%')
      .execute();
    assert.equal(events.length, 0);
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/operator/cases',
      '/api/v1/operator/cases/{reference}',
      '/api/v1/operator/cases/{reference}/completion-report',
      '/api/v1/operator/cases/{reference}/leak-publication',
    ]) {
      assert.ok(doc.paths[path], path);
    }
  });
});
