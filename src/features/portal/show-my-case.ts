// One case as the viewer's organization may see it (開発者ごとの情報): the vulnerabilities, the report through the
// redaction rule for the developer audience (the finder only with consent; contact details only when the finder
// allowed direct contact and the coordinator agreed), its own status per vulnerability, the statements other
// developers chose to share (without their names), the schedule, its own thread with the coordinator and the
// announcements, the suggestions it made. Never another party's thread, unshared statement or contact log.
// The first opening by anyone of the developer is recorded ("did they open it?").
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { PartyStatus, ProposalSource } from '../../platform/db/schema/coordination.js';
import { type ReportBrief, reportBrief } from '../cases/report-brief.js';
import {
  coordinationStateOf,
  messagesOf,
  recordPartyOpened,
  statusesOf,
  type VulnerabilityView,
  vulnerabilitiesOf,
} from '../coordination/queries.js';
import { type PartyCase, withPartyCase } from './party-access.js';
import { type OpenTasks, openTasksOf } from './tasks.js';

export type MyStatus = {
  status: PartyStatus;
  statement: string | null;
  countermeasure: string | null;
  shared: boolean;
  updatedAt: Date | null;
};

/** Another developer's status that it shared with the parties; who it is is not shown. */
export type SharedStatus = {
  status: PartyStatus;
  statement: string | null;
  countermeasure: string | null;
  updatedAt: Date;
};

export type PortalVulnerability = Omit<VulnerabilityView, 'updatedAt'> & {
  mine: MyStatus;
  others: SharedStatus[];
};

export type ScheduleResponse = {
  response: 'acknowledged' | 'counter_proposal';
  counterPublishAt: Date | null;
  reason: string | null;
  respondedAt: Date;
};

export type PortalSchedule = {
  startDate: string | null;
  targetDate: string | null;
  agreedPublicationAt: Date | null;
  fixedByCsirt: boolean;
  /** the proposal waiting for answers */
  open: {
    id: string;
    publishAt: Date;
    proposedBy: ProposalSource;
    byMe: boolean;
    /** the coordinator's (or this developer's own) reason; another developer's reason stays private */
    reason: string | null;
    createdAt: Date;
    myResponses: ScheduleResponse[];
  } | null;
};

export type PortalMessage = {
  id: string;
  thread: 'party' | 'announcement';
  from: 'coordinator' | 'us';
  body: string;
  createdAt: Date;
};

export type PortalSuggestion = {
  /** the developer as named: the directory's names when it matched one, else the free text (in both) */
  name: { ja: string; en: string };
  reason: string;
  state: 'pending' | 'accepted' | 'rejected';
  createdAt: Date;
};

export type PortalCase = {
  reference: string;
  state: 'open' | 'closed';
  ended: boolean;
  organization: { ja: string; en: string };
  notifiedAt: Date;
  acknowledgedAt: Date | null;
  brief: ReportBrief | null;
  vulnerabilities: PortalVulnerability[];
  schedule: PortalSchedule;
  messages: PortalMessage[];
  suggestions: PortalSuggestion[];
  tasks: OpenTasks;
};

/** Reads the case as the party sees it (inside the caller's transaction). */
export async function readPartyCase(trx: Database, ctx: AppContext, p: PartyCase): Promise<PortalCase> {
  const { c, party } = p;
  const state = await coordinationStateOf(trx, c.id);
  const vulns = await vulnerabilitiesOf(trx, ctx.secrets, c.id);
  const statuses = await statusesOf(trx, ctx.secrets, c.id, { viewerPartyId: party.id });
  const vulnerabilities = vulns.map(({ updatedAt: _u, ...v }) => {
    const mine = statuses.find((s) => s.vulnerabilityId === v.id && s.partyId === party.id);
    return {
      ...v,
      mine: {
        status: mine?.status ?? 'unknown',
        statement: mine?.statement ?? null,
        countermeasure: mine?.countermeasure ?? null,
        shared: mine?.sharedWithParties ?? false,
        updatedAt: mine?.updatedAt ?? null,
      },
      others: statuses
        .filter((s) => s.vulnerabilityId === v.id && s.partyId !== party.id && s.sharedWithParties)
        .map((s) => ({
          status: s.status,
          statement: s.statement,
          countermeasure: s.countermeasure,
          updatedAt: s.updatedAt,
        })),
    };
  });
  const open = await trx
    .selectFrom('coordination_schedule_proposals')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
  const myResponses = open
    ? await trx
        .selectFrom('coordination_schedule_responses')
        .select(['response', 'counter_publish_at', 'reason', 'responded_at'])
        .where('proposal_id', '=', open.id)
        .where('party_id', '=', party.id)
        .orderBy('responded_at')
        .orderBy('id')
        .execute()
    : [];
  const byMe = open?.proposed_by_party_id === party.id;
  const messages = await messagesOf(trx, ctx.secrets, c.id, {
    threads: ['party', 'announcement'],
    partyId: party.id,
  });
  const suggestions = await trx
    .selectFrom('coordination_suggestions as s')
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.free_text_name', 's.reason', 's.state', 's.created_at', 'o.name_ja', 'o.name_en'])
    .where('s.case_id', '=', c.id)
    .where('s.suggested_by_party_id', '=', party.id)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  const brief = c.report_id
    ? await reportBrief(trx, ctx, 'vendor', c.report_id, { directContactAgreed: party.finderContactAllowed })
    : null;
  return {
    reference: c.reference,
    state: c.state,
    ended: p.ended,
    organization: { ja: party.nameJa, en: party.nameEn },
    notifiedAt: party.notifiedAt as Date,
    acknowledgedAt: party.acknowledgedAt,
    brief,
    vulnerabilities,
    schedule: {
      startDate: state.startDate,
      targetDate: state.targetDate,
      agreedPublicationAt: state.agreedPublicationAt,
      fixedByCsirt: state.scheduleFixedByCsirt,
      open: open
        ? {
            id: open.id,
            publishAt: open.publish_at,
            proposedBy: open.proposed_by,
            byMe,
            reason: open.proposed_by === 'developer' && !byMe ? null : open.reason,
            createdAt: open.created_at,
            myResponses: myResponses.map((r) => ({
              response: r.response,
              counterPublishAt: r.counter_publish_at,
              reason: r.reason,
              respondedAt: r.responded_at,
            })),
          }
        : null,
    },
    messages: messages.map((m) => ({
      id: m.id,
      thread: m.thread === 'announcement' ? 'announcement' : 'party',
      from: m.authorSide === 'developer' ? 'us' : 'coordinator',
      body: m.body,
      createdAt: m.createdAt,
    })),
    suggestions: suggestions.map((s) => ({
      name: s.free_text_name
        ? { ja: s.free_text_name, en: s.free_text_name }
        : { ja: s.name_ja ?? '', en: s.name_en ?? '' },
      reason: s.reason,
      state: s.state,
      createdAt: s.created_at,
    })),
    tasks: await openTasksOf(trx, {
      caseId: c.id,
      partyId: party.id,
      acknowledgedAt: party.acknowledgedAt,
      ended: p.ended,
    }),
  };
}

export async function showMyCase(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<PortalCase> {
  return withPartyCase(ctx, actor, input.reference, 'portal.read', async (trx, p) => {
    if (!p.party.firstOpenedAt) {
      await recordPartyOpened(trx, p.party.id, p.now, p.actor.userId);
    }
    const view = await readPartyCase(trx, ctx, p);
    await audit(trx, {
      actor: p.actor,
      action: 'portal.case_read',
      subject: { type: 'case', id: p.c.id },
      ip: input.ip ?? null,
      detail: {
        reference: p.c.reference,
        partyId: p.party.id,
        finderIdentityShown: view.brief?.finder.disclosed ?? false,
      },
    });
    return view;
  });
}
