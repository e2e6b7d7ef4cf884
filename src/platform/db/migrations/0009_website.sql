-- Website track (ウェブサイト): the reception body finds the operator's contact, notifies in two stages (seed 003
-- App. 1: a first notice asking for a contact point, then the details with the handling number), follows the
-- fix on the clock (20 business days to the investigation result, 3 months to the fix, a stop after 9 months)
-- and records the outcome. The operator answers through its account or the case's secret link: acknowledgement,
-- investigation result, "not a vulnerability", the completion report with its survey (App. 1(3)) and, after a
-- personal-data leak, a draft of what it publishes. One row in website_cases per website case; every other
-- table is a log of what happened to it. Nothing is deleted.

create table website_cases (
  case_id uuid primary key references cases(id),
  -- the operator from the directory (its contact window, key, locale and relay are read from there) …
  operator_organization_id uuid references organizations(id),
  -- … or a contact entered by hand or chosen from a security.txt: address and name
  contact_email text check (contact_email is null or length(contact_email) between 3 and 254),
  contact_name text check (contact_name is null or length(contact_name) between 1 and 200),
  contact_source text check (contact_source in ('directory', 'security_txt', 'manual')),
  contact_locale text not null default 'ja' check (contact_locale in ('ja', 'en')),
  -- the reported type (intake's taxonomy, not secret by itself), copied for the long-running list and statistics
  vulnerability_type text check (vulnerability_type is null or length(vulnerability_type) between 1 and 100),
  -- identifying: no contact yet; contact_requested: first notice sent; notified: the details sent (the clock)
  stage text not null default 'identifying'
    check (stage in ('identifying', 'contact_requested', 'notified', 'closed')),
  first_notice_at timestamptz,
  -- when the details (second notice) went out: the investigation, fix, 90-day and 9-month clocks start here
  notified_at timestamptz,
  -- what the operator told us (also kept one by one in website_operator_responses)
  acknowledged_at timestamptz,
  investigation_reported_at timestamptz,
  investigation_finding text check (investigation_finding in ('vulnerable', 'not_reproduced', 'investigating')),
  not_vulnerability_reported_at timestamptz,
  -- the outcome (seed 004 §1.2.1(2)); reclassification to the product track is the case being superseded
  outcome text check (outcome in (
    'fixed', 'stopped_after_alert', 'not_vulnerability', 'unreachable', 'stopped_after_9_months')),
  -- 修正完了: fixed in the application, page deleted, or avoided operationally (運用で回避)
  fix_action text check (fix_action in ('fixed', 'page_deleted', 'operational_workaround')),
  outcome_reason text check (outcome_reason is null or length(outcome_reason) between 1 and 4000),
  closed_at timestamptz,
  closed_by uuid references users(id),
  finder_notified_at timestamptz,
  -- the operator's secret link (運営者向けリンク): only its sha-256 is kept; replaced or revoked, it stops working
  operator_link_hash text unique,
  operator_link_created_at timestamptz,
  operator_link_revoked_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((stage = 'closed') = (outcome is not null)),
  check ((outcome = 'fixed') = (fix_action is not null)),
  check ((outcome is null) = (closed_at is null)),
  check (stage <> 'notified' or notified_at is not null)
);
create index website_cases_open_notified_idx on website_cases (notified_at) where outcome is null;
create index website_cases_operator_idx on website_cases (operator_organization_id)
  where operator_organization_id is not null;

-- Every fetch of a site's /.well-known/security.txt (RFC 9116) and what came of it.
create table website_discoveries (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  at timestamptz not null,
  actor_user_id uuid references users(id),
  -- what was asked for (the reported site) and the URL that answered, if any
  requested text not null check (length(requested) between 1 and 2000),
  url text check (url is null or length(url) <= 2000),
  outcome text not null check (outcome in ('found', 'expired', 'no-contact', 'malformed', 'not-found',
    'blocked-address', 'too-large', 'timeout', 'unreachable', 'bad-url')),
  -- a short technical reason from the client (never a page body)
  detail text check (detail is null or length(detail) <= 1000),
  tried text[] not null default '{}',
  emails text[] not null default '{}',
  expires_at timestamptz
);
create index website_discoveries_case_idx on website_discoveries (case_id, at);

-- Notices the reception body sent: first notice, details, reminders, anything re-sent. The mail itself is a row
-- in mail_messages (the outbox); this row says what it was for and where it went.
create table website_notices (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  kind text not null check (kind in ('contact_request', 'details', 'reminder')),
  -- for reminders: the policy point it answers (e.g. 'investigation-5bd')
  reminder_key text check (reminder_key is null or length(reminder_key) between 1 and 100),
  to_address text not null,
  to_organization_id uuid references organizations(id),
  locale text not null check (locale in ('ja', 'en')),
  encrypted boolean not null default false,
  -- sent to the first relay (総務省 → 都道府県 → 市町村) rather than to the operator itself
  relayed boolean not null default false,
  mail_message_id uuid references mail_messages(id),
  sent_at timestamptz not null,
  sent_by uuid references users(id),
  check ((kind = 'reminder') = (reminder_key is not null))
);
create index website_notices_case_idx on website_notices (case_id, sent_at);
-- a reminder point is sent once per case, whatever runs the sweep and however often
create unique index website_notices_reminder_idx on website_notices (case_id, reminder_key)
  where kind = 'reminder';

-- The hops a relayed notice travels (seed 002 参考2): position 1 is the relay the mail went to, the last one the
-- operator. Each hop's forwarding is recorded when the reception body learns of it.
create table website_relay_hops (
  id uuid primary key default gen_random_uuid(),
  notice_id uuid not null references website_notices(id),
  case_id uuid not null references cases(id),
  position integer not null check (position >= 1),
  organization_id uuid not null references organizations(id),
  -- when this hop had it: the mail's time for the first one, the previous hop's forwarding time after
  received_at timestamptz,
  forwarded_at timestamptz,
  -- who at this hop passed it on (a name as they gave it), and who recorded it here
  forwarded_by_name text check (forwarded_by_name is null or length(forwarded_by_name) between 1 and 200),
  recorded_by uuid references users(id),
  unique (notice_id, position)
);
create index website_relay_hops_case_idx on website_relay_hops (case_id);

-- Attempts to reach the operator (for 取扱不可能): every notice and reminder sent (automatic) and what staff
-- record by hand (a call, a letter, a web form).
create table website_contact_attempts (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  at timestamptz not null,
  channel text not null check (channel in ('mail', 'phone', 'postal', 'web_form', 'other')),
  automatic boolean not null,
  notice_id uuid references website_notices(id),
  result text not null check (result in ('sent', 'no_answer', 'bounced', 'answered', 'refused')),
  note text check (note is null or length(note) <= 2000),
  recorded_by uuid references users(id)
);
create index website_contact_attempts_case_idx on website_contact_attempts (case_id, at);

-- What the operator said, one row per answer (its account, its secret link, or staff typing in a reply by mail).
create table website_operator_responses (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  kind text not null check (kind in ('acknowledged', 'investigation_result', 'not_vulnerability', 'message')),
  finding text check (finding in ('vulnerable', 'not_reproduced', 'investigating')),
  body text check (body is null or length(body) <= 20000),
  via text not null check (via in ('account', 'link', 'staff')),
  user_id uuid references users(id),
  at timestamptz not null,
  check (kind <> 'not_vulnerability' or body is not null),
  check ((kind = 'investigation_result') = (finding is not null))
);
create index website_operator_responses_case_idx on website_operator_responses (case_id, at);

-- 修正完了報告書 (seed 003 App. 1(3)): what was done, whether the reception body should confirm the fix, whom to
-- contact next time, and the survey of cause and damage (multiple choice; codes below, "other" with free text).
create table website_completion_reports (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id),
  submitted_at timestamptz not null,
  via text not null check (via in ('account', 'link', 'staff')),
  user_id uuid references users(id),
  action text not null check (action in ('fixed', 'page_deleted', 'operational_workaround')),
  what_done text not null check (length(what_done) between 1 and 20000),
  -- Q1(ア) what the cause depended on; Q1(イ) the cause in detail
  cause_basis text[] not null default '{}'
    check (cause_basis <@ array['design', 'site_setting', 'other']::text[]),
  cause_detail text[] not null default '{}'
    check (cause_detail <@ array['unintended_access', 'input_check_sql', 'input_check_overflow', 'xss',
      'error_handling', 'encryption', 'other']::text[]),
  cause_other text check (cause_other is null or length(cause_other) <= 2000),
  -- Q2(ア) damage that occurred; Q2(イ) damage that could have occurred; Q2(ウ) kinds of leaked information
  damage_actual text[] not null default '{}'
    check (damage_actual <@ array['access_control_bypass', 'personal_data_leak', 'server_info_leak',
      'other_confidential_leak', 'cookie_leak', 'impersonation', 'tampering', 'denial_of_service',
      'command_execution', 'none', 'other']::text[]),
  damage_actual_other text check (damage_actual_other is null or length(damage_actual_other) <= 2000),
  damage_potential text[] not null default '{}'
    check (damage_potential <@ array['access_control_bypass', 'personal_data_leak', 'server_info_leak',
      'other_confidential_leak', 'cookie_leak', 'impersonation', 'tampering', 'denial_of_service',
      'command_execution', 'other']::text[]),
  damage_potential_other text check (damage_potential_other is null or length(damage_potential_other) <= 2000),
  leaked_kinds text check (leaked_kinds is null or length(leaked_kinds) <= 2000),
  -- Q3 opinions on the notification
  opinion text check (opinion is null or length(opinion) <= 4000),
  personal_data_leak boolean not null,
  -- the reception body confirms the fix only with the operator's consent (同意書)
  wants_fix_confirmation boolean not null,
  fix_confirmation_consent boolean not null default false,
  -- next time: this address and person, or decided each time through the site's reception desk
  next_contact text not null check (next_contact in ('this_address', 'reception_desk')),
  next_contact_email text check (next_contact_email is null or length(next_contact_email) between 3 and 254),
  next_contact_name text check (next_contact_name is null or length(next_contact_name) <= 200),
  reporter_organization text check (reporter_organization is null or length(reporter_organization) <= 300),
  reporter_department text check (reporter_department is null or length(reporter_department) <= 300),
  reporter_name text check (reporter_name is null or length(reporter_name) <= 200),
  check (not wants_fix_confirmation or fix_confirmation_consent),
  check (next_contact <> 'this_address' or next_contact_email is not null)
);
create index website_completion_reports_case_idx on website_completion_reports (case_id, submitted_at);

-- After a personal-data leak, the facts the operator publishes (overview, period, number, kinds of data, cause,
-- contact): a draft the operator edits; one per case.
create table website_leak_publications (
  case_id uuid primary key references cases(id),
  overview text check (overview is null or length(overview) <= 20000),
  period text check (period is null or length(period) <= 1000),
  people_count text check (people_count is null or length(people_count) <= 200),
  data_kinds text check (data_kinds is null or length(data_kinds) <= 4000),
  cause text check (cause is null or length(cause) <= 20000),
  contact text check (contact is null or length(contact) <= 2000),
  published_url text check (published_url is null or length(published_url) <= 2000),
  published_at timestamptz,
  updated_at timestamptz not null,
  updated_via text not null check (updated_via in ('account', 'link', 'staff')),
  updated_by uuid references users(id)
);
