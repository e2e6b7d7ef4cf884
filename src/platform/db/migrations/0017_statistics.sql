-- Statistics (届出状況, issue 7): one row per counted report — the "facts" the quarterly figures are computed from
-- (features/statistics/compute-report.ts). Definitions: ../shared/DOMAIN.md ("Statistics"),
-- ../shared/research/seeds-000-002-004.md §1 (S1–S16). Codes: src/domain/statistics-categories.ts.
--
-- Everything is as-of: each milestone is the JST calendar day it happened, and a report computed for a day
-- counts a milestone only if its day ≤ that day — so the same rows answer any past date, and a figure never
-- depends on when it is computed.
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
  updated_at timestamptz not null default now(),
  check ((track_before is null) = (reclassified_on is null)),
  check (accepted_on is null or not_accepted_on is null),
  check ((outcome is null) = (outcome_on is null)),
  check ((outcome = 'fixed') = (fix_action is not null)),
  check (outcome is null or track = 'website' or outcome in ('published', 'handled_individually', 'not_vulnerable')),
  check (outcome is null or track = 'software' or outcome in ('fixed', 'stopped_after_alert', 'not_vulnerable', 'unreachable'))
);
-- the engine aggregates in one scan per group of figures; these serve the long-running (open, notified)
-- and publication figures and deleting/replacing one source
create index statistics_facts_source_idx on statistics_facts (source);
create index statistics_facts_published_idx on statistics_facts (published_on) where published_on is not null;

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
  updated_at timestamptz not null default now()
);
insert into statistics_projection_cursor (id, last_event_id) values (true, 0);
