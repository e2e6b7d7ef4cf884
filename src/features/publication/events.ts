// Past-tense names of the publication events, on the case's stream (`stream_type = 'case'`), beside the
// coordination events, so the case history, the finder's progress and the statistics read one timeline.
export const PUBLICATION_EVENTS = {
  /** data: { advisoryId, publicId, revision, publishedAt } — publishedAt is the agreed moment (ISO 8601) */
  published: 'advisory.published',
  /** data: { advisoryId, publicId, revision, reason } — the first refusal of a revision for a reason */
  failed: 'advisory.publication-failed',
} as const;
