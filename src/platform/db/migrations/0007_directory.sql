-- Directory (名簿): what the coordination body keeps about product developers and CSIRTs, and what the reception
-- body keeps about website operators — the contact window, the confidentiality agreement, products, domains,
-- groups — and the changes a party proposes to its own entry until the keeper approves or rejects them.
-- Nothing here is deleted: products, domains and group memberships are retired with a timestamp.

create table directory_entries (
  organization_id uuid primary key references organizations(id),
  -- the contact window (窓口): the first address is the primary one
  emails text[] not null default '{}' check (cardinality(emails) <= 20),
  phone text check (phone is null or length(phone) between 1 and 50),
  -- the languages the window reads, and the one mail is written in
  languages text[] not null default '{ja}' check (languages <@ array['ja', 'en']::text[]),
  locale text not null default 'ja' check (locale in ('ja', 'en')),
  web_url text check (web_url is null or length(web_url) <= 500),
  -- an armored OpenPGP public key, checked when stored; its fingerprint and expiry for display and encryption
  pgp_public_key text check (pgp_public_key is null or length(pgp_public_key) <= 100000),
  pgp_fingerprint text check (pgp_fingerprint is null or pgp_fingerprint ~ '^[0-9A-F]{40,64}$'),
  pgp_expires_at timestamptz,
  -- the confidentiality agreement (秘密保持): the day it was signed (a calendar date, YYYY-MM-DD) and its version
  nda_signed_on text check (nda_signed_on is null or nda_signed_on ~ '^\d{4}-\d{2}-\d{2}$'),
  nda_version text check (nda_version is null or length(nda_version) between 1 and 100),
  notes text check (notes is null or length(notes) <= 10000),
  -- website operators: the kind counted in the statistics, and the relay (総務省 → 都道府県 → 市町村)
  operator_kind text check (operator_kind is null
    or operator_kind in ('company', 'local_government', 'organization', 'individual', 'other')),
  relay_via_organization_id uuid references organizations(id)
    check (relay_via_organization_id is null or relay_via_organization_id <> organization_id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index directory_entries_relay_idx on directory_entries (relay_via_organization_id)
  where relay_via_organization_id is not null;

create table directory_products (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  name_ja text not null check (length(name_ja) between 1 and 200),
  name_en text not null check (length(name_en) between 1 and 200),
  purl text check (purl is null or length(purl) <= 1000),
  cpe text check (cpe is null or (length(cpe) <= 1000 and cpe like 'cpe:2.3:%')),
  -- used by the coordination schedule policy (e.g. a longer target for industrial control systems)
  category text not null default 'general'
    check (category in ('general', 'ics', 'iot', 'medical', 'automotive', 'other')),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create index directory_products_org_idx on directory_products (organization_id) where retired_at is null;

-- a website operator's domains: lower-case hostnames, each held by one operator at a time
create table directory_domains (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  domain text not null check (domain = lower(domain) and length(domain) between 1 and 253),
  created_at timestamptz not null default now(),
  removed_at timestamptz
);
create unique index directory_domains_live_idx on directory_domains (domain) where removed_at is null;
create index directory_domains_org_idx on directory_domains (organization_id) where removed_at is null;

-- a change a party proposes to its own entry; the keeper approves (applies) or rejects it with a reason
create table directory_change_requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  requested_by uuid not null references users(id),
  -- the entry's fields as they were when proposed, and as proposed (same shape)
  before jsonb not null,
  proposed jsonb not null,
  -- superseded: the party proposed again before the keeper decided; the later proposal stands
  state text not null default 'pending' check (state in ('pending', 'approved', 'rejected', 'superseded')),
  decided_by uuid references users(id),
  decided_at timestamptz,
  reject_reason text check (reject_reason is null or length(reject_reason) between 1 and 2000),
  created_at timestamptz not null default now(),
  check ((state = 'pending') = (decided_at is null)),
  check (state <> 'rejected' or reject_reason is not null)
);
create index directory_change_requests_pending_idx on directory_change_requests (created_at)
  where state = 'pending';
create index directory_change_requests_org_idx on directory_change_requests (organization_id, created_at);

-- groups of parties to add to a case at once (e.g. ルーター製品開発者)
create table directory_groups (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description text check (description is null or length(description) <= 2000),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create unique index directory_groups_name_idx on directory_groups (lower(name)) where archived_at is null;

create table directory_group_members (
  group_id uuid not null references directory_groups(id),
  organization_id uuid not null references organizations(id),
  added_at timestamptz not null default now(),
  removed_at timestamptz,
  primary key (group_id, organization_id)
);
create index directory_group_members_org_idx on directory_group_members (organization_id);
