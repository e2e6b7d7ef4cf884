// The coordination body's overview of its product cases under coordination: for each, where the schedule stands
// (start, target and whether it is approaching or passed, the agreed moment), how many developers were notified,
// acknowledged or are unreachable, and what waits for a decision (a proposal, suggestions) — the cases that need
// attention first. One query per aspect, not per case, so a long list stays cheap.
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { coordinationPolicy, type TargetState, targetState } from './schedule-policy.js';

export type CoordinationRow = {
  reference: string;
  origin: 'report' | 'developer_self' | 'csirt';
  startDate: string | null;
  targetDate: string | null;
  target: TargetState | null;
  agreedPublicationAt: Date | null;
  fixedByCsirt: boolean;
  parties: number;
  notified: number;
  acknowledged: number;
  unreachable: number;
  openProposal: boolean;
  pendingSuggestions: number;
  lastActivityAt: Date;
};

const ORDER: Record<TargetState | 'none', number> = { passed: 0, approaching: 1, ok: 2, none: 3 };

export async function listCoordinations(
  ctx: AppContext,
  actor: Actor,
  input: { ip?: string | null } = {},
): Promise<CoordinationRow[]> {
  authorize(actor, 'coordination.work', { track: 'software' });
  const now = ctx.clock.now();
  const policy = coordinationPolicy(ctx.config);
  const rows = await ctx.db
    .selectFrom('cases as c')
    .leftJoin('coordination_cases as cc', 'cc.case_id', 'c.id')
    .select([
      'c.id',
      'c.reference',
      'c.origin',
      'c.handed_over_at',
      'cc.start_date',
      'cc.target_date',
      'cc.agreed_publication_at',
      'cc.schedule_fixed_by_csirt',
      (eb) =>
        eb
          .selectFrom('coordination_parties as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.case_id', '=', 'c.id')
          .where('p.removed_at', 'is', null)
          .as('parties'),
      (eb) =>
        eb
          .selectFrom('coordination_parties as p')
          .select(sql<number>`count(p.notified_at)::int`.as('n'))
          .whereRef('p.case_id', '=', 'c.id')
          .where('p.removed_at', 'is', null)
          .as('notified'),
      (eb) =>
        eb
          .selectFrom('coordination_parties as p')
          .select(sql<number>`count(p.acknowledged_at)::int`.as('n'))
          .whereRef('p.case_id', '=', 'c.id')
          .where('p.removed_at', 'is', null)
          .as('acknowledged'),
      (eb) =>
        eb
          .selectFrom('coordination_parties as p')
          .select(sql<number>`count(p.unreachable_at)::int`.as('n'))
          .whereRef('p.case_id', '=', 'c.id')
          .where('p.removed_at', 'is', null)
          .as('unreachable'),
      (eb) =>
        eb
          .selectFrom('coordination_schedule_proposals as sp')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('sp.case_id', '=', 'c.id')
          .where('sp.state', '=', 'proposed')
          .as('open_proposals'),
      (eb) =>
        eb
          .selectFrom('coordination_suggestions as s')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.state', '=', 'pending')
          .as('pending_suggestions'),
      (eb) =>
        eb
          .selectFrom('events as e')
          .select(sql<Date>`max(e.at)`.as('at'))
          .where('e.stream_type', '=', 'case')
          .whereRef('e.stream_id', '=', 'c.id')
          .as('last_activity_at'),
    ])
    .where('c.track', '=', 'software')
    .where('c.state', '=', 'open')
    .where('c.superseded_by_case_id', 'is', null)
    .where((eb) => eb.or([eb('cc.ended_at', 'is', null), eb('cc.case_id', 'is', null)]))
    .orderBy('c.handed_over_at')
    .limit(1000)
    .execute();
  await audit(ctx.db, {
    actor,
    action: 'coordination.overview-read',
    ip: input.ip ?? null,
    detail: { cases: rows.length },
  });
  const out = rows.map(
    (r): CoordinationRow => ({
      reference: r.reference,
      origin: r.origin,
      startDate: r.start_date ?? null,
      targetDate: r.target_date ?? null,
      target: r.target_date ? targetState(now, r.target_date, policy) : null,
      agreedPublicationAt: r.agreed_publication_at ?? null,
      fixedByCsirt: r.schedule_fixed_by_csirt ?? false,
      parties: r.parties ?? 0,
      notified: r.notified ?? 0,
      acknowledged: r.acknowledged ?? 0,
      unreachable: r.unreachable ?? 0,
      openProposal: (r.open_proposals ?? 0) > 0,
      pendingSuggestions: r.pending_suggestions ?? 0,
      lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at) : r.handed_over_at,
    }),
  );
  // what needs attention first: a passed target, then an approaching one, then the rest (oldest first)
  return out.sort((a, b) => ORDER[a.target ?? 'none'] - ORDER[b.target ?? 'none']);
}
