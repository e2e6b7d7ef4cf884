// Reads and maintenance of the statistics tables that are not the report itself: how far the projection has
// come, the span of the facts (for the pages' as-of choices), and the repair of the rollup.
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';

/** The projection's cursor and how many events are after it (0: the facts are up to date). */
export async function projectionStatus(db: Database): Promise<{ lastEventId: number; pending: number }> {
  const r = await sql<{ last: string | null; pending: string }>`
    select c.last_event_id as last,
      (select count(*) from events e where e.id > coalesce(c.last_event_id, 0)) as pending
    from (select (select last_event_id from statistics_projection_cursor limit 1) as last_event_id) c`.execute(
    db,
  );
  return { lastEventId: Number(r.rows[0]?.last ?? 0), pending: Number(r.rows[0]?.pending ?? 0) };
}

/** The first and last day a counted report was received, or null when there is none. */
export async function factsSpan(db: Database): Promise<{ first: string; last: string } | null> {
  const r = await sql<{ first: string | null; last: string | null }>`
    select min(received_on)::text as first, max(received_on)::text as last from statistics_facts`.execute(db);
  const row = r.rows[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * Recomputes both rollups from the facts (the triggers keep it in step; this repairs it
 * after anything that bypassed them, e.g. a restore of the facts alone). Returns the rows written.
 */
export async function rebuildStatisticsRollup(db: Database): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table statistics_facts in share mode`.execute(trx);
    await sql`delete from statistics_rollup`.execute(trx);
    await sql`delete from statistics_rollup_daily`.execute(trx);
    const r = await sql`
      insert into statistics_rollup_daily (day, measure, track, a, b, n)
      select d.day, d.measure, d.track, d.a, d.b, sum(d.n)
      from statistics_facts f cross join lateral statistics_fact_deltas(f) d
      group by 1, 2, 3, 4, 5`.execute(trx);
    await sql`
      insert into statistics_rollup (quarter, measure, track, a, b, n)
      select statistics_quarter(day), measure, track, a, b, sum(n) from statistics_rollup_daily
      group by 1, 2, 3, 4, 5`.execute(trx);
    return Number(r.numAffectedRows ?? 0);
  });
}

/** The rollup rows (quarterly, then daily) that differ from a recomputation (empty when right). For checks. */
export async function rollupDrift(db: Database) {
  const daily = await sql<{ day: string; measure: string; stored: string; actual: string }>`
    with actual as (
      select d.day, d.measure, d.track, d.a, d.b, sum(d.n) as n
      from statistics_facts f cross join lateral statistics_fact_deltas(f) d
      group by 1, 2, 3, 4, 5
    )
    select coalesce(s.day, x.day)::text as day, coalesce(s.measure, x.measure) as measure,
      coalesce(s.n, 0) as stored, coalesce(x.n, 0) as actual
    from statistics_rollup_daily s
    full join actual x using (day, measure, track, a, b)
    where coalesce(s.n, 0) <> coalesce(x.n, 0)`.execute(db);
  return [...(await quarterlyDrift(db)), ...daily.rows];
}

async function quarterlyDrift(db: Database) {
  const r = await sql<{
    quarter: number;
    measure: string;
    track: string;
    a: string;
    b: string;
    stored: string;
    actual: string;
  }>`
    with actual as (
      select statistics_quarter(d.day) as quarter, d.measure, d.track, d.a, d.b, sum(d.n) as n
      from statistics_facts f cross join lateral statistics_fact_deltas(f) d
      group by 1, 2, 3, 4, 5
    )
    select coalesce(s.quarter, x.quarter) as quarter, coalesce(s.measure, x.measure) as measure,
      coalesce(s.track, x.track) as track, coalesce(s.a, x.a) as a, coalesce(s.b, x.b) as b,
      coalesce(s.n, 0) as stored, coalesce(x.n, 0) as actual
    from statistics_rollup s
    full join actual x using (quarter, measure, track, a, b)
    where coalesce(s.n, 0) <> coalesce(x.n, 0)`.execute(db);
  return r.rows;
}
