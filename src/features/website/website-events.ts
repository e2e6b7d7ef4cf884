// Event names of the website track, written to the case's stream (stream_type 'case'), past tense.
export const WEBSITE_EVENTS = {
  contactAssigned: 'website.contact_assigned',
  discoveryRan: 'website.discovery_ran',
  noticeSent: 'website.notice_sent',
  reminderSent: 'website.reminder_sent',
  relayForwarded: 'website.relay_forwarded',
  attemptRecorded: 'website.attempt_recorded',
  closed: 'website.closed',
  /** an answer reception staff typed in (the operator side writes its own website.operator_* events) */
  operatorResponded: 'website.operator_responded',
} as const;

/** Audit action for reading a website case page. */
export const WEBSITE_CASE_READ = 'website.case_read';
