// The embargo, end to end against PostgreSQL and the app's own HTTP routes (issue 5, "How it is checked", second
// bullet): an advisory approved and scheduled — its public ID allocated, a CVE ID, a distinctive developer, product
// and title words in both languages — is found by no public URL before its moment: not at its guessed address nor
// under its slug, not by search (pages and API) for any of its words or its CVE ID, not in the developer list, the
// feeds (both languages), the CSAF provider's metadata, index, changes, ROLIE feed and year folders, nor the
// sitemap. Beyond that list, every GET route of the live route table is fetched by an anonymous visitor (each
// path parameter filled with every guess that fits it), so a public route added later is covered without
// editing this test. Then the publish step runs at the moment and the same URLs do show it — the check is not
// vacuous.
//
// Two workers publishing at once publish it exactly once: covered on separate connections by
// publish-due-advisories.test.ts ('publishes once when two workers on separate connections run at the same
// moment'); not repeated here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import { advisorySlug } from '../../domain/advisory-document.js';
import { csafFilename } from '../../exports/csaf.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { contentToForm } from '../advisories/advisory-input.js';
import { approveAdvisory } from '../advisories/approve-advisory.js';
import { createAdvisory } from '../advisories/create-advisory.js';
import { saveAdvisory } from '../advisories/save-advisory.js';
import { scheduleAdvisory } from '../advisories/schedule-advisory.js';
import { openContent, workingCopySha256 } from '../advisories/store.js';
import { submitAdvisory } from '../advisories/submit-advisory.js';
import { addParties } from '../coordination/add-parties.js';
import { addVulnerability } from '../coordination/add-vulnerability.js';
import { decideSchedule } from '../coordination/decide-schedule.js';
import { notifyParty } from '../coordination/notify-party.js';
import { proposeSchedule } from '../coordination/propose-schedule.js';
import { partiesOf } from '../coordination/queries.js';
import { recordPartyStatus } from '../coordination/record-party-status.js';
import { bodies, developer, productCase, staff } from '../coordination/testing.js';
import { publishDueAdvisories } from './publish-due-advisories.js';

const NOW = '2027-03-01T01:00:00.000Z';
/** The agreed moment: 2027-03-10 10:00 JST. */
const MOMENT = '2027-03-10T01:00:00.000Z';

/** Words of the advisory found nowhere else in the app. */
const WORDS = {
  titleJa: '蜃気楼',
  titleJa2: '翡翠管理画面',
  titleEn: 'Zephyrquartz',
  developer: 'Quokkatronics',
  productJa: '鵺ゲートウェイ',
  productEn: 'Nuegateway',
  cve: 'CVE-2027-918273',
};

/** One anonymous GET through the app (no cookies, no session). */
async function get(t: TestApp, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'ja' } });
  return {
    status: res.statusCode,
    body: res.body,
    location: String(res.headers.location ?? ''),
    headers: JSON.stringify(res.headers),
  };
}

/** `GET /path` of every GET route in Fastify's route tree (as route-authorization.test.ts reads it). */
function getRoutesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ├└─]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth - 1;
    const path = (stack[depth - 2] ?? '') + m[2]!;
    stack[depth - 1] = path;
    if (m[3]!.split(', ').includes('GET')) out.push(path);
  }
  return [...new Set(out)].sort();
}

describe('the embargo: nothing of a scheduled advisory is public before its moment', () => {
  let t: TestApp;
  let publicId = '';
  let slug = '';
  let devSlug = '';
  let reference = '';
  /** everything that must not be seen before the moment */
  let secrets: string[] = [];
  /** each path parameter's guesses, by name; a name not listed gets GUESSES */
  let paramGuesses: Record<string, string[]> = {};
  let guesses: string[] = [];
  let routes: string[] = [];

  before(async () => {
    t = await startTestApp({ now: NOW });
    const b = await bodies(t);
    const lead = await staff(t, b.coordinationOrg, 'coordination_body', 'lead');
    const dev = await developer(t, WORDS.developer);
    const other = await developer(t, 'Plainsoft');
    const k = await productCase(t, b);
    reference = k.reference;
    for (const d of [dev, other]) {
      t.clock.advance(1000);
      await addParties(t.ctx, b.coordinator.actor, { reference, organizationId: d.organizationId });
    }
    const parties = await partiesOf(t.ctx.db, k.caseId);
    for (const p of parties) await notifyParty(t.ctx, b.coordinator.actor, { reference, partyId: p.id });
    const { vulnerabilityId } = await addVulnerability(t.ctx, b.coordinator.actor, {
      reference,
      fields: {
        titleJa: `${WORDS.titleJa}の認証回避`,
        titleEn: `${WORDS.titleEn} authentication bypass`,
        cwe: 'CWE-287',
        cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        cveId: WORDS.cve,
      },
    });
    for (const p of parties)
      await recordPartyStatus(t.ctx, b.coordinator.actor, {
        reference,
        fields: { partyId: p.id, vulnerabilityId, status: 'fixed', statement: 'Fixed.' },
      });
    const { advisoryId } = await createAdvisory(t.ctx, b.coordinator.actor, { caseId: k.caseId });
    const row = await t.ctx.db
      .selectFrom('advisories')
      .select(['content_enc'])
      .where('id', '=', advisoryId)
      .executeTakeFirstOrThrow();
    const prefilled: AdvisoryContent = openContent(t.ctx.secrets, advisoryId, row.content_enc);
    const mine = prefilled.developers.find((d) => d.name.en === WORDS.developer);
    assert.ok(mine, `the advisory names ${WORDS.developer}: ${JSON.stringify(prefilled.developers)}`);
    devSlug = mine.slug;
    const content: AdvisoryContent = {
      ...prefilled,
      title: {
        ja: `${WORDS.titleJa}ルーターの${WORDS.titleJa2}における認証回避の脆弱性`,
        en: `${WORDS.titleEn} router: authentication bypass in the admin console`,
      },
      overview: {
        ja: `${WORDS.productJa} に認証回避の脆弱性があります。`,
        en: `${WORDS.productEn} has an authentication bypass.`,
      },
      products: [
        {
          key: 'p1',
          developerSlug: devSlug,
          name: { ja: WORDS.productJa, en: WORDS.productEn },
          versions: { ja: '4.0 から 4.2 まで', en: '4.0 through 4.2' },
          versionRange: 'vers:npm/>=4.0.0|<4.3.0',
          fixedVersion: '4.3.0',
          purl: 'pkg:npm/nuegateway',
          cpe: null,
        },
      ],
    };
    await saveAdvisory(t.ctx, b.coordinator.actor, { reference, fields: contentToForm(content) });
    await submitAdvisory(t.ctx, b.coordinator.actor, { reference });
    const reviewedSha256 = await workingCopySha256(t.ctx.db, t.ctx.secrets, advisoryId);
    publicId = (await approveAdvisory(t.ctx, lead.actor, { reference, reviewedSha256 })).publicId;
    slug = advisorySlug(publicId);
    const { proposalId } = await proposeSchedule(t.ctx, b.coordinator.actor, {
      reference,
      publishAt: '2027-03-10T10:00',
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
    await decideSchedule(t.ctx, b.coordinator.actor, { reference, decision: { kind: 'accept', proposalId } });
    const s = await scheduleAdvisory(t.ctx, b.coordinator.actor, { reference });
    assert.equal(s.scheduledFor.toISOString(), MOMENT);

    const digits = publicId.replace(/\D/g, '');
    secrets = [
      publicId,
      slug,
      csafFilename(publicId).replace(/\.json$/, ''),
      WORDS.titleJa,
      WORDS.titleJa2,
      WORDS.titleEn,
      WORDS.developer,
      WORDS.productJa,
      WORDS.productEn,
      WORDS.cve,
    ];
    const file = csafFilename(publicId);
    const years = ['2027', '2026'];
    guesses = [slug, publicId, digits, devSlug, WORDS.cve];
    paramGuesses = {
      slug: [slug, publicId, devSlug],
      id: [publicId, slug, digits],
      cveId: [WORDS.cve],
      year: years,
      file: [file, `${file}.asc`, `${file}.sha256`, `${file}.sha512`],
      n: ['1'],
    };
    routes = getRoutesOf(t.app.printRoutes({ commonPrefix: false }));
  });
  after(() => t.close());

  /** The named public URLs of the URL plan (with the guessed values), and the searches. */
  function namedUrls(): string[] {
    const file = csafFilename(publicId);
    const q = (s: string) => encodeURIComponent(s);
    const searches = [
      WORDS.titleJa,
      WORDS.titleJa2,
      WORDS.titleEn,
      WORDS.developer,
      WORDS.productJa,
      WORDS.productEn,
      WORDS.cve,
      publicId,
      slug,
    ].flatMap((w) => [
      `/advisories?q=${q(w)}`,
      `/advisories?q=${q(w)}&lang=en`,
      `/api/v1/advisories?q=${q(w)}`,
    ]);
    return [
      `/advisories/${slug}`,
      `/advisories/${q(publicId)}`,
      `/advisories/${slug}/revisions`,
      `/advisories/${slug}/revisions/1`,
      `/api/v1/advisories/${slug}`,
      `/api/v1/advisories/${q(publicId)}`,
      `/advisories/${slug}/csaf.json`,
      `/advisories/${slug}/cve/${WORDS.cve}.json`,
      `/advisories/${slug}/osv.json`,
      '/advisories',
      '/api/v1/advisories',
      ...searches,
      '/developers',
      `/developers/${devSlug}`,
      '/feeds/jvnrss.rdf',
      '/feeds/jvnrss.rdf?lang=en',
      '/feeds/atom.xml',
      '/feeds/atom.xml?lang=en',
      '/.well-known/csaf/provider-metadata.json',
      '/.well-known/csaf/white/',
      '/.well-known/csaf/white/index.txt',
      '/.well-known/csaf/white/changes.csv',
      '/.well-known/csaf/white/feed-tlp-white.json',
      '/.well-known/csaf/white/2027/',
      `/.well-known/csaf/white/2027/${file}`,
      `/.well-known/csaf/white/2027/${file}.asc`,
      '/sitemap.xml',
    ];
  }

  /** Every GET route of the live table, each parameter filled with each guess that fits it. */
  function everyRouteUrl(): string[] {
    const out = new Set<string>();
    for (const route of routes) {
      if (route.includes('*')) continue; // static files and the API reference's files
      let paths = [''];
      for (const part of route.split(/(?=\/)/)) {
        const m = /^\/:([A-Za-z]+)(.*)$/.exec(part);
        if (!m) {
          paths = paths.map((p) => p + part);
          continue;
        }
        const values = paramGuesses[m[1]!] ?? guesses;
        paths = paths.flatMap((p) => values.map((v) => `${p}/${encodeURIComponent(v)}${m[2]}`));
      }
      for (const p of paths) out.add(p);
    }
    return [...out];
  }

  /** Every URL's body (following no redirect), with where it redirects to. */
  async function fetchAll(urls: string[]) {
    const out: { url: string; status: number; text: string }[] = [];
    for (const url of urls) {
      const r = await get(t, url);
      out.push({ url, status: r.status, text: `${r.headers}\n${r.body}` });
    }
    return out;
  }

  /**
   * What the request itself carried (its path segments and query values, as typed and as a page or feed may write
   * them back): a search box or a not-found page repeating them reveals nothing.
   */
  function echoesOf(url: string): string[] {
    const u = new URL(url, 'http://x');
    const typed = [
      ...u.pathname.split('/').map((s) => decodeURIComponent(s)),
      ...[...u.searchParams.values()],
    ].filter((s) => s.length > 2);
    const forms = typed.flatMap((s) => [
      s,
      encodeURIComponent(s),
      s.replace(/&/g, '&amp;').replace(/#/g, '&#35;'),
      s.replace(/#/g, '%23'),
      JSON.stringify(s).slice(1, -1),
    ]);
    // longest first, so a value is taken out whole before any part of it
    return [...new Set(forms)].sort((a, b) => b.length - a.length);
  }

  function leaks(pages: { url: string; text: string }[]): string[] {
    const found: string[] = [];
    for (const p of pages) {
      let text = p.text;
      for (const echo of echoesOf(p.url)) text = text.split(echo).join(' ');
      const lower = text.toLowerCase();
      for (const s of secrets) if (lower.includes(s.toLowerCase())) found.push(`${p.url} shows ${s}`);
    }
    return found;
  }

  it('reveals nothing of it at its guessed addresses, in search, feeds, CSAF listings or the sitemap', async () => {
    const pages = await fetchAll(namedUrls());
    assert.deepEqual(leaks(pages), []);
    for (const p of pages.filter((x) => /^\/(advisories|api\/v1\/advisories)\/JVN/.test(x.url))) {
      assert.ok([404, 400].includes(p.status), `${p.url} answers ${p.status}, not found`);
    }
    // the lists themselves work (an empty database, not a broken page)
    for (const url of [
      '/advisories',
      '/feeds/atom.xml',
      '/.well-known/csaf/white/index.txt',
      '/sitemap.xml',
    ]) {
      assert.equal(pages.find((p) => p.url === url)?.status, 200, `${url} answers`);
    }
  });

  it('reveals nothing of it on any GET route of the live route table, whatever is guessed for its parameters', async (c) => {
    assert.ok(routes.length > 100, `${routes.length} GET routes read from the route table`);
    for (const must of ['/advisories/:slug', '/feeds/atom.xml', '/.well-known/csaf/white/:year/:file']) {
      assert.ok(routes.includes(must), `the route table has ${must}`);
    }
    const urls = everyRouteUrl();
    assert.ok(urls.length > routes.length / 2, `${urls.length} URLs`);
    c.diagnostic(`${routes.length} GET routes, ${urls.length} URLs fetched`);
    const pages = await fetchAll(urls);
    assert.deepEqual(leaks(pages), []);
    assert.deepEqual(
      pages.filter((p) => p.status >= 500).map((p) => `${p.url} → ${p.status}`),
      [],
      'no route fails on a guessed value',
    );
  });

  it('shows it at the same URLs once the publish step has run at the moment', async () => {
    t.clock.set(new Date(Date.parse(MOMENT) - 1));
    assert.deepEqual((await publishDueAdvisories(t.ctx)).published, [], 'a millisecond early: nothing');
    assert.deepEqual(leaks(await fetchAll(namedUrls())), [], 'and still nothing shows');

    t.clock.set(MOMENT);
    const r = await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      r.published.map((p) => p.publicId),
      [publicId],
    );
    const shows = async (url: string, ...words: string[]) => {
      const res = await get(t, url);
      assert.equal(res.status, 200, `${url} answers 200 (${res.status})`);
      for (const w of words) assert.ok(res.body.includes(w), `${url} shows ${w}`);
    };
    const q = (s: string) => encodeURIComponent(s);
    await shows(`/advisories/${slug}`, publicId, WORDS.titleJa, WORDS.productJa, WORDS.cve);
    await shows(`/advisories/${slug}/revisions`, publicId);
    await shows(`/api/v1/advisories/${slug}`, publicId, WORDS.titleEn, WORDS.cve);
    await shows(`/api/v1/advisories/${q(publicId)}`, publicId);
    await shows(`/advisories/${slug}/cve/${WORDS.cve}.json`, WORDS.cve, publicId);
    await shows(`/advisories/${slug}/osv.json`, publicId);
    for (const w of [WORDS.titleJa, WORDS.titleEn, WORDS.cve, WORDS.developer]) {
      await shows(`/api/v1/advisories?q=${q(w)}`, publicId);
      await shows(`/advisories?q=${q(w)}`, publicId);
    }
    await shows(`/developers/${devSlug}`, WORDS.developer, publicId);
    await shows('/feeds/jvnrss.rdf', publicId, WORDS.titleJa);
    await shows('/feeds/atom.xml?lang=en', publicId, WORDS.titleEn);
    await shows('/.well-known/csaf/white/index.txt', csafFilename(publicId));
    await shows('/.well-known/csaf/white/changes.csv', csafFilename(publicId));
    await shows('/.well-known/csaf/white/feed-tlp-white.json', publicId);
    await shows(`/.well-known/csaf/white/2027/${csafFilename(publicId)}`, publicId, WORDS.cve);
    await shows('/sitemap.xml', slug);
    // the leak check itself sees it now, on the named URLs and on the route table's walk
    const named = leaks(await fetchAll(namedUrls()));
    for (const url of [
      `/advisories/${slug}`,
      '/feeds/atom.xml',
      '/sitemap.xml',
      '/.well-known/csaf/white/index.txt',
    ])
      assert.ok(
        named.some((l) => l.startsWith(`${url} shows`)),
        `the check finds it on ${url}: ${named.slice(0, 20).join('; ')}`,
      );
    const walked = leaks(await fetchAll(everyRouteUrl()));
    assert.ok(
      walked.some((l) => l.startsWith(`/advisories/${slug}/revisions shows`)),
      'the walk finds it too',
    );
    const csaf = await get(t, `/advisories/${slug}/csaf.json`);
    assert.ok(csaf.status < 400, `the CSAF address answers (${csaf.status})`);
    assert.ok(
      `${csaf.location}${csaf.body}`.includes(csafFilename(publicId)) || csaf.body.includes(publicId),
    );
  });
});
