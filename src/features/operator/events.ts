// What the operator's answers write on the case's event stream (stream 'case', the case id).
export const OPERATOR_EVENTS = {
  acknowledged: 'website.operator_acknowledged',
  investigationReported: 'website.operator_investigation_reported',
  notVulnerabilityReported: 'website.operator_not_vulnerability_reported',
  completionReported: 'website.operator_completion_reported',
  leakPublicationSaved: 'website.operator_leak_publication_saved',
} as const;
