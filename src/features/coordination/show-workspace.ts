// The coordinator's workspace on one product case, as a view model: summary and schedule, vulnerabilities,
// parties (with mail delivery, opened, acknowledged, unreachable), the party × vulnerability status matrix,
// suggestions, proposals with responses, threads, contact attempts, and what changed since this coordinator
// last looked (the marker moves to now when the page is read). No finder identity is read here.
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { PartyStatus } from '../../platform/db/schema/coordination.js';
import { notFound } from '../../platform/errors.js';
import { reportBrief } from '../cases/report-brief.js';
import { listGroups, searchParties } from '../directory/contact-window.js';
import {
  type CoordinationState,
  coordinationStateOf,
  findProductCase,
  type MessageView,
  messagesOf,
  type PartyRow,
  type ProposalView,
  partiesOf,
  proposalsOf,
  type StatusCell,
  statusesOf,
  type VulnerabilityView,
  vulnerabilitiesOf,
  type WithdrawnVulnerability,
  withdrawnVulnerabilitiesOf,
} from './queries.js';

export const PARTY_STATUSES: readonly PartyStatus[] = [
  'unknown',
  'investigating',
  'affected',
  'not_affected',
  'fixed',
  'disputed',
  'no_response',
];

export type WorkspaceFilter = {
  /** narrows the developers offered for adding (directory search) */
  developerQuery?: string | undefined;
  status?: PartyStatus | undefined;
  changed?: boolean | undefined;
  q?: string | undefined;
};

export type PartyView = PartyRow & {
  mail: { status: 'queued' | 'sent' | 'kept' | 'failed'; at: Date } | null;
  attempts: number;
  reminders: number;
  changed: boolean;
};

export type WorkspaceEvent = {
  id: string;
  at: Date;
  type: string;
  actor: string | null;
  data: Record<string, unknown>;
  isNew: boolean;
};

export type Workspace = {
  caseId: string;
  reference: string;
  state: 'open' | 'closed';
  origin: 'report' | 'developer_self' | 'csirt';
  handedOverAt: Date;
  coordination: CoordinationState;
  csirtName: { ja: string; en: string } | null;
  vulnerabilities: (VulnerabilityView & { changed: boolean })[];
  /** withdrawn ones, listed struck through; never in the matrix */
  withdrawnVulnerabilities: WithdrawnVulnerability[];
  parties: PartyView[];
  /** parties shown in the matrix after the filter */
  matrixParties: PartyView[];
  cells: Map<string, StatusCell & { changed: boolean }>;
  counts: Record<PartyStatus, number>;
  filter: WorkspaceFilter;
  suggestions: {
    id: string;
    byParty: string | null;
    organizationId: string | null;
    name: string;
    reason: string;
    state: 'pending' | 'accepted' | 'rejected';
    note: string | null;
    createdAt: Date;
  }[];
  proposals: ProposalView[];
  messages: MessageView[];
  attempts: {
    partyId: string;
    at: Date;
    channel: string;
    automatic: boolean;
    outcome: string;
    note: string | null;
  }[];
  events: WorkspaceEvent[];
  lastViewedAt: Date | null;
  newEvents: number;
  finderConsents: { directContact: boolean; identityToVendor: boolean } | null;
  groups: { id: string; name: string; memberCount: number }[];
  developerChoices: { organizationId: string; nameJa: string; nameEn: string }[];
};

export const cellKey = (partyId: string, vulnerabilityId: string) => `${partyId}:${vulnerabilityId}`;

export async function showWorkspace(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; filter?: WorkspaceFilter; ip?: string | null; via?: 'page' | 'api' },
): Promise<Workspace> {
  authorize(actor, 'coordination.work', { track: 'software' });
  const db = ctx.db;
  const c = await findProductCase(db, input.reference);
  if (!c) throw notFound();
  const now = ctx.clock.now();
  const filter = input.filter ?? {};
  const seen = await db
    .selectFrom('coordination_views')
    .select(['last_viewed_at', 'last_event_id'])
    .where('user_id', '=', actor.userId)
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  const lastViewedAt = seen?.last_viewed_at ?? null;
  const lastEventId = BigInt(seen?.last_event_id ?? '0');
  const isNewer = (d: Date) => lastViewedAt !== null && d.getTime() > lastViewedAt.getTime();

  const coordination = await coordinationStateOf(db, c.id);
  const vulns = await vulnerabilitiesOf(db, ctx.secrets, c.id);
  const parties = await partiesOf(db, c.id);
  const statuses = await statusesOf(db, ctx.secrets, c.id);
  const cells = new Map(
    statuses.map((s) => [cellKey(s.partyId, s.vulnerabilityId), { ...s, changed: isNewer(s.updatedAt) }]),
  );

  const mails = await db
    .selectFrom('mail_messages')
    .select(['to_address', 'status', 'created_at', 'sent_at'])
    .where('related_type', '=', 'case')
    .where('related_id', '=', c.id)
    .where('restricted_to', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  const windows = parties.length
    ? await db
        .selectFrom('directory_entries')
        .select(['organization_id', 'emails'])
        .where(
          'organization_id',
          'in',
          parties.map((p) => p.organizationId),
        )
        .execute()
    : [];
  const attempts = await db
    .selectFrom('coordination_contact_attempts')
    .select(['party_id', 'at', 'channel', 'automatic', 'outcome', 'note'])
    .where('case_id', '=', c.id)
    .orderBy('at', 'desc')
    .execute();
  const reminders = await db
    .selectFrom('coordination_reminders')
    .select(['party_id', sql<number>`count(*)::int`.as('n')])
    .where('case_id', '=', c.id)
    .where('kind', '=', 'ack_reminder')
    .groupBy('party_id')
    .execute();

  const events = await db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.at', 'e.type', 'e.data', 'u.display_name', 'u.role'])
    .where('e.stream_type', '=', 'case')
    .where('e.stream_id', '=', c.id)
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();
  const changedParties = new Set<string>();
  const workspaceEvents: WorkspaceEvent[] = events.map((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const isNew = seen !== undefined && BigInt(e.id) > lastEventId;
    if (isNew && typeof data.partyId === 'string') changedParties.add(data.partyId);
    return {
      id: e.id,
      at: e.at,
      type: e.type,
      actor: e.role === 'finder' ? null : (e.display_name ?? null),
      data,
      isNew,
    };
  });
  for (const s of statuses) if (isNewer(s.updatedAt)) changedParties.add(s.partyId);

  const partyViews: PartyView[] = parties.map((p) => {
    const emails = windows.find((w) => w.organization_id === p.organizationId)?.emails ?? [];
    const m = mails.find((x) => emails.includes(x.to_address));
    return {
      ...p,
      mail: m ? { status: m.status, at: m.sent_at ?? m.created_at } : null,
      attempts: attempts.filter((a) => a.party_id === p.id).length,
      reminders: reminders.find((r) => r.party_id === p.id)?.n ?? 0,
      changed: changedParties.has(p.id),
    };
  });
  const statusOf = (partyId: string, vulnerabilityId: string): PartyStatus =>
    cells.get(cellKey(partyId, vulnerabilityId))?.status ?? 'unknown';
  const counts = Object.fromEntries(PARTY_STATUSES.map((s) => [s, 0])) as Record<PartyStatus, number>;
  for (const p of partyViews) for (const v of vulns) counts[statusOf(p.id, v.id)]++;
  const q = filter.q?.trim().toLowerCase();
  const matrixParties = partyViews.filter(
    (p) =>
      (!filter.status || vulns.some((v) => statusOf(p.id, v.id) === filter.status)) &&
      (!filter.changed || p.changed) &&
      (!q || p.nameJa.toLowerCase().includes(q) || p.nameEn.toLowerCase().includes(q)),
  );

  const suggestions = await db
    .selectFrom('coordination_suggestions as s')
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.suggested_by_party_id',
      's.organization_id',
      's.free_text_name',
      'o.name_ja',
      'o.name_en',
      's.reason',
      's.state',
      's.decision_note',
      's.created_at',
    ])
    .where('s.case_id', '=', c.id)
    .orderBy('s.created_at', 'desc')
    .execute();

  let csirtName: Workspace['csirtName'] = null;
  if (coordination.csirtOrganizationId) {
    const o = await db
      .selectFrom('organizations')
      .select(['name_ja', 'name_en'])
      .where('id', '=', coordination.csirtOrganizationId)
      .executeTakeFirst();
    if (o) csirtName = { ja: o.name_ja, en: o.name_en };
  }
  // only the consents, for the direct-contact decision: read with the public's eyes, so the identity is never
  // even decrypted here (it is the case page's business)
  const brief = c.report_id ? await reportBrief(db, ctx, 'public', c.report_id) : null;
  const finderConsents = brief
    ? { directContact: brief.consents.directContact, identityToVendor: brief.consents.identityToVendor }
    : null;

  const lastEvent = events[0]?.id ?? '0';
  // only reading the page moves "what changed since you last looked"; a script reading the API does not
  if (input.via !== 'api')
    await db
      .insertInto('coordination_views')
      .values({ user_id: actor.userId, case_id: c.id, last_viewed_at: now, last_event_id: lastEvent })
      .onConflict((oc) =>
        oc.columns(['user_id', 'case_id']).doUpdateSet({ last_viewed_at: now, last_event_id: lastEvent }),
      )
      .execute();
  await audit(db, {
    actor,
    action: 'coordination.workspace-read',
    subject: { type: 'case', id: c.id },
    ip: input.ip ?? null,
    detail: { reference: c.reference },
  });

  return {
    caseId: c.id,
    reference: c.reference,
    state: c.state,
    origin: c.origin,
    handedOverAt: c.handed_over_at,
    coordination,
    csirtName,
    vulnerabilities: vulns.map((v) => ({ ...v, changed: isNewer(v.updatedAt) })),
    withdrawnVulnerabilities: await withdrawnVulnerabilitiesOf(db, c.id),
    parties: partyViews,
    matrixParties,
    cells,
    counts,
    filter,
    suggestions: suggestions.map((s) => ({
      id: s.id,
      byParty: s.suggested_by_party_id,
      organizationId: s.organization_id,
      name: s.name_ja && s.name_en ? `${s.name_ja} / ${s.name_en}` : (s.free_text_name ?? ''),
      reason: s.reason,
      state: s.state,
      note: s.decision_note,
      createdAt: s.created_at,
    })),
    proposals: await proposalsOf(db, c.id),
    messages: await messagesOf(db, ctx.secrets, c.id, { threads: ['party', 'announcement', 'finder_relay'] }),
    attempts: attempts.map((a) => ({
      partyId: a.party_id,
      at: a.at,
      channel: a.channel,
      automatic: a.automatic,
      outcome: a.outcome,
      note: a.note,
    })),
    events: workspaceEvents,
    lastViewedAt,
    newEvents: workspaceEvents.filter((e) => e.isNew).length,
    finderConsents,
    groups: await listGroups(db),
    developerChoices: await searchParties(db, {
      type: 'product_developer',
      ...(filter.developerQuery ? { q: filter.developerQuery } : {}),
      limit: 200,
    }),
  };
}
