-- Advisories being written (脆弱性対策情報の作成): the coordination body writes one advisory per product case,
-- Japanese and English side by side, submits it for review, a lead approves it, it is scheduled for the
-- agreed publication moment and the publish step copies the approved text into the public database
-- (0012). After publication a correction is a new revision: edited, reviewed, approved and published again.
-- Nothing here is public: the content describes an unpublished vulnerability and is sealed (`_enc`).
-- Every change is also an event on the case's stream (`stream_type = 'case'`, types `advisory.*`).

create table advisories (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null unique references cases(id),
  -- jvn: a domestic report; jvnvu: coordinated with several developers or handed over by an overseas CSIRT
  kind text not null check (kind in ('jvn', 'jvnvu')),
  -- the public ID (JVN#…, JVNVU#…), allocated from the configured pattern at the first approval, then fixed
  public_id text unique,
  -- draft → in_review → approved → scheduled → published; an edit of an approved or scheduled copy goes back
  -- to draft; after publication the next revision starts again at draft (published_revision keeps counting)
  state text not null default 'draft'
    check (state in ('draft', 'in_review', 'approved', 'scheduled', 'published')),
  -- the working copy: AdvisoryContent (src/domain/advisory-document.ts) as JSON, sealed with context
  -- `advisories.content:<id>`
  content_enc text not null,
  -- the copy that was approved (what the publish step publishes), sealed with `advisories.approved:<id>`,
  -- and the sha-256 of its plain JSON, so a reviewer's approval is bound to exactly that text
  approved_content_enc text,
  approved_content_sha256 text,
  -- the change note of the revision being prepared (required from the second revision on)
  change_note_ja text check (change_note_ja is null or length(change_note_ja) between 1 and 2000),
  change_note_en text check (change_note_en is null or length(change_note_en) between 1 and 2000),
  -- the last published revision (0: never published)
  published_revision integer not null default 0 check (published_revision >= 0),
  submitted_at timestamptz,
  submitted_by uuid references users(id),
  approved_at timestamptz,
  approved_by uuid references users(id),
  -- when the publish job publishes it: the case's agreed moment, or the moment a correction is released
  scheduled_for timestamptz,
  first_published_at timestamptz,
  last_published_at timestamptz,
  created_at timestamptz not null,
  created_by uuid references users(id),
  updated_at timestamptz not null,
  updated_by uuid references users(id),
  check ((state = 'scheduled') = (scheduled_for is not null)),
  check (state not in ('approved', 'scheduled') or approved_content_enc is not null),
  check ((published_revision = 0) = (first_published_at is null))
);
create index advisories_due_idx on advisories (scheduled_for) where state = 'scheduled';

-- Reviews of a submitted copy: approved, or changes requested with a note. Bound to the text reviewed.
create table advisory_reviews (
  id uuid primary key default gen_random_uuid(),
  advisory_id uuid not null references advisories(id),
  decision text not null check (decision in ('approved', 'changes_requested')),
  note text check (note is null or length(note) between 1 and 4000),
  content_sha256 text not null,
  reviewer uuid not null references users(id),
  at timestamptz not null,
  check (decision = 'approved' or note is not null)
);
create index advisory_reviews_advisory_idx on advisory_reviews (advisory_id, at);

-- People who asked to be mailed when advisories are published (double opt-in; 購読). Private: addresses are
-- personal data and never reach the public tables.
create table advisory_subscriptions (
  id uuid primary key default gen_random_uuid(),
  email text not null check (length(email) between 3 and 254),
  locale text not null default 'ja' check (locale in ('ja', 'en')),
  -- sha-256 of the secret in the confirmation and unsubscribe links
  token_hash text not null unique,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  unsubscribed_at timestamptz
);
create unique index advisory_subscriptions_email_idx on advisory_subscriptions (lower(email))
  where unsubscribed_at is null;

-- Once-only notifications of a publication (one row per advisory revision and audience), so two workers or a
-- retried job never mail twice.
create table advisory_publication_notices (
  advisory_id uuid not null references advisories(id),
  revision integer not null,
  audience text not null check (audience in ('finder', 'developers', 'subscribers', 'staff')),
  sent_at timestamptz not null,
  primary key (advisory_id, revision, audience)
);
