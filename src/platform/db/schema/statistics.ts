// Kysely's view of the statistics tables (0017_statistics.sql, the source of truth; its comments say what each
// column means). Merged into DB.
//
// Days are SQL `date` columns: written as 'YYYY-MM-DD' strings; node-postgres parses a selected `date` into a
// Date at the machine's local midnight, so select days as text (sql`received_on::text`) when you need them.
import type { ColumnType, Generated } from 'kysely';

type Day = ColumnType<Date, string, string>;
type NullableDay = ColumnType<Date | null, string | null | undefined, string | null>;
type Flag = ColumnType<boolean, boolean | undefined, boolean>;

export type FactSource = 'live' | 'import';
export type FactTrack = 'software' | 'website';
export type FactOrigin = 'domestic' | 'developer_self' | 'overseas_csirt';
export type FactOutcome =
  | 'published'
  | 'handled_individually'
  | 'not_vulnerable'
  | 'fixed'
  | 'stopped_after_alert'
  | 'unreachable';
export type FactFixAction = 'fixed' | 'page_deleted' | 'operational_workaround';

export interface StatisticsFactsTable {
  key: string;
  source: FactSource;
  track: FactTrack;
  track_before: FactTrack | null;
  reclassified_on: NullableDay;
  origin: FactOrigin;
  received_on: Day;
  accepted_on: NullableDay;
  not_accepted_on: NullableDay;
  start_on: NullableDay;
  notified_on: NullableDay;
  published_on: NullableDay;
  outcome: FactOutcome | null;
  outcome_on: NullableDay;
  fix_action: FactFixAction | null;
  website_vulnerability_type: string | null;
  threat: string | null;
  product_type: string | null;
  cause: string | null;
  operator_type: string | null;
  multi_vendor: Flag;
  oss: Flag;
  embedded: Flag;
  ics: Flag;
  unreachable_listed_on: NullableDay;
  unreachable_resumed_on: NullableDay;
  unreachable_completed_on: NullableDay;
  /** the day it was marked a duplicate (counted until then) */
  duplicate_on: NullableDay;
  updated_at: Generated<Date>;
}

export interface StatisticsPriorityDisclosuresTable {
  fact_key: string;
  sector: 'electricity' | 'gas' | 'railway' | 'finance' | 'aviation' | 'telecom' | 'government';
  disclosed_on: Day;
}

export interface StatisticsProjectionCursorTable {
  id: Generated<boolean>;
  /** bigint: pg returns it as a string */
  last_event_id: ColumnType<string, string | number | undefined, string | number>;
  /** gaps in the event ids below the newest seen: first missing id → when a run first saw it (database clock) */
  gaps: Generated<Record<string, string>>;
  updated_at: Generated<Date>;
}

export interface StatisticsTables {
  statistics_facts: StatisticsFactsTable;
  statistics_priority_disclosures: StatisticsPriorityDisclosuresTable;
  statistics_projection_cursor: StatisticsProjectionCursorTable;
}
