// The leak test for the parties (受付機関基準 (4); issues 4 and 6, "how it is checked"): for a software and a website
// report whose finder consented to nothing, everything a developer of the case (A), another developer of the same
// case (B), the website operator (its account and the case's secret link) and a CSIRT can reach — every page found
// by following links from their start pages, every JSON GET of the API with their token — and every mail addressed
// to them never shows the finder's name, e-mail address, phone number or organization. With the finder's consent
// to the developer knowing who they are, a developer sees the name, and the contact details only once the
// coordinator also allowed direct contact with that developer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { Browser, textOf } from '../../testing/browser.js';
import { apiTokenOf, buildWorld, type Finder, sessionOf, type World } from '../../testing/world.js';
import { decideFinderContact } from '../coordination/decide-finder-contact.js';
import { endCoordination } from '../coordination/end-coordination.js';
import { runCoordinationSweep } from '../coordination/run-coordination-sweep.js';
import { runWebsiteSweep } from '../website/run-website-sweep.js';

const FINDER: Finder = {
  name: 'Xanthippe Leakwatch',
  email: 'xanthippe.leakwatch@finder-leak.example',
  phone: '+81 3-7777-0202',
  organization: 'Quillfeather Guild',
};
/** The identifiers, and the distinctive parts of each (a name cut in two is still the finder). */
const IDENTIFIERS = [
  FINDER.name,
  'Xanthippe',
  'Leakwatch',
  FINDER.email,
  'finder-leak.example',
  FINDER.phone,
  '7777-0202',
  '77770202',
  FINDER.organization,
  'Quillfeather',
];

function leaksIn(body: string, identifiers = IDENTIFIERS): string[] {
  const variants = (s: string) => [
    s,
    s.toLowerCase(),
    s.toUpperCase(),
    encodeURIComponent(s),
    JSON.stringify(s).slice(1, -1),
  ];
  const text = `${body}\n${textOf(body)}`;
  const lower = text.toLowerCase();
  return identifiers.filter((s) =>
    variants(s).some((v) => text.includes(v) || lower.includes(v.toLowerCase())),
  );
}

type Page = { url: string; status: number; body: string };

/** Every same-site page reachable by GET links from the start pages (no static assets, no API reference). */
async function crawl(b: Browser, start: string[], limit = 200): Promise<Page[]> {
  const seen = new Set<string>();
  const queue = [...start];
  const pages: Page[] = [];
  while (queue.length && pages.length < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await b.get(url);
    const body = res.rawPayload.toString('utf8');
    pages.push({ url, status: res.statusCode, body });
    const location = res.headers.location;
    if (typeof location === 'string' && location.startsWith('/') && !seen.has(location)) queue.push(location);
    if (!String(res.headers['content-type']).startsWith('text/html')) continue;
    for (const m of body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (link.startsWith('/assets/') || link.startsWith('/api/docs')) continue;
      if (!seen.has(link)) queue.push(link);
    }
  }
  return pages;
}

/** Every JSON GET of the API document, its path parameters filled with this world's cases. */
async function apiGets(t: TestApp, w: World, token: string): Promise<Page[]> {
  const spec = await t.app.inject({ url: '/api/openapi.json' });
  const paths = Object.entries((spec.json() as { paths: Record<string, Record<string, unknown>> }).paths)
    .filter(([, ops]) => 'get' in ops)
    .map(([path]) => path);
  const out: Page[] = [];
  for (const path of paths) {
    const reference = path.includes('/operator/') ? w.website.reference : w.product.reference;
    // public advisories have no finder in them by construction; a guessed ID still walks the route
    const url =
      path
        .replace('{reference}', encodeURIComponent(reference))
        .replace('{id}', encodeURIComponent('JVN#00000001')) +
      (path.endsWith('/parties') ? '?type=product_developer' : '');
    if (url.includes('{')) throw new Error(`no value for a parameter of ${path}`);
    const res = await t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    out.push({ url, status: res.statusCode, body: res.body });
  }
  return out;
}

const portalCase = (w: World) => `/portal/cases/${encodeURIComponent(w.product.reference)}`;
const operatorCase = (w: World) => `/operator/cases/${encodeURIComponent(w.website.reference)}`;

describe('the finder identity never reaches a developer, an operator or a CSIRT without consent', () => {
  let t: TestApp;
  let w: World;

  before(async () => {
    t = await startTestApp({ now: '2026-11-10T01:00:00Z' });
    w = await buildWorld(t, { finder: FINDER, partyB: true });
  });
  after(() => t?.close());

  it('keeps the reports themselves carrying the identity (the reception body sees it), so the test means something', async () => {
    const reception = await sessionOf(t, w.people.reception.userId);
    for (const reference of [w.product.reference, w.website.reference]) {
      const page = await reception.get(`/reception/reports/${encodeURIComponent(reference)}`);
      assert.equal(page.statusCode, 200);
      for (const s of [FINDER.name, FINDER.email, FINDER.phone]) assert.ok(textOf(page.body).includes(s), s);
    }
  });

  for (const who of ['devA', 'devB'] as const) {
    it(`shows developer ${who.slice(3)} (a party of the case) every reachable page and JSON answer without the finder`, async () => {
      const b = await sessionOf(t, w.people[who].userId);
      const pages = await crawl(b, ['/', '/portal', portalCase(w), '/my/directory', '/account']);
      const own = pages.find((p) => p.url === portalCase(w));
      assert.equal(own?.status, 200, 'the case page is reachable');
      assert.match(textOf(own?.body ?? ''), /Example CMS|格納型XSS|Stored XSS/, 'with the case in it');
      assert.ok(pages.length >= 5, `crawled ${pages.length} pages`);
      for (const p of pages) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);

      const api = await apiGets(t, w, (await apiTokenOf(t, w.people[who].userId)).token);
      const json = api.find(
        (p) => p.url === `/api/v1/portal/cases/${encodeURIComponent(w.product.reference)}`,
      );
      assert.equal(json?.status, 200, 'the case in JSON');
      for (const p of api) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);
    });
  }

  it("shows the website operator's account every reachable page and JSON answer without the finder", async () => {
    const b = await sessionOf(t, w.people.operator.userId);
    const pages = await crawl(b, [
      '/',
      '/operator',
      operatorCase(w),
      `${operatorCase(w)}/leak`,
      '/my/directory',
      '/account',
    ]);
    const own = pages.find((p) => p.url === operatorCase(w));
    assert.equal(own?.status, 200, 'the case page is reachable');
    assert.match(textOf(own?.body ?? ''), /shop\.example\.org/, 'with the site in it');
    assert.ok(
      pages.some((p) => p.url.endsWith('/completion') && p.status === 200),
      'the completion report form was reached',
    );
    for (const p of pages) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);

    const api = await apiGets(t, w, (await apiTokenOf(t, w.people.operator.userId)).token);
    const json = api.find(
      (p) => p.url === `/api/v1/operator/cases/${encodeURIComponent(w.website.reference)}`,
    );
    assert.equal(json?.status, 200, 'the case in JSON');
    for (const p of api) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);
  });

  it("shows the holder of the operator's secret link every reachable page without the finder", async () => {
    const b = new Browser(t);
    const pages = await crawl(b, [`/operator/link/${w.website.operatorToken}`]);
    const own = pages.find((p) => p.url === operatorCase(w));
    assert.equal(own?.status, 200, 'the link leads to the case page');
    assert.ok(pages.length >= 3, `crawled ${pages.length} pages`);
    for (const p of pages) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);
  });

  it('shows a CSIRT member every reachable page and JSON answer without the finder', async () => {
    const b = await sessionOf(t, w.people.csirt.userId);
    const pages = await crawl(b, ['/', '/my/directory', '/account', portalCase(w), operatorCase(w)]);
    assert.ok(pages.length >= 3, `crawled ${pages.length} pages`);
    for (const p of pages) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);
    const api = await apiGets(t, w, (await apiTokenOf(t, w.people.csirt.userId)).token);
    for (const p of api) assert.deepEqual(leaksIn(p.body), [], `${p.url} (HTTP ${p.status})`);
  });

  it('sends the developers, the operator and the CSIRT no mail that names the finder', async () => {
    // weeks of silence: reminders to the developers and the operator; then the coordination ends
    t.clock.advance(15 * 86_400_000);
    await runCoordinationSweep(t.ctx);
    await runWebsiteSweep(t.ctx);
    await endCoordination(t.ctx, w.people.coordinator.actor, {
      reference: w.product.reference,
      fields: { kind: 'ready_for_publication', reason: '全社の対策が揃った' },
    });
    const p = w.people;
    const addresses = [
      ...Object.values(w.contact),
      ...[p.devA, p.devAAdmin, p.devB, p.operator, p.operatorB, p.csirt].map((x) => x.email),
    ];
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'template', 'subject', 'body_text'])
      .where('to_address', 'in', addresses)
      .execute();
    const to = (a: string) => mails.filter((m) => m.to_address === a).length;
    assert.ok(
      to(w.contact.devA) >= 5,
      `A: notified, announcement, schedule, reminder, end (${to(w.contact.devA)})`,
    );
    assert.ok(to(w.contact.devB) >= 5, `so was B (${to(w.contact.devB)})`);
    assert.ok(
      to(w.contact.operator) >= 3,
      `the operator: both notices and a reminder (${to(w.contact.operator)})`,
    );
    const templates = [...new Set(mails.map((m) => m.template))];
    for (const kind of ['eminder', 'ended'])
      assert.ok(
        templates.some((x) => x.includes(kind)),
        `a ${kind} mail among ${templates.join(', ')}`,
      );
    for (const m of mails)
      assert.deepEqual(leaksIn(`${m.subject}\n${m.body_text}`), [], `${m.template} to ${m.to_address}`);
  });
});

describe('with the finder consenting to the developer knowing who they are', () => {
  let t: TestApp;
  let w: World;
  const contact = [FINDER.email, FINDER.phone];

  before(async () => {
    t = await startTestApp({ now: '2026-11-10T01:00:00Z' });
    w = await buildWorld(t, {
      finder: FINDER,
      partyB: true,
      productConsent: { identityToVendor: true, directContact: true },
      websiteConsent: { identityToVendor: true, directContact: true },
    });
  });
  after(() => t?.close());

  async function seenBy(who: 'devA' | 'devB') {
    const b = await sessionOf(t, w.people[who].userId);
    const page = await b.get(portalCase(w));
    assert.equal(page.statusCode, 200);
    const { token } = await apiTokenOf(t, w.people[who].userId);
    const json = await t.app.inject({
      url: `/api/v1/portal/cases/${encodeURIComponent(w.product.reference)}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(json.statusCode, 200);
    return { page: textOf(page.body), json: json.body };
  }

  it('shows the developer the name but not the address or phone until the coordinator allows direct contact', async () => {
    for (const who of ['devA', 'devB'] as const) {
      const { page, json } = await seenBy(who);
      assert.ok(page.includes(FINDER.name), `${who}: the name on the page`);
      assert.ok(json.includes(FINDER.name), `${who}: the name in JSON`);
      assert.deepEqual(leaksIn(page, contact), [], `${who}: no contact details on the page`);
      assert.deepEqual(leaksIn(json, contact), [], `${who}: no contact details in JSON`);
    }
  });

  it('shows the contact details to the developer the coordinator allowed, and to no other', async () => {
    await decideFinderContact(t.ctx, w.people.coordinator.actor, {
      reference: w.product.reference,
      partyId: w.product.partyA,
      allow: true,
    });
    const a = await seenBy('devA');
    assert.ok(a.page.includes(FINDER.name));
    assert.ok(a.page.includes(FINDER.email), 'the address on A’s page');
    assert.ok(a.page.includes(FINDER.phone), 'the phone on A’s page');
    assert.ok(a.json.includes(FINDER.email), 'the address in A’s JSON');
    const b = await seenBy('devB');
    assert.ok(b.page.includes(FINDER.name), 'B still knows the name (the finder consented)');
    assert.deepEqual(leaksIn(b.page, contact), [], 'but not how to reach the finder');
    assert.deepEqual(leaksIn(b.json, contact), []);
    const toB = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['template', 'subject', 'body_text'])
      .where('to_address', 'in', [w.contact.devB, w.people.devB.email])
      .execute();
    assert.ok(toB.length >= 1);
    for (const m of toB) assert.deepEqual(leaksIn(`${m.subject}\n${m.body_text}`, contact), [], m.template);
  });

  it('shows the website operator the name it may know, but never a way to reach the finder', async () => {
    for (const b of [await sessionOf(t, w.people.operator.userId), new Browser(t)]) {
      const start = b.cookies.size ? operatorCase(w) : `/operator/link/${w.website.operatorToken}`;
      const pages = await crawl(b, [start, `${operatorCase(w)}/completion`]);
      const own = pages.find((p) => p.url === operatorCase(w));
      assert.equal(own?.status, 200);
      assert.ok(textOf(own?.body ?? '').includes(FINDER.name), 'the name, as the finder consented');
      for (const p of pages) assert.deepEqual(leaksIn(p.body, contact), [], `${p.url} (HTTP ${p.status})`);
    }
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['template', 'subject', 'body_text'])
      .where('to_address', 'in', [w.contact.operator, w.people.operator.email])
      .execute();
    assert.ok(mails.length >= 2);
    for (const m of mails) assert.deepEqual(leaksIn(`${m.subject}\n${m.body_text}`, contact), [], m.template);
  });
});
