// What the reception body may do with a website case at a given point (pure, table-driven): which notice can
// go out, and which outcome can close the case (seed 004 §1.2.1(2), seed 003 §5.6.1). Refusals are codes the
// pages word in both languages.
import type { FixAction, WebsiteOutcome, WebsiteStage } from '../../platform/db/schema/website.js';

export const OUTCOMES = [
  'fixed',
  'stopped_after_alert',
  'not_vulnerability',
  'unreachable',
  'stopped_after_9_months',
] as const satisfies readonly WebsiteOutcome[];

export const FIX_ACTIONS = [
  'fixed',
  'page_deleted',
  'operational_workaround',
] as const satisfies readonly FixAction[];

export type NoticeKindToSend = 'contact_request' | 'details';

/** What the rules need to know about a case. */
export type CaseFacts = {
  stage: WebsiteStage;
  /** the case is open and was not moved to the product track */
  open: boolean;
  /** a contact (directory operator with an address, or an address entered or found) is set */
  hasContact: boolean;
  notifiedAt: Date | null;
  /** attempts to reach the operator that got no answer (notices, reminders, calls …) */
  unansweredAttempts: number;
};

export type Refusal =
  | 'closed'
  | 'noContact'
  | 'alreadyNotified'
  | 'notNotified'
  | 'tooEarly'
  | 'tooFewAttempts'
  | 'fixActionRequired';

export function noticeRefusal(kind: NoticeKindToSend, f: CaseFacts): Refusal | null {
  if (!f.open) return 'closed';
  if (!f.hasContact) return 'noContact';
  // the first notice asks for a contact point: once the details went out there is nothing left to ask
  if (kind === 'contact_request' && f.stage === 'notified') return 'alreadyNotified';
  return null;
}

export type CloseRule = {
  /** when a notified case may be stopped (9 months after the details); null before any notice */
  stopEligibleAt: Date | null;
  /** how many unanswered attempts the policy wants recorded before 取扱不可能 */
  minUnreachableAttempts: number;
};

export function closeRefusal(
  outcome: WebsiteOutcome,
  f: CaseFacts,
  now: Date,
  rule: CloseRule,
  fixAction: FixAction | null = null,
): Refusal | null {
  if (!f.open) return 'closed';
  switch (outcome) {
    case 'fixed':
      if (f.stage !== 'notified') return 'notNotified';
      return fixAction ? null : 'fixActionRequired';
    case 'not_vulnerability':
      // judged by the reception body and the operator together: the operator must have had the details
      return f.stage === 'notified' ? null : 'notNotified';
    case 'stopped_after_9_months':
      if (f.stage !== 'notified' || !rule.stopEligibleAt) return 'notNotified';
      return now.getTime() >= rule.stopEligibleAt.getTime() ? null : 'tooEarly';
    case 'unreachable':
      return f.unansweredAttempts >= rule.minUnreachableAttempts ? null : 'tooFewAttempts';
    case 'stopped_after_alert':
      return null;
  }
}

/** The subject's start: the handling number in the configured pattern (`[{reference}]` → `[IPA#00000012]`). */
export function subjectPrefix(pattern: string, reference: string): string {
  return pattern.split('{reference}').join(reference);
}

/**
 * How long the operator's link keeps working after the case is closed: for reading the case and for the
 * personal-data leak publication, which an operator may publish well after the fix (answers are refused on a
 * closed case). Moving the case to the product track ends it at once.
 */
export const OPERATOR_LINK_DAYS_AFTER_CLOSE = 90;

export function operatorLinkExpiry(closedAt: Date): Date {
  return new Date(closedAt.getTime() + OPERATOR_LINK_DAYS_AFTER_CLOSE * 24 * 3600 * 1000);
}

export type OperatorLinkState = 'none' | 'live' | 'ended';

/** Whether the case's operator link opens it now: issued, not replaced or revoked, not moved, not expired. */
export function operatorLinkState(
  link: { hash: string | null; revokedAt: Date | null; expiresAt: Date | null; moved: boolean },
  now: Date,
): OperatorLinkState {
  if (!link.hash) return 'none';
  if (link.revokedAt || link.moved) return 'ended';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'ended';
  return 'live';
}
