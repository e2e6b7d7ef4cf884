// The developer portal in the browser: a developer sees only the cases its organization is a live, notified
// party to, and in a multi-vendor case only its own part plus what others shared; every form records its row,
// an event and a mail to the coordinators; refused requests change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import {
  addParty,
  addVulnerability,
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
} from './testing.js';

describe('developer portal pages', () => {
  let t: TestApp;
  let coordinator: { userId: string; email: string };
  let a: Developer;
  let b: Developer;
  let c: Developer;
  let outsider: Developer;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T00:00:00Z' });
    coordinator = await makeCoordinator(t);
    a = await makeDeveloper(t, 'Alpha Soft');
    b = await makeDeveloper(t, 'Bravo Systems');
    c = await makeDeveloper(t, 'Charlie Works');
    outsider = await makeDeveloper(t, 'Outsider Corp');
  });
  after(() => t.close());

  const eventsOf = (caseId: string, type: string) =>
    t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', 'case')
      .where('stream_id', '=', caseId)
      .where('type', '=', type)
      .execute();

  it('lists only the cases where the organization is a live, notified party', async () => {
    const mine = await makeProductCase(t);
    const others = await makeProductCase(t);
    const removed = await makeProductCase(t);
    const notYetNotified = await makeProductCase(t);
    await addParty(t, mine.caseId, a.organizationId);
    await addVulnerability(t, mine.caseId, 1, 'Listed weakness');
    await addParty(t, others.caseId, b.organizationId);
    const gone = await addParty(t, removed.caseId, a.organizationId);
    await t.ctx.db
      .updateTable('coordination_parties')
      .set({ removed_at: t.clock.now(), removed_reason: 'not affected after all' })
      .where('id', '=', gone)
      .execute();
    await addParty(t, notYetNotified.caseId, a.organizationId, { notified: false });

    const browser = await signedIn(t, a.userId);
    const list = await browser.get('/portal');
    assert.equal(list.status, 200);
    const text = textOf(list.body);
    assert.match(text, new RegExp(mine.reference));
    assert.match(text, /Listed weakness/);
    assert.match(text, /Acknowledge the notification/);
    assert.match(text, /Give your status \(1\)/);
    assert.match(text, /2026-12-17/);
    for (const hidden of [others, removed, notYetNotified]) {
      assert.ok(!text.includes(hidden.reference), `${hidden.reference} is not listed`);
      const page = await browser.get(casePage(hidden.reference));
      assert.equal(page.status, 404, `${hidden.reference} is a 404`);
    }
    const missing = await browser.get(casePage('IPA#99999999'));
    assert.equal(missing.status, 404);
    assert.match(list.body, /href="\/portal"[^>]*>Developer portal</, 'the nav links to the portal');
  });

  it('refuses the portal to staff and sends visitors to log in', async () => {
    const staff = await signedIn(t, coordinator.userId);
    assert.equal((await staff.get('/portal')).status, 403);
    const anonymous = await t.app.inject({ url: '/portal' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
  });

  it('keeps a multi-vendor case apart: B reads A’s statement only once A shares it, and never A’s thread', async () => {
    const k = await makeProductCase(t);
    const partyA = await addParty(t, k.caseId, a.organizationId);
    await addParty(t, k.caseId, b.organizationId);
    await addParty(t, k.caseId, c.organizationId);
    await addVulnerability(t, k.caseId, 1);
    await coordinatorWrites(t, k.caseId, { partyId: partyA }, 'PRIVATE-TO-ALPHA from the coordinator');
    await coordinatorWrites(t, k.caseId, 'all', 'ANNOUNCEMENT to every developer');

    const alpha = await signedIn(t, a.userId);
    const bravo = await signedIn(t, b.userId);
    const page = casePage(k.reference);
    const status = `${page}/vulnerabilities/1/status`;

    const saved = await alpha.post(
      status,
      {
        status: 'affected',
        statement: 'ALPHA-STATEMENT affected in 2.x',
        countermeasure: 'ALPHA-FIX upgrade to 2.4.1',
      },
      page,
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.location, `${page}?notice=status#vuln-1`);
    const sent = await alpha.post(`${page}/messages`, { body: 'ALPHA-QUESTION to the coordinator' }, page);
    assert.equal(sent.status, 303);

    const alphaView = textOf((await alpha.get(page)).body);
    assert.match(alphaView, /ALPHA-STATEMENT/);
    assert.match(alphaView, /PRIVATE-TO-ALPHA/);
    assert.match(alphaView, /ALPHA-QUESTION/);
    assert.match(alphaView, /ANNOUNCEMENT to every developer/);

    let bravoView = textOf((await bravo.get(page)).body);
    assert.equal((await bravo.get(page)).status, 200);
    for (const secret of [
      'ALPHA-STATEMENT',
      'ALPHA-FIX',
      'PRIVATE-TO-ALPHA',
      'ALPHA-QUESTION',
      'Alpha Soft',
      'Charlie Works',
    ]) {
      assert.ok(!bravoView.includes(secret), `B does not see ${secret}`);
    }
    assert.match(bravoView, /ANNOUNCEMENT to every developer/);
    assert.match(bravoView, /No statement has been shared/);

    const shared = await alpha.post(
      status,
      {
        status: 'fixed',
        statement: 'ALPHA-STATEMENT affected in 2.x',
        countermeasure: 'ALPHA-FIX upgrade to 2.4.1',
        shared: 'on',
      },
      page,
    );
    assert.equal(shared.status, 303);
    bravoView = textOf((await bravo.get(page)).body);
    assert.match(bravoView, /Another developer\s*: Fixed/);
    assert.match(bravoView, /ALPHA-STATEMENT/);
    assert.match(bravoView, /ALPHA-FIX/);
    for (const secret of ['PRIVATE-TO-ALPHA', 'ALPHA-QUESTION', 'Alpha Soft']) {
      assert.ok(!bravoView.includes(secret), `B still does not see ${secret}`);
    }

    const changes = await eventsOf(k.caseId, 'coordination.status-changed');
    assert.deepEqual(
      changes.map((e) => {
        const d = e.data as Record<string, unknown>;
        return [d.status, d.shared, d.side];
      }),
      [
        ['affected', false, 'developer'],
        ['fixed', true, 'developer'],
      ],
    );
    assert.ok(!JSON.stringify(changes).includes('ALPHA-STATEMENT'), 'events carry no statement text');
    const stored = await t.ctx.db
      .selectFrom('coordination_statuses')
      .selectAll()
      .where('party_id', '=', partyA)
      .executeTakeFirstOrThrow();
    assert.ok(!stored.statement_enc?.includes('ALPHA'), 'the statement is sealed at rest');
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'template', 'body_text'])
      .where('related_id', '=', k.caseId)
      .execute();
    assert.ok(
      mails.some((m) => m.to_address === coordinator.email && m.template === 'portal.mail.statusChanged'),
    );
    assert.ok(mails.some((m) => m.to_address === coordinator.email && m.template === 'portal.mail.message'));
    assert.ok(!mails.some((m) => m.body_text.includes('ALPHA-')), 'mails to the coordinator carry no text');
  });

  it('shows bad status input again with the error and what was typed', async () => {
    const k = await makeProductCase(t);
    await addParty(t, k.caseId, a.organizationId);
    await addVulnerability(t, k.caseId, 1);
    const alpha = await signedIn(t, a.userId);
    const page = casePage(k.reference);
    await alpha.get(page);
    const before = await footprint(t, k.caseId);
    const res = await alpha.post(
      `${page}/vulnerabilities/1/status`,
      { status: 'bogus', statement: 'KEEP-ME' },
      page,
    );
    assert.equal(res.status, 400);
    assert.match(textOf(res.body), /Choose a status/);
    assert.match(res.body, /KEEP-ME/);
    assert.match(res.body, /href="#v1-status"/);
    assert.deepEqual(await footprint(t, k.caseId), before);
    const unknown = await alpha.post(`${page}/vulnerabilities/7/status`, { status: 'affected' }, page);
    assert.equal(unknown.status, 404);
  });

  it('records the first opening once, and acknowledging once, with events and a mail to the coordinator', async () => {
    const k = await makeProductCase(t);
    const party = await addParty(t, k.caseId, a.organizationId);
    const alpha = await signedIn(t, a.userId);
    const page = casePage(k.reference);
    assert.equal((await alpha.get(page)).status, 200);
    t.clock.advance(60_000);
    await alpha.get(page);
    const opened = await eventsOf(k.caseId, 'coordination.party-opened');
    assert.equal(opened.length, 1);
    const row = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', party)
      .executeTakeFirstOrThrow();
    assert.ok(row.first_opened_at);
    assert.equal(row.acknowledged_at, null);

    const ack = await alpha.post(`${page}/acknowledge`, {}, page);
    assert.equal(ack.status, 303);
    assert.equal(ack.headers.location, `${page}?notice=acknowledged`);
    const acked = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', party)
      .executeTakeFirstOrThrow();
    assert.equal(acked.acknowledged_at?.toISOString(), t.clock.now().toISOString());
    assert.equal(acked.acknowledged_by, a.userId);
    const events = await eventsOf(k.caseId, 'coordination.party-acknowledged');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actor_user_id, a.userId);
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_id', '=', k.caseId)
      .where('template', '=', 'portal.mail.acknowledged')
      .execute();
    assert.deepEqual(
      mail.map((m) => m.to_address),
      [coordinator.email],
    );
    assert.match(mail[0]?.body_text ?? '', /Alpha Soft/);
    assert.match(mail[0]?.subject ?? '', new RegExp(k.reference.replace(/[#]/g, '\\#')));

    t.clock.advance(60_000);
    assert.equal((await alpha.post(`${page}/acknowledge`, {}, page)).status, 303);
    assert.equal(
      (await eventsOf(k.caseId, 'coordination.party-acknowledged')).length,
      1,
      'acknowledged once',
    );
    const shown = textOf((await alpha.get(`${page}?notice=acknowledged`)).body);
    assert.match(shown, /Receipt acknowledged/);
    assert.match(shown, /You acknowledged receipt on/);
  });

  it('clears the unreachable flag of a developer that acknowledges after all', async () => {
    const k = await makeProductCase(t);
    const party = await addParty(t, k.caseId, a.organizationId);
    const since = new Date('2026-11-04T00:00:00Z');
    await t.ctx.db
      .updateTable('coordination_parties')
      .set({ unreachable_at: since })
      .where('id', '=', party)
      .execute();
    const alpha = await signedIn(t, a.userId);
    const page = casePage(k.reference);
    assert.equal((await alpha.post(`${page}/acknowledge`, {}, page)).status, 303);
    const row = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', party)
      .executeTakeFirstOrThrow();
    assert.equal(row.unreachable_at, null);
    assert.ok(row.acknowledged_at);
    const [event] = await eventsOf(k.caseId, 'coordination.party-acknowledged');
    const data = (event?.data ?? {}) as Record<string, unknown>;
    assert.equal(data.reappeared, true);
    assert.equal(data.unreachableSince, since.toISOString());
  });

  it('shows the proposal in JST and the viewer’s zone, refuses a counter-proposal in the past, and records a valid one', async () => {
    const k = await makeProductCase(t);
    const party = await addParty(t, k.caseId, a.organizationId);
    await proposeMoment(t, k.caseId, '2026-12-10T01:00:00Z');
    await t.ctx.db
      .updateTable('users')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', a.userId)
      .execute();
    const alpha = await signedIn(t, a.userId);
    const page = casePage(k.reference);
    const view = textOf((await alpha.get(page)).body);
    assert.match(view, /2026-12-10 10:00 JST \(UTC\+09:00\)/);
    assert.match(view, /2026-12-09 20:00 America\/New_York \(UTC-05:00\)/);
    assert.match(textOf((await alpha.get('/portal')).body), /Answer the publication schedule/);

    const before = await footprint(t, k.caseId);
    const past = await alpha.post(
      `${page}/schedule`,
      {
        response: 'counter_proposal',
        publishAt: '2026-11-01T10:00',
        timeZone: 'Asia/Tokyo',
        reason: 'KEEP-REASON',
      },
      page,
    );
    assert.equal(past.status, 400);
    assert.match(textOf(past.body), /A moment in the past cannot be proposed/);
    assert.match(past.body, /KEEP-REASON/);
    assert.match(past.body, /value="2026-11-01T10:00"/);
    const noReason = await alpha.post(
      `${page}/schedule`,
      { response: 'counter_proposal', publishAt: '2026-12-20T10:00', timeZone: 'Asia/Tokyo', reason: '' },
      page,
    );
    assert.equal(noReason.status, 400);
    assert.match(textOf(noReason.body), /Give a reason/);
    const both = await alpha.post(
      `${page}/schedule`,
      { response: 'counter_proposal', publishAt: '2026-11-01T10:00', timeZone: 'Asia/Tokyo', reason: '' },
      page,
    );
    assert.equal(both.status, 400);
    assert.match(
      textOf(both.body),
      /A moment in the past cannot be proposed.*Give a reason/s,
      'every problem at once',
    );
    const gap = await alpha.post(
      `${page}/schedule`,
      {
        response: 'counter_proposal',
        publishAt: '2027-03-14T02:30',
        timeZone: 'America/New_York',
        reason: 'dst',
      },
      page,
    );
    assert.equal(gap.status, 400);
    assert.match(textOf(gap.body), /does not exist in the chosen zone/);
    assert.deepEqual(await footprint(t, k.caseId), before, 'refused answers change nothing');

    const ok = await alpha.post(
      `${page}/schedule`,
      {
        response: 'counter_proposal',
        publishAt: '2026-12-20T10:00',
        timeZone: 'Asia/Tokyo',
        reason: 'Our release train',
      },
      page,
    );
    assert.equal(ok.status, 303);
    const r = await t.ctx.db
      .selectFrom('coordination_schedule_responses')
      .selectAll()
      .where('party_id', '=', party)
      .executeTakeFirstOrThrow();
    assert.equal(r.response, 'counter_proposal');
    assert.equal(r.counter_publish_at?.toISOString(), '2026-12-20T01:00:00.000Z');
    assert.equal(r.reason, 'Our release train');
    assert.equal((await eventsOf(k.caseId, 'coordination.schedule-responded')).length, 1);
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_id', '=', k.caseId)
      .where('template', '=', 'portal.mail.scheduleCounterProposed')
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, coordinator.email);
    assert.match(mail.body_text, /2026-12-20 10:00 JST/);
    assert.ok(!mail.body_text.includes('release train'), 'the reason is read in the workspace');
    const after = textOf((await alpha.get(page)).body);
    assert.match(after, /proposed another moment/);
    assert.doesNotMatch(textOf((await alpha.get('/portal')).body), /Answer the publication schedule/);
    await t.ctx.db.updateTable('users').set({ time_zone: 'Asia/Tokyo' }).where('id', '=', a.userId).execute();
  });

  it('refuses every change from a developer that is not a party, as a 404, and changes nothing', async () => {
    const k = await makeProductCase(t);
    await addParty(t, k.caseId, a.organizationId);
    await addVulnerability(t, k.caseId, 1);
    await proposeMoment(t, k.caseId, '2026-12-10T01:00:00Z');
    const stranger = await signedIn(t, outsider.userId);
    const page = casePage(k.reference);
    const before = await footprint(t, k.caseId);
    assert.equal((await stranger.get(page)).status, 404);
    const attempts: [string, Record<string, string>][] = [
      [`${page}/acknowledge`, {}],
      [`${page}/vulnerabilities/1/status`, { status: 'not_affected' }],
      [`${page}/schedule`, { response: 'acknowledged' }],
      [
        `${page}/schedule`,
        { response: 'counter_proposal', publishAt: '2026-12-24T10:00', timeZone: 'Asia/Tokyo', reason: 'x' },
      ],
      [`${page}/messages`, { body: 'hello' }],
      [`${page}/suggestions`, { name: 'Someone', reason: 'because' }],
    ];
    for (const [url, fields] of attempts) {
      const res = await stranger.post(url, fields, '/');
      assert.equal(res.status, 404, url);
    }
    assert.deepEqual(await footprint(t, k.caseId), before);
  });

  it('never shows the finder without consent; the identity with consent; contact details only when also allowed', async () => {
    const hidden = await makeProductCase(t);
    await addParty(t, hidden.caseId, a.organizationId);
    const alpha = await signedIn(t, a.userId);
    const withheld = await alpha.get(casePage(hidden.reference));
    assert.equal(withheld.status, 200);
    assert.ok(!withheld.body.includes(FINDER_NAME));
    assert.ok(!withheld.body.includes(FINDER_EMAIL));
    assert.ok(!withheld.body.includes('Quixotic'));
    assert.match(textOf(withheld.body), /Example CMS/, 'the report details are there');
    assert.ok(!textOf((await alpha.get('/portal')).body).includes(FINDER_NAME));

    const named = await makeProductCase(t, { identityToVendor: true, directContact: true });
    await addParty(t, named.caseId, a.organizationId);
    const nameOnly = await alpha.get(casePage(named.reference));
    assert.ok(nameOnly.body.includes(FINDER_NAME));
    assert.ok(!nameOnly.body.includes(FINDER_EMAIL), 'no address until the coordinator allows contact');

    const allowed = await makeProductCase(t, { identityToVendor: true, directContact: true });
    await addParty(t, allowed.caseId, a.organizationId, { finderContactAllowed: true });
    const contact = await alpha.get(casePage(allowed.reference));
    assert.ok(contact.body.includes(FINDER_EMAIL));
  });

  it('takes suggestions of other developers, by directory name or free text', async () => {
    const k = await makeProductCase(t);
    await addParty(t, k.caseId, a.organizationId);
    const alpha = await signedIn(t, a.userId);
    const page = casePage(k.reference);
    const missing = await alpha.post(`${page}/suggestions`, { name: 'Charlie Works', reason: '' }, page);
    assert.equal(missing.status, 400);
    assert.match(textOf(missing.body), /Give a reason/);
    assert.match(missing.body, /value="Charlie Works"/);
    assert.equal(
      (await alpha.post(`${page}/suggestions`, { name: 'charlie works', reason: 'Same library' }, page))
        .status,
      303,
    );
    assert.equal(
      (await alpha.post(`${page}/suggestions`, { name: 'Unknown Vendor KK', reason: 'Forks it' }, page))
        .status,
      303,
    );
    const rows = await t.ctx.db
      .selectFrom('coordination_suggestions')
      .selectAll()
      .where('case_id', '=', k.caseId)
      .orderBy('created_at')
      .orderBy('reason')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.organization_id, r.free_text_name, r.state]).sort(),
      [
        [c.organizationId, null, 'pending'],
        [null, 'Unknown Vendor KK', 'pending'],
      ].sort(),
    );
    assert.equal((await eventsOf(k.caseId, 'coordination.suggestion-made')).length, 2);
    assert.match(textOf((await alpha.get(page)).body), /Unknown Vendor KK/);
  });

  it('lets a developer read an ended case but not change it', async () => {
    const k = await makeProductCase(t);
    await addParty(t, k.caseId, a.organizationId);
    await addVulnerability(t, k.caseId, 1);
    await t.ctx.db
      .updateTable('coordination_cases')
      .set({ end_kind: 'no_new_handling', end_reason: 'done', ended_at: t.clock.now() })
      .where('case_id', '=', k.caseId)
      .execute();
    const alpha = await signedIn(t, a.userId);
    const page = casePage(k.reference);
    const view = await alpha.get(page);
    assert.equal(view.status, 200);
    assert.match(textOf(view.body), /Coordination of this case has ended/);
    assert.doesNotMatch(view.body, /vulnerabilities\/1\/status/);
    const res = await alpha.post(`${page}/vulnerabilities/1/status`, { status: 'fixed' }, page);
    assert.equal(res.status, 409);
  });
});
