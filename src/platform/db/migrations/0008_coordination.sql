-- Coordination (調整): the coordination body's work on a product case — its vulnerabilities, the developers it
-- notified (parties), each party's status per vulnerability, developers suggested by other developers, the
-- publication schedule (proposals and each party's response), message threads, contact attempts, reminders
-- sent, and how coordination ended. The coordinator's workspace and the developer portal both read and write
-- these tables; every change is also an event on the case's stream (`stream_type = 'case'`).
-- Nothing here is deleted: parties are removed and vulnerabilities withdrawn with a timestamp, proposals are
-- superseded, statuses are overwritten only with their history in events.
-- Text that describes an unpublished vulnerability or a party's statement is sealed with the app's SecretBox
-- (columns ending in `_enc`), bound to its row.

-- a case may now also come from an overseas CSIRT (海外CSIRTからの連絡)
alter table cases drop constraint cases_origin_check;
alter table cases add constraint cases_origin_check check (origin in ('report', 'developer_self', 'csirt'));

-- one row per product case under coordination (1:1 with cases)
create table coordination_cases (
  case_id uuid primary key references cases(id),
  -- 起算日: the JST calendar day of the first notification of the first party (YYYY-MM-DD)
  start_date text check (start_date is null or start_date ~ '^\d{4}-\d{2}-\d{2}$'),
  -- the product category the target publication date is computed for (policy per deployment)
  product_category text not null default 'general'
    check (product_category in ('general', 'ics', 'iot', 'medical', 'automotive', 'other')),
  -- 公表予定日 (target): start date + policy days; a JST calendar day
  target_date text check (target_date is null or target_date ~ '^\d{4}-\d{2}-\d{2}$'),
  -- the agreed publication moment (exact, UTC), once a proposal is accepted
  agreed_publication_at timestamptz,
  -- the schedule was set by an overseas CSIRT and takes precedence (海外CSIRTが設定した日程)
  schedule_fixed_by_csirt boolean not null default false,
  -- the overseas CSIRT that handed the case over, its own reference and the day it told us
  csirt_organization_id uuid references organizations(id),
  csirt_reference text check (csirt_reference is null or length(csirt_reference) between 1 and 200),
  csirt_received_on text check (csirt_received_on is null or csirt_received_on ~ '^\d{4}-\d{2}-\d{2}$'),
  -- how coordination ended (調整の終了)
  end_kind text check (end_kind is null or end_kind in (
    'no_new_handling', 'developer_notifies_users', 'not_vulnerability', 'ready_for_publication')),
  end_reason text check (end_reason is null or length(end_reason) between 1 and 4000),
  ended_at timestamptz,
  ended_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((end_kind is null) = (ended_at is null)),
  check (end_kind is null or end_reason is not null),
  check ((csirt_organization_id is null) or (csirt_reference is not null))
);
create index coordination_cases_target_idx on coordination_cases (target_date) where ended_at is null;

create table coordination_vulnerabilities (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  -- 1, 2, 3 … within the case (shown as `<reference>.1`)
  ordinal integer not null check (ordinal between 1 and 1000),
  title_ja text not null check (length(title_ja) between 1 and 300),
  title_en text not null check (length(title_en) between 1 and 300),
  -- sealed: it describes an unpublished vulnerability
  description_enc text,
  -- a CWE from the shipped list (src/domain/cwe.ts), or NVD's pseudo-entries
  cwe_id text check (cwe_id is null or cwe_id ~ '^(CWE-[1-9][0-9]{0,5}|NVD-CWE-Other|NVD-CWE-noinfo)$'),
  cvss31_vector text check (cvss31_vector is null or cvss31_vector like 'CVSS:3.1/%'),
  cvss31_score numeric(3, 1) check (cvss31_score is null or cvss31_score between 0 and 10),
  cvss31_severity text check (cvss31_severity is null
    or cvss31_severity in ('none', 'low', 'medium', 'high', 'critical')),
  cvss40_vector text check (cvss40_vector is null or cvss40_vector like 'CVSS:4.0/%'),
  cvss40_score numeric(3, 1) check (cvss40_score is null or cvss40_score between 0 and 10),
  cvss40_severity text check (cvss40_severity is null
    or cvss40_severity in ('none', 'low', 'medium', 'high', 'critical')),
  cve_id text check (cve_id is null or cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,}$'),
  created_at timestamptz not null default now(),
  created_by uuid references users(id),
  updated_at timestamptz not null default now(),
  updated_by uuid references users(id),
  withdrawn_at timestamptz,
  unique (case_id, ordinal),
  check ((cvss31_vector is null) = (cvss31_score is null)),
  check ((cvss40_vector is null) = (cvss40_score is null))
);
create unique index coordination_vulnerabilities_cve_idx on coordination_vulnerabilities (case_id, cve_id)
  where cve_id is not null and withdrawn_at is null;

-- a developer that is a party to the case (関係する製品開発者)
create table coordination_parties (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  organization_id uuid not null references organizations(id),
  added_at timestamptz not null,
  added_by uuid references users(id),
  -- added because another party named it (coordination_suggestions.id), if so
  suggestion_id uuid,
  -- the first notification; later notices do not move it
  notified_at timestamptz,
  -- when someone of the developer first opened the case in the portal ("did they open it?")
  first_opened_at timestamptz,
  -- the developer acknowledged the notification (受領確認)
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id),
  -- flagged unreachable (連絡不能) after unanswered reminders; cleared (null) when they reappear
  unreachable_at timestamptz,
  -- the coordinator allowed direct contact between the finder and this developer (needs the finder's consent too)
  finder_contact_allowed boolean not null default false,
  finder_contact_decided_at timestamptz,
  finder_contact_decided_by uuid references users(id),
  removed_at timestamptz,
  removed_reason text check (removed_reason is null or length(removed_reason) between 1 and 2000),
  check (removed_at is null or removed_reason is not null)
);
create unique index coordination_parties_live_idx on coordination_parties (case_id, organization_id)
  where removed_at is null;
create index coordination_parties_org_idx on coordination_parties (organization_id) where removed_at is null;
create index coordination_parties_pending_ack_idx on coordination_parties (notified_at)
  where acknowledged_at is null and removed_at is null and notified_at is not null;

-- a party's status per vulnerability (開発者ごと・脆弱性ごとの状況), with its statement and countermeasure
create table coordination_statuses (
  party_id uuid not null references coordination_parties(id),
  vulnerability_id uuid not null references coordination_vulnerabilities(id),
  status text not null default 'unknown' check (status in (
    'unknown', 'investigating', 'affected', 'not_affected', 'fixed', 'disputed', 'no_response')),
  statement_enc text,
  countermeasure_enc text,
  -- the party agrees that the other developers of the case may read this statement and countermeasure
  shared_with_parties boolean not null default false,
  updated_at timestamptz not null,
  updated_by uuid references users(id),
  primary key (party_id, vulnerability_id)
);
create index coordination_statuses_vuln_idx on coordination_statuses (vulnerability_id);

-- a developer names another developer it thinks is affected; the coordinator decides
create table coordination_suggestions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  suggested_by_party_id uuid references coordination_parties(id),
  suggested_by_user uuid references users(id),
  -- a developer in the directory, or a name in free text when it is not there
  organization_id uuid references organizations(id),
  free_text_name text check (free_text_name is null or length(free_text_name) between 1 and 300),
  reason text not null check (length(reason) between 1 and 4000),
  state text not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
  decided_at timestamptz,
  decided_by uuid references users(id),
  decision_note text check (decision_note is null or length(decision_note) between 1 and 2000),
  resulting_party_id uuid references coordination_parties(id),
  created_at timestamptz not null,
  check (organization_id is not null or free_text_name is not null),
  check ((state = 'pending') = (decided_at is null)),
  check (state <> 'accepted' or resulting_party_id is not null)
);
create index coordination_suggestions_case_idx on coordination_suggestions (case_id, created_at);
alter table coordination_parties add constraint coordination_parties_suggestion_fk
  foreign key (suggestion_id) references coordination_suggestions(id);

-- a proposed publication moment (exact, UTC) and who proposed it
create table coordination_schedule_proposals (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  publish_at timestamptz not null,
  -- the zone the proposer typed the moment in, for showing it back as they meant it
  entered_time_zone text not null default 'Asia/Tokyo' check (length(entered_time_zone) between 1 and 64),
  reason text check (reason is null or length(reason) between 1 and 4000),
  proposed_by text not null check (proposed_by in ('coordinator', 'developer', 'csirt')),
  proposed_by_user uuid references users(id),
  proposed_by_party_id uuid references coordination_parties(id),
  state text not null default 'proposed' check (state in ('proposed', 'accepted', 'rejected', 'superseded')),
  created_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid references users(id),
  check ((state = 'proposed') = (decided_at is null)),
  check (proposed_by <> 'developer' or proposed_by_party_id is not null)
);
create index coordination_schedule_proposals_case_idx on coordination_schedule_proposals (case_id, created_at);
-- one open proposal per case at a time
create unique index coordination_schedule_proposals_open_idx on coordination_schedule_proposals (case_id)
  where state = 'proposed';

-- each party's answer to a proposal: acknowledged, or a counter-proposal (a new proposal) with a reason
create table coordination_schedule_responses (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references coordination_schedule_proposals(id),
  party_id uuid not null references coordination_parties(id),
  response text not null check (response in ('acknowledged', 'counter_proposal')),
  counter_publish_at timestamptz,
  reason text check (reason is null or length(reason) between 1 and 4000),
  responded_by uuid references users(id),
  responded_at timestamptz not null,
  check ((response = 'counter_proposal') = (counter_publish_at is not null)),
  check (response <> 'counter_proposal' or reason is not null)
);
create index coordination_schedule_responses_idx on coordination_schedule_responses (proposal_id, party_id, responded_at);

-- messages: a private thread per party, announcements to all parties, and the finder relay between the
-- reception body and the coordinator (the finder's questions, without the finder's identity)
create table coordination_messages (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  thread text not null check (thread in ('party', 'announcement', 'finder_relay')),
  party_id uuid references coordination_parties(id),
  author_side text not null check (author_side in ('coordinator', 'developer', 'reception')),
  author_user_id uuid references users(id),
  body_enc text not null,
  created_at timestamptz not null,
  check ((thread = 'party') = (party_id is not null)),
  check (thread <> 'announcement' or author_side = 'coordinator'),
  check (thread <> 'finder_relay' or author_side in ('coordinator', 'reception')),
  check (thread <> 'party' or author_side in ('coordinator', 'developer'))
);
create index coordination_messages_case_idx on coordination_messages (case_id, thread, created_at);

-- every attempt to reach a party (連絡の試み): automatic reminders and manual calls, letters, mails
create table coordination_contact_attempts (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  party_id uuid not null references coordination_parties(id),
  at timestamptz not null,
  channel text not null check (channel in ('mail', 'phone', 'letter', 'web', 'other')),
  automatic boolean not null default false,
  note text check (note is null or length(note) <= 4000),
  outcome text not null default 'sent' check (outcome in ('sent', 'reached', 'no_answer', 'bounced', 'other')),
  recorded_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index coordination_contact_attempts_party_idx on coordination_contact_attempts (party_id, at);

-- reminders and notices the sweep has sent: the unique key makes each fire once, even with two workers
create table coordination_reminders (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  -- null for notices about the case as a whole to the coordinator
  party_id uuid references coordination_parties(id),
  kind text not null check (kind in (
    'ack_reminder', 'target_approaching', 'target_passed', 'unreachable')),
  nth integer not null default 1 check (nth >= 1),
  sent_at timestamptz not null,
  unique nulls not distinct (case_id, party_id, kind, nth)
);

-- what a coordinator last saw of a case, for "what changed since you last looked"
create table coordination_views (
  user_id uuid not null references users(id),
  case_id uuid not null references cases(id),
  last_viewed_at timestamptz not null,
  -- the newest case event the viewer had seen
  last_event_id bigint not null default 0,
  primary key (user_id, case_id)
);
