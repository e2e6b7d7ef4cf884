-- Statistics (届出状況, issue 7): one row per counted report — the "facts" the quarterly figures are computed from
-- (features/statistics/compute-report.ts). Definitions: ../shared/DOMAIN.md ("Statistics"),
-- ../shared/research/seeds-000-002-004.md §1 (S1–S16). Codes: src/domain/statistics-categories.ts.
--
-- Everything is as-of: each milestone is the JST calendar day it happened, and a report computed for a day
-- counts a milestone only if its day ≤ that day — so the same rows answer any past date. Not everything is a
-- milestone: the categories (website_vulnerability_type … operator_type) and the flags hold today's value and
-- apply from the day of receipt, so a later classification changes the category figures of past days too.
--
-- Two writers: the projection from the event history (features/statistics/facts.ts, source 'live', rebuildable
-- from scratch, incremental by the cursor below) and `keikai import-history FILE.jsonl` (source 'import', a
-- scheme's past). Both upsert by `key`. Plain columns, no generated values except updated_at, so a bulk
-- `insert … select from unnest(…)` or COPY fills it directly.
create table statistics_facts (
  -- what is counted, once: 'report:<reports.id>' for a report made through keikai (the fact follows the report
  -- through reclassification), 'case:<cases.id>' for a case without a report (overseas CSIRT hand-over,
  -- developer self-report opened directly), 'import:<external id>' for imported history
  key text primary key check (key ~ '^(report|case|import):.{1,200}$'),
  source text not null check (source in ('live', 'import')),
  -- the track as it is now; before `reclassified_on` it was `track_before` (a report moved between tracks
  -- counts once, in the track it had on the as-of day)
  track text not null check (track in ('software', 'website')),
  track_before text check (track_before in ('software', 'website')),
  reclassified_on date,
  -- domestic: a finder's report (国内の発見者); developer_self: a developer's report of its own product
  -- (製品開発者自身からの届出); overseas_csirt: a case an overseas CSIRT handed over (海外CSIRTからの連絡) — counted
  -- only among JVN publications (S5), never among reports (S1–S4)
  origin text not null check (origin in ('domestic', 'developer_self', 'overseas_csirt')),
  -- 届出日: the JST day the report was received (S1, S2 count by it)
  received_on date not null,
  -- 受理 / 不受理 (S3, S4): the day of the decision; at most one. A report discontinued at screening
  -- (取扱い終了 before acceptance) is 不受理 for statistics.
  accepted_on date,
  not_accepted_on date,
  -- 起算日 (software, the first notification of a developer)
  start_on date,
  -- 詳細通知日 (website, IPA sends the details to the operator; S12 and S15 count from it)
  notified_on date,
  -- JVN publication (software; S5, S6). For a published software report it equals outcome_on.
  published_on date,
  -- how handling ended, and the day (S3, S4). Null, or a day after the as-of day: 取扱い中.
  --   software: published (公表済み) | handled_individually (個別対応) | not_vulnerable (脆弱性ではない)
  --   website:  fixed (修正完了) | stopped_after_alert (注意喚起で処理取りやめ) | not_vulnerable (脆弱性ではない)
  --             | unreachable (連絡不可能 / 取扱不可能)
  outcome text check (outcome in (
    'published', 'handled_individually', 'not_vulnerable', 'fixed', 'stopped_after_alert', 'unreachable')),
  outcome_on date,
  -- for fixed: fixed (the application was fixed) | page_deleted (当該ページを削除) | operational_workaround (運用で回避)
  fix_action text check (fix_action in ('fixed', 'page_deleted', 'operational_workaround')),
  -- categories (codes of src/domain/statistics-categories.ts); null = unclassified
  website_vulnerability_type text,  -- S13, S12 by type, S15 by type
  threat text,                      -- S14
  product_type text,                -- S8
  cause text,                       -- S9
  operator_type text,               -- S16
  -- profile flags of published domestic cases (S7)
  multi_vendor boolean not null default false,
  oss boolean not null default false,
  embedded boolean not null default false,
  ics boolean not null default false,
  -- 連絡不能案件 (S11): the developer listed as unreachable, coordination resumed, coordination completed
  unreachable_listed_on date,
  unreachable_resumed_on date,
  unreachable_completed_on date,
  -- the day the report was marked a duplicate (重複): counted as received and in progress until then, no more
  duplicate_on date,
  updated_at timestamptz not null default now(),
  check ((track_before is null) = (reclassified_on is null)),
  check (accepted_on is null or not_accepted_on is null),
  check ((outcome is null) = (outcome_on is null)),
  check ((outcome = 'fixed') = (fix_action is not null)),
  check (outcome is null or track = 'website' or outcome in ('published', 'handled_individually', 'not_vulnerable')),
  check (outcome is null or track = 'software' or outcome in ('fixed', 'stopped_after_alert', 'not_vulnerable', 'unreachable')),
  -- what the rollup's deltas need so that no count can go below zero, whoever writes the row: nothing ends
  -- before it was received, a reclassification happens while the report is in progress (not after its
  -- 不受理, outcome or duplicate day), a duplicate has no outcome
  check (received_on >= date '1900-01-01'),
  check (not_accepted_on >= received_on),
  check (outcome_on >= received_on),
  check (reclassified_on >= received_on),
  check (duplicate_on >= received_on),
  check (reclassified_on <= not_accepted_on),
  check (reclassified_on <= outcome_on),
  check (reclassified_on <= duplicate_on),
  check (duplicate_on is null or (outcome is null and not_accepted_on is null and published_on is null)),
  check (unreachable_resumed_on >= unreachable_listed_on),
  check (unreachable_completed_on >= unreachable_resumed_on)
);
-- replacing one source (the history import)
create index statistics_facts_source_idx on statistics_facts (source);

-- 優先情報提供 (S10): pre-publication information to critical-infrastructure operators; several per report
create table statistics_priority_disclosures (
  fact_key text not null references statistics_facts(key) on delete cascade,
  -- the recipient's sector (organizations.sector: electricity, gas, railway, finance, aviation, telecom, government)
  sector text not null check (sector in ('electricity', 'gas', 'railway', 'finance', 'aviation', 'telecom', 'government')),
  disclosed_on date not null,
  primary key (fact_key, sector, disclosed_on)
);

-- The projection's position in the event history: events with id ≤ last_event_id have been applied to the
-- 'live' facts. One row (id = true).
create table statistics_projection_cursor (
  id boolean primary key default true check (id),
  last_event_id bigint not null default 0,
  -- the gaps in the event ids above the cursor (a transaction still committing, or a rolled-back insert):
  -- {"<first missing id>": "<when a run first saw it, by the database clock>"}; a gap seen for 5 minutes is
  -- skipped (features/statistics/facts.ts)
  gaps jsonb not null default '{}',
  updated_at timestamptz not null default now()
);
insert into statistics_projection_cursor (id, last_event_id) values (true, 0);

-- ------------------------------------------------------------------------------------------------------------
-- The rollup: what a report needs, summed per calendar quarter, kept in step with statistics_facts by statement
-- triggers (set-based, so a bulk import pays once per statement), and per day (statistics_rollup_daily). A
-- report as of a day reads the quarters before the day's quarter from the first (a few thousand rows) and the
-- days of its own quarter up to the day from the second — never a scan of every fact (bench/: a million).
--
-- A fact is a timeline of deltas (statistics_fact_deltas): +1/−1 of a measure on the day something changed.
-- measure / track / a / b:
--   st   track, status (in_progress | not_accepted | published | handled_individually | not_vulnerable |
--        fixed:<fix_action> | stopped_after_alert | unreachable)        — S3, S4
--   rq   track, quarter of receipt                                       — S1, S2
--   cat  track, '<list>:<code>' ('' code = unclassified), quarter of receipt, reports not 不受理 — S8, S9, S13, S14, S16
--   pub  '', domestic | overseas                                          — S5
--   dp   'software', bucket of days acceptance → publication on STATISTICS_DAY_GRID            — S6
--   fx   'website', vulnerability type, bucket of days notice → fix on the grid               — S12
--   un   '', listed | resumed | completed | still                         — S11
-- The table's checks guarantee a reclassification happens while the report is in progress (so the status
-- left in the old track is always in_progress); a report has an outcome or 不受理, not both (不受理 wins).
-- A duplicate leaves the counts of its track on its duplicate_on (in progress, received, categories).
-- Quarters are integers year * 4 + (quarter − 1): 2012Q3 = 8050.
create function statistics_quarter(d date) returns integer language sql immutable parallel safe
  return (extract(year from d)::integer * 4 + (extract(month from d)::integer - 1) / 3);

-- the day grid the histograms are kept on (lower bounds; a report's buckets must be drawn from it):
-- STATISTICS_DAY_GRID in src/domain/statistics-categories.ts
create function statistics_day_bucket(days integer) returns integer language sql immutable parallel safe
  return width_bucket(days, array[0, 6, 11, 21, 31, 46, 51, 91, 101, 201, 301, 1001]);

create function statistics_fact_deltas(f statistics_facts)
  returns table (day date, measure text, track text, a text, b text, n integer)
  language sql immutable parallel safe
as $$
  with x as (
    select
      f.origin <> 'overseas_csirt' as rep,
      coalesce(f.track_before, f.track) as t0,
      f.track as t1,
      case when f.reclassified_on > f.not_accepted_on then f.track_before else f.track end as tna,
      statistics_quarter(f.received_on)::text as rq,
      f.not_accepted_on is null and f.outcome is not null as oc,
      greatest(f.outcome_on, f.reclassified_on) as od,
      f.reclassified_on is not null as rc,
      f.not_accepted_on is not null as na,
      f.duplicate_on is not null as dup
  )
  select v.day, v.measure, v.track, v.a, v.b, v.n
  from x cross join lateral (values
    (f.received_on, 'st', x.t0, 'in_progress', '', 1, x.rep),
    (f.reclassified_on, 'st', x.t0, 'in_progress', '', -1, x.rep and x.rc),
    (f.reclassified_on, 'st', x.t1, 'in_progress', '', 1, x.rep and x.rc),
    (f.not_accepted_on, 'st', x.tna, 'in_progress', '', -1, x.rep and x.na),
    (f.not_accepted_on, 'st', x.tna, 'not_accepted', '', 1, x.rep and x.na),
    (x.od, 'st', x.t1, 'in_progress', '', -1, x.rep and x.oc),
    (x.od, 'st', x.t1, case when f.outcome = 'fixed' then 'fixed:' || f.fix_action else f.outcome end, '', 1,
      x.rep and x.oc),
    (f.duplicate_on, 'st', x.t1, 'in_progress', '', -1, x.rep and x.dup),
    (f.received_on, 'rq', x.t0, x.rq, '', 1, x.rep),
    (f.duplicate_on, 'rq', x.t1, x.rq, '', -1, x.rep and x.dup),
    (f.reclassified_on, 'rq', x.t0, x.rq, '', -1, x.rep and x.rc),
    (f.reclassified_on, 'rq', x.t1, x.rq, '', 1, x.rep and x.rc),
    (f.published_on, 'pub', '', case when x.rep then 'domestic' else 'overseas' end, '', 1,
      f.published_on is not null and not x.na),
    (x.od, 'dp', 'software', statistics_day_bucket(f.published_on - f.accepted_on)::text, '', 1,
      x.rep and x.oc and f.outcome = 'published' and x.t1 = 'software' and f.accepted_on is not null
      and f.published_on is not null),
    (x.od, 'fx', 'website', coalesce(f.website_vulnerability_type, ''),
      statistics_day_bucket(f.outcome_on - f.notified_on)::text, 1,
      x.rep and x.oc and f.outcome = 'fixed' and x.t1 = 'website' and f.notified_on is not null),
    (f.unreachable_listed_on, 'un', '', 'listed', '', 1, x.rep and f.unreachable_listed_on is not null),
    (f.unreachable_resumed_on, 'un', '', 'resumed', '', 1, x.rep and f.unreachable_resumed_on is not null),
    (f.unreachable_completed_on, 'un', '', 'completed', '', 1, x.rep and f.unreachable_completed_on is not null),
    (f.unreachable_listed_on, 'un', '', 'still', '', 1, x.rep and f.unreachable_listed_on is not null),
    (greatest(f.unreachable_listed_on, least(f.unreachable_resumed_on, case when x.oc then x.od end)), 'un', '',
      'still', '', -1,
      x.rep and f.unreachable_listed_on is not null and (f.unreachable_resumed_on is not null or x.oc))
  ) v(day, measure, track, a, b, n, ok)
  where v.ok
  union all
  select v.day, 'cat', v.track, l.list || ':' || coalesce(l.code, ''), x.rq, v.n
  from x
  cross join lateral (values
    ('websiteVulnerabilityType', f.website_vulnerability_type, 'website'),
    ('threat', f.threat, 'website'),
    ('operatorType', f.operator_type, 'website'),
    ('productType', f.product_type, 'software'),
    ('cause', f.cause, 'software')
  ) l(list, code, applies)
  cross join lateral (values
    (f.received_on, x.t0, 1, x.rep and x.t0 = l.applies),
    (f.reclassified_on, x.t0, -1, x.rep and x.rc and x.t0 = l.applies),
    (f.reclassified_on, x.t1, 1, x.rep and x.rc and x.t1 = l.applies),
    (f.not_accepted_on, x.tna, -1, x.rep and x.na and x.tna = l.applies),
    (f.duplicate_on, x.t1, -1, x.rep and x.dup and x.t1 = l.applies)
  ) v(day, track, n, ok)
  where v.ok
$$;

create table statistics_rollup (
  quarter integer not null,
  measure text not null,
  track text not null,
  a text not null,
  b text not null,
  n bigint not null,
  primary key (quarter, measure, track, a, b)
);

-- the same deltas per day, for the day's own quarter: a report reads the days from the quarter's start to the
-- as-of day here (a range of the primary key), the quarters before from statistics_rollup
create table statistics_rollup_daily (
  day date not null,
  measure text not null,
  track text not null,
  a text not null,
  b text not null,
  n bigint not null,
  primary key (day, measure, track, a, b)
);

-- adds the deltas of the statement's new rows and takes away those of its old rows, in both rollups (the
-- transition tables are visible only in the trigger function itself, hence the one function)
create function statistics_rollup_add() returns trigger language plpgsql as $$
declare
  pass record;
begin
  -- writers of the facts (the projection, the import) take turns until they commit, so two of them never hold
  -- rollup rows the other waits for (no deadlock)
  perform pg_advisory_xact_lock(7017002);
  for pass in
    select * from (values (-1, 'old_rows', tg_op in ('UPDATE', 'DELETE')), (1, 'new_rows', tg_op in ('UPDATE', 'INSERT'))) v(sign, tbl, wanted)
    where wanted
  loop
    execute format($q$
      with d as (
        select d.day, d.measure, d.track, d.a, d.b, %s * sum(d.n) as n
        from %I o cross join lateral statistics_fact_deltas(o) d
        group by 1, 2, 3, 4, 5
      ), quarterly as (
        insert into statistics_rollup as r (quarter, measure, track, a, b, n)
        select statistics_quarter(day), measure, track, a, b, sum(n) from d
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (quarter, measure, track, a, b) do update set n = r.n + excluded.n
      )
      insert into statistics_rollup_daily as r (day, measure, track, a, b, n)
      select day, measure, track, a, b, n from d order by 1, 2, 3, 4, 5
      on conflict (day, measure, track, a, b) do update set n = r.n + excluded.n
    $q$, pass.sign, pass.tbl);
  end loop;
  return null;
end $$;

create function statistics_rollup_clear() returns trigger language plpgsql as $$
begin
  delete from statistics_rollup;
  delete from statistics_rollup_daily;
  return null;
end $$;

create trigger statistics_facts_rollup_insert after insert on statistics_facts
  referencing new table as new_rows for each statement execute function statistics_rollup_add();
create trigger statistics_facts_rollup_update after update on statistics_facts
  referencing old table as old_rows new table as new_rows for each statement execute function statistics_rollup_add();
create trigger statistics_facts_rollup_delete after delete on statistics_facts
  referencing old table as old_rows for each statement execute function statistics_rollup_add();
create trigger statistics_facts_rollup_truncate after truncate on statistics_facts
  for each statement execute function statistics_rollup_clear();

-- the span of the facts (the pages' as-of choices)
create index statistics_facts_received_idx on statistics_facts (received_on);
-- long-running (S15): website reports still open on a day are those whose end (outcome or 不受理) is after it
create index statistics_facts_open_idx on statistics_facts
  ((coalesce(least(outcome_on, not_accepted_on), 'infinity'::date)))
  where notified_on is not null;
