// Kysely's view of the advisory tables (migration 0011, the source of truth): advisories being written,
// reviewed and scheduled, subscriptions and once-only publication notices. Merged into DB.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type AdvisoryState = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published';
export type DraftAdvisoryKind = 'jvn' | 'jvnvu';

export interface AdvisoriesTable {
  id: Generated<string>;
  case_id: string;
  kind: DraftAdvisoryKind;
  public_id: string | null;
  state: Generated<AdvisoryState>;
  /** sealed AdvisoryContent JSON, context `advisories.content:<id>` */
  content_enc: string;
  /** sealed approved AdvisoryContent JSON, context `advisories.approved:<id>` */
  approved_content_enc: string | null;
  approved_content_sha256: string | null;
  change_note_ja: string | null;
  change_note_en: string | null;
  published_revision: Generated<number>;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  approved_at: NullableTimestamp;
  approved_by: string | null;
  scheduled_for: NullableTimestamp;
  first_published_at: NullableTimestamp;
  last_published_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface AdvisoryReviewsTable {
  id: Generated<string>;
  advisory_id: string;
  decision: 'approved' | 'changes_requested';
  note: string | null;
  content_sha256: string;
  reviewer: string;
  at: Timestamp;
}

export interface AdvisorySubscriptionsTable {
  id: Generated<string>;
  email: string;
  locale: Generated<'ja' | 'en'>;
  token_hash: string;
  created_at: Timestamp;
  confirmed_at: NullableTimestamp;
  unsubscribed_at: NullableTimestamp;
}

export interface AdvisoryPublicationNoticesTable {
  advisory_id: string;
  revision: number;
  audience: 'finder' | 'developers' | 'subscribers' | 'staff';
  sent_at: Timestamp;
}

export interface AdvisoryTables {
  advisories: AdvisoriesTable;
  advisory_reviews: AdvisoryReviewsTable;
  advisory_subscriptions: AdvisorySubscriptionsTable;
  advisory_publication_notices: AdvisoryPublicationNoticesTable;
  advisory_subscriber_notices: AdvisorySubscriberNoticesTable;
}

/** Migration 0014: one subscriber claimed for one advisory revision by the subscriber fan-out job. */
export interface AdvisorySubscriberNoticesTable {
  advisory_id: string;
  revision: number;
  subscription_id: string;
  sent_at: Timestamp;
}
