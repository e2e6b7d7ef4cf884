-- What the public surfaces key their caches and counts on, so that none of them counts or scans the public
-- tables per request (250,000 advisories: count(*) ~0.3 s, unnest of every developer list ~1.5 s).
-- Maintained only by features/publication/public-writer.ts (writePublicAdvisories), in the writer's own
-- transaction, so these numbers change exactly when the published data does and are never ahead of it.

-- One row. version: raised by one on every call of writePublicAdvisories (publish step, import batch) — the
-- public data (advisories, revisions, developers, CSAF documents written in the same transaction) is the same
-- as long as the version is; ETags, in-memory caches of rendered lists and sitemap parts key on it.
-- advisory_count: how many rows public_advisories has (samples included).
create table public_state (
  id boolean primary key default true check (id),
  version bigint not null check (version >= 0),
  advisory_count integer not null check (advisory_count >= 0),
  updated_at timestamptz not null
);
insert into public_state (id, version, advisory_count, updated_at)
select true, (select count(*) from public_advisory_revisions), (select count(*) from public_advisories), now();

-- How many advisories list the developer (its current revision's developer list), for /developers.
alter table public_developers add column advisory_count integer not null default 0 check (advisory_count >= 0);
update public_developers d
set advisory_count = c.n
from (
  select slug, count(*)::integer as n
  from (select distinct a.id, u.slug from public_advisories a, unnest(a.developer_slugs) as u(slug)) x
  group by slug
) c
where c.slug = d.slug;
