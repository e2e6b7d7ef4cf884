// Candidate duplicates (既知かどうか): reports of either track whose blind index shares tokens with this one,
// ranked by ts_rank, top 5. The index holds keyed digests of the words, never the words: a query is digested
// the same way (`similarityQuery`) and cast as a literal (`::tsquery`). Not to_tsquery('simple', …): its parser
// lower-cases and splits the base64url digests (`aB-x_Y` → `ab`, `x`, `y`), so nothing stored would match.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { describeAffected } from '../cases/report-brief.js';
import type { ReportBody } from '../intake/report-input.js';
import { openBody, similarityQuery, similarityText } from '../intake/report-sealing.js';
import type { ReportState } from '../intake/report-states.js';

export const DUPLICATE_CANDIDATES = 5;

export type DuplicateCandidate = {
  kind: 'report';
  trackingNumber: string;
  track: ReportTrack;
  state: ReportState;
  affected: string;
  /** ts_rank of the shared digests: higher is more alike; comparable within one list only */
  score: number;
};

export type AdvisoryCandidate = { kind: 'advisory'; id: string; title: string; score: number };

export async function findDuplicateReports(
  ctx: AppContext,
  report: { id: string; body: ReportBody },
): Promise<DuplicateCandidate[]> {
  const query = similarityQuery(ctx.secrets, similarityText(report.body));
  if (!query) return [];
  const rows = await sql<{
    id: string;
    tracking_number: string;
    track: ReportTrack;
    state: ReportState;
    body_enc: string;
    score: number;
  }>`
    select id, tracking_number, track, state, body_enc,
           ts_rank(similarity_tokens, ${query}::tsquery)::float8 as score
      from reports
     where id <> ${report.id}
       and similarity_tokens @@ ${query}::tsquery
     order by score desc, submitted_at, id
     limit ${DUPLICATE_CANDIDATES}`.execute(ctx.db);
  return rows.rows.map((r) => ({
    kind: 'report',
    trackingNumber: r.tracking_number,
    track: r.track,
    state: r.state,
    affected: describeAffected(openBody(ctx.secrets, r.id, r.body_enc)),
    score: Number(r.score),
  }));
}

/**
 * SEAM: published advisories (the publication feature, not built yet) are the other half of "already known".
 * When it exists, search its public database here with the report's affected product or site and return the
 * closest advisories; the report page already shows whatever this returns.
 */
export async function findAdvisoryCandidates(
  _ctx: AppContext,
  _report: { id: string; body: ReportBody },
): Promise<AdvisoryCandidate[]> {
  return [];
}
