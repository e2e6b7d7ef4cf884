// The long-running list (90 days or more after the details, by age bucket and vulnerability type, as of any date)
// and moving a website case to the product track (both linked, history kept, the operator link dead).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { closeWebsiteCase } from './close-website-case.js';
import { listLongRunning } from './list-long-running.js';
import { caseIdForOperatorToken } from './queries.js';
import { caseIdOf, mailOfCase, makeActor, notifiedByHand, type Staff } from './testing.js';
import { LONG_RUNNING_PATH, websiteCasePath } from './views/paths.js';

describe('long-running website cases and moving a case to the product track', () => {
  let t: TestApp;
  let lead: Staff;

  before(async () => {
    t = await startTestApp({ now: '2026-06-01T01:00:00Z' });
    lead = await makeActor(t, { orgType: 'reception_body', role: 'lead' });
  });
  after(() => t.close());

  const notifiedCase = (at: string, over: Record<string, unknown> = {}) =>
    notifiedByHand(t, lead, at, { over });

  it('lists a case from its 90th day (not its 89th), by bucket and type, as of any date', async () => {
    // as of 2026-09-30 (JST): day 90 is a notice on 2026-07-02 JST, day 89 on 2026-07-03 JST
    const day90 = await notifiedCase('2026-07-01T15:30:00Z', { vulnerabilityType: 'xss' }); // 07-02 00:30 JST
    const day89 = await notifiedCase('2026-07-03T14:59:00Z', { vulnerabilityType: 'xss' }); // 07-03 23:59 JST
    const old = await notifiedCase('2026-03-01T01:00:00Z', { vulnerabilityType: 'sql_injection' }); // day 213
    const closedBefore = await notifiedCase('2026-03-01T01:00:00Z', { vulnerabilityType: 'csrf' });
    const closedAfter = await notifiedCase('2026-03-01T01:00:00Z', { vulnerabilityType: 'csrf' });
    t.clock.set('2026-09-01T01:00:00Z');
    await closeWebsiteCase(t.ctx, lead, {
      reference: closedBefore.reference,
      close: { outcome: 'stopped_after_alert', reason: '注意喚起', notifyFinder: false },
    });
    t.clock.set('2026-10-15T01:00:00Z');
    await closeWebsiteCase(t.ctx, lead, {
      reference: closedAfter.reference,
      close: { outcome: 'stopped_after_alert', reason: '注意喚起', notifyFinder: false },
    });
    t.clock.set('2026-10-20T01:00:00Z');

    const list = await listLongRunning(t.ctx, lead, { asOfDate: '2026-09-30' });
    const refs = list.cases.map((c) => c.reference);
    assert.ok(refs.includes(day90.reference), 'day 90 is long-running');
    assert.ok(!refs.includes(day89.reference), 'day 89 is not yet');
    assert.ok(refs.includes(old.reference));
    assert.ok(refs.includes(closedAfter.reference), 'still open on that date');
    assert.ok(!refs.includes(closedBefore.reference), 'closed before that date');
    const byRef = new Map(list.cases.map((c) => [c.reference, c]));
    assert.deepEqual([byRef.get(day90.reference)?.days, byRef.get(day90.reference)?.bucket], [90, '90-179']);
    assert.equal(byRef.get(old.reference)?.bucket, '180-269');
    assert.equal(list.counts['90-179']?.xss, 1);
    assert.equal(list.counts['180-269']?.sql_injection, 1);
    assert.equal(list.counts['180-269']?.csrf, 1);
    assert.equal(list.total, 3);

    // a day later the 89th-day case turns 90; as of today the case closed on 15 October is gone
    const next = await listLongRunning(t.ctx, lead, { asOfDate: '2026-10-01' });
    assert.ok(next.cases.some((c) => c.reference === day89.reference));
    const today = await listLongRunning(t.ctx, lead, {});
    assert.equal(today.asOfDate, '2026-10-20');
    assert.ok(!today.cases.some((c) => c.reference === closedAfter.reference));

    const b = await signedIn(t, lead.userId);
    const page = await b.get(`${LONG_RUNNING_PATH}?asOf=2026-09-30`);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /2026-09-30 時点/);
    assert.match(text, /90-179 日 0 0 1 1/);
    assert.match(page.body, new RegExp(encodeURIComponent(day90.reference)));
    const csv = await b.get(`${LONG_RUNNING_PATH}.csv?asOf=2026-09-30`);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.equal(csv.body.split('\r\n').filter(Boolean).length, 4); // header and three cases
    assert.ok(
      csv.body.includes(
        `${day90.reference},2026-07-01T15:30:00.000Z,90,90-179,クロスサイト・スクリプティング`,
      ),
    );
    const bad = await b.get(`${LONG_RUNNING_PATH}?asOf=2026-13-45`);
    assert.equal(bad.status, 400);
    assert.match(textOf(bad.body), /YYYY-MM-DD/);
    assert.equal((await b.get(`${LONG_RUNNING_PATH}?asOf=2026-02-30`)).status, 400);
  });

  it('keeps the list from coordination staff and operators', async () => {
    const coordinator = await makeActor(t, { orgType: 'coordination_body', role: 'lead' });
    const operator = await makeActor(t, { orgType: 'website_operator', role: 'member' });
    for (const who of [coordinator, operator]) {
      const b = await signedIn(t, who.userId);
      assert.equal((await b.get(LONG_RUNNING_PATH)).status, 403);
    }
  });

  it('moves a case caused by a product to the product track: both linked, history kept, the operator link dead', async () => {
    const c = await notifiedCase('2026-10-20T01:00:00Z', { siteUrl: 'https://cms-user.example/' });
    const caseId = await caseIdOf(t, c.reference);
    const token = /\/operator\/link\/([A-Za-z0-9_-]+)/.exec(
      (await mailOfCase(t, caseId))[0]?.body_text ?? '',
    )?.[1];
    assert.ok(token);
    const b = await signedIn(t, lead.userId);
    const path = websiteCasePath(c.reference);
    const empty = await b.post(`${path}/reclassify`, { message: '' }, path);
    assert.equal(empty.status, 400);
    const res = await b.post(
      `${path}/reclassify`,
      { message: 'CMS 製品の脆弱性が原因のため、製品として扱います。' },
      path,
    );
    assert.equal(res.status, 303);
    const product = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', `${c.trackingNumber}-2`)
      .executeTakeFirstOrThrow();
    assert.equal(product.track, 'software');
    assert.equal(res.headers.location, `/cases/${encodeURIComponent(product.reference)}`);
    const old = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([old.state, old.superseded_by_case_id], ['closed', product.id]);
    assert.equal(await caseIdForOperatorToken(t.ctx.db, token, t.clock.now()), null);
    const page = await b.get(path);
    assert.equal(page.status, 200);
    assert.match(
      textOf(page.body),
      new RegExp(`製品の区分に移管されました（${product.reference.replace('#', '\\#')}）`),
    );
    assert.ok(!page.body.includes(`${path}/close`), 'no forms on a moved case');
    // the website history stays with the old case
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', caseId)
      .execute();
    assert.ok(events.some((e) => e.type === 'website.notice_sent'));
    assert.ok(events.some((e) => e.type === 'case.superseded'));
  });
});
