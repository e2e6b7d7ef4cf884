// Who may reach the portal, route by route (the authorization matrix of the portal's pages and endpoints), and
// a leak walk: everything a developer can read about a case where the finder consented to nothing carries no
// trace of the finder.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import type { TestBrowser } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import {
  addParty,
  addVulnerability,
  caseApi,
  casePage,
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

const FINDER_TRACES = [FINDER_NAME, FINDER_EMAIL, 'Quixotic', '9999-0000', 'zebulon'];

describe('portal access matrix and leak walk', () => {
  let t: TestApp;
  let k: { caseId: string; reference: string };
  let party: Developer;
  let stranger: Developer;
  let coordinator: { userId: string; email: string };
  let finderUser: string;
  let operatorUser: string;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T00:00:00Z' });
    coordinator = await makeCoordinator(t);
    await t.ctx.db
      .updateTable('users')
      .set({ totp_enabled_at: t.clock.now() })
      .where('id', '=', coordinator.userId)
      .execute();
    party = await makeDeveloper(t, 'Party Developer');
    stranger = await makeDeveloper(t, 'Stranger Developer');
    finderUser = (await makeUser(t.ctx, { organizationId: null, role: 'finder' })).userId;
    const operatorOrg = await makeOrganization(t.ctx, 'website_operator', 'Matrix Operator');
    operatorUser = (await makeUser(t.ctx, { organizationId: operatorOrg, role: 'member' })).userId;
    k = await makeProductCase(t);
    const p = await addParty(t, k.caseId, party.organizationId);
    await addVulnerability(t, k.caseId, 1);
    await proposeMoment(t, k.caseId, '2026-12-10T01:00:00Z');
    await coordinatorWrites(t, k.caseId, { partyId: p }, 'Thread message');
  });
  after(() => t.close());

  const pageReads = () => ['/portal', casePage(k.reference)];
  const pageWrites = (): [string, Record<string, string>][] => [
    [`${casePage(k.reference)}/acknowledge`, {}],
    [`${casePage(k.reference)}/vulnerabilities/1/status`, { status: 'investigating' }],
    [`${casePage(k.reference)}/schedule`, { response: 'acknowledged' }],
    [`${casePage(k.reference)}/messages`, { body: 'hello' }],
    [`${casePage(k.reference)}/suggestions`, { name: 'Someone', reason: 'because' }],
  ];
  const apiCalls = (): ['GET' | 'POST' | 'PUT', string, unknown][] => [
    ['GET', '/api/v1/portal/cases', undefined],
    ['GET', caseApi(k.reference), undefined],
    ['PUT', `${caseApi(k.reference)}/vulnerabilities/1/status`, { status: 'investigating' }],
    ['POST', `${caseApi(k.reference)}/acknowledge`, undefined],
    ['POST', `${caseApi(k.reference)}/schedule/responses`, { response: 'acknowledged' }],
    ['GET', `${caseApi(k.reference)}/messages`, undefined],
    ['POST', `${caseApi(k.reference)}/messages`, { body: 'hello' }],
    ['POST', `${caseApi(k.reference)}/suggestions`, { name: 'Someone', reason: 'because' }],
  ];
  const api = (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload: unknown) =>
    t.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  async function expectPages(b: TestBrowser, status: (url: string) => number, who: string) {
    for (const url of pageReads()) assert.equal((await b.get(url)).status, status(url), `${who} GET ${url}`);
    for (const [url, fields] of pageWrites()) {
      assert.equal((await b.post(url, fields, '/')).status, status(url), `${who} POST ${url}`);
    }
  }

  it('sends visitors to log in and answers 401 on the API', async () => {
    for (const url of pageReads()) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 303, url);
      assert.match(String(res.headers.location), /^\/login\?returnTo=/);
    }
    for (const [method, url, payload] of apiCalls()) {
      assert.equal((await api(null, method, url, payload)).statusCode, 401, `${method} ${url}`);
    }
  });

  it('refuses (403) everyone who is not a member of a product developer, on every page and endpoint', async () => {
    const before = await footprint(t, k.caseId);
    for (const [who, userId] of [
      ['finder', finderUser],
      ['website operator', operatorUser],
      ['coordinator', coordinator.userId],
    ] as const) {
      await expectPages(await signedIn(t, userId), () => 403, who);
      const token = await tokenFor(t, userId);
      for (const [method, url, payload] of apiCalls()) {
        assert.equal((await api(token, method, url, payload)).statusCode, 403, `${who} ${method} ${url}`);
      }
    }
    assert.deepEqual(await footprint(t, k.caseId), before);
  });

  it('shows a developer that is not a party an empty list and a 404 for the case, everywhere', async () => {
    const before = await footprint(t, k.caseId);
    await expectPages(
      await signedIn(t, stranger.userId),
      (url) => (url === '/portal' ? 200 : 404),
      'stranger',
    );
    const token = await tokenFor(t, stranger.userId);
    for (const [method, url, payload] of apiCalls()) {
      const expected = url === '/api/v1/portal/cases' ? 200 : 404;
      assert.equal(
        (await api(token, method, url, payload)).statusCode,
        expected,
        `stranger ${method} ${url}`,
      );
    }
    assert.deepEqual(await footprint(t, k.caseId), before);
  });

  it('lets the party do everything, and nothing it can read carries a trace of the finder', async () => {
    const b = await signedIn(t, party.userId);
    const seen: string[] = [];
    for (const url of pageReads()) {
      const res = await b.get(url);
      assert.equal(res.status, 200, url);
      seen.push(res.body);
    }
    for (const [url, fields] of pageWrites()) {
      const res = await b.post(url, fields, casePage(k.reference));
      assert.equal(res.status, 303, `POST ${url}`);
      seen.push((await b.get(String(res.headers.location))).body);
    }
    const token = await tokenFor(t, party.userId);
    for (const [method, url, payload] of apiCalls()) {
      const res = await api(token, method, url, payload);
      assert.ok(
        res.statusCode >= 200 && res.statusCode < 300,
        `${method} ${url}: ${res.statusCode} ${res.body}`,
      );
      seen.push(res.body);
    }
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['subject', 'body_text'])
      .where('related_id', '=', k.caseId)
      .execute();
    assert.ok(mails.length > 0, 'the coordinator was told');
    const all = [...seen, ...mails.map((m) => `${m.subject}\n${m.body_text}`)].join('\n').toLowerCase();
    for (const trace of FINDER_TRACES) assert.ok(!all.includes(trace.toLowerCase()), `no "${trace}"`);
  });
});
