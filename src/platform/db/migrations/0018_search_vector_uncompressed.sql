-- public_advisories.search (a tsvector of CJK bigrams and words, ~2.3 KB for a typical advisory) does not
-- compress: PostgreSQL tried pglz on every row written and kept it uncompressed anyway (measured on 250,000
-- generated advisories: not one compressed). EXTERNAL stores it out of line without trying, which saves that
-- CPU when writing (an import of 250,000) and changes nothing when reading. Only rows written from now on;
-- existing ones are read as they are.
alter table public_advisories alter column search set storage external;
alter table public_advisories alter column document set storage external;
