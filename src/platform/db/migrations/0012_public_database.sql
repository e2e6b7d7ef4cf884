-- The public vulnerability database (脆弱性対策情報データベース): what the public site, the feeds, the exports and
-- the public API read — and all they read (ARCHITECTURE.md invariant 2). These `public_*` tables are written
-- only by the publish step (features/publication) and by the import of advisories from elsewhere
-- (features/advisory-import), both through features/publication/public-writer.ts. Nothing under embargo is
-- ever in them, so no query of a public page can leak an unpublished advisory.

-- Developers as published (for /developers/:slug). The organization id links back to the directory for the
-- publish step only; public queries never select it.
create table public_developers (
  slug text primary key check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  name_ja text not null check (length(name_ja) between 1 and 300),
  name_en text not null check (length(name_en) between 0 and 300),
  organization_id uuid unique,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- One row per advisory: its current revision, the columns the lists and filters need, and the whole
-- AdvisoryDocument (src/domain/advisory-document.ts) as JSON.
create table public_advisories (
  id text primary key check (length(id) between 3 and 100),
  -- the URL form of the id (advisorySlug): JVN12345678, JVNVU12345678, JVNDB-2026-000123
  slug text not null unique check (slug ~ '^[A-Za-z0-9._-]{3,100}$'),
  kind text not null check (kind in ('jvn', 'jvnvu', 'jvndb')),
  -- keikai: published here; import: taken from another provider's CSAF (source_* say whose)
  origin text not null check (origin in ('keikai', 'import')),
  source_namespace text,
  source_tracking_id text,
  revision integer not null check (revision >= 1),
  title_ja text not null check (length(title_ja) between 1 and 1000),
  title_en text not null default '',
  first_published_at timestamptz not null,
  last_updated_at timestamptz not null,
  -- the headline score (highestScore): the highest v4.0 or v3.1 base score of its vulnerabilities
  severity text check (severity in ('none', 'low', 'medium', 'high', 'critical')),
  max_score numeric(3, 1) check (max_score between 0 and 10),
  cwe_ids text[] not null default '{}',
  cve_ids text[] not null default '{}',
  developer_slugs text[] not null default '{}',
  -- product names (ja and en) for the product filter, lower-cased
  product_names text[] not null default '{}',
  sample boolean not null default false,
  document jsonb not null,
  -- CJK bigrams + Latin words of titles, overview, description, products, developers and ids (src/domain/
  -- search-tokens.ts), both languages
  search tsvector not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((origin = 'import') = (source_namespace is not null and source_tracking_id is not null)),
  unique (source_namespace, source_tracking_id)
);
create index public_advisories_latest_idx on public_advisories (first_published_at desc, id desc);
create index public_advisories_modified_idx on public_advisories (last_updated_at desc, id desc);
create index public_advisories_search_idx on public_advisories using gin (search);
create index public_advisories_cwe_idx on public_advisories using gin (cwe_ids);
create index public_advisories_cve_idx on public_advisories using gin (cve_ids);
create index public_advisories_developer_idx on public_advisories using gin (developer_slugs);
create index public_advisories_product_idx on public_advisories using gin (product_names);
create index public_advisories_severity_idx on public_advisories (severity, first_published_at desc);

-- Every published revision with its change note and the document as it was then.
create table public_advisory_revisions (
  advisory_id text not null references public_advisories(id),
  revision integer not null check (revision >= 1),
  published_at timestamptz not null,
  note_ja text not null check (length(note_ja) between 1 and 2000),
  note_en text not null default '',
  document jsonb not null,
  primary key (advisory_id, revision)
);

-- The CSAF 2.0 document of each revision as served under /.well-known/csaf/ (trusted-provider layout):
-- the exact bytes, their hashes and the detached OpenPGP signature, fixed at publication.
create table public_csaf_documents (
  advisory_id text not null references public_advisories(id),
  revision integer not null check (revision >= 1),
  -- TLP label of the distribution folder (only WHITE is published here)
  tlp text not null default 'WHITE' check (tlp in ('WHITE')),
  -- the year folder: the year of the initial release date (UTC)
  year integer not null check (year between 1990 and 9999),
  -- the CSAF filename rule (§5.1): jvn_12345678.json
  filename text not null check (filename ~ '^[+a-z0-9_-]+\.json$'),
  body text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  sha512 text not null check (sha512 ~ '^[0-9a-f]{128}$'),
  signature_asc text not null,
  released_at timestamptz not null,
  primary key (advisory_id, revision)
);
create index public_csaf_documents_file_idx on public_csaf_documents (year, filename, revision desc);
create index public_csaf_documents_released_idx on public_csaf_documents (released_at desc);

-- Runs of `keikai import-advisories` (not public): where a run is, so an interrupted import resumes.
create table advisory_import_runs (
  id uuid primary key default gen_random_uuid(),
  -- the file, folder or provider-metadata URL given on the command line
  source text not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  total integer,
  done integer not null default 0,
  imported integer not null default 0,
  unchanged integer not null default 0,
  failed integer not null default 0,
  -- the last entry completed (file path or URL), to resume after it
  cursor text
);
create index advisory_import_runs_source_idx on advisory_import_runs (source, started_at desc);
