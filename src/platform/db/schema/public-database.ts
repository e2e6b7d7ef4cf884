// Kysely's view of the public database (migration 0012, the source of truth). Public code paths get a
// Kysely<PublicDB> (features/vulndb/public-db.ts) that knows only these tables, so the compiler refuses a
// public query that names a case, report or draft table (ARCHITECTURE.md invariant 2).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric(3,1): pg returns it as a string */
type Score = ColumnType<string | null, string | number | null | undefined, string | number | null>;
/** json (migration 0019): read as the parsed value, written as JSON text, stored as written */
type JsonDocument = ColumnType<unknown, string, string>;
/** tsvector: written as a literal (toTsVector), never read back */
type TsVector = ColumnType<string, string, string>;

export interface PublicDevelopersTable {
  slug: string;
  name_ja: string;
  name_en: string;
  organization_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** migration 0015: advisories listing this developer (kept by writePublicAdvisories) */
  advisory_count: Generated<number>;
}

export interface PublicAdvisoriesTable {
  id: string;
  slug: string;
  kind: 'jvn' | 'jvnvu' | 'jvndb';
  origin: 'keikai' | 'import';
  source_namespace: string | null;
  source_tracking_id: string | null;
  revision: number;
  title_ja: string;
  title_en: Generated<string>;
  first_published_at: Timestamp;
  last_updated_at: Timestamp;
  severity: 'none' | 'low' | 'medium' | 'high' | 'critical' | null;
  max_score: Score;
  cwe_ids: ColumnType<string[], string[] | undefined, string[]>;
  cve_ids: ColumnType<string[], string[] | undefined, string[]>;
  developer_slugs: ColumnType<string[], string[] | undefined, string[]>;
  product_names: ColumnType<string[], string[] | undefined, string[]>;
  sample: Generated<boolean>;
  document: JsonDocument;
  search: TsVector;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicAdvisoryRevisionsTable {
  advisory_id: string;
  revision: number;
  published_at: Timestamp;
  note_ja: string;
  note_en: Generated<string>;
  /** null for the current revision: its document is public_advisories.document (migration 0016) */
  document: ColumnType<unknown, string | null, string | null>;
}

export interface PublicCsafDocumentsTable {
  advisory_id: string;
  revision: number;
  tlp: Generated<'WHITE'>;
  year: number;
  filename: string;
  body: string;
  sha256: string;
  sha512: string;
  signature_asc: string;
  released_at: Timestamp;
}

/** Migration 0015: the one row every public cache and count keys on (writePublicAdvisories keeps it). */
export interface PublicStateTable {
  id: Generated<boolean>;
  /** raised by one per writePublicAdvisories call; bigint, read as a string */
  version: ColumnType<string, string | number, string | number>;
  /** rows of public_advisories */
  advisory_count: number;
  updated_at: Timestamp;
}

/** Every table a public code path may read. */
export interface PublicDB {
  public_developers: PublicDevelopersTable;
  public_advisories: PublicAdvisoriesTable;
  public_advisory_revisions: PublicAdvisoryRevisionsTable;
  public_csaf_documents: PublicCsafDocumentsTable;
  public_state: PublicStateTable;
}

export interface AdvisoryImportRunsTable {
  id: Generated<string>;
  source: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  total: number | null;
  done: Generated<number>;
  imported: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  cursor: string | null;
}

export interface PublicDatabaseTables extends PublicDB {
  advisory_import_runs: AdvisoryImportRunsTable;
}
