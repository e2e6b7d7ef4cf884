// Kysely's view of the coordination tables (see the matching SQL migration, the source of truth). Merged into DB.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric(3,1): pg returns it as a string */
type Score = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export type ProductCategoryColumn = 'general' | 'ics' | 'iot' | 'medical' | 'automotive' | 'other';
export type CoordinationEndKind =
  | 'no_new_handling'
  | 'developer_notifies_users'
  | 'not_vulnerability'
  | 'ready_for_publication';
export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';
export type PartyStatus =
  | 'unknown'
  | 'investigating'
  | 'affected'
  | 'not_affected'
  | 'fixed'
  | 'disputed'
  | 'no_response';
export type ProposalSource = 'coordinator' | 'developer' | 'csirt';
export type ProposalState = 'proposed' | 'accepted' | 'rejected' | 'superseded';
export type MessageThread = 'party' | 'announcement' | 'finder_relay';
export type MessageAuthorSide = 'coordinator' | 'developer' | 'reception';
export type ContactChannel = 'mail' | 'phone' | 'letter' | 'web' | 'other';
export type ContactOutcome = 'sent' | 'reached' | 'no_answer' | 'bounced' | 'other';
export type ReminderKind = 'ack_reminder' | 'target_approaching' | 'target_passed' | 'unreachable';

export interface CoordinationCasesTable {
  case_id: string;
  /** 起算日, JST calendar day YYYY-MM-DD */
  start_date: string | null;
  product_category: Generated<ProductCategoryColumn>;
  /** JST calendar day YYYY-MM-DD */
  target_date: string | null;
  agreed_publication_at: NullableTimestamp;
  schedule_fixed_by_csirt: Generated<boolean>;
  csirt_organization_id: string | null;
  csirt_reference: string | null;
  csirt_received_on: string | null;
  end_kind: CoordinationEndKind | null;
  end_reason: string | null;
  ended_at: NullableTimestamp;
  ended_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CoordinationVulnerabilitiesTable {
  id: Generated<string>;
  case_id: string;
  ordinal: number;
  title_ja: string;
  title_en: string;
  /** sealed with SecretBox, context `coordination_vulnerabilities.description:<id>` */
  description_enc: string | null;
  cwe_id: string | null;
  cvss31_vector: string | null;
  cvss31_score: Score;
  cvss31_severity: CvssSeverity | null;
  cvss40_vector: string | null;
  cvss40_score: Score;
  cvss40_severity: CvssSeverity | null;
  cve_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
  withdrawn_at: NullableTimestamp;
}

export interface CoordinationPartiesTable {
  id: Generated<string>;
  case_id: string;
  organization_id: string;
  added_at: Timestamp;
  added_by: string | null;
  suggestion_id: string | null;
  notified_at: NullableTimestamp;
  first_opened_at: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  unreachable_at: NullableTimestamp;
  finder_contact_allowed: Generated<boolean>;
  finder_contact_decided_at: NullableTimestamp;
  finder_contact_decided_by: string | null;
  removed_at: NullableTimestamp;
  removed_reason: string | null;
}

export interface CoordinationStatusesTable {
  party_id: string;
  vulnerability_id: string;
  status: Generated<PartyStatus>;
  /** sealed, context `coordination_statuses.statement:<partyId>:<vulnerabilityId>` */
  statement_enc: string | null;
  /** sealed, context `coordination_statuses.countermeasure:<partyId>:<vulnerabilityId>` */
  countermeasure_enc: string | null;
  shared_with_parties: Generated<boolean>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CoordinationSuggestionsTable {
  id: Generated<string>;
  case_id: string;
  suggested_by_party_id: string | null;
  suggested_by_user: string | null;
  organization_id: string | null;
  free_text_name: string | null;
  reason: string;
  state: Generated<'pending' | 'accepted' | 'rejected'>;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  decision_note: string | null;
  resulting_party_id: string | null;
  created_at: Timestamp;
}

export interface CoordinationScheduleProposalsTable {
  id: Generated<string>;
  case_id: string;
  publish_at: Timestamp;
  entered_time_zone: Generated<string>;
  reason: string | null;
  proposed_by: ProposalSource;
  proposed_by_user: string | null;
  proposed_by_party_id: string | null;
  state: Generated<ProposalState>;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
}

export interface CoordinationScheduleResponsesTable {
  id: Generated<string>;
  proposal_id: string;
  party_id: string;
  response: 'acknowledged' | 'counter_proposal';
  counter_publish_at: NullableTimestamp;
  reason: string | null;
  responded_by: string | null;
  responded_at: Timestamp;
}

export interface CoordinationMessagesTable {
  id: Generated<string>;
  case_id: string;
  thread: MessageThread;
  party_id: string | null;
  author_side: MessageAuthorSide;
  author_user_id: string | null;
  /** sealed, context `coordination_messages.body:<id>` */
  body_enc: string;
  created_at: Timestamp;
}

export interface CoordinationContactAttemptsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  at: Timestamp;
  channel: ContactChannel;
  automatic: Generated<boolean>;
  note: string | null;
  outcome: Generated<ContactOutcome>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface CoordinationRemindersTable {
  id: Generated<string>;
  case_id: string;
  party_id: string | null;
  kind: ReminderKind;
  nth: Generated<number>;
  sent_at: Timestamp;
}

export interface CoordinationViewsTable {
  user_id: string;
  case_id: string;
  last_viewed_at: Timestamp;
  /** bigint as a string */
  last_event_id: ColumnType<string, string | number | undefined, string | number>;
}

export interface CoordinationTables {
  coordination_cases: CoordinationCasesTable;
  coordination_vulnerabilities: CoordinationVulnerabilitiesTable;
  coordination_parties: CoordinationPartiesTable;
  coordination_statuses: CoordinationStatusesTable;
  coordination_suggestions: CoordinationSuggestionsTable;
  coordination_schedule_proposals: CoordinationScheduleProposalsTable;
  coordination_schedule_responses: CoordinationScheduleResponsesTable;
  coordination_messages: CoordinationMessagesTable;
  coordination_contact_attempts: CoordinationContactAttemptsTable;
  coordination_reminders: CoordinationRemindersTable;
  coordination_views: CoordinationViewsTable;
}
