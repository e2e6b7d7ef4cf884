-- The document of an advisory's current revision is kept once, in public_advisories.document, not a second time
-- in public_advisory_revisions.document (writing each document twice was a quarter of the database's work when
-- importing 250,000 advisories, and as much space). public_advisory_revisions.document is written when a newer
-- revision replaces the row's revision (writePublicAdvisories copies public_advisories.document into it, in the
-- same transaction), so:
--   document is null  ⇒  the revision is the current one (public_advisories.revision), whose document is
--                        public_advisories.document.
-- Readers of a revision's document take coalesce(r.document, a.document) joined on a.id = r.advisory_id.
-- Rows written before this migration keep their copy (non-null, equal to the current document): also correct.
alter table public_advisory_revisions alter column document drop not null;
