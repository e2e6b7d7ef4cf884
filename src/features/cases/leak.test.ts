// The leak test (受付機関基準 (4)): for a report whose finder did not consent, everything a coordinator can reach —
// every page found by following links from the home page and the queues, the case page, its attachment
// download, the audit trail and outbox (as a coordination admin), every JSON GET of the API with a token — never
// shows the finder's name, e-mail address, phone number or credit name. With consent, the coordinator sees them.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { type Browser, textOf } from '../../testing/browser.js';
import { FINDER, softwareReport, submit } from '../../testing/reports.js';
import { createApiToken } from '../accounts/create-api-token.js';
import { submitReport } from '../intake/submit-report.js';
import { as, type Cast, caseUrl, makeCast, postDecision, reportUrl } from '../screening/testing.js';

const SECRETS = [FINDER.name, FINDER.email, FINDER.phone, FINDER.creditName, FINDER.organization];

function leaksIn(body: string): string[] {
  const variants = (s: string) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1), s.toUpperCase()];
  const text = `${body}\n${textOf(body)}`;
  return SECRETS.filter((s) => variants(s).some((v) => text.includes(v)));
}

/** Every same-site page reachable by GET links from the start pages (no static assets, nothing under `skip`). */
async function crawl(b: Browser, start: string[], skip: string, limit = 150) {
  const seen = new Set<string>();
  const queue = [...start];
  const pages: { url: string; status: number; body: string; type: string }[] = [];
  while (queue.length && pages.length < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await b.get(url);
    const body = res.rawPayload.toString('utf8');
    pages.push({ url, status: res.statusCode, body, type: String(res.headers['content-type'] ?? '') });
    if (!String(res.headers['content-type']).startsWith('text/html')) continue;
    for (const m of body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (link.startsWith('/assets/') || link.startsWith('/api/docs') || link.startsWith(skip)) continue;
      if (!seen.has(link)) queue.push(link);
    }
  }
  return pages;
}

describe('the finder identity never reaches the coordination body without consent', () => {
  let t: TestApp;
  let cast: Cast;
  let withheld: string;
  let consented: string;
  let attachmentId: string;

  before(async () => {
    t = await startTestApp({ now: '2026-11-06T00:00:00Z' });
    cast = await makeCast(t);
    // the finder has an account under the same address, so the audit trail names them too (for the reception body)
    const account = await t.ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'role'])
      .where('id', '=', cast.finder.userId)
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('users')
      .set({ email: FINDER.email, display_name: FINDER.name })
      .where('id', '=', account.id)
      .execute();
    cast.finder.email = FINDER.email;
    const finderActor = {
      kind: 'user' as const,
      userId: account.id,
      email: FINDER.email,
      displayName: FINDER.name,
      role: 'finder' as const,
      organizationId: null,
      organizationType: null,
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      via: 'session' as const,
    };
    const r = await submitReport(t.ctx, finderActor, softwareReport(), {
      source: 'form',
      attachments: [
        { filename: 'exploit.py', data: Buffer.from('import requests\nrequests.post(url, data=payload)\n') },
      ],
    });
    withheld = r.trackingNumber;
    const consent = await submit(
      t,
      softwareReport({
        productName: 'Consenting Product',
        consent: {
          identityToCoordinator: true,
          identityToVendor: false,
          directContact: false,
          publicCredit: true,
          creditName: FINDER.creditName,
        },
      }),
    );
    consented = consent.trackingNumber;
    const lead = await as(t, cast.receptionLead);
    for (const tn of [withheld, consented])
      assert.equal((await postDecision(lead, tn, 'accept')).statusCode, 303);
    // the reception body writes to the finder by name: that thread must stay with the reception body
    await lead.get(reportUrl(withheld));
    await lead.post(`${reportUrl(withheld)}/messages`, { text: `${FINDER.name} 様、ありがとうございます。` });
    const a = await t.ctx.db
      .selectFrom('report_attachments')
      .select('id')
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    attachmentId = a.id;
  });
  after(() => t.close());

  for (const who of ['coordinationAdmin', 'coordinationHandler'] as const) {
    it(`shows a ${who} every reachable page without the finder's name, address or phone`, async () => {
      const b = await as(t, cast[who]);
      // the other case, whose finder consented, is the one place the identity may appear
      const pages = await crawl(
        b,
        [
          '/',
          '/coordination/cases',
          '/coordination/cases?state=all',
          caseUrl(withheld),
          '/admin/audit',
          '/admin/outbox',
          '/account',
        ],
        caseUrl(consented),
      );
      const casePage = pages.find((p) => p.url === caseUrl(withheld));
      assert.equal(casePage?.status, 200);
      assert.match(textOf(casePage?.body ?? ''), /非開示: 発見者が同意していないため/);
      assert.match(textOf(casePage?.body ?? ''), /Example CMS/, 'the vulnerability details are there');
      assert.ok(
        pages.some((p) => p.url.includes('/attachments/')),
        'the attachment link was followed',
      );
      assert.ok(pages.length > 8, `crawled ${pages.length} pages`);
      for (const p of pages) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);

      const download = await b.get(`${caseUrl(withheld)}/attachments/${attachmentId}`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/octet-stream');
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.match(
        String(download.headers['content-disposition']),
        /^attachment; filename\*=UTF-8''exploit\.py$/,
      );
      const audited = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'case.attachment_downloaded')
        .where('actor_user_id', '=', cast[who].userId)
        .execute();
      assert.ok(audited.length >= 1);
      for (const url of [
        '/reception/reports',
        reportUrl(withheld),
        `${reportUrl(withheld)}/attachments/${attachmentId}`,
      ]) {
        const res = await b.get(url);
        assert.equal(res.statusCode, 403, url);
        assert.deepEqual(leaksIn(res.body), [], url);
      }
    });
  }

  it('answers every JSON GET of the API to a coordinator token without the finder identity', async () => {
    const { token } = await createApiToken(
      t.ctx,
      { kind: 'system', label: 'test' },
      { userId: cast.coordinationAdmin.userId, name: 'leak test' },
    );
    const spec = await t.app.inject({ url: '/api/openapi.json' });
    const paths = Object.entries((spec.json() as { paths: Record<string, Record<string, unknown>> }).paths)
      .filter(([path, ops]) => 'get' in ops && !path.includes('{'))
      .map(([path]) => path);
    assert.ok(paths.length > 0);
    for (const path of paths) {
      const res = await t.app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual(leaksIn(res.body), [], path);
    }
  });

  it('shows the finder to the coordinator when the finder consented', async () => {
    const b = await as(t, cast.coordinationHandler);
    const page = await b.get(caseUrl(consented));
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.ok(text.includes(FINDER.name));
    assert.ok(text.includes(FINDER.email));
    assert.doesNotMatch(text, /非開示/);
  });

  it('shows reception staff of every role the finder on the case page', async () => {
    for (const p of [cast.receptionHandler, cast.receptionLead]) {
      const page = await (await as(t, p)).get(caseUrl(withheld));
      assert.equal(page.statusCode, 200);
      assert.deepEqual(leaksIn(page.body).sort(), [...SECRETS].sort(), p.email);
    }
  });

  it('gives developers and finders nothing anywhere under /reception, /coordination and /cases', async () => {
    for (const p of [cast.developer, cast.finder]) {
      const b = await as(t, p);
      for (const url of [
        '/reception/reports',
        reportUrl(withheld),
        `${reportUrl(withheld)}/attachments/${attachmentId}`,
        '/coordination/cases',
        '/website/cases',
        caseUrl(withheld),
        `${caseUrl(withheld)}/attachments/${attachmentId}`,
      ]) {
        const res = await b.get(url);
        assert.ok([403, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
        assert.deepEqual(
          leaksIn(res.body).filter((s) => s !== FINDER.email && s !== FINDER.name),
          [],
          url,
        );
        assert.ok(!res.body.includes('Example CMS'), url);
      }
    }
  });
});
