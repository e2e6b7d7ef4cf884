-- Two columns of public_advisories are stored out of line without compression (EXTERNAL), which makes the
-- bulk import of advisories cheaper for PostgreSQL (measured on 25,000 imported CSAF files: ~8-10 % less of
-- the database's CPU). Only rows written from now on; existing ones are read as they are.
-- - search (a tsvector of CJK bigrams and words, ~2.3 KB for a typical advisory) does not compress: PostgreSQL
--   tried pglz on every row written and kept it uncompressed anyway (not one of 250,000 generated advisories
--   was stored compressed), so the attempt was wasted work.
-- - document (the published JSON, ~3.3 KB) compressed to ~1.8 KB: uncompressed, the database is ~30 % larger
--   (1.85 GB instead of 1.37 GB for 250,000 advisories), and reading an advisory no longer decompresses it.
alter table public_advisories alter column search set storage external;
alter table public_advisories alter column document set storage external;
-- And rows up to ~4 KB stay whole in the table's own page (toast_tuple_target, default ~2 KB): the search vector
-- then stays in the row and the document, the larger, goes out of line. A text search tests the vector of every
-- candidate row (a phrase needs its positions), which is one page read instead of a TOAST index look-up and two
-- chunk reads; and the import writes one out-of-line value per advisory instead of two.
alter table public_advisories set (toast_tuple_target = 4080);
