// Importing advisories published elsewhere (CSAF 2.0) into the public vulnerability database as JVNDB entries:
// `keikai import-advisories <file|folder|url>`.
//
// - The source is one CSAF file, a folder (every *.json below it), or an https URL: a provider's
//   provider-metadata.json (its distributions: directory_url → index.txt, and ROLIE feeds), a ROLIE feed,
//   an index.txt, or one CSAF document. URLs are fetched with safeFetch (no way into keikai's own network).
// - Every document is checked (CSAF 2.0 schema and mandatory tests) and must be TLP:WHITE/CLEAR; a file that
//   fails is reported with the reason, counted as failed, and nothing is written for it. The run goes on.
// - Idempotent: an advisory is known by (publisher namespace, tracking id). The same or an older revision is
//   'unchanged' and not written; a newer one becomes a new revision of the same JVNDB id; a new one gets a
//   JVNDB id (config.publication.idPatterns.jvndb) for the year of its initial release.
// - Resumable: the entries are taken in a fixed order, in batches, each batch in one transaction together
//   with the run's counters and cursor (advisory_import_runs). A crash loses only the batch in flight;
//   starting the same source again while its last run is unfinished continues after the cursor.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { sql } from 'kysely';
import { counterKey } from '../../domain/id-format.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { allocateIds } from '../../platform/ids.js';
import { safeFetch } from '../../platform/outbound/safe-fetch.js';
import { type PublicEntry, publicRowParts, writePublicAdvisories } from '../publication/public-writer.js';
import { type AheadResult, startPrepareAhead } from './prepare-ahead.js';
import { type ImportFailure, isFailure, type PreparedDocument, prepareDocument } from './prepare-document.js';

export type { FailureCode, ImportFailure } from './prepare-document.js';

export type ImportProgress = {
  total: number;
  done: number;
  imported: number;
  unchanged: number;
  failed: number;
};

export type ImportSummary = ImportProgress & {
  runId: string;
  source: string;
  /** set when this call continued an interrupted run of the same source */
  resumed: { after: string; startedAt: Date } | null;
  /** of `imported`, how many were new revisions of advisories already imported */
  updated: number;
  /** the failures of this call (a resumed run's earlier failures are counted in `failed` only) */
  failures: ImportFailure[];
  failedBeforeResume: number;
  ms: number;
};

export type ImportOptions = {
  /** entries per transaction (default 500) */
  batchSize?: number;
  /**
   * documents prepared or URLs fetched at the same time in this thread (default 2 for files, 6 for URLs); the
   * files of a folder of several batches are prepared in a worker thread instead, one at a time
   */
  concurrency?: number;
  /** check each document with the CSAF validator (default true; the benchmark measures without too) */
  validate?: boolean;
  /** after each committed batch, and once at the start */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  /** called once when the run resumes an interrupted one, before any work */
  onResume?: (r: { after: string; startedAt: Date }) => void;
  /** tests only: inside each batch's transaction, after its writes and before its commit */
  beforeCommit?: (batchNumber: number) => void | Promise<void>;
};

/** The source given cannot be imported at all (advisoryImport.source.<code>). */
export class ImportSourceError extends Error {
  override name = 'ImportSourceError';
  constructor(
    readonly code: 'notFound' | 'insecure' | 'unreachable' | 'unrecognised' | 'empty',
    readonly source: string,
    readonly detail = '',
  ) {
    super(`${code}: ${source}${detail ? ` (${detail})` : ''}`);
  }
}

/** What to import: a local file (`path`, prepared in batches in a worker when there are several) or a URL (`load`). */
type Entry = { name: string; url: string | null; path: string | null; load: () => Promise<Buffer> };

const DOCUMENT_MAX_BYTES = 32 * 1024 * 1024;
const INDEX_MAX_BYTES = 64 * 1024 * 1024;

export async function importAdvisories(
  ctx: AppContext,
  actor: Actor,
  source: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  authorize(actor, 'advisory.import');
  const started = performance.now();
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 500));
  const validate = opts.validate ?? true;
  const { key, entries, remote } = await listEntries(ctx, source);
  const concurrency = opts.concurrency ?? (remote ? 6 : 2);

  // the last run of this source: an unfinished one is continued after its cursor
  const last = await ctx.db
    .selectFrom('advisory_import_runs')
    .selectAll()
    .where('source', '=', key)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  let runId: string;
  let todo = entries;
  let resumed: ImportSummary['resumed'] = null;
  const counts: ImportProgress = { total: entries.length, done: 0, imported: 0, unchanged: 0, failed: 0 };
  let failedBeforeResume = 0;
  if (last && last.finished_at === null) {
    runId = last.id;
    const after = last.cursor;
    if (after !== null) {
      todo = entries.filter((e) => e.name > after);
      resumed = { after, startedAt: new Date(last.started_at) };
      opts.onResume?.(resumed);
    }
    Object.assign(counts, {
      done: entries.length - todo.length,
      imported: last.imported,
      unchanged: last.unchanged,
      failed: last.failed,
    });
    failedBeforeResume = last.failed;
    await ctx.db
      .updateTable('advisory_import_runs')
      .set({ total: entries.length })
      .where('id', '=', runId)
      .execute();
  } else {
    const row = await ctx.db
      .insertInto('advisory_import_runs')
      .values({ source: key, started_at: ctx.clock.now(), total: entries.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    runId = row.id;
  }
  await opts.onProgress?.({ ...counts });

  const failures: ImportFailure[] = [];
  let updated = 0;
  let batchNumber = 0;
  // A folder of more than one batch is prepared in a worker thread (prepare-ahead.ts: read, parse, check, map,
  // the rows' parts), a batch or two ahead of the one being written, so this thread only allocates and writes
  // and PostgreSQL does not wait for Node between batches
  const ahead = !remote && todo.length > batchSize ? startPrepareAhead({ validate }) : null;
  const aheadBatches = new Map<number, Promise<AheadResult[]>>();
  // the rows' parts are built ahead while the batches have something to write; after a batch that was all
  // unchanged (a provider's folder imported again), only for what turns out new or changed (below)
  let partsAhead = true;
  const prepareAhead = (from: number) => {
    if (!ahead || from >= todo.length || aheadBatches.has(from)) return;
    const batch = todo.slice(from, from + batchSize).map((e) => ({ entry: e.name, path: e.path! }));
    const prepared = ahead.prepare(batch, { parts: partsAhead });
    prepared.catch(() => {}); // observed when its batch is taken; a run that stops first never asks for it
    aheadBatches.set(from, prepared);
  };
  const prepareBatch = async (from: number) => {
    prepareAhead(from);
    prepareAhead(from + batchSize);
    const done = ahead ? await aheadBatches.get(from)! : null;
    aheadBatches.delete(from);
    const batch = todo.slice(from, from + batchSize);
    // here: a URL's documents, and a file the worker left (past its batch's bytes)
    const prepared = await mapLimit(
      batch.map((entry, k) => ({ entry, done: done?.[k] })),
      concurrency,
      async ({ entry, done }) => done ?? (await prepare(entry, validate)),
    );
    // rows only for what will be written: a re-read of unchanged documents (a provider imported every night)
    // skips the tokenizer. Asked outside the batch's transaction, so only a hint: the transaction decides
    // again, and the writer builds the rows of anything that changed meanwhile.
    const partless = prepared.filter((p): p is PreparedDocument => !isFailure(p) && !p.parts);
    const known = await knownAdvisories(ctx.db, partless);
    for (const p of partless) {
      if (p.doc.revision > (known.get(sourceKey(p))?.revision ?? 0)) {
        await turn();
        p.parts = publicRowParts(p.doc);
      }
    }
    return prepared;
  };
  try {
    let next: Promise<(PreparedDocument | ImportFailure)[]> | null = todo.length > 0 ? prepareBatch(0) : null;
    for (let i = 0; i < todo.length; i += batchSize) {
      const batch = todo.slice(i, i + batchSize);
      batchNumber++;
      const prepared = await next!;
      next = i + batchSize < todo.length ? prepareBatch(i + batchSize) : null;
      // if this batch fails, the run stops here: the batch being prepared is dropped, its error unobserved
      next?.catch(() => {});
      const batchFailures = prepared.filter(isFailure);
      const ready = prepared.filter((p): p is PreparedDocument => !isFailure(p));
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        // no wait for the WAL flush at each batch's commit: a crash may lose the last batches committed, but
        // their cursor goes with them (same transaction), so the next run imports them again — nothing is
        // half-written or skipped. And the GIN indexes gather up to IMPORT_GIN_PENDING_KB of new entries
        // before merging them into the index, not 4 MB: fewer, larger merges (see there)
        await sql`select set_config('synchronous_commit', 'off', true), set_config('gin_pending_list_limit', ${String(IMPORT_GIN_PENDING_KB)}, true)`.execute(
          trx,
        );
        const o = await writeBatch(trx, ctx.config.publication.idPatterns.jvndb, ready);
        await trx
          .updateTable('advisory_import_runs')
          .set((eb) => ({
            done: eb('done', '+', batch.length),
            imported: eb('imported', '+', o.imported),
            unchanged: eb('unchanged', '+', o.unchanged),
            failed: eb('failed', '+', batchFailures.length),
            cursor: batch.at(-1)!.name,
          }))
          .where('id', '=', runId)
          .execute();
        await opts.beforeCommit?.(batchNumber);
        return o;
      });
      if (ready.length > 0) partsAhead = outcome.imported > 0;
      failures.push(...batchFailures);
      updated += outcome.updated;
      counts.done += batch.length;
      counts.imported += outcome.imported;
      counts.unchanged += outcome.unchanged;
      counts.failed += batchFailures.length;
      await opts.onProgress?.({ ...counts });
    }
  } finally {
    await ahead?.close();
  }
  // a search reads a GIN index's whole list of unmerged entries: merged now, not left for the next
  // publication's insert (which would merge them all in its own transaction) or for autovacuum
  if (counts.imported + updated > 0) await mergePendingIndexEntries(ctx.db);
  await ctx.db
    .updateTable('advisory_import_runs')
    .set({ finished_at: ctx.clock.now() })
    .where('id', '=', runId)
    .execute();
  return {
    ...counts,
    runId,
    source: key,
    resumed,
    updated,
    failures,
    failedBeforeResume,
    ms: performance.now() - started,
  };
}

/**
 * How many kB of new entries a GIN index gathers during an import before merging them (gin_pending_list_limit,
 * 4 MB by default). An advisory brings ~200 search tokens, so 4 MB was a merge every ~2 batches; 32 MB took
 * PostgreSQL's CPU for importing 250,000 advisories from ~105 s to ~94 s (128 MB: ~91 s; 512 MB: 99 s and a
 * larger index; bench/README.md). The price: a search during the import reads the unmerged entries one by one
 * (up to this much: ~10 ms more per search at 30 MB), so no more than that; what is left is merged at the end
 * of the run.
 */
const IMPORT_GIN_PENDING_KB = 32 * 1024;

/**
 * Merges the pending entries of public_advisories' GIN indexes (search, CWE, CVE, developers, products);
 * returns how many pending pages there were (0: nothing was left).
 */
export async function mergePendingIndexEntries(db: Database): Promise<number> {
  const { rows } = await sql<{ pages: number }>`
    select coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0)::int as pages
    from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_am a on a.oid = c.relam
    where i.indrelid = 'public_advisories'::regclass and a.amname = 'gin'`.execute(db);
  return rows[0]?.pages ?? 0;
}

// ---- one entry: read, parse, check, map (everything but the id) ----

/** One entry prepared in this thread: a URL's document, or a file the worker left (past its batch's bytes). */
async function prepare(entry: Entry, validate: boolean): Promise<PreparedDocument | ImportFailure> {
  // one document at a time, letting the event loop in between: the batch being written waits on the
  // database's answers, which would otherwise sit unread until this whole batch is prepared
  await turn();
  let body: Buffer;
  try {
    body = await entry.load();
  } catch (err) {
    return { entry: entry.name, code: 'read', detail: (err as Error).message };
  }
  return prepareDocument(entry.name, entry.url, body, { validate, parts: false });
}

// ---- one batch: decide, allocate, write ----

type BatchOutcome = { imported: number; updated: number; unchanged: number };

/** Held by each batch's transaction from its look-up to its commit (see writeBatch). */
const IMPORT_LOCK = sql`select pg_advisory_xact_lock(hashtext('keikai.advisory-import'))`;

async function writeBatch(trx: Database, pattern: string, ready: PreparedDocument[]): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { imported: 0, updated: 0, unchanged: 0 };
  if (ready.length === 0) return outcome;
  // Two imports at once (two terminals, a cron job and a person): without this both could look the same
  // document up as new, allocate two JVNDB ids, and the second insert would hit the unique (namespace,
  // tracking id) and abort its run. Batches of concurrent imports take turns instead; each looks up after
  // the previous one committed, so the second finds the first's documents 'unchanged'.
  await IMPORT_LOCK.execute(trx);
  // the same advisory twice in one batch (two revisions side by side): the newest counts, the others are
  // unchanged, as they would be in separate runs
  const byKey = new Map<string, PreparedDocument>();
  for (const p of ready) {
    const k = sourceKey(p);
    const seen = byKey.get(k);
    if (!seen || p.doc.revision > seen.doc.revision) byKey.set(k, p);
  }
  outcome.unchanged += ready.length - byKey.size;
  const unique = [...byKey.values()];
  const knownBy = await knownAdvisories(trx, unique);

  const write: PublicEntry[] = [];
  const fresh: PreparedDocument[] = [];
  for (const p of unique) {
    const k = knownBy.get(sourceKey(p));
    if (!k) fresh.push(p);
    else if (p.doc.revision <= k.revision) outcome.unchanged++;
    else {
      write.push({ doc: { ...p.doc, id: k.id }, origin: 'import', parts: p.parts });
      outcome.updated++;
    }
  }
  // new advisories: JVNDB ids for the year of their first release, one counter statement per year
  const byYear = new Map<number, PreparedDocument[]>();
  for (const p of fresh) {
    const year = counterKey(pattern, new Date(p.doc.firstPublishedAt)).year;
    const group = byYear.get(year);
    if (group) group.push(p);
    else byYear.set(year, [p]);
  }
  for (const group of byYear.values()) {
    const ids = await allocateIds(trx, pattern, new Date(group[0]!.doc.firstPublishedAt), group.length);
    group.forEach((p, i) => {
      write.push({ doc: { ...p.doc, id: ids[i]! }, origin: 'import', parts: p.parts });
    });
  }
  outcome.imported = write.length;
  await writePublicAdvisories(trx, write);
  return outcome;
}

const sourceKey = (p: { namespace: string; trackingId: string }) =>
  JSON.stringify([p.namespace, p.trackingId]);

/** The advisories already imported from these documents' sources: id and revision by sourceKey. */
async function knownAdvisories(
  db: Database,
  docs: readonly PreparedDocument[],
): Promise<Map<string, { id: string; revision: number }>> {
  if (docs.length === 0) return new Map();
  const rows = await db
    .selectFrom('public_advisories')
    .select(['id', 'revision', 'source_namespace', 'source_tracking_id'])
    .where((eb) =>
      eb(
        eb.refTuple('source_namespace', 'source_tracking_id'),
        'in',
        docs.map((p) => eb.tuple(p.namespace, p.trackingId)),
      ),
    )
    .execute();
  return new Map(
    rows.map((r) => [
      sourceKey({ namespace: r.source_namespace!, trackingId: r.source_tracking_id! }),
      { id: r.id, revision: r.revision },
    ]),
  );
}

// ---- the source: what to import, in a fixed order ----

async function listEntries(
  ctx: AppContext,
  source: string,
): Promise<{ key: string; entries: Entry[]; remote: boolean }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const entries = await remoteEntries(ctx, source);
    if (entries.length === 0) throw new ImportSourceError('empty', source);
    return { key: source, entries, remote: true };
  }
  const path = resolve(source);
  const info = await stat(path).catch(() => null);
  if (!info) throw new ImportSourceError('notFound', source);
  // a folder of more than one batch is prepared in a worker (prepare-ahead.ts, the run's `path`s); `load` reads
  // one file synchronously: for small files the promise version costs several times the CPU (open, fstat,
  // read and close each a separate round through the thread pool)
  const fileEntry = (file: string, name: string): Entry => ({
    name,
    url: null,
    path: file,
    load: async () => readFileSync(file),
  });
  if (info.isFile()) return { key: path, entries: [fileEntry(path, path)], remote: false };
  if (!info.isDirectory()) throw new ImportSourceError('notFound', source);
  const files = (await readdir(path, { recursive: true, withFileTypes: true }))
    .filter(
      (f) =>
        (f.isFile() || f.isSymbolicLink()) && f.name.endsWith('.json') && f.name !== 'provider-metadata.json',
    )
    .map((f) => relative(path, join(f.parentPath, f.name)).split(sep).join('/'))
    .sort(byCodeUnit);
  if (files.length === 0) throw new ImportSourceError('empty', source);
  return { key: path, entries: files.map((f) => fileEntry(join(path, f), f)), remote: false };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function remoteEntries(ctx: AppContext, source: string): Promise<Entry[]> {
  const allowHosts = ctx.config.outbound.allowHosts;
  const timeoutMs = Math.max(ctx.config.outbound.timeoutMs, 30_000);
  const isAllowed = (u: URL) =>
    allowHosts.includes(`${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`);
  const checkUrl = (raw: string): string => {
    if (!URL.canParse(raw)) throw new ImportSourceError('unrecognised', raw);
    const u = new URL(raw);
    // plain http only for the hosts exempted for tests and development
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isAllowed(u))) {
      throw new ImportSourceError('insecure', raw);
    }
    return u.href;
  };
  const fetchBody = async (url: string, maxBytes: number): Promise<Buffer> => {
    const r = await safeFetch(checkUrl(url), { allowHosts, timeoutMs, maxBytes, maxRedirects: 3 });
    if (!r.ok) throw new Error(`${r.error}${r.detail ? `: ${r.detail}` : ''}`);
    return r.body;
  };
  const entry = (url: string): Entry => ({
    name: url,
    url,
    path: null,
    load: () => fetchBody(url, DOCUMENT_MAX_BYTES),
  });
  const get = async (url: string, maxBytes = INDEX_MAX_BYTES) => {
    try {
      return await fetchBody(url, maxBytes);
    } catch (err) {
      if (err instanceof ImportSourceError) throw err;
      throw new ImportSourceError('unreachable', url, (err as Error).message);
    }
  };
  const indexUrls = (base: string, text: string) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => new URL(l, base).href);
  const feedUrls = (feed: unknown): string[] =>
    ((feed as { feed?: { entry?: { content?: { src?: string } }[] } })?.feed?.entry ?? [])
      .map((e) => e.content?.src)
      .filter((s): s is string => typeof s === 'string');

  const url = checkUrl(source);
  const body = await get(url);
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: an index.txt, or nothing we know
  }
  let urls: string[];
  if (json === null) {
    if (!/\.txt(\?|$)/.test(new URL(url).pathname + new URL(url).search)) {
      throw new ImportSourceError('unrecognised', source);
    }
    urls = indexUrls(url, text);
  } else if (typeof json === 'object' && 'document' in json) {
    return [entry(url)];
  } else if (typeof json === 'object' && 'feed' in json) {
    urls = feedUrls(json).map((u) => new URL(u, url).href);
  } else if (typeof json === 'object' && 'distributions' in json) {
    const distributions =
      (
        json as {
          distributions?: {
            directory_url?: string;
            rolie?: { feeds?: { url?: string; tlp_label?: string }[] };
          }[];
        }
      ).distributions ?? [];
    urls = [];
    for (const d of distributions) {
      if (typeof d.directory_url === 'string') {
        const dir = d.directory_url.endsWith('/') ? d.directory_url : `${d.directory_url}/`;
        const index = new URL('index.txt', new URL(dir, url)).href;
        urls.push(...indexUrls(index, (await get(index)).toString('utf8')));
      }
      for (const f of d.rolie?.feeds ?? []) {
        // only the feeds a public database may take from
        if (typeof f.url !== 'string' || !['WHITE', 'CLEAR'].includes(String(f.tlp_label).toUpperCase()))
          continue;
        const feedUrl = new URL(f.url, url).href;
        let feed: unknown;
        try {
          feed = JSON.parse((await get(feedUrl)).toString('utf8'));
        } catch (err) {
          if (err instanceof ImportSourceError) throw err;
          throw new ImportSourceError('unreachable', feedUrl, 'not JSON');
        }
        urls.push(...feedUrls(feed).map((u) => new URL(u, feedUrl).href));
      }
    }
  } else {
    throw new ImportSourceError('unrecognised', source);
  }
  return [...new Set(urls)].sort(byCodeUnit).map(entry);
}

/** `fn` over `items` with at most `limit` at a time; results in the items' order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
