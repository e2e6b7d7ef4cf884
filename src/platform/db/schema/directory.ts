// Kysely's view of the directory tables (see the matching SQL migration, the source of truth). Merged into DB.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface DirectoryEntriesTable {
  organization_id: string;
  emails: TextArray;
  phone: string | null;
  languages: ColumnType<('ja' | 'en')[], ('ja' | 'en')[] | undefined, ('ja' | 'en')[]>;
  locale: Generated<'ja' | 'en'>;
  web_url: string | null;
  pgp_public_key: string | null;
  pgp_fingerprint: string | null;
  pgp_expires_at: NullableTimestamp;
  /** YYYY-MM-DD, a calendar date */
  nda_signed_on: string | null;
  nda_version: string | null;
  notes: string | null;
  operator_kind: 'company' | 'local_government' | 'organization' | 'individual' | 'other' | null;
  relay_via_organization_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DirectoryProductsTable {
  id: Generated<string>;
  organization_id: string;
  name_ja: string;
  name_en: string;
  purl: string | null;
  cpe: string | null;
  category: Generated<'general' | 'ics' | 'iot' | 'medical' | 'automotive' | 'other'>;
  created_at: Generated<Date>;
  retired_at: NullableTimestamp;
}

export interface DirectoryDomainsTable {
  id: Generated<string>;
  organization_id: string;
  domain: string;
  created_at: Generated<Date>;
  removed_at: NullableTimestamp;
}

export interface DirectoryChangeRequestsTable {
  id: Generated<string>;
  organization_id: string;
  requested_by: string;
  before: Json;
  proposed: Json;
  state: Generated<'pending' | 'approved' | 'rejected' | 'superseded'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reject_reason: string | null;
  created_at: Timestamp;
}

export interface DirectoryGroupsTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  created_at: Generated<Date>;
  archived_at: NullableTimestamp;
}

export interface DirectoryGroupMembersTable {
  group_id: string;
  organization_id: string;
  added_at: Generated<Date>;
  removed_at: NullableTimestamp;
}

export interface DirectoryTables {
  directory_entries: DirectoryEntriesTable;
  directory_products: DirectoryProductsTable;
  directory_domains: DirectoryDomainsTable;
  directory_change_requests: DirectoryChangeRequestsTable;
  directory_groups: DirectoryGroupsTable;
  directory_group_members: DirectoryGroupMembersTable;
}
