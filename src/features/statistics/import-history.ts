// Importing a scheme's past into the statistics (`keikai import-history FILE.jsonl`): one past case per line
// (src/features/statistics/history-line.ts; the format is docs/statistics-history-format.md), written as facts
// with source 'import' (statistics_facts, 0017_statistics.sql) that the engine counts like the live ones.
//
// - All or nothing: the whole file is checked first (every line, and ids unique across the file); if any line
//   is invalid nothing is written and the errors name the line number and the field. Then every line is written
//   in ONE transaction, so a crash or a database error mid-way leaves nothing half-imported either.
// - Idempotent: a case is known by its external id (key 'import:<id>'). A line whose fact is already stored as
//   is, is 'unchanged' and not written (its updated_at stays); a changed line updates its fact; its priority
//   disclosures are made exactly those of the line. Facts of ids no longer in the file are kept.
// - Fast: the file is streamed twice (check, then write: the second pass only parses the JSON, after making sure
//   the file is still the one checked — same size, mtime and inode) so memory does not grow with the file; the
//   write is batched `insert … select from unnest(…) on conflict (key) do update … where … is distinct from …`.
// - One import at a time (a transaction-scoped advisory lock).
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { checkedLineToRecord, type HistoryRecord, type LineError, parseHistoryLine } from './history-line.js';

const LOCK_KEY = 7_017_002;
const DEFAULT_BATCH = 5_000;
const DEFAULT_MAX_ERRORS = 50;

export type HistoryImportProgress = {
  /** 'check': reading and checking (done/total in bytes); 'write': writing (done/total in lines) */
  phase: 'check' | 'write';
  total: number;
  done: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

export type HistoryImportResult = {
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  ms: number;
};

/** The file cannot be read at all (missing, a folder, no permission). */
export class HistoryFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`cannot read ${file}: ${detail}`);
  }
}

/** Some lines are invalid: nothing was written. `errors` holds the first ones (line number, field, why). */
export class InvalidHistoryError extends Error {
  constructor(
    readonly errors: LineError[],
    readonly invalidLines: number,
    readonly lines: number,
  ) {
    super(`${invalidLines} of ${lines} lines are invalid; nothing was imported`);
  }
}

export type ImportHistoryOptions = {
  batchSize?: number;
  /** how many errors to keep (the count of invalid lines is always exact) */
  maxErrors?: number;
  onProgress?: (p: HistoryImportProgress) => void;
};

async function* lines(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<[number, string]> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const text of rl) {
      n++;
      if (onBytes && n % 1000 === 0) onBytes(stream.bytesRead);
      yield [n, n === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text];
    }
  } finally {
    rl.close();
    stream.destroy();
  }
}

const blank = (s: string) => s.trim() === '';

export async function importHistory(
  ctx: { db: Database },
  file: string,
  opts: ImportHistoryOptions = {},
): Promise<HistoryImportResult> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
  let size: number;
  let stamp: string;
  const stampOf = () => {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    return { size: st.size, stamp: `${st.size} ${st.mtimeMs} ${st.ino}` };
  };
  try {
    ({ size, stamp } = stampOf());
  } catch (err) {
    throw new HistoryFileError(file, (err as Error).message);
  }
  const progress: HistoryImportProgress = {
    phase: 'check',
    total: size,
    done: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
  };
  const report = () => opts.onProgress?.({ ...progress });

  // 1. check every line; ids must be unique in the file
  const errors: LineError[] = [];
  let invalidLines = 0;
  let total = 0;
  let valid = 0;
  const firstLineOf = new Map<string, number>();
  try {
    for await (const [n, text] of lines(file, (b) => {
      progress.done = b;
      report();
    })) {
      total = n;
      if (blank(text)) continue;
      const r = parseHistoryLine(text, n);
      if (!r.ok) {
        invalidLines++;
        for (const e of r.errors) if (errors.length < maxErrors) errors.push(e);
        continue;
      }
      const seen = firstLineOf.get(r.line.id);
      if (seen !== undefined) {
        invalidLines++;
        if (errors.length < maxErrors)
          errors.push({ line: n, field: 'id', message: `"${r.line.id}" is already the id of line ${seen}` });
        continue;
      }
      firstLineOf.set(r.line.id, n);
      valid++;
    }
  } catch (err) {
    throw new HistoryFileError(file, (err as Error).message);
  }
  firstLineOf.clear();
  progress.done = size;
  report();
  if (invalidLines > 0) throw new InvalidHistoryError(errors, invalidLines, total);

  // 2. write, all in one transaction
  progress.phase = 'write';
  progress.total = valid;
  progress.done = 0;
  report();
  await ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    let batch: HistoryRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const r = await writeHistoryBatch(trx, batch);
      progress.inserted += r.inserted;
      progress.updated += r.updated;
      progress.unchanged += batch.length - r.inserted - r.updated;
      progress.done += batch.length;
      batch = [];
      report();
    };
    // the lines were checked in the first pass; the file must be the one that was checked
    const changed = () =>
      new HistoryFileError(file, 'the file changed while it was being imported; nothing was imported');
    if (stampOf().stamp !== stamp) throw changed();
    for await (const [, text] of lines(file)) {
      if (blank(text)) continue;
      batch.push(checkedLineToRecord(text));
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (stampOf().stamp !== stamp) throw changed();
  });
  return {
    lines: valid,
    inserted: progress.inserted,
    updated: progress.updated,
    unchanged: progress.unchanged,
    ms: performance.now() - t0,
  };
}

const TEXT_COLUMNS = [
  'key',
  'track',
  'track_before',
  'origin',
  'outcome',
  'fix_action',
  'website_vulnerability_type',
  'threat',
  'product_type',
  'cause',
  'operator_type',
] as const;
const DAY_COLUMNS = [
  'reclassified_on',
  'received_on',
  'accepted_on',
  'not_accepted_on',
  'start_on',
  'notified_on',
  'published_on',
  'outcome_on',
  'unreachable_listed_on',
  'unreachable_resumed_on',
  'unreachable_completed_on',
] as const;
const FLAG_COLUMNS = ['multi_vendor', 'oss', 'embedded', 'ics'] as const;
const COLUMNS = [...TEXT_COLUMNS, ...DAY_COLUMNS, ...FLAG_COLUMNS];

/** Upserts a batch of imported facts and makes their priority disclosures those given; counts what changed. */
export async function writeHistoryBatch(
  trx: Database,
  batch: HistoryRecord[],
): Promise<{ inserted: number; updated: number }> {
  const arrays = [
    ...TEXT_COLUMNS.map((c) => sql`${sql.val(batch.map((r) => r.fact[c]))}::text[]`),
    ...DAY_COLUMNS.map((c) => sql`${sql.val(batch.map((r) => r.fact[c]))}::date[]`),
    ...FLAG_COLUMNS.map((c) => sql`${sql.val(batch.map((r) => r.fact[c]))}::boolean[]`),
  ];
  const cols = sql.join(COLUMNS.map((c) => sql.ref(c)));
  const stored = sql.join(COLUMNS.map((c) => sql.ref(`statistics_facts.${c}`)));
  const given = sql.join(COLUMNS.map((c) => sql.ref(`excluded.${c}`)));
  const sets = sql.join([
    ...COLUMNS.filter((c) => c !== 'key').map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`),
    sql`updated_at = now()`,
  ]);
  const upserted = await sql<{ key: string; inserted: boolean }>`
    insert into statistics_facts (source, ${cols})
    select 'import', t.* from unnest(${sql.join(arrays)}) as t(${cols})
    on conflict (key) do update set source = 'import', ${sets}
      where statistics_facts.source = 'import' and (${stored}) is distinct from (${given})
    returning key, (xmax = 0) as inserted`.execute(trx);

  const keys = batch.map((r) => r.fact.key);
  const dKeys: string[] = [];
  const dSectors: string[] = [];
  const dDays: string[] = [];
  for (const r of batch)
    for (const d of r.disclosures) {
      dKeys.push(r.fact.key);
      dSectors.push(d.sector);
      dDays.push(d.disclosed_on);
    }
  const changed = await sql<{ fact_key: string }>`
    with d as (
      select * from unnest(${sql.val(dKeys)}::text[], ${sql.val(dSectors)}::text[], ${sql.val(dDays)}::date[])
        as t(fact_key, sector, disclosed_on)
    ), del as (
      delete from statistics_priority_disclosures p
      where p.fact_key = any(${sql.val(keys)}::text[])
        and not exists (select 1 from d where d.fact_key = p.fact_key and d.sector = p.sector
          and d.disclosed_on = p.disclosed_on)
      returning p.fact_key
    ), ins as (
      insert into statistics_priority_disclosures (fact_key, sector, disclosed_on)
      select fact_key, sector, disclosed_on from d on conflict do nothing
      returning fact_key
    )
    select fact_key from del union select fact_key from ins`.execute(trx);

  let inserted = 0;
  const touched = new Set<string>();
  for (const r of upserted.rows) {
    touched.add(r.key);
    if (r.inserted) inserted++;
  }
  let updated = upserted.rows.length - inserted;
  for (const r of changed.rows)
    if (!touched.has(r.fact_key)) {
      touched.add(r.fact_key);
      updated++;
    }
  return { inserted, updated };
}
