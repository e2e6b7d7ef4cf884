// The public vulnerability database's reads, over the public tables only (PublicDatabase): the latest
// advisories and search with filters, one advisory (current or an earlier revision), its revisions, the
// developers, and what the sitemap lists. Every list is newest first by first publication with the id as the
// tie-break, which is the order of public_advisories_latest_idx, so a page is an index walk or a GIN bitmap
// and a short sort, never a scan of the whole table.
//
// The total of a search is counted up to COUNT_CAP rows (a capped count): counting every match of a common
// word among 250,000 advisories costs far more than the page itself (each match of a phrase is a detoast and
// a recheck, ~5 µs), and a person does not page past 50 pages. Pages beyond the cap are refused by the query
// parser; lists say "1,000+" when the cap is reached. To read more, narrow by published_from/published_to.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { AdvisoryDocument, AdvisoryKind, Severity } from '../../domain/advisory-document.js';
import { queryTokens, toTsQuery } from '../../domain/search-tokens.js';
import type { PublicDB } from '../../platform/db/schema/public-database.js';
import type { PublicDatabase } from './public-db.js';
import { readPublicState, VersionCache } from './public-state.js';

export const COUNT_CAP = 1_000;
/**
 * How many of the newest advisories (after the other filters) a common text search walks before it gives up on
 * the date index: a text common overall can be rare among the newest ('CVE-2024' read in 2026, 'JVNDB-2020'),
 * and walking back a hundred thousand rows to find it cost 0.7–1.6 s.
 */
export const WALK_ROWS = 5_000;
/**
 * A text at least this common (the share of its rarest token) is counted by walking the newest advisories
 * (countWalkRows), not through the GIN index: the index would first gather every candidate in a bitmap —
 * 90–140 ms for 株式会社 or 脆弱性, which are in most advisories, 20–30 ms for 任意のコード (51,000 candidates,
 * ~0.5 µs each) — where the walk finds COUNT_CAP matches within a few thousand of the newest rows, which every
 * walk reads and so are usually in memory (~1.8 µs a row: 4,818 rows, 8.7 ms, for 任意のコード). A walk that
 * finds fewer (the estimate is only an upper bound) is followed by the index count as before; the total is
 * the same either way (COUNT_CAP means "at least").
 */
export const WALK_COUNT_SHARE = 0.15;
/** The most rows a count walks (a text in 15 % of advisories needs ~6,700 for COUNT_CAP matches). */
export const COUNT_WALK_MAX_ROWS = 10_000;

/**
 * How many of the newest rows a count walks for a text of this share: half as many again as COUNT_CAP matches
 * need at that share, at least WALK_ROWS (so the count's window holds the page walk's) and at most
 * COUNT_WALK_MAX_ROWS.
 */
export function countWalkRows(share: number): number {
  return Math.min(COUNT_WALK_MAX_ROWS, Math.max(WALK_ROWS, Math.ceil((1.5 * COUNT_CAP) / share)));
}
export const PAGE_SIZE = 20;
export const API_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
export const DEVELOPERS_PAGE_SIZE = 100;

export type AdvisoryFilter = {
  q?: string | undefined;
  /** a public developer slug */
  developer?: string | undefined;
  /** a product name as published (compared lower-cased, whole) */
  product?: string | undefined;
  /** CWE-79, NVD-CWE-Other … (normalised by the parser) */
  cwe?: string | undefined;
  severity?: readonly Severity[] | undefined;
  kind?: AdvisoryKind | undefined;
  /** JST calendar days, inclusive */
  publishedFrom?: string | undefined;
  publishedTo?: string | undefined;
};

export type AdvisorySummary = {
  id: string;
  slug: string;
  kind: AdvisoryKind;
  revision: number;
  title: { ja: string; en: string };
  firstPublishedAt: Date;
  lastUpdatedAt: Date;
  severity: Severity | null;
  score: number | null;
  developers: { slug: string; name: { ja: string; en: string } }[];
  cveIds: string[];
  cweIds: string[];
  sample: boolean;
};

export type AdvisoryPage = {
  items: AdvisorySummary[];
  page: number;
  perPage: number;
  /** the number of matches, at most COUNT_CAP */
  total: number;
  /** true when there are at least COUNT_CAP matches (total is a lower bound) */
  totalCapped: boolean;
};

const JST_OFFSET_MS = 9 * 3_600_000;

/** The instant a JST calendar day (YYYY-MM-DD) starts. */
export function jstDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - JST_OFFSET_MS);
}

/**
 * How many tokens of a phrase search the GIN index is asked for (the rarest ones). Three, not two: the third
 * removes candidates the two rarest cannot (ルータ 認証: 'ルー' & '認証' are also in ルール…認証, 4,634 candidates
 * and 879 of the first 1,879 rechecked in vain; with 'ータ' 2,538 and 44, 1,038 heap pages instead of 1,856 for
 * the capped count), and one more posting list costs the index ~0.5 ms.
 */
export const GIN_TOKENS = 3;

const SINGLE_CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆]$/v;

/**
 * The text part of a search: `query`, the exact tsquery (search-tokens.ts), and `gin`, what the GIN index is
 * asked for when `query` holds phrases. The index cannot check a phrase's positions: for a phrase it reads
 * the posting list of every token and intersects them all (13 for クロスサイトスクリプティング, each token in
 * a quarter of 250,000 advisories: ~50–200 ms), then rechecks the phrase on each row it returns. Every token
 * of the query must be in a matching advisory, so asking the index for the GIN_TOKENS rarest ones (by
 * ANALYZE's statistics of the column) gives the same candidates or a few more, at a fraction of the cost; the
 * exact query is then checked on the candidates as a filter (ts_match_vq, the function behind @@, which no
 * index answers). The results are the same as `search @@ query`'s. Single CJK characters are prefix
 * operands (many index entries each) and are never chosen. Null when the index can answer `query` itself.
 */
export type TextSearch = {
  query: string;
  gin: string | null;
  /**
   * At most this share of advisories can match (the share of the query's rarest token, from ANALYZE's
   * statistics; a token not among the most common counts as rare): what decides how the matches are counted.
   */
  share: number;
};

export function textSearch(q: string, frequency: (token: string) => number): TextSearch | null {
  const query = toTsQuery(q);
  if (query === null) return null;
  const all = queryTokens(q);
  // a single CJK character is a prefix search: its share is unknown, so it counts as rare
  const share = Math.min(...all.map((t) => (SINGLE_CJK.test(t) ? 0 : frequency(t))));
  if (!query.includes('<')) return { query, gin: null, share };
  const tokens = all.filter((t) => !SINGLE_CJK.test(t));
  if (tokens.length === 0) return { query, gin: null, share };
  const rarest = tokens
    .map((token, i) => ({ token, i, f: frequency(token) }))
    .sort((a, b) => a.f - b.f || a.i - b.i)
    .slice(0, GIN_TOKENS)
    .sort((a, b) => a.i - b.i)
    .map((x) => `'${x.token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`);
  return { query, gin: rarest.join(' & '), share };
}

/** How often search tokens occur: the share of advisories (ANALYZE's most common elements of the column). */
type TokenStats = { share: Map<string, number>; rare: number };
const TOKEN_STATS_TTL_MS = 10 * 60_000;
const tokenStatsCache = new WeakMap<PublicDatabase, { at: number; stats: Promise<TokenStats> }>();

/** The column's token statistics, read from pg_stats at most every ten minutes per database. */
export async function tokenStats(db: PublicDatabase, now = Date.now()): Promise<TokenStats> {
  const cached = tokenStatsCache.get(db);
  if (cached && now - cached.at < TOKEN_STATS_TTL_MS) return cached.stats;
  const stats = sql<{ elems: string[] | null; freqs: number[] | null }>`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs
    from pg_stats
    where schemaname = current_schema() and tablename = 'public_advisories' and attname = 'search'`
    .execute(db)
    .then(({ rows }) => {
      const elems = rows[0]?.elems ?? [];
      const freqs = rows[0]?.freqs ?? [];
      const share = new Map(elems.map((e, i) => [e, Number(freqs[i])]));
      // after the per-element shares come the smallest and the largest of them (pg_stats documentation)
      const rare = elems.length > 0 ? Number(freqs[elems.length]) : 0;
      return { share, rare };
    });
  tokenStatsCache.set(db, { at: now, stats });
  stats.catch(() => tokenStatsCache.delete(db));
  return stats;
}

/** A token's share of advisories: a token not among the most common is rarer than all of those. */
function frequencyOf(stats: TokenStats): (token: string) => number {
  return (token) => stats.share.get(token) ?? stats.rare / 2;
}

/**
 * Where-conditions of a filter; the tsquery is passed as a literal (search-tokens.ts). Without `exact`, a
 * phrase search stops at the GIN candidates (the caller tests the exact query itself).
 */
function conditions(filter: AdvisoryFilter, text: TextSearch | null, { exact = true } = {}) {
  return (eb: ExpressionBuilder<PublicDB, 'public_advisories'>) => {
    const all: Expression<SqlBool>[] = [];
    if (filter.q && text === null) {
      // nothing searchable (only punctuation): nothing matches, rather than everything
      all.push(sql<boolean>`false`);
    }
    if (text?.gin) {
      all.push(sql<boolean>`${eb.ref('search')} @@ ${text.gin}::tsquery`);
      if (exact) all.push(sql<boolean>`ts_match_vq(${eb.ref('search')}, ${text.query}::tsquery)`);
    } else if (text) {
      all.push(sql<boolean>`${eb.ref('search')} @@ ${text.query}::tsquery`);
    }

    if (filter.developer)
      all.push(sql<boolean>`${eb.ref('developer_slugs')} @> array[${filter.developer}]::text[]`);
    if (filter.product)
      all.push(sql<boolean>`${eb.ref('product_names')} @> array[${filter.product.toLowerCase()}]::text[]`);
    if (filter.cwe) all.push(sql<boolean>`${eb.ref('cwe_ids')} @> array[${filter.cwe}]::text[]`);
    if (filter.severity?.length) all.push(eb('severity', 'in', [...filter.severity]));
    if (filter.kind) all.push(eb('kind', '=', filter.kind));
    if (filter.publishedFrom) all.push(eb('first_published_at', '>=', jstDayStart(filter.publishedFrom)));
    if (filter.publishedTo) {
      const end = new Date(jstDayStart(filter.publishedTo).getTime() + 86_400_000);
      all.push(eb('first_published_at', '<', end));
    }
    return eb.and(all);
  };
}

/**
 * Capped counts of searches, per database, for the current public version only (at most 1,000 searches): the
 * count is most of a search's cost (every match up to the cap is found and, for a phrase, rechecked), and the
 * next pages of a search, or the same search again, need the same number until something is published.
 */
const countCaches = new WeakMap<PublicDatabase, VersionCache<number>>();
function searchCounts(db: PublicDatabase): VersionCache<number> {
  let cache = countCaches.get(db);
  if (!cache) {
    cache = new VersionCache<number>(1_000);
    countCaches.set(db, cache);
  }
  return cache;
}

/**
 * A text search transaction's planner settings for its next query (set_config(…, true) is SET LOCAL): walk the
 * date index newest first, or take the GIN bitmap (and sort). The transaction starts with 'gin' (its first
 * statement sets that); a setting is sent only when it changes.
 */
function planner(trx: PublicDatabase): (how: 'walk' | 'gin') => Promise<void> {
  let current: 'walk' | 'gin' = 'gin';
  return async (how) => {
    if (how === current) return;
    const [index, bitmap] = how === 'walk' ? ['on', 'off'] : ['off', 'on'];
    await sql`select set_config('enable_indexscan', ${index}, true), set_config('enable_bitmapscan', ${bitmap}, true)`.execute(
      trx,
    );
    current = how;
  };
}

/**
 * Whether a filter has more than its text: the walked count is only for a text alone (a rare developer or
 * date range would make the walk long), and countKey names every part of a filter that changes its matches.
 */
function hasOtherFilters(f: AdvisoryFilter): boolean {
  return countKey(f) !== countKey({ q: f.q });
}

/** What determines a filter's matches (not the page). */
function countKey(f: AdvisoryFilter): string {
  return JSON.stringify([
    f.q ?? '',
    f.developer ?? '',
    f.product?.toLowerCase() ?? '',
    f.cwe ?? '',
    [...(f.severity ?? [])].sort(),
    f.kind ?? '',
    f.publishedFrom ?? '',
    f.publishedTo ?? '',
  ]);
}

/** Whether a filter lists every advisory (the latest advisories, no search). */
export function isUnfiltered(f: AdvisoryFilter): boolean {
  return !(
    f.q ||
    f.developer ||
    f.product ||
    f.cwe ||
    f.severity?.length ||
    f.kind ||
    f.publishedFrom ||
    f.publishedTo
  );
}

/** Developer names of the slugs on a page of advisories, in one query. */
async function developerNames(db: PublicDatabase, slugs: Iterable<string>) {
  const list = [...new Set(slugs)];
  if (list.length === 0) return new Map<string, { ja: string; en: string }>();
  const rows = await db
    .selectFrom('public_developers')
    .select(['slug', 'name_ja', 'name_en'])
    .where('slug', 'in', list)
    .execute();
  return new Map(rows.map((r) => [r.slug, { ja: r.name_ja, en: r.name_en }]));
}

/**
 * Latest advisories, or those matching a search and filters, a page at a time (1-based).
 *
 * The planner cannot know that testing a row against a tsquery costs a detoast of its search vector (a few µs
 * each, and phrases — every Japanese word of 3+ characters — always need that recheck), so left alone it scans
 * the table or walks the date index past thousands of rows for a rare word. Hence, inside one transaction:
 * the capped count goes through the GIN bitmap, never a sequential scan (or, for a very common text, walks the
 * newest rows); then a result that fits under the cap is fetched through the GIN bitmap and sorted (a phrase's
 * candidates sorted first and tested in order), while a common one is read by walking the date index newest
 * first until the page is full (within the newest WALK_ROWS; past them, as a rare one). Without text, the
 * planner's own choices are good (no detoast), and the count and the page run side by side.
 */
export async function searchAdvisories(
  db: PublicDatabase,
  filter: AdvisoryFilter,
  opts: {
    page: number;
    perPage: number;
    /** how many of the newest rows a walk reads: WALK_ROWS (pages), countWalkRows (counts) unless given (tests) */
    walkRows?: number;
  },
): Promise<AdvisoryPage> {
  const walkRows = opts.walkRows ?? WALK_ROWS;
  const text = filter.q ? textSearch(filter.q, frequencyOf(await tokenStats(db))) : null;
  const where = conditions(filter, text);
  const offset = (opts.page - 1) * opts.perPage;
  const countQuery = (q: PublicDatabase) =>
    q
      .selectFrom((qb) =>
        qb
          .selectFrom('public_advisories')
          .select(sql<number>`1`.as('one'))
          .where(where)
          .limit(COUNT_CAP)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const columns = [
    'id',
    'slug',
    'kind',
    'revision',
    'title_ja',
    'title_en',
    'first_published_at',
    'last_updated_at',
    'severity',
    'max_score',
    'developer_slugs',
    'cve_ids',
    'cwe_ids',
    'sample',
  ] as const;
  // the walk's window: the newest `rows` advisories that pass the other filters, each tested against the text
  const walkWindow = (q: PublicDatabase, query: string, rows: number) =>
    q
      .selectFrom((qb) =>
        qb
          .selectFrom('public_advisories')
          .select([...columns, 'search'])
          .where(conditions({ ...filter, q: undefined }, null))
          .orderBy('first_published_at', 'desc')
          .orderBy('id', 'desc')
          .limit(rows)
          .as('w'),
      )
      .where(sql<boolean>`ts_match_vq(w.search, ${query}::tsquery)`);
  const walkedPageQuery = (q: PublicDatabase, query: string) =>
    walkWindow(q, query, walkRows)
      .select(columns)
      .orderBy('first_published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.perPage)
      .offset(offset)
      .execute();
  // its matches, up to the cap
  const walkedCountQuery = (q: PublicDatabase, query: string, rows: number) =>
    q
      .selectFrom(() => walkWindow(q, query, rows).select(sql<number>`1`.as('one')).limit(COUNT_CAP).as('m'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const pageQuery = (q: PublicDatabase, w = where) =>
    q
      .selectFrom('public_advisories')
      .select(columns)
      .where(w)
      .orderBy('first_published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.perPage)
      .offset(offset)
      .execute();
  // A phrase's page from its GIN candidates: sorted first by (first_published_at, id) alone, then each one, in
  // that order, fetched again by its ctid and tested against the exact query until the page is full. Testing
  // every candidate before sorting (as `where` would) cost a third of the query for a text with many candidates
  // ('CVE-2018': 12,000, 29 → 20 ms with the pages in memory). The subquery's OFFSET 0 keeps it planned on
  // its own (the test is not pushed into it); its order carries to the outer ORDER BY, so there is no second
  // sort and the LIMIT stops the loop.
  const candidatesPageQuery = (q: PublicDatabase, query: string) =>
    q
      .selectFrom(
        q
          .selectFrom('public_advisories')
          .select([sql<string>`ctid`.as('t'), 'first_published_at', 'id'])
          .where(conditions(filter, text, { exact: false }))
          .orderBy('first_published_at', 'desc')
          .orderBy('id', 'desc')
          .offset(0)
          .as('c'),
      )
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('public_advisories as a')
            .select(columns)
            .where(sql<boolean>`a.ctid = c.t and ts_match_vq(a.search, ${query}::tsquery)`)
            .as('a'),
        (join) => join.onTrue(),
      )
      .select(columns.map((c) => `a.${c}` as const))
      .orderBy('c.first_published_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(opts.perPage)
      .offset(offset)
      .execute();
  const key = countKey(filter);
  const { rows, total } = text
    ? await db.transaction().execute(async (trx) => {
        // planner settings for this transaction only (set_config(…, true) is SET LOCAL: the GIN bitmap, as
        // planner() starts from) and the public version, in one round trip. No parallel workers: the planner
        // cannot estimate a phrase's matches, thinks the date-index walk expensive and starts two workers, which
        // cost ~25 ms to start for ~2 ms of work.
        const { rows: settings } = await sql<{ version: string | null }>`
          select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
            set_config('enable_bitmapscan', 'on', true), set_config('max_parallel_workers_per_gather', '0', true),
            (select version::text from public_state) as version`.execute(trx);
        const plan = planner(trx);
        const version = settings[0]?.version ?? null;
        // matches among the newest rows, when this request's count walked them and found fewer than the cap
        let walkedMatches: number | null = null;
        const countText = async () => {
          if (text.share >= WALK_COUNT_SHARE && !hasOtherFilters(filter)) {
            await plan('walk');
            const n = await walkedCountQuery(trx, text.query, opts.walkRows ?? countWalkRows(text.share));
            // enough: the page (below) walks the newest rows next, with the same settings
            if (n >= COUNT_CAP) return n;
            walkedMatches = n;
            await plan('gin');
          }
          return countQuery(trx);
        };
        const total = await (version === null ? countText() : searchCounts(db).get(version, key, countText));
        if (total === 0) return { rows: [], total };
        // the count's walk read at least the rows the page walk would: with fewer matches there than the page
        // needs, the page walk would read them again only to come up short
        const walkCannotFill = walkedMatches !== null && walkedMatches < offset + opts.perPage;
        if (total >= COUNT_CAP && !walkCannotFill) {
          // a common text: newest first along the date index, testing rows (the exact query only, each row's
          // vector read once) until the page is full — within the newest walkRows rows. A page it does not
          // fill there (the text is rare among the newest, or this is the last page) comes from the GIN
          // candidates, sorted, as for a rarer text.
          await plan('walk');
          const walked = await walkedPageQuery(trx, text.query);
          if (walked.length === opts.perPage) return { rows: walked, total };
          await plan('gin');
        }
        return { rows: await (text.gin ? candidatesPageQuery(trx, text.query) : pageQuery(trx)), total };
      })
    : await Promise.all([
        pageQuery(db),
        readPublicState(db).then((s) =>
          isUnfiltered(filter)
            ? // the whole list: its size is kept by the writer (public_state), nothing to count
              Math.min(s.advisories, COUNT_CAP)
            : searchCounts(db).get(s.version, key, () => countQuery(db)),
        ),
      ]).then(([rows, total]) => ({ rows, total }));
  const names = await developerNames(
    db,
    rows.flatMap((r) => r.developer_slugs),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      revision: r.revision,
      title: { ja: r.title_ja, en: r.title_en },
      firstPublishedAt: r.first_published_at,
      lastUpdatedAt: r.last_updated_at,
      severity: r.severity,
      score: r.max_score === null ? null : Number(r.max_score),
      developers: r.developer_slugs.map((slug) => ({
        slug,
        name: names.get(slug) ?? { ja: slug, en: slug },
      })),
      cveIds: r.cve_ids,
      cweIds: r.cwe_ids,
      sample: r.sample,
    })),
    page: opts.page,
    perPage: opts.perPage,
    total,
    totalCapped: total >= COUNT_CAP,
  };
}

/** What a slug or an id in a URL may look like; anything else is not found without asking the database. */
const SLUG = /^[A-Za-z0-9._-]{3,100}$/;
const ID = /^[A-Za-z0-9#._-]{3,100}$/;

export type AdvisoryRecord = { doc: AdvisoryDocument; slug: string; revision: number; lastUpdatedAt: Date };

/** The current revision of an advisory by its slug (JVN12345678) or its id (JVN#12345678); null if none. */
export async function findAdvisory(db: PublicDatabase, slugOrId: string): Promise<AdvisoryRecord | null> {
  const bySlug = SLUG.test(slugOrId);
  if (!bySlug && !ID.test(slugOrId)) return null;
  const row = await db
    .selectFrom('public_advisories')
    .select(['slug', 'revision', 'last_updated_at', 'document'])
    .where((eb) =>
      bySlug ? eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]) : eb('id', '=', slugOrId),
    )
    .executeTakeFirst();
  if (!row) return null;
  return {
    doc: row.document as AdvisoryDocument,
    slug: row.slug,
    revision: row.revision,
    lastUpdatedAt: row.last_updated_at,
  };
}

export type RevisionEntry = {
  revision: number;
  publishedAt: Date;
  note: { ja: string; en: string };
};

/** Every published revision of an advisory (newest first) and the current record; null for an unknown slug. */
export async function listRevisions(
  db: PublicDatabase,
  slug: string,
): Promise<{ current: AdvisoryRecord; revisions: RevisionEntry[] } | null> {
  const current = await findAdvisory(db, slug);
  if (!current) return null;
  const rows = await db
    .selectFrom('public_advisory_revisions')
    .select(['revision', 'published_at', 'note_ja', 'note_en'])
    .where('advisory_id', '=', current.doc.id)
    .orderBy('revision', 'desc')
    .execute();
  return {
    current,
    revisions: rows.map((r) => ({
      revision: r.revision,
      publishedAt: r.published_at,
      note: { ja: r.note_ja, en: r.note_en },
    })),
  };
}

/** The document of one revision as it was published; null for an unknown slug or revision. */
export async function findRevision(
  db: PublicDatabase,
  slug: string,
  revision: number,
): Promise<{ current: AdvisoryRecord; doc: AdvisoryDocument } | null> {
  const current = await findAdvisory(db, slug);
  if (!current) return null;
  // the current revision's document is kept once, in public_advisories (migration 0016)
  const row = await db
    .selectFrom('public_advisory_revisions as r')
    .innerJoin('public_advisories as a', 'a.id', 'r.advisory_id')
    .select(sql<unknown>`coalesce(r.document, a.document)`.as('document'))
    .where('r.advisory_id', '=', current.doc.id)
    .where('r.revision', '=', revision)
    .executeTakeFirst();
  return row ? { current, doc: row.document as AdvisoryDocument } : null;
}

export type DeveloperSummary = { slug: string; name: { ja: string; en: string }; advisories: number };

/** Developers by name, a page at a time, each with its number of advisories. */
export async function listDevelopers(
  db: PublicDatabase,
  opts: { page: number; perPage: number },
): Promise<{ items: DeveloperSummary[]; total: number; page: number; perPage: number }> {
  // advisory_count is kept by the writer (migration 0015): no advisory is read here
  const [rows, counted] = await Promise.all([
    db
      .selectFrom('public_developers')
      .select(['slug', 'name_ja', 'name_en', 'advisory_count'])
      .orderBy('name_en')
      .orderBy('name_ja')
      .orderBy('slug')
      .limit(opts.perPage)
      .offset((opts.page - 1) * opts.perPage)
      .execute(),
    db
      .selectFrom('public_developers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      name: { ja: r.name_ja, en: r.name_en },
      advisories: r.advisory_count,
    })),
    total: Number(counted.n),
    page: opts.page,
    perPage: opts.perPage,
  };
}

const DEVELOPER_SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A developer by its public slug; null when unknown or malformed. */
export async function findDeveloper(
  db: PublicDatabase,
  slug: string,
): Promise<{ slug: string; name: { ja: string; en: string } } | null> {
  if (!DEVELOPER_SLUG.test(slug)) return null;
  const row = await db
    .selectFrom('public_developers')
    .select(['slug', 'name_ja', 'name_en'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? { slug: row.slug, name: { ja: row.name_ja, en: row.name_en } } : null;
}

export const isDeveloperSlug = (s: string) => DEVELOPER_SLUG.test(s);

/** A sitemap file holds at most 50,000 URLs (sitemaps.org); beyond that /sitemap.xml is an index of parts. */
export const SITEMAP_MAX = 50_000;

/** Where a sitemap part of advisories starts: the (first_published_at, id) of its first advisory. */
export type SitemapKey = { publishedAt: Date; id: string };

/**
 * What the sitemap lists, in parts of SITEMAP_MAX advisories (samples left out): how many advisories and
 * developers, and the key each part of advisories starts at. One walk of the date index; the routes keep it
 * per public version, so each part is then read by keyset from its start, never by OFFSET.
 */
export async function sitemapPlan(
  db: PublicDatabase,
  partSize = SITEMAP_MAX,
): Promise<{ advisories: number; developers: number; starts: SitemapKey[] }> {
  const [starts, a, d] = await Promise.all([
    db
      .selectFrom(
        db
          .selectFrom('public_advisories')
          .select([
            'first_published_at',
            'id',
            sql<string>`row_number() over (order by first_published_at desc, id desc)`.as('n'),
          ])
          .where('sample', '=', false)
          .as('s'),
      )
      .select(['s.first_published_at', 's.id'])
      .where(sql<boolean>`(s.n - 1) % ${partSize} = 0`)
      .orderBy('s.n')
      .execute(),
    db
      .selectFrom('public_advisories')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('sample', '=', false)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('public_developers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    advisories: Number(a.n),
    developers: Number(d.n),
    starts: starts.map((r) => ({ publishedAt: r.first_published_at, id: r.id })),
  };
}

/**
 * Advisories for the sitemap (samples are demo data, never listed for search engines), newest first, from a
 * key on (a keyset page along public_advisories_latest_idx).
 */
export async function sitemapAdvisories(
  db: PublicDatabase,
  opts: { from: SitemapKey | null; limit: number },
): Promise<{ slug: string; lastUpdatedAt: Date }[]> {
  let q = db
    .selectFrom('public_advisories')
    .select(['slug', 'last_updated_at'])
    .where('sample', '=', false)
    .orderBy('first_published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit);
  const from = opts.from;
  if (from) {
    q = q.where((eb) =>
      eb(eb.refTuple('first_published_at', 'id'), '<=', eb.tuple(from.publishedAt, from.id)),
    );
  }
  const rows = await q.execute();
  return rows.map((a) => ({ slug: a.slug, lastUpdatedAt: a.last_updated_at }));
}

/** Developers for the sitemap. */
export async function sitemapDevelopers(db: PublicDatabase): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('public_developers')
    .select(['slug', 'updated_at'])
    .orderBy('slug')
    .execute();
  return rows.map((d) => ({ slug: d.slug, updatedAt: d.updated_at }));
}
