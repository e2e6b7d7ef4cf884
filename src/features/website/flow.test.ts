// The website track end to end over HTTP (issue 6, "how it is checked"): a finder reports a website flaw, the
// reception body accepts it, discovers the contact from a security.txt on a loopback test site, sends both
// notices; the operator opens the link from the mail and reports a fix by page deletion with the survey; the
// reception body closes the case as fixed and the finder is told — the operator never learning who the finder is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../platform/outbound/testing.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { Browser, textOf } from '../../testing/browser.js';
import { FINDER, submit, websiteReport } from '../../testing/reports.js';
import { pageDeletionReport, postFields } from '../operator/testing.js';
import { as, type Cast, makeCast, postDecision } from '../screening/testing.js';
import { caseIdOf, mailOfCase } from './testing.js';
import { websiteCasePath } from './views/paths.js';

describe('a website report from the finder to the fix', () => {
  let t: TestApp;
  let cast: Cast;
  let site: TestServer;

  before(async () => {
    site = await startTestServer((req, res) => {
      if (req.url === '/.well-known/security.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(
          'Contact: mailto:psirt@shop.example.org\nExpires: 2030-12-31T00:00:00Z\nPreferred-Languages: ja, en\n',
        );
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    t = await startTestApp({
      now: '2026-11-02T01:00:00Z',
      env: { KEIKAI_OUTBOUND_ALLOW_HOSTS: site.hostPort },
    });
    cast = await makeCast(t);
  });
  after(async () => {
    await t.close();
    await site.close();
  });

  it('goes from report to notices to a completion report to the finder being told', async () => {
    const report = await submit(t, websiteReport({ siteUrl: `${site.origin}/search?q=1` }));
    const lead = await as(t, cast.receptionLead);
    assert.equal((await postDecision(lead, report.trackingNumber, 'accept')).statusCode, 303);
    const reference = report.trackingNumber;
    const caseId = await caseIdOf(t, reference);
    const path = websiteCasePath(reference);

    // the generic case page leads to the website page
    const generic = await lead.get(`/cases/${encodeURIComponent(reference)}`);
    assert.match(generic.body, new RegExp(`href="${path.replace(/[#%]/g, (c) => `\\${c}`)}"`));

    assert.equal((await lead.post(`${path}/discover`, {})).statusCode, 303);
    assert.match(textOf((await lead.get(path)).body), /psirt@shop\.example\.org/);
    assert.equal(
      (
        await lead.post(`${path}/contact`, {
          source: 'security_txt',
          email: 'psirt@shop.example.org',
          locale: 'ja',
        })
      ).statusCode,
      303,
    );
    assert.equal((await lead.post(`${path}/notices`, { kind: 'contact_request' })).statusCode, 303);
    assert.equal((await lead.post(`${path}/notices`, { kind: 'details' })).statusCode, 303);
    const [first, details] = await mailOfCase(t, caseId);
    assert.equal(first?.to_address, 'psirt@shop.example.org');
    assert.ok(first?.subject.startsWith(`[${reference}] `));
    assert.ok(details?.subject.startsWith(`[${reference}] `));
    const token = /\/operator\/link\/([A-Za-z0-9_-]+)/.exec(details?.body_text ?? '')?.[1];
    assert.ok(token, 'the details carry the link');

    // the operator, with nothing but the link
    const operator = new Browser(t);
    const landing = await operator.get(`/operator/link/${token}`);
    assert.equal(landing.statusCode, 303);
    const operatorPage = await operator.get(String(landing.headers.location));
    assert.equal(operatorPage.statusCode, 200);
    for (const trace of [FINDER.name, FINDER.email, FINDER.phone])
      assert.ok(!operatorPage.body.includes(trace));
    const done = await postFields(
      operator,
      `${String(landing.headers.location)}/completion`,
      pageDeletionReport(),
    );
    assert.equal(done.statusCode, 303);

    // the reception body reads the report and closes the case as fixed (page deleted)
    const page = textOf((await lead.get(path)).body);
    assert.match(page, /修正完了報告書の対応内容: 当該ページを削除/);
    assert.match(page, /外部委託先の改修時の確認漏れ/);
    const closed = await lead.post(`${path}/close`, {
      outcome: 'fixed',
      fixAction: 'page_deleted',
      reason: '修正完了報告書（ページ削除）を確認',
      notifyFinder: 'on',
    });
    assert.equal(closed.statusCode, 303);
    const told = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('template', '=', 'website.mail.finderOutcome')
      .where('to_address', '=', FINDER.email)
      .executeTakeFirstOrThrow();
    assert.equal(told.restricted_to, 'reception_body');
    assert.match(told.body_text, /修正完了/);
    // every mail to the operator side is free of the finder
    const operatorMail = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['subject', 'body_text'])
      .where('to_address', '=', 'psirt@shop.example.org')
      .execute();
    assert.ok(operatorMail.length >= 2);
    for (const m of operatorMail) {
      for (const trace of [FINDER.name, FINDER.email, FINDER.phone]) {
        assert.ok(!`${m.subject}${m.body_text}`.includes(trace));
      }
    }
    // on the closed case the operator's link still reads the case (no more answers), and the staff page says until when
    const late = await operator.get(String(landing.headers.location));
    assert.equal(late.statusCode, 200);
    assert.doesNotMatch(late.body, /action="[^"]*\/acknowledge"/);
    assert.match(
      textOf((await lead.get(path)).body),
      /終了後は閲覧と個人情報漏えいの公表ページのみ、次の日時まで有効/,
    );
  });
});
