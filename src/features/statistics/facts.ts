// The projection of the event history into statistics_facts (source 'live'): every event after the cursor
// names a report or a case; each one named is derived again, whole, from its rows and events
// (src/domain/statistics-facts.ts deriveFact) and upserted. Re-deriving is idempotent, so running twice, or
// after a crash, or from zero (`rebuildStatisticsFacts`) gives the same facts.
//
// The cursor only moves over an unbroken run of event ids: an id missing below a newer event may be a
// transaction still committing, so the events after it are applied now and again on the next run, until the
// gap has been seen for GAP_GRACE (then it was a rolled-back insert and is skipped for good). A gap's age is
// measured with the database's clock from the run that first saw it (statistics_projection_cursor.gaps), never
// from the events' `at`: that is the application's clock, written before the commit, and an event stamped in
// the past (a test clock, a slow transaction) would otherwise make a gap "settled" at once and skip an event
// that commits a moment later.
//
// One run at a time (a transaction-scoped advisory lock); the job (STATISTICS_PROJECT_JOB) runs it every five
// minutes, and computeReport tries it before computing without waiting (`projectStatisticsFactsIfFree`: a
// public request never queues behind an import or another run — it reads the facts as they are).
import { sql } from 'kysely';
import type { PrioritySector } from '../../domain/statistics-categories.js';
import {
  type CaseHistory,
  type DerivedFact,
  deriveFact,
  FACT_EVENT_TYPES,
  type HistoryEvent,
  type ReportHistory,
} from '../../domain/statistics-facts.js';
import type { Database } from '../../platform/db/database.js';

export const STATISTICS_PROJECT_JOB = 'statistics.project';
const LOCK_KEY = 7_017_001;
const EVENT_PAGE = 10_000;
const KEY_BATCH = 500;
/** how long a gap in the event ids must have been seen (database clock) before it is skipped */
export const GAP_GRACE_MS = 5 * 60_000;

/** The event types read by deriveFact, plus those that mark a developer's return after being unreachable. */
const READ_TYPES = [
  ...Object.values(FACT_EVENT_TYPES),
  'coordination.party-acknowledged',
  'coordination.party-opened',
  'coordination.status-changed',
  'coordination.schedule-responded',
  'coordination.suggestion-made',
];

export type ProjectionResult = { events: number; facts: number; cursor: number };

export async function projectStatisticsFacts(db: Database): Promise<ProjectionResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    return projectIn(trx);
  });
}

/** Deletes the live facts and derives them again from the whole history. Imported facts are untouched. */
export async function rebuildStatisticsFacts(db: Database): Promise<ProjectionResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    await trx.deleteFrom('statistics_facts').where('source', '=', 'live').execute();
    await sql`update statistics_projection_cursor set last_event_id = 0, gaps = '{}'::jsonb`.execute(trx);
    return projectIn(trx);
  });
}

/**
 * As projectStatisticsFacts, but only if no other writer of the facts holds them (a run, an import): never
 * waits. Returns null when it did not run — the caller reads the facts as they are (the job catches up).
 */
export async function projectStatisticsFactsIfFree(db: Database): Promise<ProjectionResult | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      // a lock the run would wait for (the rollup trigger's, rows an import holds) aborts it instead
      await sql`set local lock_timeout = '1s'`.execute(trx);
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`.execute(
        trx,
      );
      if (!got.rows[0]?.ok) return null;
      return projectIn(trx);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return null; // lock_not_available
    throw err;
  }
}

type Gaps = Record<string, string>;

async function projectIn(trx: Database): Promise<ProjectionResult> {
  const row = await sql<{ last_event_id: string; gaps: Gaps; now: Date }>`
    select last_event_id, gaps, now() as now from statistics_projection_cursor`.execute(trx);
  if (!row.rows[0]) {
    await trx.insertInto('statistics_projection_cursor').values({ id: true, last_event_id: 0 }).execute();
  }
  const now = row.rows[0]?.now ?? new Date();
  const known: Gaps = row.rows[0]?.gaps ?? {};
  const grace = GAP_GRACE_MS;
  // the gaps still below the newest event id, each (by its first missing id) with when a run first saw it
  const gaps: Gaps = {};
  const settled = (from: number) => {
    const first = known[String(from)];
    gaps[String(from)] = first ?? now.toISOString();
    return first !== undefined && now.getTime() - Date.parse(first) >= grace;
  };
  let cursor = Number(row.rows[0]?.last_event_id ?? 0);
  let seen = cursor;
  let contiguous = true;
  let events = 0;
  const reportIds = new Set<string>();
  const caseIds = new Set<string>();
  for (;;) {
    const page = await sql<{ id: string; stream_type: string; stream_id: string }>`
      select id, stream_type, stream_id
      from events where id > ${seen} order by id limit ${EVENT_PAGE}`.execute(trx);
    if (page.rows.length === 0) break;
    for (const e of page.rows) {
      const id = Number(e.id);
      const gap = id !== seen + 1 && !settled(seen + 1);
      if (contiguous && !gap) cursor = id;
      else contiguous = false;
      seen = id;
      events++;
      if (e.stream_type === 'report') reportIds.add(e.stream_id);
      else if (e.stream_type === 'case') caseIds.add(e.stream_id);
    }
    if (page.rows.length < EVENT_PAGE) break;
  }

  // a case event names its report; a case without one (an overseas CSIRT's) is a fact of its own
  const caseOnly: string[] = [];
  const caseList = [...caseIds];
  for (let i = 0; i < caseList.length; i += KEY_BATCH) {
    const rows = await trx
      .selectFrom('cases')
      .select(['id', 'report_id'])
      .where('id', 'in', caseList.slice(i, i + KEY_BATCH))
      .execute();
    for (const r of rows) {
      if (r.report_id) reportIds.add(r.report_id);
      else caseOnly.push(r.id);
    }
  }
  let facts = 0;
  const reports = [...reportIds];
  for (let i = 0; i < reports.length; i += KEY_BATCH)
    facts += await deriveBatch(trx, reports.slice(i, i + KEY_BATCH), []);
  for (let i = 0; i < caseOnly.length; i += KEY_BATCH)
    facts += await deriveBatch(trx, [], caseOnly.slice(i, i + KEY_BATCH));

  for (const from of Object.keys(gaps)) if (Number(from) <= cursor) delete gaps[from];
  await sql`update statistics_projection_cursor
    set last_event_id = ${cursor}, gaps = ${JSON.stringify(gaps)}::jsonb, updated_at = now()`.execute(trx);
  return { events, facts, cursor };
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Derives and writes the facts of these reports and report-less cases; returns how many facts were written. */
async function deriveBatch(trx: Database, reportIds: string[], caseOnlyIds: string[]): Promise<number> {
  const reports =
    reportIds.length === 0
      ? []
      : await trx
          .selectFrom('reports')
          .select(['id', 'track', 'source', 'state', 'submitted_at', 'website_vuln_type'])
          .where('id', 'in', reportIds)
          .execute();
  let casesQuery = trx
    .selectFrom('cases')
    .leftJoin('coordination_cases as cc', 'cc.case_id', 'cases.id')
    .leftJoin('website_cases as wc', 'wc.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.report_id',
      'cases.track',
      'cases.origin',
      'cases.handed_over_at',
      'cases.superseded_by_case_id',
      'cc.start_date',
      'cc.csirt_received_on',
      'cc.product_category',
      'wc.case_id as wc_case_id',
      'wc.notified_at',
      'wc.outcome',
      'wc.fix_action',
      'wc.closed_at',
      'wc.vulnerability_type',
    ]);
  casesQuery = casesQuery.where((eb) =>
    eb.or([
      ...(reportIds.length ? [eb('cases.report_id', 'in', reportIds)] : []),
      ...(caseOnlyIds.length ? [eb('cases.id', 'in', caseOnlyIds)] : []),
    ]),
  );
  const cases = reportIds.length + caseOnlyIds.length === 0 ? [] : await casesQuery.execute();
  const allCaseIds = cases.map((c) => c.id);

  const developerCounts = new Map<string, number>();
  if (allCaseIds.length) {
    const rows = await trx
      .selectFrom('coordination_parties as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select(['p.case_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('p.case_id', 'in', allCaseIds)
      .where('p.removed_at', 'is', null)
      .where('o.type', '=', 'product_developer')
      .groupBy('p.case_id')
      .execute();
    for (const r of rows) developerCounts.set(r.case_id, Number(r.n));
  }

  const events = await trx
    .selectFrom('events')
    .select(['stream_type', 'stream_id', 'type', 'at', 'data'])
    .where((eb) =>
      eb.or([
        ...(reportIds.length
          ? [eb.and([eb('stream_type', '=', 'report'), eb('stream_id', 'in', reportIds)])]
          : []),
        ...(allCaseIds.length
          ? [eb.and([eb('stream_type', '=', 'case'), eb('stream_id', 'in', allCaseIds)])]
          : []),
      ]),
    )
    .where('type', 'in', READ_TYPES)
    .orderBy('id')
    .execute();
  const eventsOf = new Map<string, HistoryEvent[]>();
  const orgIds = new Set<string>();
  for (const e of events) {
    const data = asRecord(e.data);
    const list = eventsOf.get(e.stream_id) ?? [];
    list.push({ type: e.type, at: e.at, data });
    eventsOf.set(e.stream_id, list);
    if (e.type === FACT_EVENT_TYPES.partyNotified && typeof data.organizationId === 'string')
      orgIds.add(data.organizationId);
  }
  const sectors = new Map<string, PrioritySector>();
  if (orgIds.size) {
    const orgs = await trx
      .selectFrom('organizations')
      .select(['id', 'sector'])
      .where('id', 'in', [...orgIds])
      .where('type', '=', 'critical_infrastructure')
      .execute();
    for (const o of orgs) if (o.sector) sectors.set(o.id, o.sector);
  }

  const toCase = (c: (typeof cases)[number]): CaseHistory => ({
    id: c.id,
    track: c.track,
    origin: c.origin as CaseHistory['origin'],
    handedOverAt: c.handed_over_at,
    supersededBy: c.superseded_by_case_id,
    startDate: c.start_date ?? null,
    csirtReceivedOn: c.csirt_received_on ?? null,
    productCategory: c.product_category ?? null,
    website: c.wc_case_id
      ? {
          notifiedAt: c.notified_at ?? null,
          outcome: c.outcome ?? null,
          fixAction: c.fix_action ?? null,
          closedAt: c.closed_at ?? null,
          vulnerabilityType: c.vulnerability_type ?? null,
        }
      : null,
    developerParties: developerCounts.get(c.id) ?? 0,
    events: eventsOf.get(c.id) ?? [],
  });

  const derived: { key: string; fact: DerivedFact | null }[] = [];
  for (const r of reports) {
    const report: ReportHistory = {
      id: r.id,
      track: r.track,
      source: r.source,
      state: r.state,
      submittedAt: r.submitted_at,
      websiteVulnerabilityType: r.website_vuln_type,
      events: eventsOf.get(r.id) ?? [],
    };
    const fact = deriveFact({
      report,
      cases: cases.filter((c) => c.report_id === r.id).map(toCase),
      sectors,
    });
    derived.push({ key: `report:${r.id}`, fact });
  }
  for (const id of caseOnlyIds) {
    const c = cases.find((x) => x.id === id);
    derived.push({
      key: `case:${id}`,
      fact: c ? deriveFact({ report: null, cases: [toCase(c)], sectors }) : null,
    });
  }
  return writeFacts(trx, derived);
}

async function writeFacts(
  trx: Database,
  derived: { key: string; fact: DerivedFact | null }[],
): Promise<number> {
  const gone = derived.filter((d) => d.fact === null).map((d) => d.key);
  if (gone.length)
    await trx.deleteFrom('statistics_facts').where('key', 'in', gone).where('source', '=', 'live').execute();
  const facts = derived.map((d) => d.fact).filter((f): f is DerivedFact => f !== null);
  if (facts.length === 0) return 0;
  const now = new Date();
  await trx
    .insertInto('statistics_facts')
    .values(facts.map(({ disclosures: _d, ...f }) => ({ ...f, source: 'live' as const, updated_at: now })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        source: eb.ref('excluded.source'),
        track: eb.ref('excluded.track'),
        track_before: eb.ref('excluded.track_before'),
        reclassified_on: eb.ref('excluded.reclassified_on'),
        origin: eb.ref('excluded.origin'),
        received_on: eb.ref('excluded.received_on'),
        accepted_on: eb.ref('excluded.accepted_on'),
        not_accepted_on: eb.ref('excluded.not_accepted_on'),
        start_on: eb.ref('excluded.start_on'),
        notified_on: eb.ref('excluded.notified_on'),
        published_on: eb.ref('excluded.published_on'),
        outcome: eb.ref('excluded.outcome'),
        outcome_on: eb.ref('excluded.outcome_on'),
        fix_action: eb.ref('excluded.fix_action'),
        website_vulnerability_type: eb.ref('excluded.website_vulnerability_type'),
        threat: eb.ref('excluded.threat'),
        product_type: eb.ref('excluded.product_type'),
        cause: eb.ref('excluded.cause'),
        operator_type: eb.ref('excluded.operator_type'),
        multi_vendor: eb.ref('excluded.multi_vendor'),
        oss: eb.ref('excluded.oss'),
        embedded: eb.ref('excluded.embedded'),
        ics: eb.ref('excluded.ics'),
        unreachable_listed_on: eb.ref('excluded.unreachable_listed_on'),
        unreachable_resumed_on: eb.ref('excluded.unreachable_resumed_on'),
        unreachable_completed_on: eb.ref('excluded.unreachable_completed_on'),
        duplicate_on: eb.ref('excluded.duplicate_on'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  const keys = facts.map((f) => f.key);
  await trx.deleteFrom('statistics_priority_disclosures').where('fact_key', 'in', keys).execute();
  const disclosures = facts.flatMap((f) => f.disclosures.map((d) => ({ fact_key: f.key, ...d })));
  if (disclosures.length)
    await trx.insertInto('statistics_priority_disclosures').values(disclosures).execute();
  return facts.length;
}

export type RollupDrift = { table: 'statistics_rollup' | 'statistics_rollup_daily'; rows: number };

/**
 * `keikai statistics-check`: the rollups against a recomputation from the facts (every fact's deltas summed
 * again); the rows that differ per table. Both empty = no drift. Read only, one snapshot.
 */
export async function checkStatisticsRollup(db: Database): Promise<RollupDrift[]> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const q = await sql<{ quarterly: string; daily: string }>`
        with d as (
          select x.day, x.measure, x.track, x.a, x.b, x.n
          from statistics_facts f cross join lateral statistics_fact_deltas(f) x
        ), q as (
          select statistics_quarter(day) as quarter, measure, track, a, b, sum(n) as n from d group by 1, 2, 3, 4, 5
        ), dd as (
          select day, measure, track, a, b, sum(n) as n from d group by 1, 2, 3, 4, 5
        )
        select
          (select count(*) from q full join statistics_rollup r using (quarter, measure, track, a, b)
            where coalesce(q.n, 0) <> coalesce(r.n, 0)) as quarterly,
          (select count(*) from dd full join statistics_rollup_daily r using (day, measure, track, a, b)
            where coalesce(dd.n, 0) <> coalesce(r.n, 0)) as daily`.execute(trx);
      const r = q.rows[0]!;
      return [
        { table: 'statistics_rollup', rows: Number(r.quarterly) },
        { table: 'statistics_rollup_daily', rows: Number(r.daily) },
      ];
    });
}
