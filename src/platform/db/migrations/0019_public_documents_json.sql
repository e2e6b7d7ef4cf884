-- The published documents are kept as json (their text, checked to be JSON), not jsonb (parsed into a binary
-- tree). Nothing queries inside them: they are written whole (writePublicAdvisories, JSON.stringify) and read
-- whole (pages, API, exports, mail). jsonb cost PostgreSQL a parse on every write and a re-serialisation on
-- every read; json costs a check on write and nothing on read (bench/README.md: importing 250,000 advisories).
-- A row's document text is what keikai wrote, unchanged.
-- A change of type puts a column back to its type's default storage (compressed): EXTERNAL (0018) is set again
-- in the same statement, so the rows rewritten here are stored uncompressed too (two statements would compress
-- every existing document on the way).
alter table public_advisories
  alter column document type json using document::json,
  alter column document set storage external;
alter table public_advisory_revisions alter column document type json using document::json;
