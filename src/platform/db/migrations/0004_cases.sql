-- Cases (案件): what an accepted report becomes. A software report goes to the coordination body's product
-- queue, a website report to the reception body's website queue. The coordination and website features grow
-- this table; here it holds the handover.
create table cases (
  id uuid primary key default gen_random_uuid(),
  -- the number everyone quotes: the report's tracking number for reports, another reference otherwise
  reference text not null unique,
  track text not null check (track in ('software', 'website')),
  -- where it came from: a finder's report (可能なら), later also an overseas CSIRT or an incident
  origin text not null check (origin in ('report', 'developer_self')),
  report_id uuid unique references reports(id),
  state text not null default 'open' check (state in ('open', 'closed')),
  handed_over_at timestamptz not null,
  -- a case moved to the other track keeps its history and points at its successor
  superseded_by_case_id uuid references cases(id),
  created_at timestamptz not null default now()
);
create index cases_track_state_idx on cases (track, state, handed_over_at);
