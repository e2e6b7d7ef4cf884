// The audit trail browser and its CSV: leads and admins only, filters (dates in the viewer's zone), pages,
// the chain's state, formula-safe CSV, and the reading itself recorded.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { audit } from '../../platform/audit.js';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { TestBrowser, textOf } from '../../testing/browser.js';
import { superuserClient } from '../../testing/database.js';
import { signedIn } from '../../testing/login.js';

/** Appends an entry at a chosen time, keeping the chain whole (what the trigger does, with our `at`). */
async function entryAt(t: TestApp, at: string, action: string) {
  const su = await superuserClient(t.database.name);
  try {
    await su.query('set session_replication_role = replica');
    await su.query(
      `insert into audit_log (seq, at, actor_user_id, actor_label, action, subject_type, subject_id, ip, detail,
                              prev_hash, hash)
       select l.seq + 1, $1::timestamptz, null, 'system:dated', $2, null, null, null, '{}'::jsonb, l.hash,
              audit_row_digest(l.hash, l.seq + 1, $1::timestamptz, null, 'system:dated', $2, null, null, null,
                               '{}'::jsonb)
       from (select seq, hash from audit_log order by seq desc limit 1) l`,
      [at, action],
    );
  } finally {
    await su.end();
  }
}

describe('audit trail pages', () => {
  let t: TestApp;
  const u = { admin: '', lead: '', handler: '', orgAdmin: '', utcLead: '', coordinationLead: '' };
  let vendor = '';

  before(async () => {
    t = await startTestApp();
    const reception = await makeOrganization(t.ctx, 'reception_body');
    vendor = await makeOrganization(t.ctx, 'product_developer', 'Formula Vendor');
    u.admin = (
      await makeUser(t.ctx, { organizationId: reception, role: 'admin', email: 'boss@audit.test' })
    ).userId;
    u.lead = (
      await makeUser(t.ctx, { organizationId: reception, role: 'lead', email: 'lead@audit.test' })
    ).userId;
    u.handler = (await makeUser(t.ctx, { organizationId: reception, role: 'handler' })).userId;
    u.orgAdmin = (await makeUser(t.ctx, { organizationId: vendor, role: 'org_admin' })).userId;
    u.utcLead = (await makeUser(t.ctx, { organizationId: reception, role: 'lead' })).userId;
    await t.ctx.db.updateTable('users').set({ time_zone: 'UTC' }).where('id', '=', u.utcLead).execute();
    const coordination = await makeOrganization(t.ctx, 'coordination_body');
    u.coordinationLead = (await makeUser(t.ctx, { organizationId: coordination, role: 'lead' })).userId;
  });
  after(() => t.close());

  it('is for staff leads and admins; others get 403, anonymous visitors the login page', async () => {
    const anon = await new TestBrowser(t).get('/admin/audit');
    assert.equal(anon.status, 303);
    assert.equal(anon.headers.location, '/login?returnTo=%2Fadmin%2Faudit');
    assert.equal((await new TestBrowser(t).get('/admin/audit.csv')).status, 303);
    for (const who of [u.handler, u.orgAdmin]) {
      const b = await signedIn(t, who);
      assert.equal((await b.get('/admin/audit')).status, 403);
      assert.equal((await b.get('/admin/audit.csv')).status, 403);
    }
    assert.equal((await (await signedIn(t, u.lead)).get('/admin/audit')).status, 200);
  });

  it('shows entries newest first with an intact chain, and records the reading with its filters', async () => {
    const lead = await signedIn(t, u.lead);
    const page = await lead.get('/admin/audit?action=organization.');
    assert.equal(page.status, 200);
    assert.match(page.body, /監査証跡の連鎖は完全です（\d+ 件を検証しました）。/);
    assert.match(page.body, /<caption>監査証跡（新しい順）<\/caption>/);
    const seqs = [...page.body.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    assert.equal(seqs.length, 3, 'the three organizations created');
    assert.ok(seqs[0]! > seqs[1]!);
    assert.match(page.body, new RegExp(`href="/admin/organizations/${vendor}"`));
    const read = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('action', '=', 'audit.read')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(read.actor_user_id, u.lead);
    assert.deepEqual(read.detail, { filters: { action: 'organization.' }, format: 'html' });
  });

  it('filters by actor substring, action prefix, and subject type and id', async () => {
    const lead = await signedIn(t, u.lead);
    await audit(t.ctx.db, {
      actor: { kind: 'system', label: 'filter-test' },
      action: 'report.accepted',
      subject: { type: 'report', id: 'R-100%' },
    });
    const byActor = await lead.get('/admin/audit?actor=FILTER-TEST');
    assert.match(textOf(byActor.body), /system:filter-test report\.accepted report R-100%/);
    assert.doesNotMatch(byActor.body, /organization\.created/);
    const byPrefix = await lead.get('/admin/audit?action=report.');
    assert.match(byPrefix.body, /report\.accepted/);
    assert.match((await lead.get('/admin/audit?action=accepted')).body, /該当する記録はありません。/);
    // % and _ are taken literally
    assert.match((await lead.get('/admin/audit?actor=%25')).body, /該当する記録はありません。/);
    const bySubject = await lead.get('/admin/audit?subjectType=report&subjectId=R-100%25');
    assert.match(bySubject.body, /report\.accepted/);
    assert.match(
      (await lead.get('/admin/audit?subjectType=report&subjectId=R-1')).body,
      /該当する記録はありません。/,
    );
  });

  it("takes dates as whole days in the viewer's time zone", async () => {
    await entryAt(t, '2026-01-01T14:30:00Z', 'dated.late_jan1_utc'); // 2026-01-01 23:30 JST
    await entryAt(t, '2026-01-01T15:30:00Z', 'dated.early_jan2_jst'); // 2026-01-02 00:30 JST
    const tokyo = await signedIn(t, u.lead);
    const jan2 = await tokyo.get('/admin/audit?action=dated.&from=2026-01-02&to=2026-01-02');
    assert.match(jan2.body, /dated\.early_jan2_jst/);
    assert.doesNotMatch(jan2.body, /dated\.late_jan1_utc/);
    assert.match(jan2.body, /2026-01-02 00:30 JST \(UTC\+09:00\)/);
    const utc = await signedIn(t, u.utcLead);
    const jan1 = await utc.get('/admin/audit?action=dated.&from=2026-01-01&to=2026-01-01');
    assert.match(jan1.body, /dated\.early_jan2_jst/);
    assert.match(jan1.body, /dated\.late_jan1_utc/);
    assert.match(jan1.body, /2026-01-01 15:30 UTC \(UTC\+00:00\)/);

    const bad = await tokyo.get('/admin/audit?from=2026-02-30&to=2026-01-01');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /日付は YYYY-MM-DD の形式で入力してください。/);
    assert.match(bad.body, /value="2026-02-30"/);
  });

  it('pages 50 entries at a time by sequence number, forwards and back', async () => {
    for (let i = 0; i < 60; i++) {
      await audit(t.ctx.db, { actor: { kind: 'system', label: 'pager' }, action: `paging.entry_${i}` });
    }
    const lead = await signedIn(t, u.lead);
    const numbers = (html: string) => [...html.matchAll(/paging\.entry_(\d+)/g)].map((m) => Number(m[1]));
    const first = await lead.get('/admin/audit?actor=pager');
    assert.deepEqual(
      numbers(first.body),
      Array.from({ length: 50 }, (_, i) => 59 - i),
    );
    assert.doesNotMatch(first.body, /rel="prev"/);
    const older = /href="([^"]+)" rel="next"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    assert.match(older, /actor=pager&before=\d+/);
    const second = await lead.get(older);
    assert.deepEqual(numbers(second.body), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    assert.doesNotMatch(second.body, /rel="next"/);
    const newer = /href="([^"]+)" rel="prev"/.exec(second.body)![1]!.replace(/&amp;/g, '&');
    assert.deepEqual(
      numbers((await lead.get(newer)).body),
      Array.from({ length: 50 }, (_, i) => 59 - i),
    );
  });

  it('downloads the filtered entries as CSV, with formulas neutralised, and records the export', async () => {
    await audit(t.ctx.db, {
      actor: { kind: 'system', label: 'csv' },
      action: '=HYPERLINK("http://evil.example","click")',
      subject: { type: '@SUM(A1)', id: '-2+3' },
      detail: { note: '+cmd' },
    });
    const admin = await signedIn(t, u.admin);
    const res = await admin.get('/admin/audit.csv?actor=system:csv');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="audit-\d{8}-\d{4}\.csv"$/,
    );
    assert.ok(res.body.startsWith('\uFEFFseq,at_utc,at_local,actor_label,'));
    const lines = res.body.slice(1).split('\r\n').filter(Boolean);
    assert.equal(lines.length, 2, 'the header and the one entry');
    const row = lines[1]!;
    assert.match(row, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",/);
    assert.match(row, /,'@SUM\(A1\),'-2\+3,/);
    assert.match(row, /,"\{""note"":""\+cmd""\}",/);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('action', '=', 'audit.read')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_user_id, u.admin);
    assert.deepEqual(entry.detail, { filters: { actor: 'system:csv' }, format: 'csv' });
    const page = await admin.get('/admin/audit?actor=system:csv');
    assert.match(page.body, /href="\/admin\/audit\.csv\?actor=system%3Acsv"/);
  });

  it('shows who a finder is to the reception body only', async () => {
    const finder = await makeUser(t.ctx, {
      organizationId: null,
      role: 'finder',
      email: 'whistle@finder.test',
    });
    const finderActor = {
      kind: 'user' as const,
      userId: finder.userId,
      email: finder.email,
      displayName: 'F',
      role: 'finder' as const,
      organizationId: null,
      organizationType: null,
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      via: 'session' as const,
    };
    await audit(t.ctx.db, { actor: finderActor, action: 'secret.finder_acted', ip: '203.0.113.7' });
    await audit(t.ctx.db, {
      actor: { kind: 'anonymous' },
      action: 'secret.anonymous_acted',
      ip: '203.0.113.8',
    });
    const reception = await signedIn(t, u.lead);
    const seen = await reception.get('/admin/audit?action=secret.');
    assert.match(seen.body, /whistle@finder\.test/);
    assert.match(seen.body, /203\.0\.113\.7/);
    assert.match(seen.body, /203\.0\.113\.8/);
    await reception.get('/admin/audit?actor=whistle');

    const coordination = await signedIn(t, u.coordinationLead);
    const hidden = await coordination.get('/admin/audit?action=secret.');
    assert.equal(hidden.status, 200);
    assert.match(hidden.body, /secret\.finder_acted/);
    assert.match(hidden.body, /発見者（受付機関以外には表示しません）/);
    assert.doesNotMatch(hidden.body, /whistle|203\.0\.113\.[78]|${finder.userId}/);
    assert.match((await coordination.get('/admin/audit?actor=whistle')).body, /該当する記録はありません。/);
    // nor can the reception lead's search for that finder be read back
    const reads = await coordination.get('/admin/audit?action=audit.read');
    assert.doesNotMatch(reads.body, /whistle/);
    assert.match(reads.body, /&quot;actor&quot;:&quot;\*\*\*&quot;|"actor":"\*\*\*"/);
    const csv = await coordination.get('/admin/audit.csv?action=secret.');
    assert.doesNotMatch(csv.body, /whistle|203\.0\.113/);
    assert.match(csv.body, /発見者（受付機関以外には表示しません）/);
  });

  it('says where the chain is broken when an entry was altered', async () => {
    const su = await superuserClient(t.database.name);
    try {
      await su.query('set session_replication_role = replica');
      await su.query(`update audit_log set actor_label = 'someone else' where seq = 2`);
    } finally {
      await su.end();
    }
    const page = await (await signedIn(t, u.lead)).get('/admin/audit');
    assert.equal(page.status, 200);
    assert.match(page.body, /role="alert"/);
    assert.match(page.body, /監査証跡の連鎖が記録 #2 で途切れています: 記録の内容が変更されています/);
  });
});
