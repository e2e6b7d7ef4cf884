// The website operator's side: the secret link (exchanged for a cookie scoped to its case), an operator account
// (its organization's cases only), the answers (acknowledgement, investigation result, "not a vulnerability" with
// a reason, the completion report with its survey), each stored with an event and a mail to the reception body,
// the leak publication helper, and the finder's identity kept from every operator page unless they consented.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { Browser, textOf } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';
import { as, type Cast, makeCast } from '../screening/testing.js';
import { websiteCasePath } from '../website/views/paths.js';
import { type NotifiedCase, notifiedWebsiteCase, pageDeletionReport, postFields } from './testing.js';

const FINDER = {
  name: '鬼瓦 権三郎',
  email: 'gonzaburo.onigawara@example.jp',
  organization: 'Onigawara Labs',
};
const casePath = (reference: string) => `/operator/cases/${encodeURIComponent(reference)}`;

describe('the website operator answers a notice', () => {
  let t: TestApp;
  let cast: Cast;
  let operatorA: string;
  let operatorB: string;
  let memberA: { userId: string; email: string; password: string };

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T01:00:00Z' });
    cast = await makeCast(t);
    operatorA = await makeOrganization(t.ctx, 'website_operator', 'Sample Shop');
    operatorB = await makeOrganization(t.ctx, 'website_operator', 'Other Site');
    memberA = await makeUser(t.ctx, { organizationId: operatorA, role: 'member' });
  });
  after(() => t.close());

  /** A browser that opened the case's secret link (and so holds its cookie). */
  async function linkHolder(c: NotifiedCase): Promise<Browser> {
    const b = new Browser(t);
    const res = await b.get(`/operator/link/${c.token}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, casePath(c.reference));
    return b;
  }

  const responsesOf = (caseId: string) =>
    t.ctx.db.selectFrom('website_operator_responses').selectAll().where('case_id', '=', caseId).execute();
  const eventsOf = (caseId: string) =>
    t.ctx.db
      .selectFrom('events')
      .select(['type', 'data', 'actor_user_id'])
      .where('stream_type', '=', 'case')
      .where('stream_id', '=', caseId)
      .where('type', 'like', 'website.operator_%')
      .orderBy('id')
      .execute();
  const mailsFor = (caseId: string, template: string) =>
    t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_id', '=', caseId)
      .where('template', '=', `operator.mail.${template}`)
      .execute();
  const websiteRow = (caseId: string) =>
    t.ctx.db.selectFrom('website_cases').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

  it('opens by the secret link: the token leaves the address, the page shows what the notice said and the target dates', async () => {
    const c = await notifiedWebsiteCase(t, cast, { finder: FINDER });
    const b = new Browser(t);
    const landing = await b.get(`/operator/link/${c.token}`);
    assert.equal(landing.statusCode, 303);
    assert.equal(landing.headers.location, casePath(c.reference));
    assert.equal(landing.headers['referrer-policy'], 'no-referrer');
    const cookie = (
      landing.cookies as { name: string; value: string; path?: string; httpOnly?: boolean }[]
    ).find((k) => k.name === 'keikai_operator_link');
    assert.equal(cookie?.path, casePath(c.reference));
    assert.equal(cookie?.httpOnly, true);
    assert.ok(!cookie?.value.includes(c.token), 'the cookie is sealed');

    const page = await b.get(casePath(c.reference));
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, new RegExp(`取扱番号: ${c.reference.replace(/[#]/g, '\\#')}`));
    assert.match(text, /https:\/\/shop\.example\.org\/search/);
    assert.match(text, /SQLインジェクション/);
    assert.match(text, /GET \/search\?q=' or 1=1--/);
    assert.match(text, /受付機関は検証していません/);
    // 20 business days from Thu 2026-11-05 JST (勤労感謝の日 11/23 skipped); 3 months
    assert.match(text, /2026-12-04/);
    assert.match(text, /2027-02-05/);
    assert.doesNotMatch(page.body, /鬼瓦|gonzaburo|Onigawara/);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', c.caseId)
      .where('action', 'in', ['operator.link_opened', 'operator.case_read'])
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['operator.case_read', 'operator.link_opened']);
    assert.ok(audit.every((a) => a.actor_label === `link:website_case:${c.caseId}`));
  });

  it('opened from another site, the link only shows its handling number and a button that exchanges it here', async () => {
    const c = await notifiedWebsiteCase(t, cast, { finder: FINDER });
    const cookieOf = (res: { cookies: unknown }) =>
      (res.cookies as { name: string }[]).find((k) => k.name === 'keikai_operator_link');
    for (const site of ['cross-site', 'same-site']) {
      const b = new Browser(t);
      const landing = await b.get(`/operator/link/${c.token}`, { 'sec-fetch-site': site });
      assert.equal(landing.statusCode, 200, site);
      assert.equal(cookieOf(landing), undefined, 'no cookie from a navigation another site started');
      assert.equal(landing.headers['referrer-policy'], 'no-referrer');
      assert.match(textOf(landing.body), new RegExp(c.reference.replace('#', '\\#')));
      assert.match(textOf(landing.body), /ほかのサイトから開かれました/);
      assert.doesNotMatch(landing.body, /shop\.example\.org|SQL|鬼瓦/, 'nothing of the case but its number');
      assert.equal((await b.get(casePath(c.reference))).headers.location?.startsWith('/login'), true);
      // another site's form cannot press the button: it has no CSRF token of this browser
      const forged = await b.post(`/operator/link/${c.token}`, {}, { csrf: false });
      assert.equal(forged.statusCode, 403);
      assert.equal(cookieOf(forged), undefined);
      const pressed = await b.post(`/operator/link/${c.token}`);
      assert.equal(pressed.statusCode, 303);
      assert.equal(pressed.headers.location, casePath(c.reference));
      assert.ok(cookieOf(pressed));
      assert.equal((await b.get(casePath(c.reference))).statusCode, 200);
    }
    // the browser's own navigations (typed, a desktop mail client, this site's pages) go straight in
    for (const site of ['none', 'same-origin']) {
      const res = await new Browser(t).get(`/operator/link/${c.token}`, { 'sec-fetch-site': site });
      assert.equal(res.statusCode, 303, site);
    }
    const other = new Browser(t);
    assert.equal(
      (await other.get(`/operator/link/${'x'.repeat(43)}`, { 'sec-fetch-site': 'cross-site' })).statusCode,
      404,
    );
    assert.equal((await other.post(`/operator/link/${'x'.repeat(43)}`)).statusCode, 404);
  });

  it('answers 404 to a wrong or replaced token', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = new Browser(t);
    assert.equal((await b.get(`/operator/link/${'x'.repeat(43)}`)).statusCode, 404);
    assert.equal((await b.get('/operator/link/short')).statusCode, 404);
    await t.ctx.db
      .updateTable('website_cases')
      .set({ operator_link_revoked_at: t.clock.now() })
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal((await b.get(`/operator/link/${c.token}`)).statusCode, 404);
  });

  it('a link holder acknowledges and reports its investigation: rows, events and a mail to the reception body', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    const ack = await b.post(`${casePath(c.reference)}/acknowledge`);
    assert.equal(ack.statusCode, 303);
    assert.equal(
      (await b.post(`${casePath(c.reference)}/acknowledge`)).headers.location
        ?.toString()
        .endsWith('notice=alreadyAcknowledged'),
      true,
    );
    t.clock.advance(60_000); // answers are listed in the order they came
    const inv = await b.post(`${casePath(c.reference)}/investigation`, {
      finding: 'vulnerable',
      body: '検索機能でSQLインジェクションを確認しました。12月中に修正します。',
    });
    assert.equal(inv.statusCode, 303);

    const responses = await responsesOf(c.caseId);
    assert.deepEqual(
      responses.map((r) => [r.kind, r.finding, r.via, r.user_id]),
      [
        ['acknowledged', null, 'link', null],
        ['investigation_result', 'vulnerable', 'link', null],
      ],
    );
    const w = await websiteRow(c.caseId);
    assert.ok(w.acknowledged_at);
    assert.equal(w.investigation_finding, 'vulnerable');
    assert.deepEqual(
      (await eventsOf(c.caseId)).map((e) => e.type),
      ['website.operator_acknowledged', 'website.operator_investigation_reported'],
    );
    const [mail] = await mailsFor(c.caseId, 'investigation');
    assert.ok(mail);
    assert.ok(mail.subject.startsWith(`[${c.reference}]`), mail.subject);
    assert.match(mail.body_text, /問題があることを確認した/);
    assert.ok(
      mail.body_text.includes(`/website/cases/${encodeURIComponent(c.reference)}`),
      'links the staff page',
    );
    // the operator's own words stay on the case page, out of the mail
    assert.doesNotMatch(mail.body_text, /検索機能でSQL/);
    assert.equal((await mailsFor(c.caseId, 'acknowledged')).length >= 1, true);

    const page = textOf((await b.get(`${casePath(c.reference)}?notice=investigation`)).body);
    assert.match(page, /調査結果を受付機関に送りました/);
    assert.match(page, /12月中に修正します/);
  });

  it('a link holder cannot read or answer another case: 404, nothing changed', async () => {
    const mine = await notifiedWebsiteCase(t, cast);
    const other = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(mine);
    assert.equal((await b.get(casePath(other.reference))).statusCode, 404);
    assert.equal((await b.post(`${casePath(other.reference)}/acknowledge`)).statusCode, 404);
    assert.equal(
      (await b.post(`${casePath(other.reference)}/not-vulnerability`, { reason: 'ただの仕様です' }))
        .statusCode,
      404,
    );
    assert.equal(
      (await postFields(b, `${casePath(other.reference)}/completion`, pageDeletionReport())).statusCode,
      404,
    );
    assert.equal((await responsesOf(other.caseId)).length, 0);
    assert.equal((await eventsOf(other.caseId)).length, 0);
    assert.equal((await websiteRow(other.caseId)).acknowledged_at, null);
    const reports = await t.ctx.db
      .selectFrom('website_completion_reports')
      .select('id')
      .where('case_id', '=', other.caseId)
      .execute();
    assert.equal(reports.length, 0);
  });

  it('sends anyone without a link or an account to log in', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = new Browser(t);
    const page = await b.get(casePath(c.reference));
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /^\/login\?returnTo=/);
    assert.match(String((await b.get('/operator')).headers.location), /^\/login/);
    assert.match(String((await b.post(`${casePath(c.reference)}/acknowledge`)).headers.location), /^\/login/);
    assert.equal((await responsesOf(c.caseId)).length, 0);
  });

  it('an operator account sees its own organization’s cases only', async () => {
    const ours = await notifiedWebsiteCase(t, cast, {
      operatorOrganizationId: operatorA,
      siteUrl: 'https://a.example.org/',
    });
    const theirs = await notifiedWebsiteCase(t, cast, {
      operatorOrganizationId: operatorB,
      siteUrl: 'https://b.example.org/',
    });
    const b = await signIn(t, memberA.email, memberA.password);
    const list = await b.get('/operator');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<a href="\/operator" aria-current="page">通知を受けた案件<\/a>/);
    assert.match(list.body, new RegExp(`href="${casePath(ours.reference)}"`));
    assert.doesNotMatch(list.body, new RegExp(`href="${casePath(theirs.reference)}"`));
    assert.match(textOf(list.body), /a\.example\.org/);
    assert.doesNotMatch(list.body, /b\.example\.org/);
    assert.equal((await b.get(casePath(ours.reference))).statusCode, 200);
    assert.equal((await b.get(casePath(theirs.reference))).statusCode, 404);
    assert.equal((await b.post(`${casePath(theirs.reference)}/acknowledge`)).statusCode, 404);
    assert.equal((await b.post(`${casePath(ours.reference)}/acknowledge`)).statusCode, 303);
    const [r] = await responsesOf(ours.caseId);
    assert.equal(r?.via, 'account');
    assert.equal(r?.user_id, memberA.userId);
    assert.equal((await responsesOf(theirs.caseId)).length, 0);
    // staff have no operator pages
    const staff = await signIn(t, cast.receptionLead.email, cast.receptionLead.password);
    const forbidden = await staff.get('/operator');
    assert.equal(forbidden.statusCode, 403);
    assert.doesNotMatch(forbidden.body, /href="\/operator"/);
    assert.equal((await staff.get(casePath(ours.reference))).statusCode, 404);
  });

  it('stores a completion report by page deletion with its survey and mails the reception body', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    const form = await b.get(`${casePath(c.reference)}/completion`);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(form.body), /問1（ア）/);
    const res = await postFields(b, `${casePath(c.reference)}/completion`, pageDeletionReport());
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${casePath(c.reference)}?notice=completed`);
    const row = await t.ctx.db
      .selectFrom('website_completion_reports')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(row.action, 'page_deleted');
    assert.equal(row.via, 'link');
    assert.deepEqual(row.cause_basis, ['design', 'other']);
    assert.deepEqual(row.cause_detail, ['input_check_sql']);
    assert.equal(row.cause_other, '外部委託先の改修時の確認漏れ');
    assert.deepEqual(row.damage_actual, ['none']);
    assert.deepEqual(row.damage_potential, ['personal_data_leak', 'tampering']);
    assert.equal(row.personal_data_leak, false);
    assert.equal(row.wants_fix_confirmation, false);
    assert.equal(row.next_contact, 'this_address');
    assert.equal(row.next_contact_email, 'security@shop.example.org');
    assert.equal(row.reporter_name, '佐藤 花子');
    const [event] = (await eventsOf(c.caseId)).filter(
      (e) => e.type === 'website.operator_completion_reported',
    );
    assert.equal((event?.data as { action?: string } | undefined)?.action, 'page_deleted');
    const mails = await mailsFor(c.caseId, 'completion');
    assert.ok(mails.length >= 1);
    assert.ok(mails[0]?.subject.startsWith(`[${c.reference}]`));
    assert.match(mails[0]?.body_text ?? '', /該当ページを削除した/);
    // the case stays open until the reception body records the outcome
    assert.equal((await websiteRow(c.caseId)).outcome, null);
  });

  it('refuses a completion report that breaks the rules, keeps what was typed and stores nothing', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    const res = await postFields(
      b,
      `${casePath(c.reference)}/completion`,
      pageDeletionReport({
        wantsConfirmation: 'on',
        damageActual: ['none', 'personal_data_leak'],
        causeBasis: [],
        nextEmail: '',
        whatDone: '削除の詳細 <b>typed</b>',
      }).filter(([k]) => k !== 'causeBasis'),
    );
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /確認作業への同意が必要です/);
    assert.match(text, /「被害はなかった」は、ほかの被害と同時に選べません/);
    assert.match(text, /漏えいした情報の種類を入力してください/);
    assert.match(text, /連絡先のメールアドレスを入力してください/);
    assert.match(text, /一つ以上選んでください/);
    assert.match(res.body, /削除の詳細 &lt;b>typed&lt;\/b>/);
    assert.match(res.body, /id="damagePotential-tampering"[^>]*checked/);
    const reports = await t.ctx.db
      .selectFrom('website_completion_reports')
      .select('id')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal(reports.length, 0);
    assert.equal((await eventsOf(c.caseId)).length, 0);
    assert.equal((await mailsFor(c.caseId, 'completion')).length, 0);
  });

  it('refuses "not a vulnerability" without a reason (nothing changed), accepts it with one', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    const refused = await b.post(`${casePath(c.reference)}/not-vulnerability`, { reason: '   ' });
    assert.equal(refused.statusCode, 400);
    assert.match(textOf(refused.body), /理由を入力してください/);
    assert.equal((await responsesOf(c.caseId)).length, 0);
    assert.equal((await eventsOf(c.caseId)).length, 0);
    assert.equal((await websiteRow(c.caseId)).not_vulnerability_reported_at, null);
    assert.equal((await mailsFor(c.caseId, 'notVulnerability')).length, 0);

    const en = new Browser(t, { acceptLanguage: 'en' });
    await en.get(`/operator/link/${c.token}`);
    const refusedEn = await en.post(`${casePath(c.reference)}/investigation`, { body: 'we looked' });
    assert.equal(refusedEn.statusCode, 400);
    assert.match(textOf(refusedEn.body), /Choose the result\./);
    assert.match(refusedEn.body, />we looked</);

    const ok = await b.post(`${casePath(c.reference)}/not-vulnerability`, {
      reason: 'The parameter is bound; the reported string is echoed in a log only.',
    });
    assert.equal(ok.statusCode, 303);
    const [r] = await responsesOf(c.caseId);
    assert.equal(r?.kind, 'not_vulnerability');
    assert.match(r?.body ?? '', /bound/);
    assert.ok((await websiteRow(c.caseId)).not_vulnerability_reported_at);
    assert.equal((await mailsFor(c.caseId, 'notVulnerability')).length >= 1, true);
  });

  it('refuses answers on a closed case (409) and writes nothing', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    await t.ctx.db
      .updateTable('website_cases')
      .set({ stage: 'closed', outcome: 'stopped_after_alert', closed_at: t.clock.now() })
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal((await b.post(`${casePath(c.reference)}/acknowledge`)).statusCode, 409);
    assert.equal(
      (await postFields(b, `${casePath(c.reference)}/completion`, pageDeletionReport())).statusCode,
      409,
    );
    assert.equal((await responsesOf(c.caseId)).length, 0);
    const page = await b.get(casePath(c.reference));
    assert.match(textOf(page.body), /この案件の対応は終了しています/);
    assert.doesNotMatch(page.body, /action="[^"]*\/acknowledge"/);
  });

  it('helps publish a personal-data leak: draft saved, previews in Japanese and English, published URL mailed', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    // before any leak is reported there is nothing to publish
    assert.match(
      textOf((await b.get(`${casePath(c.reference)}/leak`)).body),
      /個人情報の漏えいは報告されていません/,
    );
    assert.equal((await b.post(`${casePath(c.reference)}/leak`, { overview: 'x' })).statusCode, 409);

    const res = await postFields(
      b,
      `${casePath(c.reference)}/completion`,
      pageDeletionReport({
        action: 'fixed',
        damageActual: ['personal_data_leak'],
        leakedKinds: '氏名、メールアドレス',
        wantsConfirmation: 'on',
        consent: 'on',
      }),
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${casePath(c.reference)}/leak?notice=completed`);
    const report = await t.ctx.db
      .selectFrom('website_completion_reports')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(report.personal_data_leak, true);
    assert.equal(report.wants_fix_confirmation, true);
    assert.equal(report.fix_confirmation_consent, true);

    const helper = await b.get(`${casePath(c.reference)}/leak?notice=completed`);
    assert.equal(helper.statusCode, 200);
    assert.match(textOf(helper.body), /修正完了報告を受付機関に送りました/);
    assert.match(textOf(helper.body), /二次被害の防止/);
    // prefilled from the completion report
    assert.match(helper.body, /氏名、メールアドレス<\/textarea>/);
    assert.match(helper.body, /security@shop\.example\.org/);

    const badUrl = await b.post(`${casePath(c.reference)}/leak`, {
      overview: '概要です',
      publishedUrl: 'javascript:alert(1)',
    });
    assert.equal(badUrl.statusCode, 400);
    assert.match(badUrl.body, /概要です/);

    const saved = await b.post(`${casePath(c.reference)}/leak`, {
      overview: '会員情報が閲覧された可能性があります。',
      period: '2026-09-01〜2026-10-15',
      peopleCount: '約1,200件',
      dataKinds: '氏名、メールアドレス',
      cause: '検索機能の入力チェックの不備',
      contact: 'privacy@shop.example.org',
      publishedUrl: '',
    });
    assert.equal(saved.statusCode, 303);
    const draft = await t.ctx.db
      .selectFrom('website_leak_publications')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(draft.people_count, '約1,200件');
    assert.equal(draft.published_at, null);
    assert.equal(draft.updated_via, 'link');
    assert.equal((await mailsFor(c.caseId, 'leakPublished')).length, 0);

    const preview = textOf((await b.get(`${casePath(c.reference)}/leak`)).body);
    assert.match(preview, /個人情報の漏えいに関するお知らせ/);
    assert.match(preview, /Notice of a leak of personal information/);
    assert.match(preview, /3\. Number of records presumed leaked 約1,200件/);
    const plain = await b.get(`${casePath(c.reference)}/leak/notice.txt?lang=en`);
    assert.equal(plain.statusCode, 200);
    assert.match(String(plain.headers['content-type']), /^text\/plain/);
    assert.match(plain.body, /^Notice of a leak of personal information\n/);
    assert.match(plain.body, /6\. Contact for inquiries\nprivacy@shop\.example\.org\n$/);

    await b.post(`${casePath(c.reference)}/leak`, {
      overview: '会員情報が閲覧された可能性があります。',
      publishedUrl: 'https://shop.example.org/news/2026-12-01',
    });
    const published = await t.ctx.db
      .selectFrom('website_leak_publications')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.ok(published.published_at);
    const mails = await mailsFor(c.caseId, 'leakPublished');
    assert.ok(mails.length >= 1);
    assert.match(mails[0]?.body_text ?? '', /news\/2026-12-01/);
    assert.deepEqual(
      (await eventsOf(c.caseId)).map((e) => e.type).filter((x) => x.includes('leak')),
      ['website.operator_leak_publication_saved', 'website.operator_leak_publication_saved'],
    );
  });

  it('never shows the finder on any operator page unless they consented, and then only the name', async () => {
    const hidden = await notifiedWebsiteCase(t, cast, { finder: FINDER, operatorOrganizationId: operatorA });
    const shown = await notifiedWebsiteCase(t, cast, { finder: FINDER, identityToOperator: true });
    const b = await linkHolder(hidden);
    await postFields(
      b,
      `${casePath(hidden.reference)}/completion`,
      pageDeletionReport({ damageActual: ['personal_data_leak'], leakedKinds: '氏名' }),
    );
    await b.post(`${casePath(hidden.reference)}/leak`, { overview: '概要' });
    const member = await signIn(t, memberA.email, memberA.password);
    const pages = [
      await b.get(casePath(hidden.reference)),
      await b.get(`${casePath(hidden.reference)}/completion`),
      await b.get(`${casePath(hidden.reference)}/leak`),
      await b.get(`${casePath(hidden.reference)}/leak/notice.txt?lang=ja`),
      await member.get('/operator'),
      await member.get(casePath(hidden.reference)),
    ];
    for (const p of pages) {
      assert.equal(p.statusCode, 200);
      assert.doesNotMatch(p.body, /鬼瓦|権三郎|gonzaburo|Onigawara/);
    }
    assert.match(textOf(pages[0]?.body ?? ''), /発見者の同意がないため/);

    const consented = await linkHolder(shown);
    const page = await consented.get(casePath(shown.reference));
    assert.match(textOf(page.body), /鬼瓦 権三郎/);
    assert.match(textOf(page.body), /Onigawara Labs/);
    assert.doesNotMatch(page.body, /gonzaburo/);
  });

  it('after the case is closed, the link still reads it and saves the leak draft (answers refused), for 90 days', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    const reported = await postFields(
      b,
      `${casePath(c.reference)}/completion`,
      pageDeletionReport({ damageActual: ['personal_data_leak'], leakedKinds: '氏名' }),
    );
    assert.equal(reported.statusCode, 303);
    const staff = await as(t, cast.receptionLead);
    const closed = await staff.post(`${websiteCasePath(c.reference)}/close`, {
      outcome: 'fixed',
      fixAction: 'page_deleted',
      reason: '検索ページの削除を確認しました。',
    });
    assert.equal(closed.statusCode, 303);
    const w = await websiteRow(c.caseId);
    assert.equal(w.outcome, 'fixed');
    assert.equal(w.operator_link_revoked_at, null);
    const closedAt = w.closed_at?.getTime() ?? 0;
    assert.equal(w.operator_link_expires_at?.getTime(), closedAt + 90 * 86_400_000);

    // both the browser that opened it before and a fresh one opening the mail's link again
    for (const holder of [b, await linkHolder(c)]) {
      const page = await holder.get(casePath(c.reference));
      assert.equal(page.statusCode, 200);
      assert.match(textOf(page.body), /この案件の対応は終了しています/);
      assert.match(
        textOf(page.body),
        /このリンクは \S+ \S+ JST.* まで、案件の閲覧と個人情報漏えいの公表内容の作成に使えます/,
      );
      assert.equal((await holder.get(`${casePath(c.reference)}/leak`)).statusCode, 200);
      const saved = await holder.post(`${casePath(c.reference)}/leak`, { overview: '閉鎖後に書いた概要' });
      assert.equal(saved.statusCode, 303);
      assert.equal((await holder.post(`${casePath(c.reference)}/acknowledge`)).statusCode, 409);
    }
    const draft = await t.ctx.db
      .selectFrom('website_leak_publications')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(draft.overview, '閉鎖後に書いた概要');
    assert.equal(draft.updated_via, 'link');

    const before = t.clock.now();
    try {
      t.clock.set(new Date(closedAt + 90 * 86_400_000 - 1000));
      assert.equal(
        (await new Browser(t).get(`/operator/link/${c.token}`)).statusCode,
        303,
        'a second before',
      );
      t.clock.set(new Date(closedAt + 90 * 86_400_000));
      assert.equal((await new Browser(t).get(`/operator/link/${c.token}`)).statusCode, 404);
      // the browser that holds the link's cookie is no longer let in either
      assert.notEqual((await b.get(casePath(c.reference))).statusCode, 200);
      const late = await b.post(`${casePath(c.reference)}/leak`, { overview: '期限後' });
      assert.match(String(late.headers.location), /^\/login/, 'sent to log in');
      const kept = await t.ctx.db
        .selectFrom('website_leak_publications')
        .select('overview')
        .where('case_id', '=', c.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(kept.overview, '閉鎖後に書いた概要');
    } finally {
      t.clock.set(before);
    }
  });

  it('ends the link at once when the case moves to the product track', async () => {
    const c = await notifiedWebsiteCase(t, cast);
    const b = await linkHolder(c);
    const staff = await as(t, cast.receptionLead);
    const moved = await staff.post(`${websiteCasePath(c.reference)}/reclassify`, {
      message: 'CMS 製品の脆弱性が原因のため、製品として扱います。',
    });
    assert.equal(moved.statusCode, 303);
    assert.equal((await new Browser(t).get(`/operator/link/${c.token}`)).statusCode, 404);
    assert.notEqual((await b.get(casePath(c.reference))).statusCode, 200);
    assert.notEqual((await b.get(`${casePath(c.reference)}/leak`)).statusCode, 200);
  });
});
