import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { advisorySlug } from '../../domain/advisory-document.js';
import { formatCsafErrors, validateCsaf } from '../../exports/csaf-validate.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { ADVISORIES_SEEDED, DEMO_COORDINATOR, seedAdvisoriesDemo } from './seed-advisories-demo.js';
import { DEMO_PEOPLE } from './seed-cases-demo.js';
import { seedDemo } from './seed-demo.js';

type Summary = {
  id: string;
  slug: string;
  kind: string;
  revision: number;
  title: { ja: string; en: string };
  sample: boolean;
  cveIds: string[];
  developers: { slug: string }[];
  firstPublishedAt: string;
};

/** Every row the sample advisories could add, to compare before and after a second seed. */
async function footprint(t: TestApp) {
  const tables = [
    'reports',
    'cases',
    'advisories',
    'advisory_reviews',
    'public_advisories',
    'public_advisory_revisions',
    'public_developers',
    'public_csaf_documents',
    'events',
    'mail_messages',
    'settings',
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await t.ctx.db
      .selectFrom(table as 'events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

describe('the sample advisories of the demo', () => {
  let t: TestApp;
  let list: Summary[];
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const byKind = (kind: string) => list.filter((a) => a.kind === kind);
  const multiVendor = () => byKind('jvnvu')[0] as Summary;

  before(async () => {
    t = await startTestApp();
    assert.ok(await seedDemo(t.ctx));
    const res = await get('/api/v1/advisories');
    assert.equal(res.statusCode, 200);
    list = res.json().items;
  });
  after(() => t.close());

  it('publishes three samples through the publish step: one JVNVU# of both developers and two JVN#', async () => {
    assert.equal(list.length, 3);
    assert.ok(list.every((a) => a.sample));
    assert.deepEqual(list.map((a) => a.kind).sort(), ['jvn', 'jvn', 'jvnvu']);
    assert.ok(list.every((a) => a.title.ja.startsWith('【サンプル】')));
    assert.equal(multiVendor().developers.length, 2);
    const published = await t.ctx.db
      .selectFrom('events')
      .select('stream_id')
      .where('type', '=', 'advisory.published')
      .execute();
    assert.equal(published.length, 4, 'three first revisions and one correction');
    // every sample published in the past, the oldest first in the seed's story
    assert.ok(list.every((a) => new Date(a.firstPublishedAt) < t.clock.now()));
  });

  it('has each advisory written by the coordinator and approved by the lead, never the same person', async () => {
    const rows = await t.ctx.db
      .selectFrom('advisory_reviews as r')
      .innerJoin('users as u', 'u.id', 'r.reviewer')
      .select(['u.email', 'r.decision'])
      .execute();
    assert.equal(rows.length, 4);
    assert.ok(rows.every((r) => r.email === DEMO_PEOPLE.coordinationLead && r.decision === 'approved'));
    const submitted = await t.ctx.db
      .selectFrom('events as e')
      .innerJoin('users as u', 'u.id', 'e.actor_user_id')
      .select('u.email')
      .where('e.type', '=', 'advisory.submitted')
      .execute();
    assert.equal(submitted.length, 4);
    assert.ok(submitted.every((s) => s.email === DEMO_COORDINATOR));
  });

  it('covers the mix: different statuses with a statement, CVSS 3.1 and 4.0, CWE, a CVE, purl, CPE, a correction', async () => {
    const vu = (await get(`/api/v1/advisories/${multiVendor().slug}`)).json();
    assert.equal(vu.revision, 2);
    assert.deepEqual(
      vu.revisions.map((r: { revision: number; note: { en: string } }) => [r.revision, r.note.en]),
      [
        [1, 'Initial publication'],
        [2, 'Added the fix of Demo Developer A Inc. (firmware 1.4)'],
      ],
    );
    const v = vu.vulnerabilities[0];
    assert.deepEqual(
      [v.cweId, v.cveId, v.cvss31.score, v.cvss40.severity],
      ['CWE-22', 'CVE-2099-0001', 6.5, 'high'],
    );
    assert.ok(vu.products.some((p: { purl: string | null }) => p.purl === 'pkg:npm/demo-router-lib'));
    assert.ok(
      vu.products.some((p: { cpe: string | null }) => p.cpe?.startsWith('cpe:2.3:h:demo_developer_a')),
    );
    assert.ok(vu.vendorStatuses.every((s: { statement: { ja: string } }) => s.statement.ja));
    assert.ok(vu.title.en, 'full English');

    // before the correction the two developers had different statuses
    const first = await t.ctx.db
      .selectFrom('public_advisory_revisions')
      .select('document')
      .where('advisory_id', '=', vu.id)
      .where('revision', '=', 1)
      .executeTakeFirstOrThrow();
    const doc1 = (typeof first.document === 'string' ? JSON.parse(first.document) : first.document) as {
      vendorStatuses: { status: string }[];
    };
    assert.deepEqual(doc1.vendorStatuses.map((s) => s.status).sort(), ['affected', 'fixed']);

    const jaOnly = list.find((a) => a.kind === 'jvn' && a.title.en === '');
    assert.ok(jaOnly, 'one Japanese-only sample');
    const en = await get(`/advisories/${jaOnly.slug}?lang=en`);
    assert.equal(en.statusCode, 200);
    assert.ok(en.body.includes(jaOnly.title.ja), 'the English page falls back to the Japanese text');
    assert.ok(
      list.some((a) => a.kind === 'jvn' && a.title.en !== ''),
      'one single-vendor in English',
    );
  });

  it('lists them on the public pages with the sample badge, and each page shows the sample banner', async () => {
    const res = await get('/advisories');
    assert.equal(res.statusCode, 200);
    for (const a of list) assert.ok(res.body.includes(a.id), a.id);
    assert.equal(res.body.match(/class="badge sample"/g)?.length, 3);
    for (const a of list) {
      const page = await get(`/advisories/${a.slug}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /sample-banner/);
    }
  });

  it('puts them in the JVNRSS and Atom feeds, flagged as samples', async () => {
    const rss = await get('/feeds/jvnrss.rdf');
    assert.equal(rss.statusCode, 200);
    for (const a of list) assert.ok(rss.body.includes(a.id), a.id);
    assert.ok(rss.body.includes('【サンプル】'));
    // the titles say 【サンプル】/[Sample] themselves: the feeds add no second banner
    assert.ok(!rss.body.includes('【サンプル】【サンプル】'), 'one banner');
    const atom = await get('/feeds/atom.xml?lang=en');
    assert.equal(atom.statusCode, 200);
    for (const a of list) assert.ok(atom.body.includes(a.id), a.id);
    assert.ok(atom.body.includes('[Sample]'));
    assert.ok(!atom.body.includes('[SAMPLE]'), 'one banner');
  });

  it('publishes valid CSAF 2.0 documents, listed in the provider metadata, index.txt and changes.csv', async () => {
    const meta = await get('/.well-known/csaf/provider-metadata.json');
    assert.equal(meta.statusCode, 200);
    assert.ok(meta.json().distributions?.length > 0 || meta.json().distributions === undefined);
    const index = await get('/.well-known/csaf/white/index.txt');
    assert.equal(index.statusCode, 200);
    const files = index.body.trim().split('\n').filter(Boolean);
    assert.equal(files.length, 3, index.body);
    const changes = await get('/.well-known/csaf/white/changes.csv');
    assert.equal(changes.body.trim().split('\n').length, 3);
    for (const f of files) {
      const res = await get(`/.well-known/csaf/white/${f}`);
      assert.equal(res.statusCode, 200, f);
      const doc = res.json();
      const v = await validateCsaf(doc);
      assert.ok(v.valid, `${f}: ${formatCsafErrors(v.errors)}`);
      assert.ok(
        doc.document.notes.some((n: { category: string; text: string }) => /sample|サンプル/i.test(n.text)),
        'a note says it is a sample',
      );
      const sha = await get(`/.well-known/csaf/white/${f}.sha256`);
      assert.equal(sha.statusCode, 200);
    }
    // and every revision ever stored (revision 1 of the correction too) is valid
    const stored = await t.ctx.db
      .selectFrom('public_csaf_documents')
      .select(['advisory_id', 'revision', 'body', 'signature_asc'])
      .execute();
    assert.equal(stored.length, 4, 'one per published revision');
    for (const d of stored) {
      const v = await validateCsaf(JSON.parse(d.body));
      assert.ok(v.valid, `${d.advisory_id} r${d.revision}: ${formatCsafErrors(v.errors)}`);
      assert.match(d.signature_asc, /BEGIN PGP SIGNATURE/);
    }
  });

  it('exports the CVE record in English and OSV for the purl product', async () => {
    const vu = multiVendor();
    const cve = await get(`/advisories/${vu.slug}/cve/CVE-2099-0001.json`);
    assert.equal(cve.statusCode, 200, cve.body);
    const record = cve.json();
    const descriptions = record.containers.cna.descriptions as { lang: string; value: string }[];
    assert.ok(descriptions.some((d) => d.lang.startsWith('en') && d.value.length > 0));
    const osv = await get(`/advisories/${vu.slug}/osv.json`);
    assert.equal(osv.statusCode, 200, osv.body);
    const records = osv.json() as { affected: { package: { ecosystem: string; name: string } }[] }[];
    assert.ok(records.length > 0);
    assert.deepEqual(
      records[0]?.affected.map((a) => [a.package.ecosystem, a.package.name]),
      [['npm', 'demo-router-lib']],
    );
  });

  it('seeds them once: later starts add or change nothing', async () => {
    const before = await footprint(t);
    assert.equal(await seedDemo(t.ctx), null);
    assert.equal(await seedAdvisoriesDemo(t.ctx), true);
    t.clock.advance(60_000);
    assert.equal(await seedDemo(t.ctx), null);
    assert.deepEqual(await footprint(t), before);
    assert.equal(advisorySlug(multiVendor().id), multiVendor().slug);
  });

  it('carries on from what is there when a run stopped before marking itself done: nothing twice', async () => {
    const before = await footprint(t);
    await t.ctx.db.deleteFrom('settings').where('key', '=', ADVISORIES_SEEDED).execute();
    t.clock.advance(86_400_000); // the next start is a day later
    assert.equal(await seedAdvisoriesDemo(t.ctx), true);
    const after = await footprint(t);
    assert.deepEqual(after, before, 'no report, case, advisory, review, publication or mail added');
    const published = await t.ctx.db
      .selectFrom('advisories')
      .select(['state', 'published_revision'])
      .execute();
    assert.deepEqual(published.map((a) => [a.state, a.published_revision]).sort(), [
      ['published', 1],
      ['published', 1],
      ['published', 2],
    ]);
  });
});

describe('the sample advisories on a demo from before they existed', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('are not added when the demo has no coordinator account (its people are its own)', async () => {
    assert.ok(await seedDemo(t.ctx));
    // a demo seeded before the samples: no coordinator, nothing published yet
    await t.ctx.db.deleteFrom('settings').where('key', '=', ADVISORIES_SEEDED).execute();
    await t.ctx.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now() })
      .where('email', '=', DEMO_COORDINATOR)
      .execute();
    const before = await footprint(t);
    assert.equal(await seedAdvisoriesDemo(t.ctx), false);
    assert.equal(await seedDemo(t.ctx), null);
    assert.deepEqual(await footprint(t), before);
  });
});
