// Kysely's view of the tables. Kept by hand beside the SQL migrations, which are the source of truth.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AdvisoryTables } from './schema/advisories.js';
import type { CoordinationTables } from './schema/coordination.js';
import type { DirectoryTables } from './schema/directory.js';
import type { PublicDatabaseTables } from './schema/public-database.js';
import type { StatisticsTables } from './schema/statistics.js';
import type { WebsiteTables } from './schema/website.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | undefined, string>;

export type OrganizationType =
  | 'reception_body'
  | 'coordination_body'
  | 'product_developer'
  | 'website_operator'
  | 'csirt'
  | 'critical_infrastructure'
  | 'si_vendor';

export type Sector = 'electricity' | 'gas' | 'railway' | 'finance' | 'aviation' | 'telecom' | 'government';
export type Role = 'handler' | 'lead' | 'admin' | 'org_admin' | 'member' | 'finder';
export type Locale = 'ja' | 'en';

export interface OrganizationsTable {
  id: Generated<string>;
  type: OrganizationType;
  name_ja: string;
  name_en: string;
  sector: Sector | null;
  created_at: Generated<Date>;
  disabled_at: NullableTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  organization_id: string | null;
  role: Role;
  password_hash: string | null;
  locale: Generated<Locale>;
  time_zone: Generated<string>;
  totp_secret_enc: string | null;
  totp_enabled_at: NullableTimestamp;
  /** bigint: the last accepted TOTP time step (replay protection) */
  totp_last_step: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  password_changed_at: NullableTimestamp;
  created_at: Generated<Date>;
  disabled_at: NullableTimestamp;
}

export interface MfaRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
  revoked_at: NullableTimestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  mfa_verified_at: NullableTimestamp;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface MailTokensTable {
  id: Generated<string>;
  purpose: 'password_reset' | 'invitation';
  token_hash: string;
  email: string;
  user_id: string | null;
  organization_id: string | null;
  role: Role | null;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  display_name: string | null;
  locale: Locale | null;
}

export interface EventsTable {
  id: Generated<string>;
  stream_type: string;
  stream_id: string;
  type: string;
  actor_user_id: string | null;
  at: Generated<Date>;
  data: Json;
}

export interface MailMessagesTable {
  id: Generated<string>;
  to_address: string;
  locale: Locale;
  template: string;
  subject: string;
  body_text: string;
  status: Generated<'queued' | 'sent' | 'kept' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  related_type: string | null;
  related_id: string | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
  restricted_to: ColumnType<
    'reception_body' | null,
    'reception_body' | null | undefined,
    'reception_body' | null
  >;
}

export interface AuditLogTable {
  seq: Generated<string>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  detail: Json;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

/** Every table; later features keep theirs in ./schema/<feature>.ts, each owned by that feature. */
export interface DB
  extends DirectoryTables,
    CoordinationTables,
    WebsiteTables,
    AdvisoryTables,
    PublicDatabaseTables,
    StatisticsTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  mail_tokens: MailTokensTable;
  events: EventsTable;
  mail_messages: MailMessagesTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  id_counters: IdCountersTable;
  reports: ReportsTable;
  report_attachments: ReportAttachmentsTable;
  report_messages: ReportMessagesTable;
  cases: CasesTable;
  rate_limits: { key: string; count: number; expires_at: Date };
}

export type User = Selectable<UsersTable>;
export type Organization = Selectable<OrganizationsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

// ── intake (0003) ──
export interface IdCountersTable {
  pattern: string;
  year: number;
  last_value: string;
}

export type ReportTrack = 'software' | 'website';
export type ReportStateColumn =
  | 'submitted'
  | 'awaiting_finder'
  | 'accepted'
  | 'not_accepted'
  | 'discontinued'
  | 'duplicate';

export interface ReportsTable {
  id: Generated<string>;
  tracking_number: string;
  track: ReportTrack;
  state: Generated<ReportStateColumn>;
  source: 'form' | 'api' | 'developer_self';
  locale: Locale;
  submitted_at: Timestamp;
  decided_at: NullableTimestamp;
  finder_user_id: string | null;
  reporter_organization_id: string | null;
  finder_identity_enc: string;
  finder_contactable: boolean;
  consent_identity_to_coordinator: boolean;
  consent_identity_to_vendor: boolean;
  consent_direct_contact: boolean;
  consent_public_credit: boolean;
  body_enc: string;
  website_vuln_type: string | null;
  similarity_tokens: ColumnType<string, string | undefined, string>;
  follow_up_token_hash: string | null;
  follow_up_revoked_at: NullableTimestamp;
  assignee_user_id: string | null;
  discontinue_reason: string | null;
  duplicate_of_report_id: string | null;
  reclassified_from: ReportTrack | null;
  screening: Json;
}

export interface ReportAttachmentsTable {
  id: Generated<string>;
  report_id: string;
  filename_enc: string;
  detected_type: string;
  size_bytes: number;
  sha256: string;
  content_enc: Buffer;
  created_at: Timestamp;
}

export interface ReportMessagesTable {
  id: Generated<string>;
  report_id: string;
  direction: 'from_finder' | 'to_finder';
  author_user_id: string | null;
  body_enc: string;
  created_at: Timestamp;
}

// ── cases (0004) ──
export interface CasesTable {
  id: Generated<string>;
  reference: string;
  track: ReportTrack;
  origin: 'report' | 'developer_self' | 'csirt';
  report_id: string | null;
  state: Generated<'open' | 'closed'>;
  handed_over_at: Timestamp;
  superseded_by_case_id: string | null;
  created_at: Generated<Date>;
}
