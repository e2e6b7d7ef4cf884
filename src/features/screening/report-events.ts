// The screening events of a report's stream (past tense, one constant each); also the audit actions.
export const REPORT_EVENTS = {
  accepted: 'report.accepted',
  notAccepted: 'report.not_accepted',
  infoRequested: 'report.info_requested',
  discontinued: 'report.discontinued',
  markedDuplicate: 'report.marked_duplicate',
  reclassified: 'report.reclassified',
  assigned: 'report.assigned',
  screeningUpdated: 'report.screening_updated',
  messageSent: 'report.message_sent',
} as const;
export type ReportEvent = (typeof REPORT_EVENTS)[keyof typeof REPORT_EVENTS];

/** Readings of confidential report data, recorded on the audit trail only. */
export const REPORT_READS = {
  listRead: 'report.list_read',
  read: 'report.read',
  attachmentDownloaded: 'report.attachment_downloaded',
  decrypted: 'report.decrypted',
} as const;
