// Search and filters of the public database, over advisories written by the publish step's writer: Japanese
// found from two characters, English words, phrases, tsquery syntax in the query taken as text, each filter,
// the order (newest first, id as tie-break) and pagination with a capped total. Also the query parser's refusals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { toTsQuery } from '../../domain/search-tokens.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { parseListQuery } from './input.js';
import { publicDb } from './public-db.js';
import { readPublicState } from './public-state.js';
import {
  type AdvisoryFilter,
  COUNT_CAP,
  COUNT_WALK_MAX_ROWS,
  countWalkRows,
  findAdvisory,
  findDeveloper,
  findRevision,
  GIN_TOKENS,
  jstDayStart,
  listDevelopers,
  listRevisions,
  searchAdvisories,
  sitemapAdvisories,
  sitemapPlan,
  textSearch,
  tokenStats,
  WALK_COUNT_SHARE,
  WALK_ROWS,
} from './queries.js';
import { sampleDocument, seedPublic } from './testing.js';

const bi = (ja: string, en: string) => ({ ja, en });

describe('public database queries', () => {
  let t: TestApp;
  const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
  const search = (filter: AdvisoryFilter, page = 1, perPage = 20) =>
    searchAdvisories(publicDb(t.ctx.db), filter, { page, perPage });

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    const router = { slug: 'router-ind', name: bi('ルーター工業', 'Router Industries') };
    await seedPublic(t.ctx, [
      sampleDocument({ id: 'JVN#10000001', firstPublishedAt: '2026-11-01T01:00:00.000Z' }),
      sampleDocument({
        id: 'JVN#10000002',
        firstPublishedAt: '2026-11-02T01:00:00.000Z',
        title: bi('ルーターにおけるクロスサイトスクリプティングの脆弱性', 'Cross-site scripting in RT-100'),
        overview: bi(
          'RT-100 の管理画面にクロスサイトスクリプティングの脆弱性があります。',
          'Apache-based UI flaw.',
        ),
        description: bi('入力値の検証が不十分です。', 'Input is not validated.'),
        developers: [router],
        products: [
          {
            ...sampleDocument().products[0]!,
            key: 'p1',
            developerSlug: 'router-ind',
            name: bi('RT-100', 'RT-100'),
          },
        ],
        vendorStatuses: [],
        vulnerabilities: [
          {
            ...sampleDocument().vulnerabilities[0]!,
            title: bi('クロスサイトスクリプティング', 'Cross-site scripting'),
            cweId: 'CWE-79',
            cveId: 'CVE-2026-20002',
            cvss31: {
              vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
              score: 6.1,
              severity: 'medium',
            },
            cvss40: null,
          },
        ],
      }),
      // the same publication instant as …02: the id decides
      sampleDocument({
        id: 'JVNVU#10000003',
        kind: 'jvnvu',
        firstPublishedAt: '2026-11-02T01:00:00.000Z',
        title: bi('複数製品における暗号鍵の不適切な管理', 'Improper key management in several products'),
        overview: bi('暗号の鍵が固定されています。', 'A hard-coded cryptographic key is used.'),
        developers: [
          router,
          { slug: 'sample-industries', name: bi('サンプル工業株式会社', 'Sample Industries') },
        ],
        vulnerabilities: [
          {
            ...sampleDocument().vulnerabilities[0]!,
            title: bi('ハードコードされた鍵', 'Hard-coded key'),
            cweId: 'CWE-321',
            cveId: 'CVE-2026-20003',
            cvss31: {
              vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
              score: 5.9,
              severity: 'medium',
            },
            cvss40: null,
          },
        ],
      }),
      // published 2026-11-04 00:30 JST = 2026-11-03 15:30 UTC: a JST day differs from the UTC one
      sampleDocument({
        id: 'JVNDB-2026-000004',
        kind: 'jvndb',
        firstPublishedAt: '2026-11-03T15:30:00.000Z',
        title: bi('認可の不備', 'Missing authorization'),
        overview: bi('権限の確認がありません。', 'Permissions are not checked.'),
        description: bi('', ''),
        vulnerabilities: [
          {
            ...sampleDocument().vulnerabilities[0]!,
            cweId: 'CWE-862',
            cveId: null,
            cvss31: {
              vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N',
              score: 4.3,
              severity: 'medium',
            },
            cvss40: null,
          },
        ],
      }),
      ...Array.from({ length: 45 }, (_, i) =>
        sampleDocument({
          id: `JVN#2${String(i).padStart(7, '0')}`,
          firstPublishedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 3_600_000).toISOString(),
          title: bi(`バルク製品 ${i} の情報漏えい`, `Information exposure in Bulk ${i}`),
          overview: bi('情報が漏えいします。', 'Information leaks.'),
          description: bi('', ''),
          impact: bi('', ''),
          developers: [{ slug: 'bulk-soft', name: bi('バルクソフト', 'Bulk Soft') }],
          products: [],
          vendorStatuses: [],
          vulnerabilities: [
            {
              ...sampleDocument().vulnerabilities[0]!,
              title: bi('情報漏えい', 'Information exposure'),
              cweId: 'CWE-200',
              cveId: null,
              cvss31: { vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', score: 1.9, severity: 'low' },
              cvss40: null,
            },
          ],
        }),
      ),
    ]);
    // a second revision of the first one
    const first = sampleDocument({
      id: 'JVN#10000001',
      firstPublishedAt: '2026-11-01T01:00:00.000Z',
      lastUpdatedAt: '2026-11-20T01:00:00.000Z',
      revision: 2,
      solution: bi('バージョン 1.2.5 にアップデートしてください。', 'Update to 1.2.5.'),
    });
    await seedPublic(t.ctx, [first]);
  });
  after(() => t?.close());

  it('lists the latest first, the id breaking ties, with the total', async () => {
    const r = await search({});
    assert.deepEqual(ids(r).slice(0, 4), [
      'JVNDB-2026-000004',
      'JVNVU#10000003',
      'JVN#10000002',
      'JVN#10000001',
    ]);
    assert.equal(r.total, 49);
    assert.equal(r.totalCapped, false);
    assert.equal(r.items.length, 20);
    const rt = r.items.find((i) => i.id === 'JVN#10000002')!;
    assert.deepEqual(rt.developers, [{ slug: 'router-ind', name: bi('ルーター工業', 'Router Industries') }]);
    assert.equal(rt.severity, 'medium');
    assert.equal(rt.score, 6.1);
  });

  it('pages through every result once, in order', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) seen.push(...ids(await search({}, page)));
    assert.equal(seen.length, 49);
    assert.equal(new Set(seen).size, 49);
    assert.deepEqual(ids(await search({}, 4)), []);
  });

  it('finds a two-character Japanese word and an English word', async () => {
    // 認証 only in the sample text (…01 and the bulk don't have it in the title, but every sampleDocument's
    // vulnerability text says 認証 unless replaced)
    const auth = ids(await search({ q: '認証' }));
    assert.ok(auth.includes('JVN#10000001'));
    assert.ok(!auth.includes('JVN#10000002'), 'the XSS advisory does not mention 認証');
    assert.deepEqual(ids(await search({ q: '暗号' })), ['JVNVU#10000003']);
    assert.deepEqual(ids(await search({ q: 'scripting' })), ['JVN#10000002']);
    assert.deepEqual(ids(await search({ q: 'SCRIPTING' })), ['JVN#10000002'], 'case does not matter');
    assert.deepEqual(ids(await search({ q: 'ｒｔ－１００' })), ['JVN#10000002'], 'full-width is normalised');
    assert.deepEqual(ids(await search({ q: 'CVE-2026-20003' })), ['JVNVU#10000003']);
    // the id is searchable (its tokens follow the text's in the vector, written by the writer)
    assert.deepEqual(ids(await search({ q: 'JVNVU#10000003' })), ['JVNVU#10000003']);
    assert.deepEqual(ids(await search({ q: 'jvn 10000002' })), ['JVN#10000002']);
  });

  it('treats a term as a phrase and ANDs the terms', async () => {
    assert.deepEqual(ids(await search({ q: 'クロスサイトスクリプティング' })), ['JVN#10000002']);
    assert.deepEqual(ids(await search({ q: 'スクリプトサイト' })), [], 'the bigrams must be adjacent');
    assert.deepEqual(ids(await search({ q: 'key hard-coded' })), ['JVNVU#10000003']);
    assert.deepEqual(ids(await search({ q: 'coded-hard' })), [], 'a hyphenated term is a phrase');
    assert.deepEqual(ids(await search({ q: '暗号 scripting' })), [], 'both terms must appear');
  });

  it('takes tsquery syntax in q as text, never as an operator', async () => {
    for (const q of ['a & b | !c', "':*", 'scripting | key', '!!!', '(', '\\', "'); drop table x; --"]) {
      const r = await search({ q });
      assert.ok(r.total <= 1, `${q}: ${r.total}`);
    }
    assert.deepEqual(ids(await search({ q: 'scripting|key' })), [], 'a | is a separator inside a phrase');
    assert.equal((await search({ q: '!!!' })).total, 0, 'nothing searchable matches nothing');
  });

  it('filters by developer, product, CWE, severity, kind and JST publication days', async () => {
    assert.deepEqual(ids(await search({ developer: 'router-ind' })), ['JVNVU#10000003', 'JVN#10000002']);
    assert.deepEqual(ids(await search({ developer: 'nobody' })), []);
    assert.deepEqual(ids(await search({ product: 'rt-100' })), ['JVN#10000002'], 'lower-cased, whole');
    assert.deepEqual(ids(await search({ product: 'RT' })), []);
    assert.deepEqual(ids(await search({ cwe: 'CWE-79' })), ['JVN#10000002']);
    assert.equal((await search({ cwe: 'CWE-200' })).total, 45);
    assert.deepEqual(ids(await search({ severity: ['critical'] })), ['JVN#10000001']);
    assert.equal((await search({ severity: ['critical', 'medium'] })).total, 4);
    assert.deepEqual(ids(await search({ kind: 'jvndb' })), ['JVNDB-2026-000004']);
    assert.deepEqual(ids(await search({ publishedFrom: '2026-11-04' })), ['JVNDB-2026-000004'], 'a JST day');
    assert.deepEqual(ids(await search({ publishedFrom: '2026-11-02', publishedTo: '2026-11-02' })), [
      'JVNVU#10000003',
      'JVN#10000002',
    ]);
    assert.deepEqual(
      ids(await search({ publishedTo: '2026-11-03', kind: 'jvndb' })),
      [],
      'to is inclusive of JST days',
    );
    assert.deepEqual(ids(await search({ q: '脆弱性', developer: 'router-ind', kind: 'jvn' })), [
      'JVN#10000002',
    ]);
    assert.equal(jstDayStart('2026-11-04').toISOString(), '2026-11-03T15:00:00.000Z');
  });

  it('finds an advisory by slug or id, its revisions and an earlier revision; malformed or unknown is null', async () => {
    const db = publicDb(t.ctx.db);
    assert.equal((await findAdvisory(db, 'JVN10000001'))?.revision, 2);
    assert.equal((await findAdvisory(db, 'JVN#10000001'))?.doc.id, 'JVN#10000001');
    for (const bad of ['JVN99999999', '../etc', "x' or 1=1", '', 'a'.repeat(200), '%00', 'JVN 1'])
      assert.equal(await findAdvisory(db, bad), null, bad);
    const revs = await listRevisions(db, 'JVN10000001');
    assert.deepEqual(
      revs?.revisions.map((r) => r.revision),
      [2, 1],
    );
    const r1 = await findRevision(db, 'JVN10000001', 1);
    assert.equal(r1?.doc.revision, 1);
    assert.match(r1?.doc.solution.ja ?? '', /最新版/);
    assert.equal(await findRevision(db, 'JVN10000001', 3), null);
  });

  it('lists developers with their counts, and finds one', async () => {
    const db = publicDb(t.ctx.db);
    const r = await listDevelopers(db, { page: 1, perPage: 100 });
    assert.deepEqual(
      r.items.map((d) => [d.slug, d.advisories]),
      [
        ['bulk-soft', 45],
        ['router-ind', 2],
        ['sample-industries', 3],
      ],
    );
    assert.equal((await findDeveloper(db, 'router-ind'))?.name.en, 'Router Industries');
    assert.equal(await findDeveloper(db, 'Router_Ind'), null);
    assert.equal(await findDeveloper(db, 'nobody'), null);
  });

  it('parses the query string strictly, in ja and en', () => {
    const opts = { defaultPerPage: 50, maxPerPage: 100, perPageParam: true };
    const ok = parseListQuery(
      { q: ' 認証 ', severity: ['high', 'critical,low'], cwe: '79', page: '2', per_page: '10', kind: '' },
      'ja',
      opts,
    );
    assert.ok(ok.ok);
    assert.deepEqual(ok.data.filter.severity, ['high', 'critical', 'low']);
    assert.equal(ok.data.filter.cwe, 'CWE-79');
    assert.equal(ok.data.filter.q, '認証');
    assert.equal(ok.data.filter.kind, undefined);
    assert.deepEqual([ok.data.page, ok.data.perPage], [2, 10]);
    const bad = parseListQuery(
      {
        severity: 'urgent',
        cwe: 'xss',
        page: '0',
        per_page: '101',
        published_from: '2026-02-30',
        kind: 'cve',
        developer: 'Bad Slug',
      },
      'en',
      opts,
    );
    assert.ok(!bad.ok);
    assert.deepEqual(Object.keys(bad.errors).sort(), [
      'cwe',
      'developer',
      'kind',
      'page',
      'per_page',
      'published_from',
      'severity',
    ]);
    assert.match(bad.errors.published_from![0]!, /YYYY-MM-DD/);
    const order = parseListQuery({ published_from: '2026-11-05', published_to: '2026-11-01' }, 'ja', opts);
    assert.ok(!order.ok && /終わりの日付/.test(order.errors.published_to![0]!));
    const far = parseListQuery({ page: '101', per_page: '100' }, 'ja', opts);
    assert.ok(!far.ok && far.errors.page);
    const tooMany = parseListQuery({ per_page: '200' }, 'en', opts);
    assert.ok(!tooMany.ok && tooMany.errors.per_page);
  });

  it('walks enough of the newest rows to count a common text, within bounds', () => {
    // half as many again as the cap needs at the text's share
    assert.equal(countWalkRows(0.2), 7_500);
    // never fewer than the page walk reads (the count's window holds the page's), never more than the bound
    assert.equal(countWalkRows(0.9), WALK_ROWS);
    assert.equal(countWalkRows(WALK_COUNT_SHARE), COUNT_WALK_MAX_ROWS);
    assert.equal(countWalkRows(0.01), COUNT_WALK_MAX_ROWS);
  });

  it('asks the GIN index for the rarest whole tokens of a phrase search, never a single-character prefix', () => {
    const share: Record<string, number> = {
      クロ: 0.3,
      ロス: 0.3,
      スサ: 0.2,
      サイ: 0.4,
      イト: 0.4,
      sql: 0.08,
    };
    const freq = (token: string) => share[token] ?? 0.001;
    assert.deepEqual(
      textSearch('認証', freq),
      { query: "'認証'", gin: null, share: 0.001 },
      'no phrase: the index answers',
    );
    // how common the query can be at most: its rarest token; a single character (a prefix) counts as rare
    assert.equal(textSearch('クロスサイト', freq)?.share, 0.2);
    assert.equal(textSearch('クロスサイト sql', freq)?.share, 0.08);
    assert.equal(textSearch('クロスサイト 鍵', freq)?.share, 0);
    assert.deepEqual(textSearch('router camera', freq)?.gin, null);
    // the three rarest (a tie goes to the first), in the phrase's order
    assert.equal(GIN_TOKENS, 3);
    assert.equal(textSearch('クロスサイト', freq)?.gin, "'クロ' & 'ロス' & 'スサ'");
    assert.equal(textSearch('クロスサイト 鍵', freq)?.gin, "'クロ' & 'ロス' & 'スサ'", 'not the prefix 鍵:*');
    assert.equal(textSearch('SQLインジェクション', freq)?.gin, "'イン' & 'ンジ' & 'ジェ'");
    assert.equal(textSearch('認証回避', freq)?.gin, "'認証' & '証回' & '回避'", 'three tokens: all of them');
    assert.equal(textSearch('鍵 の', freq)?.gin, null, 'single characters only: the whole query');
    assert.equal(textSearch('!!!', freq), null);
  });

  it('finds exactly what the whole tsquery finds, through the rarest tokens first', async () => {
    const db = publicDb(t.ctx.db);
    for (const q of [
      'クロスサイトスクリプティング',
      'クロスサイト 脆弱性',
      'RT-100 管理画面',
      '脆弱性',
      '性',
    ]) {
      const tsq = toTsQuery(q)!;
      const expected = await db
        .selectFrom('public_advisories')
        .select('id')
        .where(sql<boolean>`search @@ ${tsq}::tsquery`)
        .orderBy('first_published_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const got = await search({ q }, 1, 100);
      assert.deepEqual(
        ids(got),
        expected.map((r) => r.id),
        q,
      );
      assert.equal(got.total, expected.length, q);
    }
  });

  it('tests every GIN candidate of a phrase against the phrase before it is listed', async () => {
    // the false candidate has every token of 鳥獣戯画, none of them in sequence, and is the newer of the two
    await seedPublic(t.ctx, [
      sampleDocument({
        id: 'JVN#60000001',
        firstPublishedAt: '2001-01-10T00:00:00Z',
        title: bi('鳥獣戯画ビューアの脆弱性', 'Choju-giga viewer'),
      }),
      sampleDocument({
        id: 'JVN#60000002',
        firstPublishedAt: '2001-02-10T00:00:00Z',
        title: bi('戯画 鳥獣 獣戯 の脆弱性', 'Scattered tokens'),
      }),
    ]);
    for (const page of [1, 2]) {
      const got = await search({ q: '鳥獣戯画' }, page, 1);
      assert.deepEqual(ids(got), page === 1 ? ['JVN#60000001'] : [], `page ${page}`);
      assert.equal(got.total, 1);
    }
  });

  it('splits the sitemap into parts by key, each advisory (samples left out) in exactly one', async () => {
    const db = publicDb(t.ctx.db);
    const plan = await sitemapPlan(db, 7);
    const all = await db
      .selectFrom('public_advisories')
      .select('slug')
      .where('sample', '=', false)
      .orderBy('first_published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    assert.equal(plan.advisories, all.length);
    assert.equal(plan.starts.length, Math.ceil(all.length / 7));
    const walked: string[] = [];
    for (const from of plan.starts) {
      walked.push(...(await sitemapAdvisories(db, { from, limit: 7 })).map((a) => a.slug));
    }
    assert.deepEqual(
      walked,
      all.map((r) => r.slug),
    );
    const state = await readPublicState(db);
    assert.equal(state.advisories, (await search({}, 1, 1)).total, 'the unfiltered total is the kept count');
  });

  // last: it adds a thousand advisories
  it('counts up to the cap and says so; a text search past the cap walks the date index newest first', async () => {
    await seedPublic(
      t.ctx,
      Array.from({ length: COUNT_CAP + 5 }, (_, i) =>
        sampleDocument({
          id: `JVN#5${String(i).padStart(7, '0')}`,
          firstPublishedAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString(),
          title: bi(`大量製品 ${i} の脆弱性`, `Mass ${i}`),
          developers: [{ slug: 'mass-soft', name: bi('大量ソフト', 'Mass Soft') }],
          products: [],
          vendorStatuses: [],
        }),
      ),
    );
    // with the column's statistics, 大量製品 is common enough to be counted by walking the newest rows
    await sql`analyze public_advisories`.execute(t.ctx.db);
    const stats = await tokenStats(publicDb(t.ctx.db), Date.now() + 11 * 60_000); // re-read after ANALYZE
    assert.ok((stats.share.get('大量') ?? 0) >= WALK_COUNT_SHARE);
    assert.ok(textSearch('大量製品', (k) => stats.share.get(k) ?? 0)!.share >= WALK_COUNT_SHARE);
    const byDeveloper = await search({ developer: 'mass-soft' });
    assert.equal(byDeveloper.total, COUNT_CAP);
    assert.equal(byDeveloper.totalCapped, true);
    const byText = await search({ q: '大量製品' }, 2);
    assert.equal(byText.total, COUNT_CAP);
    assert.equal(byText.totalCapped, true);
    assert.deepEqual(ids(byText).slice(0, 2), [
      `JVN#5${String(COUNT_CAP + 4 - 20).padStart(7, '0')}`,
      `JVN#5${String(COUNT_CAP + 3 - 20).padStart(7, '0')}`,
    ]);
    // a common text rare among the newest rows: past the walk's window, the page comes from the GIN candidates,
    // the same page the walk would have found
    for (const page of [1, 2, 50]) {
      const narrow = await searchAdvisories(
        publicDb(t.ctx.db),
        { q: '大量製品' },
        { page, perPage: 20, walkRows: 3 },
      );
      assert.deepEqual(ids(narrow), ids(await search({ q: '大量製品' }, page)), `page ${page}`);
      assert.equal(narrow.items.length, 20);
    }
    // counted first with a window of 3 rows (a query not asked before: no count is kept for it): the walk finds
    // 3 matches, too few, so the GIN count decides — the same total
    const counted = await searchAdvisories(
      publicDb(t.ctx.db),
      { q: '製品 大量' },
      { page: 1, perPage: 20, walkRows: 3 },
    );
    assert.equal(counted.total, COUNT_CAP);
    assert.equal(counted.totalCapped, true);
    // and its page: the walk's 3 matches cannot fill 20 rows, so it comes from the GIN candidates — the same page
    assert.deepEqual(ids(counted), ids(await search({ q: '製品 大量' })));
    assert.equal(counted.items.length, 20);
    const few = await search({ q: '大量製品 5' });
    assert.equal(few.totalCapped, false, 'under the cap: the exact number');
    assert.ok(few.total > 0 && few.total < COUNT_CAP);
    const opts = { defaultPerPage: 20, maxPerPage: 100, perPageParam: false };
    assert.ok(parseListQuery({ page: String(COUNT_CAP / 20) }, 'ja', opts).ok);
    assert.ok(!parseListQuery({ page: String(COUNT_CAP / 20 + 1) }, 'ja', opts).ok);
    const latest = await search({});
    assert.equal(latest.total, COUNT_CAP, 'the latest list says 1,000+ from the kept count');
    assert.equal(latest.totalCapped, true);
  });
});
