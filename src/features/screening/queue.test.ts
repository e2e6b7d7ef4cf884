// The reception queue: open reports oldest first by default, filters by track, state, age and assignee, keyset
// pages, one audit entry per page view, and nobody outside the reception body gets in.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { softwareReport, submit, websiteReport } from '../../testing/reports.js';

import { as, type Cast, makeCast, postDecision } from './testing.js';

const DAY = 86_400_000;
const numbersIn = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="[^"]+">(IPA#\d{8})<\/a>/g)].map((m) => m[1]);

describe('the reception queue', () => {
  let t: TestApp;
  let cast: Cast;
  const n: Record<string, string> = {};

  before(async () => {
    t = await startTestApp({ now: '2026-10-01T00:00:00Z' });
    cast = await makeCast(t);
    // an old software report, a website report 10 days later, then three more a day apart
    n.old = (await submit(t, softwareReport({ productName: 'Old Router' }))).trackingNumber;
    t.clock.advance(10 * DAY);
    n.web = (await submit(t, websiteReport())).trackingNumber;
    for (const k of ['a', 'b', 'c']) {
      t.clock.advance(DAY);
      n[k] = (await submit(t, softwareReport({ productName: `Product ${k}` }))).trackingNumber;
    }
    t.clock.advance(DAY);
  });
  after(() => t.close());

  it('lists open reports oldest first with product or site decrypted, age and state', async () => {
    const b = await as(t, cast.receptionHandler);
    const res = await b.get('/reception/reports');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(numbersIn(res.body), [n.old, n.web, n.a, n.b, n.c]);
    const text = textOf(res.body);
    assert.match(
      text,
      new RegExp(
        `${n.old} ソフトウェア製品 Old Router \\(Example Inc\\.\\) 2026-10-01 1[45] 審査待ち 未割り当て`,
      ),
    );
    assert.match(text, /Example Shop https:\/\/shop\.example\.org\/search/);
    const newest = await b.get('/reception/reports?sort=newest');
    assert.deepEqual(numbersIn(newest.body), [n.c, n.b, n.a, n.web, n.old]);
  });

  it('filters by track, state, age and assignee', async () => {
    const b = await as(t, cast.receptionLead);
    assert.deepEqual(numbersIn((await b.get('/reception/reports?track=website')).body), [n.web]);
    const old = await b.get('/reception/reports?olderThan=5');
    assert.deepEqual(numbersIn(old.body), [n.old]);

    const handler = await as(t, cast.receptionHandler);
    await handler.post(`/reception/reports/${encodeURIComponent(n.a!)}/assign`, {
      assignee: cast.receptionHandler.userId,
    });
    assert.deepEqual(numbersIn((await handler.get('/reception/reports?assignee=me')).body), [n.a]);
    assert.deepEqual(
      numbersIn((await b.get(`/reception/reports?assignee=${cast.receptionHandler.userId}`)).body),
      [n.a],
    );
    assert.deepEqual(numbersIn((await b.get('/reception/reports?assignee=none')).body), [
      n.old,
      n.web,
      n.b,
      n.c,
    ]);
    assert.deepEqual(numbersIn((await b.get('/reception/reports?assignee=me')).body), []);

    // a decided report leaves the default (open) view but is found by its state
    assert.equal(
      (await postDecision(b, n.b!, 'not_accept', { reason: '情報が不足しています' })).statusCode,
      303,
    );
    assert.ok(!numbersIn((await b.get('/reception/reports')).body).includes(n.b));
    assert.deepEqual(numbersIn((await b.get('/reception/reports?state=not_accepted')).body), [n.b]);
    assert.equal(numbersIn((await b.get('/reception/reports?state=all')).body).length, 5);
  });

  it('reads in keyset pages of 50 both ways, each page view audited once', async () => {
    for (let i = 0; i < 52; i++) await submit(t, softwareReport({ productName: `Bulk ${i}` }));
    const b = await as(t, cast.receptionHandler);
    const before = await t.ctx.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'report.list_read')
      .execute();
    const first = await b.get('/reception/reports?state=all');
    const one = numbersIn(first.body);
    assert.equal(one.length, 50);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(next, 'a link to the next page');
    assert.doesNotMatch(first.body, /rel="prev"/);
    const second = await b.get(next);
    const two = numbersIn(second.body);
    assert.equal(two.length, 7);
    assert.equal(new Set([...one, ...two]).size, 57);
    assert.doesNotMatch(second.body, /rel="next"/);
    const prev = /href="([^"]+)" rel="prev"/.exec(second.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(prev);
    assert.deepEqual(numbersIn((await b.get(prev)).body), one);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'report.list_read')
      .execute();
    assert.equal(audits.length - before.length, 3, 'one entry per page view, not per row');
  });

  it('refuses bad filters with a 400 and keeps to the defaults', async () => {
    const b = await as(t, cast.receptionHandler);
    const res = await b.get('/reception/reports?olderThan=-3&state=bogus');
    assert.equal(res.statusCode, 400);
    assert.equal(numbersIn(res.body).length > 0, true);
  });

  it('is closed to the coordination body, developers, finders and visitors', async () => {
    for (const p of [cast.coordinationHandler, cast.developer, cast.finder]) {
      const b = await as(t, p);
      assert.equal((await b.get('/reception/reports')).statusCode, 403, p.email);
    }
    const anonymous = await t.app.inject({ url: '/reception/reports' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login\?returnTo=/);
  });
});
