// One case as its viewer may see it: the case, its history, the cases it is linked with, and the report brief
// through the redaction rule. A case the viewer may not read does not exist for them (404, not 403).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { audienceOf, type ReportBrief, reportBrief } from './report-brief.js';

export type LinkedCase = { reference: string; track: ReportTrack; readable: boolean };

export type CaseEvent = { at: Date; type: string; actor: string | null; data: Record<string, unknown> };

export type CaseView = {
  id: string;
  reference: string;
  track: ReportTrack;
  state: 'open' | 'closed';
  origin: 'report' | 'developer_self' | 'csirt';
  handedOverAt: Date;
  supersededBy: LinkedCase | null;
  supersedes: LinkedCase | null;
  brief: ReportBrief | null;
  events: CaseEvent[];
};

/** The case by its reference, or a 404 when it does not exist or the viewer may not read it. */
export async function findReadableCase(ctx: AppContext, actor: Actor, reference: string) {
  // someone not signed in is sent to log in, whatever the reference: nothing is learnt about its existence
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
  const row = await ctx.db
    .selectFrom('cases')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  const audience = audienceOf(actor);
  if (!row || !audience || !can(actor, 'case.read', { track: row.track })) throw notFound();
  return { row, audience };
}

export async function showCase(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip: string | null },
): Promise<CaseView> {
  const { row, audience } = await findReadableCase(ctx, actor, input.reference);
  const linked = async (where: 'id' | 'superseded_by_case_id', id: string | null) => {
    if (!id) return null;
    const c = await ctx.db
      .selectFrom('cases')
      .select(['reference', 'track'])
      .where(where, '=', id)
      .executeTakeFirst();
    return c ? { ...c, readable: can(actor, 'case.read', { track: c.track }) } : null;
  };
  const brief = row.report_id ? await reportBrief(ctx.db, ctx, audience, row.report_id) : null;
  const events = await ctx.db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.at', 'e.type', 'e.data', 'u.display_name', 'u.role'])
    .where('e.stream_type', '=', 'case')
    .where('e.stream_id', '=', row.id)
    .orderBy('e.id')
    .execute();
  await audit(ctx.db, {
    actor,
    action: 'case.read',
    subject: { type: 'case', id: row.id },
    ip: input.ip,
    detail: { reference: row.reference, finderIdentityShown: brief?.finder.disclosed ?? false },
  });
  return {
    id: row.id,
    reference: row.reference,
    track: row.track,
    state: row.state,
    origin: row.origin,
    handedOverAt: row.handed_over_at,
    supersededBy: await linked('id', row.superseded_by_case_id),
    supersedes: await linked('superseded_by_case_id', row.id),
    brief,
    events: events.map((e) => ({
      at: e.at,
      type: e.type,
      // staff act on cases; should a finder's account ever appear here, it is not named
      actor: e.role === 'finder' ? null : (e.display_name ?? null),
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
  };
}
