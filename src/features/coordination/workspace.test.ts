// The coordinator's workspace: notifying starts the clock (start date in JST, target by category), a group adds
// its developers at once, bad input (CVSS, CWE, CVE ID, a moment in the past) is refused with a clear message and
// nothing changes, only the coordination body may use it, and what changed since the last look is marked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { FINDER } from '../../testing/reports.js';
import { createApiToken } from '../accounts/create-api-token.js';
import { addParties } from './add-parties.js';
import { notifyParty } from './notify-party.js';
import { partiesOf, recordPartyOpened } from './queries.js';
import { setProductCategory } from './set-product-category.js';
import {
  type Bodies,
  bodies,
  type Developer,
  developer,
  footprint,
  group,
  productCase,
  workspaceUrl,
} from './testing.js';

describe('coordination workspace', () => {
  let t: TestApp;
  let b: Bodies;
  let a: Developer;
  let bDev: Developer;
  let c: Developer;

  before(async () => {
    // 00:30 JST on 2026-11-06 is still 2026-11-05 in UTC: the start date is the JST day
    t = await startTestApp({ now: '2026-11-05T15:30:00Z' });
    b = await bodies(t);
    a = await developer(t, 'Alpha Soft');
    bDev = await developer(t, 'Beta Works', { locale: 'en' });
    c = await developer(t, 'Gamma Devices');
  });
  after(() => t.close());

  it('sets the start date (JST) and the target on the first notification, and recomputes the target with the category', async () => {
    const k = await productCase(t, b);
    await addParties(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      organizationId: a.organizationId,
    });
    const [party] = await partiesOf(t.ctx.db, k.caseId);
    const r = await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: party!.id });
    assert.equal(r.first, true);
    assert.equal(r.startDate, '2026-11-06');
    const cc = await t.ctx.db
      .selectFrom('coordination_cases')
      .selectAll()
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(cc.start_date, '2026-11-06');
    assert.equal(cc.target_date, '2026-12-21'); // 45 calendar days
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', a.email)
      .executeTakeFirstOrThrow();
    assert.equal(mail.template, 'coordination.mail.notified');
    assert.match(mail.body_text, new RegExp(`/portal/cases/${encodeURIComponent(k.reference)}`));
    assert.doesNotMatch(mail.subject, /Example CMS|XSS/);

    // a second notification neither moves the start date nor the notified moment
    t.clock.advance(86_400_000);
    const again = await notifyParty(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      partyId: party!.id,
    });
    assert.equal(again.first, false);
    assert.equal(again.startDate, '2026-11-06');

    await setProductCategory(t.ctx, b.coordinator.actor, { reference: k.reference, category: 'ics' });
    const after = await t.ctx.db
      .selectFrom('coordination_cases')
      .selectAll()
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(after.target_date, '2027-02-04'); // ics = 90 days
    const types = (
      await t.ctx.db.selectFrom('events').select('type').where('stream_id', '=', k.caseId).execute()
    ).map((e) => e.type);
    for (const type of [
      'coordination.start-date-set',
      'coordination.category-changed',
      'coordination.target-changed',
    ]) {
      assert.ok(types.includes(type), type);
    }
  });

  it('adds every developer of a group at once, skipping those already parties', async () => {
    const k = await productCase(t, b);
    await addParties(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      organizationId: a.organizationId,
    });
    const g = await group(t, 'Router vendors', [a.organizationId, bDev.organizationId, c.organizationId]);
    const browser = await signedIn(t, b.coordinator.userId);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/parties`,
      { groupId: g },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 303);
    const parties = await partiesOf(t.ctx.db, k.caseId);
    assert.deepEqual(
      parties.map((p) => p.organizationId).sort(),
      [a.organizationId, bDev.organizationId, c.organizationId].sort(),
    );
    const page = await browser.get(workspaceUrl(k.reference));
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Beta Works/);
    // the directory search narrows the developers offered for adding
    const other = await productCase(t, b);
    const searched = await browser.get(`${workspaceUrl(other.reference)}?dq=gamma`);
    const select = searched.body.slice(searched.body.indexOf('id="party-organizationId"'));
    const options = select.slice(0, select.indexOf('</select>'));
    assert.match(options, /Gamma Devices/);
    assert.doesNotMatch(options, /Beta Works|Alpha Soft/);
  });

  it('removes a developer only with a reason, keeps the row, and tells it when it had been notified', async () => {
    const k = await productCase(t, b);
    await addParties(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      organizationId: c.organizationId,
    });
    const [party] = await partiesOf(t.ctx.db, k.caseId);
    await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: party!.id });
    const browser = await signedIn(t, b.coordinator.userId);
    const url = `${workspaceUrl(k.reference)}/parties/${party!.id}/remove`;
    const before = await footprint(t);
    assert.equal((await browser.post(url, { reason: ' ' }, workspaceUrl(k.reference))).status, 400);
    assert.deepEqual(await footprint(t), before);
    assert.equal(
      (await browser.post(url, { reason: '対象製品は販売していなかった' }, workspaceUrl(k.reference))).status,
      303,
    );
    assert.deepEqual(await partiesOf(t.ctx.db, k.caseId), []);
    const row = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', party!.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.removed_at);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select('template')
      .where('to_address', '=', c.email)
      .where('related_id', '=', k.caseId)
      .execute();
    assert.ok(mails.some((m) => m.template === 'coordination.mail.removed'));
  });

  it('refuses an invalid CVSS vector, an unknown CWE and a bad CVE ID with clear messages, and changes nothing', async () => {
    const k = await productCase(t, b);
    const browser = await signedIn(t, b.coordinator.userId);
    await browser.get(workspaceUrl(k.reference));
    const before = await footprint(t);
    const res = await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      {
        titleJa: 'コメント欄のXSS',
        titleEn: 'XSS in comments',
        cwe: 'CWE-99999',
        cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L',
        cvss40: 'CVSS:3.1/AV:N',
        cveId: 'CVE-26-1',
      },
      workspaceUrl(k.reference),
    );
    assert.equal(res.status, 400);
    const text = textOf(res.body);
    assert.match(text, /「CWE-99999」はCWE一覧にありません/);
    assert.match(text, /基本評価の項目「A」がありません/);
    assert.match(text, /これは CVSS 4\.0 のベクトルではありません/);
    assert.match(text, /CVE番号は CVE-2026-12345 の形で/);
    // what was typed is kept
    assert.match(res.body, /value="XSS in comments"/);
    assert.deepEqual(await footprint(t), before);

    const ok = await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      {
        titleJa: 'コメント欄のXSS',
        titleEn: 'XSS in comments',
        description: 'stored XSS',
        cwe: '79',
        cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
        cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
        cveId: 'cve-2026-12345',
      },
      workspaceUrl(k.reference),
    );
    assert.equal(ok.status, 303);
    const v = await t.ctx.db
      .selectFrom('coordination_vulnerabilities')
      .selectAll()
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(v.cwe_id, 'CWE-79');
    assert.equal(Number(v.cvss31_score), 6.1);
    assert.equal(v.cvss31_severity, 'medium');
    assert.equal(v.cve_id, 'CVE-2026-12345');
    assert.ok(v.cvss40_score !== null);
    // the description is sealed at rest
    assert.ok(v.description_enc && !v.description_enc.includes('stored XSS'));
  });

  it('refuses a publication moment in the past (or in a DST gap) and changes nothing', async () => {
    const k = await productCase(t, b);
    const browser = await signedIn(t, b.coordinator.userId);
    await browser.get(workspaceUrl(k.reference));
    const before = await footprint(t);
    const past = await browser.post(
      `${workspaceUrl(k.reference)}/schedule`,
      { publishAt: '2026-01-05T10:00', timeZone: 'Asia/Tokyo', reason: '' },
      workspaceUrl(k.reference),
    );
    assert.equal(past.status, 400);
    assert.match(textOf(past.body), /公表日時は現在より後にしてください/);
    const gap = await browser.post(
      `${workspaceUrl(k.reference)}/schedule`,
      { publishAt: '2027-03-14T02:30', timeZone: 'America/New_York', reason: '' },
      workspaceUrl(k.reference),
    );
    assert.equal(gap.status, 400);
    assert.match(textOf(gap.body), /存在しないか、曖昧です/);
    assert.deepEqual(await footprint(t), before);

    const ok = await browser.post(
      `${workspaceUrl(k.reference)}/schedule`,
      { publishAt: '2027-01-15T10:00', timeZone: 'Asia/Tokyo', reason: '月例更新に合わせる' },
      workspaceUrl(k.reference),
    );
    assert.equal(ok.status, 303);
    const p = await t.ctx.db
      .selectFrom('coordination_schedule_proposals')
      .selectAll()
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(p.publish_at.toISOString(), '2027-01-15T01:00:00.000Z');
    // accepting it sets the agreed moment, shown in JST and in an English-speaking New Yorker's zone
    const d = await browser.post(
      `${workspaceUrl(k.reference)}/schedule/decide`,
      { proposalId: p.id, decision: 'accept' },
      workspaceUrl(k.reference),
    );
    assert.equal(d.status, 303);
    await t.ctx.db
      .updateTable('users')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', b.coordinator.userId)
      .execute();
    const page = await browser.get(workspaceUrl(k.reference));
    const text = textOf(page.body);
    assert.match(text, /2027-01-15 10:00 JST \(UTC\+09:00\)/);
    assert.match(text, /2027-01-14 20:00 America\/New_York \(UTC-05:00\)/);
    await t.ctx.db
      .updateTable('users')
      .set({ time_zone: 'Asia/Tokyo' })
      .where('id', '=', b.coordinator.userId)
      .execute();
  });

  it('is for the coordination body only: reception staff and a developer get 403, a visitor is sent to log in', async () => {
    const k = await productCase(t, b);
    const reception = await signedIn(t, b.reception.userId);
    assert.equal((await reception.get(workspaceUrl(k.reference))).status, 403);
    const dev = await signedIn(t, a.member.userId);
    assert.equal((await dev.get(workspaceUrl(k.reference))).status, 403);
    const anon = await t.app.inject({ method: 'GET', url: workspaceUrl(k.reference) });
    assert.notEqual(anon.statusCode, 200);
    // …and the reception body relays the finder's question on its own page, which the coordinator answers
    const relay = await reception.post(
      `${workspaceUrl(k.reference)}/finder-relay`,
      { body: '修正版はいつ出ますか' },
      `${workspaceUrl(k.reference)}/finder-relay`,
    );
    assert.equal(relay.status, 303);
    const coordinator = await signedIn(t, b.coordinator.userId);
    assert.equal((await coordinator.get(`${workspaceUrl(k.reference)}/finder-relay`)).status, 403);
    const answer = await coordinator.post(
      `${workspaceUrl(k.reference)}/relay`,
      { body: '来月の予定です' },
      workspaceUrl(k.reference),
    );
    assert.equal(answer.status, 303);
    const seen = await reception.get(`${workspaceUrl(k.reference)}/finder-relay`);
    assert.match(textOf(seen.body), /来月の予定です/);
    // reception staff were told that an answer waits
    const told = await t.ctx.db
      .selectFrom('mail_messages')
      .select('template')
      .where('to_address', '=', b.reception.email)
      .execute();
    assert.ok(told.some((m) => m.template === 'coordination.mail.finderAnswer'));
    // the case page links each body to its side
    assert.match(
      (await coordinator.get(`/cases/${encodeURIComponent(k.reference)}`)).body,
      /\/coordination\/cases\/[^"]+"/,
    );
    assert.match((await reception.get(`/cases/${encodeURIComponent(k.reference)}`)).body, /finder-relay/);
  });

  it('records "no response" for a silent developer, distinct from unknown, and filters the matrix by it', async () => {
    const k = await productCase(t, b);
    for (const d of [a, bDev]) {
      await addParties(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        organizationId: d.organizationId,
      });
    }
    const browser = await signedIn(t, b.coordinator.userId);
    await browser.post(
      `${workspaceUrl(k.reference)}/vulnerabilities`,
      { titleJa: '認証回避', titleEn: 'Authentication bypass', cwe: 'CWE-287' },
      workspaceUrl(k.reference),
    );
    const all = await partiesOf(t.ctx.db, k.caseId);
    const pb = all.find((p) => p.organizationId === bDev.organizationId);
    const v = await t.ctx.db
      .selectFrom('coordination_vulnerabilities')
      .select('id')
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    const before = await footprint(t);
    const bad = await browser.post(
      `${workspaceUrl(k.reference)}/statuses`,
      { partyId: pb!.id, vulnerabilityId: v.id, status: 'probably' },
      workspaceUrl(k.reference),
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(await footprint(t), before);
    const ok = await browser.post(
      `${workspaceUrl(k.reference)}/statuses`,
      { partyId: pb!.id, vulnerabilityId: v.id, status: 'no_response', statement: '電話でも応答なし' },
      workspaceUrl(k.reference),
    );
    assert.equal(ok.status, 303);
    const filtered = await browser.get(`${workspaceUrl(k.reference)}?status=no_response`);
    const matrix = filtered.body.slice(
      filtered.body.indexOf('id="matrix"'),
      filtered.body.indexOf('id="suggestions"') > 0
        ? filtered.body.indexOf('id="suggestions"')
        : filtered.body.indexOf('id="schedule"'),
    );
    assert.match(matrix, /Beta Works/);
    assert.doesNotMatch(matrix, /<th scope="row">Alpha Soft/);
    assert.match(textOf(matrix), /応答なし/);
  });

  it('serves the case as JSON to a coordinator’s token (documented), 403 to a developer’s, without finder data', async () => {
    const k = await productCase(t, b);
    await addParties(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      organizationId: a.organizationId,
    });
    const url = `/api/v1/coordination/cases/${encodeURIComponent(k.reference)}`;
    // staff tokens act only once their owner has a second factor
    await t.ctx.db
      .updateTable('users')
      .set({ totp_enabled_at: t.clock.now() })
      .where('id', '=', b.coordinator.userId)
      .execute();
    const token = async (userId: string) =>
      (await createApiToken(t.ctx, { kind: 'system', label: 'test' }, { userId, name: 'api test' })).token;
    const res = await t.app.inject({
      url,
      headers: { authorization: `Bearer ${await token(b.coordinator.userId)}` },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json() as {
      reference: string;
      parties: { organizationId: string; notifiedAt: string | null }[];
    };
    assert.equal(body.reference, k.reference);
    assert.deepEqual(
      body.parties.map((p) => [p.organizationId, p.notifiedAt]),
      [[a.organizationId, null]],
    );
    for (const s of [FINDER.name, FINDER.email, FINDER.phone]) assert.ok(!res.body.includes(s));
    const dev = await t.app.inject({
      url,
      headers: { authorization: `Bearer ${await token(a.member.userId)}` },
    });
    assert.equal(dev.statusCode, 403);
    assert.equal((await t.app.inject({ url })).statusCode, 401);
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    assert.ok('/api/v1/coordination/cases/{reference}' in spec.paths);
  });

  it('has every string in Japanese and English (no catalog key shows through)', async () => {
    const k = await productCase(t, b);
    for (const d of [a, bDev]) {
      await addParties(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        organizationId: d.organizationId,
      });
    }
    for (const p of await partiesOf(t.ctx.db, k.caseId)) {
      await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: p.id });
    }
    await group(t, `Group ${k.reference}`, [a.organizationId]);
    for (const who of [b.coordinator, b.coordinator2]) {
      const browser = await signedIn(t, who.userId);
      await browser.post(
        `${workspaceUrl(k.reference)}/vulnerabilities`,
        {
          titleJa: 'XSS',
          titleEn: 'XSS',
          cwe: 'CWE-79',
          cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
        },
        workspaceUrl(k.reference),
      );
      await browser.post(
        `${workspaceUrl(k.reference)}/schedule`,
        { publishAt: '2027-02-01T10:00', timeZone: 'Asia/Tokyo', reason: 'x' },
        workspaceUrl(k.reference),
      );
      for (const url of [workspaceUrl(k.reference), '/coordination', '/coordination/csirt-cases/new']) {
        const page = await browser.get(url);
        assert.equal(page.status, 200, url);
        assert.doesNotMatch(
          textOf(page.body),
          /\b(coordination|cases|portal)\.[a-z][A-Za-z_.]+/,
          `${url} (${who.actor.locale})`,
        );
      }
      const bad = await browser.post(
        `${workspaceUrl(k.reference)}/vulnerabilities`,
        { titleJa: '', titleEn: '', cwe: 'x' },
        workspaceUrl(k.reference),
      );
      assert.doesNotMatch(textOf(bad.body), /\b(coordination|errors|validation)\.[a-z][A-Za-z_.]+/);
    }
  });

  it('marks what changed since the coordinator last looked, and records a developer’s first opening once', async () => {
    const k = await productCase(t, b);
    await addParties(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      organizationId: a.organizationId,
    });
    const [party] = await partiesOf(t.ctx.db, k.caseId);
    const browser = await signedIn(t, b.coordinator.userId);
    const first = await browser.get(workspaceUrl(k.reference));
    assert.match(textOf(first.body), /この案件を初めて開きました/);
    t.clock.advance(60_000);
    const opened = await t.ctx.db
      .transaction()
      .execute((trx) => recordPartyOpened(trx, party!.id, t.clock.now()));
    assert.equal(opened, true);
    assert.equal(
      await t.ctx.db.transaction().execute((trx) => recordPartyOpened(trx, party!.id, t.clock.now())),
      false,
    );
    const second = await browser.get(workspaceUrl(k.reference));
    assert.match(textOf(second.body), /前回の閲覧（.+）以降の変更: 1件/);
    assert.match(second.body, /<tr class="changed">/);
    // the new event is listed at the top with the developer it concerns
    const changes = second.body.slice(
      second.body.indexOf('class="what-changed"'),
      second.body.indexOf('id="summary"'),
    );
    assert.match(textOf(changes), /製品開発者が案件を閲覧 — Alpha Soft/);
    const filtered = await browser.get(`${workspaceUrl(k.reference)}?changed=on`);
    assert.equal(filtered.status, 200);
    const third = await browser.get(workspaceUrl(k.reference));
    assert.match(textOf(third.body), /以降の変更: 0件/);
  });
});
