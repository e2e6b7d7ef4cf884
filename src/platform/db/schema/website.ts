// Kysely's view of the website tables (see 0009_website.sql and 0010_operator_link.sql, the source of truth). Merged into DB.

import type { ColumnType, Generated } from 'kysely';
import type { DiscoveryOutcome } from '../../outbound/security-txt-client.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray<T extends string = string> = ColumnType<T[], T[] | undefined, T[]>;

export type WebsiteStage = 'identifying' | 'contact_requested' | 'notified' | 'closed';
export type WebsiteOutcome =
  | 'fixed'
  | 'stopped_after_alert'
  | 'not_vulnerability'
  | 'unreachable'
  | 'stopped_after_9_months';
export type FixAction = 'fixed' | 'page_deleted' | 'operational_workaround';
export type ContactSource = 'directory' | 'security_txt' | 'manual';
export type InvestigationFinding = 'vulnerable' | 'not_reproduced' | 'investigating';
/** how an operator's answer came in: its account, the case's secret link, or staff typing in a mailed reply */
export type ResponseVia = 'account' | 'link' | 'staff';
/** the security.txt client's outcomes, stored as they are */
export type { DiscoveryOutcome };
export type NoticeKind = 'contact_request' | 'details' | 'reminder';
export type ContactChannel = 'mail' | 'phone' | 'postal' | 'web_form' | 'other';
export type ContactResult = 'sent' | 'no_answer' | 'bounced' | 'answered' | 'refused';

/** Survey codes of the completion report (seed 003 App. 1(3)). */
export const CAUSE_BASIS = ['design', 'site_setting', 'other'] as const;
export const CAUSE_DETAIL = [
  'unintended_access',
  'input_check_sql',
  'input_check_overflow',
  'xss',
  'error_handling',
  'encryption',
  'other',
] as const;
export const DAMAGE_POTENTIAL = [
  'access_control_bypass',
  'personal_data_leak',
  'server_info_leak',
  'other_confidential_leak',
  'cookie_leak',
  'impersonation',
  'tampering',
  'denial_of_service',
  'command_execution',
  'other',
] as const;
/** damage that occurred: the same list plus "no damage" */
export const DAMAGE_ACTUAL = [...DAMAGE_POTENTIAL.slice(0, -1), 'none', 'other'] as const;
export type CauseBasis = (typeof CAUSE_BASIS)[number];
export type CauseDetail = (typeof CAUSE_DETAIL)[number];
export type DamageActual = (typeof DAMAGE_ACTUAL)[number];
export type DamagePotential = (typeof DAMAGE_POTENTIAL)[number];

export interface WebsiteCasesTable {
  case_id: string;
  operator_organization_id: string | null;
  contact_email: string | null;
  contact_name: string | null;
  contact_source: ContactSource | null;
  contact_locale: Generated<'ja' | 'en'>;
  vulnerability_type: string | null;
  stage: Generated<WebsiteStage>;
  first_notice_at: NullableTimestamp;
  notified_at: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  investigation_reported_at: NullableTimestamp;
  investigation_finding: InvestigationFinding | null;
  not_vulnerability_reported_at: NullableTimestamp;
  outcome: WebsiteOutcome | null;
  fix_action: FixAction | null;
  outcome_reason: string | null;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  finder_notified_at: NullableTimestamp;
  operator_link_hash: string | null;
  operator_link_created_at: NullableTimestamp;
  operator_link_revoked_at: NullableTimestamp;
  /** set at close (0010_operator_link.sql): the link reads the case and its leak page until then */
  operator_link_expires_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebsiteDiscoveriesTable {
  id: Generated<string>;
  case_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  requested: string;
  url: string | null;
  outcome: DiscoveryOutcome;
  detail: string | null;
  tried: TextArray;
  emails: TextArray;
  expires_at: NullableTimestamp;
}

export interface WebsiteNoticesTable {
  id: Generated<string>;
  case_id: string;
  kind: NoticeKind;
  reminder_key: string | null;
  to_address: string;
  to_organization_id: string | null;
  locale: 'ja' | 'en';
  encrypted: Generated<boolean>;
  relayed: Generated<boolean>;
  mail_message_id: string | null;
  sent_at: Timestamp;
  sent_by: string | null;
}

export interface WebsiteRelayHopsTable {
  id: Generated<string>;
  notice_id: string;
  case_id: string;
  position: number;
  organization_id: string;
  received_at: NullableTimestamp;
  forwarded_at: NullableTimestamp;
  forwarded_by_name: string | null;
  recorded_by: string | null;
}

export interface WebsiteContactAttemptsTable {
  id: Generated<string>;
  case_id: string;
  at: Timestamp;
  channel: ContactChannel;
  automatic: boolean;
  notice_id: string | null;
  result: ContactResult;
  note: string | null;
  recorded_by: string | null;
}

export interface WebsiteOperatorResponsesTable {
  id: Generated<string>;
  case_id: string;
  kind: 'acknowledged' | 'investigation_result' | 'not_vulnerability' | 'message';
  finding: InvestigationFinding | null;
  body: string | null;
  via: ResponseVia;
  user_id: string | null;
  at: Timestamp;
}

export interface WebsiteCompletionReportsTable {
  id: Generated<string>;
  case_id: string;
  submitted_at: Timestamp;
  via: ResponseVia;
  user_id: string | null;
  action: FixAction;
  what_done: string;
  cause_basis: TextArray<CauseBasis>;
  cause_detail: TextArray<CauseDetail>;
  cause_other: string | null;
  damage_actual: TextArray<DamageActual>;
  damage_actual_other: string | null;
  damage_potential: TextArray<DamagePotential>;
  damage_potential_other: string | null;
  leaked_kinds: string | null;
  opinion: string | null;
  personal_data_leak: boolean;
  wants_fix_confirmation: boolean;
  fix_confirmation_consent: Generated<boolean>;
  next_contact: 'this_address' | 'reception_desk';
  next_contact_email: string | null;
  next_contact_name: string | null;
  reporter_organization: string | null;
  reporter_department: string | null;
  reporter_name: string | null;
}

export interface WebsiteLeakPublicationsTable {
  case_id: string;
  overview: string | null;
  period: string | null;
  people_count: string | null;
  data_kinds: string | null;
  cause: string | null;
  contact: string | null;
  published_url: string | null;
  published_at: NullableTimestamp;
  updated_at: Timestamp;
  updated_via: ResponseVia;
  updated_by: string | null;
}

export interface WebsiteTables {
  website_cases: WebsiteCasesTable;
  website_discoveries: WebsiteDiscoveriesTable;
  website_notices: WebsiteNoticesTable;
  website_relay_hops: WebsiteRelayHopsTable;
  website_contact_attempts: WebsiteContactAttemptsTable;
  website_operator_responses: WebsiteOperatorResponsesTable;
  website_completion_reports: WebsiteCompletionReportsTable;
  website_leak_publications: WebsiteLeakPublicationsTable;
}
