-- Foundation: organizations, accounts, sessions, tokens, the audit chain, case events, mail outbox.
-- Nothing here is ever hard-deleted: rows are disabled, revoked or superseded.

create extension if not exists pgcrypto;

create table organizations (
  id uuid primary key default gen_random_uuid(),
  type text not null check (type in (
    'reception_body', 'coordination_body', 'product_developer', 'website_operator',
    'csirt', 'critical_infrastructure', 'si_vendor')),
  name_ja text not null check (length(name_ja) between 1 and 200),
  name_en text not null check (length(name_en) between 1 and 200),
  -- 重要インフラ分野: only for critical-infrastructure operators
  sector text check (sector in ('electricity', 'gas', 'railway', 'finance', 'aviation', 'telecom', 'government')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  check ((type = 'critical_infrastructure') = (sector is not null))
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 200),
  -- null for individual finders (発見者), who belong to no organization
  organization_id uuid references organizations(id),
  role text not null check (role in ('handler', 'lead', 'admin', 'org_admin', 'member', 'finder')),
  password_hash text,
  locale text not null default 'ja' check (locale in ('ja', 'en')),
  time_zone text not null default 'Asia/Tokyo',
  totp_secret_enc text,
  totp_enabled_at timestamptz,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  check ((role = 'finder') = (organization_id is null))
);
create unique index users_email_key on users (email);
create index users_organization_idx on users (organization_id);

create table mfa_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  code_hash text not null,
  used_at timestamptz
);
create index mfa_recovery_codes_user_idx on mfa_recovery_codes (user_id);

create table sessions (
  -- sha-256 of the cookie value: a database dump does not yield live sessions
  id_hash text primary key,
  user_id uuid not null references users(id),
  mfa_verified_at timestamptz,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- one-time tokens sent by mail: password reset and organization invitations
create table mail_tokens (
  id uuid primary key default gen_random_uuid(),
  purpose text not null check (purpose in ('password_reset', 'invitation')),
  token_hash text not null unique,
  email text not null,
  user_id uuid references users(id),
  organization_id uuid references organizations(id),
  role text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Case events: every change of a case is an event, written in the transaction that changes its state row.
create table events (
  id bigserial primary key,
  stream_type text not null,
  stream_id uuid not null,
  type text not null,
  actor_user_id uuid references users(id),
  at timestamptz not null default now(),
  data jsonb not null default '{}'::jsonb
);
create index events_stream_idx on events (stream_type, stream_id, id);
create index events_type_at_idx on events (type, at);

create function events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'events are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger events_no_update before update or delete on events
  for each row execute function events_append_only();
create trigger events_no_truncate before truncate on events
  for each statement execute function events_append_only();

-- Mail outbox: a row written in the transaction that causes the mail, delivered by a job with retries.
create table mail_messages (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  locale text not null check (locale in ('ja', 'en')),
  template text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'kept', 'failed')),
  attempts integer not null default 0,
  last_error text,
  related_type text,
  related_id uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_messages_created_idx on mail_messages (created_at desc);
create index mail_messages_to_idx on mail_messages (to_address);

-- Audit trail (監査証跡): append-only and hash-chained. Each row commits to the previous row's hash,
-- so altering or removing a row breaks the chain at that point (`keikai verify-audit`).
create table audit_log (
  seq bigint primary key,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  action text not null,
  subject_type text,
  subject_id text,
  ip text,
  detail jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_user_id, seq);
create index audit_log_action_idx on audit_log (action, seq);

-- The canonical text that a row's hash covers. One definition, used when writing and when verifying.
create function audit_row_digest(prev text, seq bigint, at timestamptz, actor uuid, label text, action text,
  subject_type text, subject_id text, ip text, detail jsonb) returns text
language sql immutable as $$
  select encode(sha256(convert_to(concat_ws(chr(31),
    prev, seq::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(actor::text, ''), label, action, coalesce(subject_type, ''), coalesce(subject_id, ''),
    coalesce(ip, ''), detail::text), 'UTF8')), 'hex')
$$;

create function audit_log_chain() returns trigger language plpgsql as $$
declare
  last record;
begin
  -- one writer at a time: the link and the sequence number are taken under the same lock
  perform pg_advisory_xact_lock(hashtext('keikai.audit_log'));
  select a.seq, a.hash into last from audit_log a order by a.seq desc limit 1;
  new.seq := coalesce(last.seq, 0) + 1;
  new.prev_hash := coalesce(last.hash, repeat('0', 64));
  new.at := date_trunc('microseconds', clock_timestamp());
  new.hash := audit_row_digest(new.prev_hash, new.seq, new.at, new.actor_user_id, new.actor_label,
    new.action, new.subject_type, new.subject_id, new.ip, new.detail);
  return new;
end $$;
create trigger audit_log_chain before insert on audit_log
  for each row execute function audit_log_chain();

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- Returns the first row whose link or hash does not hold, or nothing when the chain is whole.
create function audit_verify() returns table (seq bigint, problem text) language sql stable as $$
  with rows as (
    select a.*, lag(a.seq) over (order by a.seq) as prev_seq, lag(a.hash) over (order by a.seq) as prev_row_hash
    from audit_log a
  )
  select r.seq,
    case
      when r.prev_seq is null and r.seq <> 1 then 'rows before this one were removed'
      when r.prev_seq is not null and r.seq <> r.prev_seq + 1 then 'the row(s) before this one were removed'
      when r.prev_hash <> coalesce(r.prev_row_hash, repeat('0', 64)) then 'link to the previous row does not match'
      else 'row content was altered'
    end
  from rows r
  where (r.prev_seq is null and r.seq <> 1)
     or (r.prev_seq is not null and r.seq <> r.prev_seq + 1)
     or r.prev_hash <> coalesce(r.prev_row_hash, repeat('0', 64))
     or r.hash <> audit_row_digest(r.prev_hash, r.seq, r.at, r.actor_user_id, r.actor_label, r.action,
                                   r.subject_type, r.subject_id, r.ip, r.detail)
  order by r.seq
  limit 1
$$;

-- Per-deployment key/value settings written by the app (e.g. that the demo was seeded).
create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
