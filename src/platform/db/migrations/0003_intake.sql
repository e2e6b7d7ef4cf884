-- Intake (届出受付): reports from finders, their attachments and messages, and identifier counters.
-- What identifies a finder or describes an unpublished vulnerability is encrypted by the application
-- (SecretBox, AES-256-GCM, bound to the row): *_enc columns hold ciphertext only.

-- Sequence counters for identifiers (tracking numbers, advisory IDs): one row per pattern and year,
-- advanced with UPDATE … RETURNING inside the caller's transaction, so numbers are unique and gap-free.
create table id_counters (
  pattern text not null,
  year integer not null default 0,
  last_value bigint not null default 0,
  primary key (pattern, year)
);

create table reports (
  id uuid primary key default gen_random_uuid(),
  tracking_number text not null unique,
  track text not null check (track in ('software', 'website')),
  state text not null default 'submitted' check (state in (
    'submitted', 'awaiting_finder', 'accepted', 'not_accepted', 'discontinued', 'duplicate')),
  -- how it came in: the public form, the JSON API, a developer about its own product (自社製品の届出)
  source text not null check (source in ('form', 'api', 'developer_self')),
  locale text not null check (locale in ('ja', 'en')),
  submitted_at timestamptz not null,
  decided_at timestamptz,
  -- a finder with an account; null for anonymous-form submissions
  finder_user_id uuid references users(id),
  -- the reporting organization for developer self-reports
  reporter_organization_id uuid references organizations(id),
  -- {name, email, phone, organization} — 発見者を特定し得る情報
  finder_identity_enc text not null,
  -- whether the finder can be reached (an address or phone given); separate from anonymity
  finder_contactable boolean not null,
  consent_identity_to_coordinator boolean not null default false,
  consent_identity_to_vendor boolean not null default false,
  consent_direct_contact boolean not null default false,
  consent_public_credit boolean not null default false,
  -- the report itself: product or site, description, steps, environment, threat, credit name …
  body_enc text not null,
  -- website track: the taxonomy category is not secret by itself and is needed for queues and statistics
  website_vuln_type text,
  -- blind index for duplicate candidates: keyed hashes of the text's tokens, never the words themselves
  similarity_tokens tsvector not null default ''::tsvector,
  follow_up_token_hash text unique,
  follow_up_revoked_at timestamptz,
  assignee_user_id uuid references users(id),
  discontinue_reason text check (discontinue_reason in (
    'not_reproducible', 'not_vulnerability', 'already_known', 'unlawfully_obtained')),
  duplicate_of_report_id uuid references reports(id),
  reclassified_from text check (reclassified_from in ('software', 'website')),
  screening jsonb not null default '{}'::jsonb,
  check ((state = 'discontinued') = (discontinue_reason is not null)),
  check ((state = 'duplicate') = (duplicate_of_report_id is not null))
);
create index reports_state_idx on reports (state, submitted_at);
create index reports_track_state_idx on reports (track, state, submitted_at);
create index reports_assignee_idx on reports (assignee_user_id) where assignee_user_id is not null;
create index reports_finder_idx on reports (finder_user_id) where finder_user_id is not null;
create index reports_similarity_idx on reports using gin (similarity_tokens);

create table report_attachments (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports(id),
  filename_enc text not null,
  -- the type found by looking at the bytes, not the one the browser claimed
  detected_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  content_enc bytea not null,
  created_at timestamptz not null
);
create index report_attachments_report_idx on report_attachments (report_id);

-- Messages between the finder and the reception body about one report.
create table report_messages (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports(id),
  -- 'finder' or 'reception'; author_user_id names the staff member (or the finder's account)
  direction text not null check (direction in ('from_finder', 'to_finder')),
  author_user_id uuid references users(id),
  body_enc text not null,
  created_at timestamptz not null
);
create index report_messages_report_idx on report_messages (report_id, created_at);

-- Mail to a finder carries who they are (their address) and often a secret follow-up link: only the reception
-- body's administrators may read such mail in the outbox, never the coordination body's.
alter table mail_messages add column restricted_to text check (restricted_to in ('reception_body'));
