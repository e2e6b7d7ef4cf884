// Intent-named reads (and the few in-transaction writes every side needs) on the coordination tables, for the
// coordinator's workspace and the developer portal. They take no actor: callers have already authorized.
import type { SecretBox } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';
import type {
  CoordinationEndKind,
  MessageAuthorSide,
  MessageThread,
  PartyStatus,
  ProductCategoryColumn,
} from '../../platform/db/schema/coordination.js';
import { appendEvent } from '../../platform/events.js';
import { COORDINATION_EVENTS } from './events.js';
import { openCountermeasure, openDescription, openMessageBody, openStatement } from './sealing.js';

/** A product case by the reference everyone quotes, or undefined. */
export function findProductCase(db: Database, reference: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'track', 'state', 'origin', 'report_id', 'handed_over_at'])
    .where('reference', '=', reference)
    .where('track', '=', 'software')
    .executeTakeFirst();
}

export type CoordinationState = {
  caseId: string;
  startDate: string | null;
  productCategory: ProductCategoryColumn;
  targetDate: string | null;
  agreedPublicationAt: Date | null;
  scheduleFixedByCsirt: boolean;
  csirtOrganizationId: string | null;
  csirtReference: string | null;
  csirtReceivedOn: string | null;
  endKind: CoordinationEndKind | null;
  endReason: string | null;
  endedAt: Date | null;
};

/** The case's coordination state; a case nobody has worked on yet has the defaults. */
export async function coordinationStateOf(db: Database, caseId: string): Promise<CoordinationState> {
  const r = await db
    .selectFrom('coordination_cases')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return {
    caseId,
    startDate: r?.start_date ?? null,
    productCategory: r?.product_category ?? 'general',
    targetDate: r?.target_date ?? null,
    agreedPublicationAt: r?.agreed_publication_at ?? null,
    scheduleFixedByCsirt: r?.schedule_fixed_by_csirt ?? false,
    csirtOrganizationId: r?.csirt_organization_id ?? null,
    csirtReference: r?.csirt_reference ?? null,
    csirtReceivedOn: r?.csirt_received_on ?? null,
    endKind: r?.end_kind ?? null,
    endReason: r?.end_reason ?? null,
    endedAt: r?.ended_at ?? null,
  };
}

/** Makes sure the case has its coordination row and locks it (every change to a case's coordination starts here). */
export async function lockCoordination(trx: Database, caseId: string) {
  await trx
    .insertInto('coordination_cases')
    .values({ case_id: caseId })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  return trx
    .selectFrom('coordination_cases')
    .selectAll()
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export type PartyRow = {
  id: string;
  caseId: string;
  organizationId: string;
  nameJa: string;
  nameEn: string;
  addedAt: Date;
  notifiedAt: Date | null;
  firstOpenedAt: Date | null;
  acknowledgedAt: Date | null;
  unreachableAt: Date | null;
  finderContactAllowed: boolean;
  suggestionId: string | null;
};

function partyQuery(db: Database) {
  return db
    .selectFrom('coordination_parties as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.case_id',
      'p.organization_id',
      'o.name_ja',
      'o.name_en',
      'p.added_at',
      'p.notified_at',
      'p.first_opened_at',
      'p.acknowledged_at',
      'p.unreachable_at',
      'p.finder_contact_allowed',
      'p.suggestion_id',
    ])
    .where('p.removed_at', 'is', null);
}

type PartySelect = Awaited<ReturnType<ReturnType<typeof partyQuery>['executeTakeFirstOrThrow']>>;

function toParty(r: PartySelect): PartyRow {
  return {
    id: r.id,
    caseId: r.case_id,
    organizationId: r.organization_id,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    addedAt: r.added_at,
    notifiedAt: r.notified_at,
    firstOpenedAt: r.first_opened_at,
    acknowledgedAt: r.acknowledged_at,
    unreachableAt: r.unreachable_at,
    finderContactAllowed: r.finder_contact_allowed,
    suggestionId: r.suggestion_id,
  };
}

/** The developers that are parties to the case (not removed), in the order they were added. */
export async function partiesOf(db: Database, caseId: string): Promise<PartyRow[]> {
  const rows = await partyQuery(db)
    .where('p.case_id', '=', caseId)
    .orderBy('p.added_at')
    .orderBy('p.id')
    .execute();
  return rows.map(toParty);
}

/** The developer's own party row in a case, or null when it is not (or no longer) a party. */
export async function partyOfOrganization(
  db: Database,
  caseId: string,
  organizationId: string,
): Promise<PartyRow | null> {
  const r = await partyQuery(db)
    .where('p.case_id', '=', caseId)
    .where('p.organization_id', '=', organizationId)
    .executeTakeFirst();
  return r ? toParty(r) : null;
}

/** The product cases a developer is a party to and has been notified of (the portal's list). */
export async function casesOfDeveloper(db: Database, organizationId: string) {
  return db
    .selectFrom('coordination_parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .leftJoin('coordination_cases as cc', 'cc.case_id', 'c.id')
    .select([
      'c.id as caseId',
      'c.reference',
      'c.state',
      'p.id as partyId',
      'p.notified_at as notifiedAt',
      'p.acknowledged_at as acknowledgedAt',
      'cc.target_date as targetDate',
      'cc.agreed_publication_at as agreedPublicationAt',
      'cc.end_kind as endKind',
    ])
    .where('p.organization_id', '=', organizationId)
    .where('p.removed_at', 'is', null)
    .where('p.notified_at', 'is not', null)
    .orderBy('p.notified_at', 'desc')
    .execute();
}

export type VulnerabilityView = {
  id: string;
  ordinal: number;
  titleJa: string;
  titleEn: string;
  description: string | null;
  cweId: string | null;
  cvss31: { vector: string; score: number; severity: string } | null;
  cvss40: { vector: string; score: number; severity: string } | null;
  cveId: string | null;
  updatedAt: Date;
};

/** The case's vulnerabilities (not withdrawn), descriptions opened. */
export async function vulnerabilitiesOf(
  db: Database,
  secrets: SecretBox,
  caseId: string,
): Promise<VulnerabilityView[]> {
  const rows = await db
    .selectFrom('coordination_vulnerabilities')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('withdrawn_at', 'is', null)
    .orderBy('ordinal')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    ordinal: v.ordinal,
    titleJa: v.title_ja,
    titleEn: v.title_en,
    description: openDescription(secrets, v.id, v.description_enc),
    cweId: v.cwe_id,
    cvss31:
      v.cvss31_vector && v.cvss31_score !== null
        ? { vector: v.cvss31_vector, score: Number(v.cvss31_score), severity: v.cvss31_severity ?? 'none' }
        : null,
    cvss40:
      v.cvss40_vector && v.cvss40_score !== null
        ? { vector: v.cvss40_vector, score: Number(v.cvss40_score), severity: v.cvss40_severity ?? 'none' }
        : null,
    cveId: v.cve_id,
    updatedAt: v.updated_at,
  }));
}

export type WithdrawnVulnerability = {
  id: string;
  ordinal: number;
  titleJa: string;
  titleEn: string;
  withdrawnAt: Date;
};

/** The case's withdrawn vulnerabilities (the coordinator's workspace lists them; nobody else sees them). */
export async function withdrawnVulnerabilitiesOf(
  db: Database,
  caseId: string,
): Promise<WithdrawnVulnerability[]> {
  const rows = await db
    .selectFrom('coordination_vulnerabilities')
    .select(['id', 'ordinal', 'title_ja', 'title_en', 'withdrawn_at'])
    .where('case_id', '=', caseId)
    .where('withdrawn_at', 'is not', null)
    .orderBy('ordinal')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    ordinal: v.ordinal,
    titleJa: v.title_ja,
    titleEn: v.title_en,
    withdrawnAt: v.withdrawn_at as Date,
  }));
}

export type StatusCell = {
  partyId: string;
  vulnerabilityId: string;
  status: PartyStatus;
  statement: string | null;
  countermeasure: string | null;
  sharedWithParties: boolean;
  updatedAt: Date;
};

/**
 * Status rows of the case (not of a removed party nor a withdrawn vulnerability). `onlyParty` limits it to one party's own rows plus the rows other parties shared
 * (what a developer may see); without it, every row (the coordinator).
 */
export async function statusesOf(
  db: Database,
  secrets: SecretBox,
  caseId: string,
  opts: { viewerPartyId?: string } = {},
): Promise<StatusCell[]> {
  let q = db
    .selectFrom('coordination_statuses as s')
    .innerJoin('coordination_parties as p', 'p.id', 's.party_id')
    .innerJoin('coordination_vulnerabilities as v', 'v.id', 's.vulnerability_id')
    .selectAll('s')
    .where('p.case_id', '=', caseId)
    .where('p.removed_at', 'is', null)
    .where('v.withdrawn_at', 'is', null);
  const viewer = opts.viewerPartyId;
  if (viewer)
    q = q.where((eb) => eb.or([eb('s.party_id', '=', viewer), eb('s.shared_with_parties', '=', true)]));
  const rows = await q.execute();
  return rows.map((s) => ({
    partyId: s.party_id,
    vulnerabilityId: s.vulnerability_id,
    status: s.status,
    statement: openStatement(secrets, s.party_id, s.vulnerability_id, s.statement_enc),
    countermeasure: openCountermeasure(secrets, s.party_id, s.vulnerability_id, s.countermeasure_enc),
    sharedWithParties: s.shared_with_parties,
    updatedAt: s.updated_at,
  }));
}

export type ProposalView = {
  id: string;
  publishAt: Date;
  enteredTimeZone: string;
  reason: string | null;
  proposedBy: 'coordinator' | 'developer' | 'csirt';
  proposedByPartyId: string | null;
  state: 'proposed' | 'accepted' | 'rejected' | 'superseded';
  createdAt: Date;
  decidedAt: Date | null;
  responses: {
    id: string;
    partyId: string;
    response: 'acknowledged' | 'counter_proposal';
    counterPublishAt: Date | null;
    reason: string | null;
    respondedAt: Date;
  }[];
};

/** Every schedule proposal of the case, newest first, each with the parties' responses (latest per party last). */
export async function proposalsOf(db: Database, caseId: string): Promise<ProposalView[]> {
  const proposals = await db
    .selectFrom('coordination_schedule_proposals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  if (proposals.length === 0) return [];
  const responses = await db
    .selectFrom('coordination_schedule_responses')
    .selectAll()
    .where(
      'proposal_id',
      'in',
      proposals.map((p) => p.id),
    )
    .orderBy('responded_at')
    .orderBy('id')
    .execute();
  return proposals.map((p) => ({
    id: p.id,
    publishAt: p.publish_at,
    enteredTimeZone: p.entered_time_zone,
    reason: p.reason,
    proposedBy: p.proposed_by,
    proposedByPartyId: p.proposed_by_party_id,
    state: p.state,
    createdAt: p.created_at,
    decidedAt: p.decided_at,
    responses: responses
      .filter((r) => r.proposal_id === p.id)
      .map((r) => ({
        id: r.id,
        partyId: r.party_id,
        response: r.response,
        counterPublishAt: r.counter_publish_at,
        reason: r.reason,
        respondedAt: r.responded_at,
      })),
  }));
}

/** The proposal waiting for responses and a decision, if any (at most one per case). */
export function openProposalOf(db: Database, caseId: string) {
  return db
    .selectFrom('coordination_schedule_proposals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
}

export type MessageView = {
  id: string;
  thread: MessageThread;
  partyId: string | null;
  authorSide: MessageAuthorSide;
  body: string;
  createdAt: Date;
};

/** Messages of the case, opened; filtered to threads (and, for a developer, to its own thread + announcements). */
export async function messagesOf(
  db: Database,
  secrets: SecretBox,
  caseId: string,
  opts: { threads: MessageThread[]; partyId?: string },
): Promise<MessageView[]> {
  let q = db
    .selectFrom('coordination_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('thread', 'in', opts.threads);
  const partyId = opts.partyId;
  if (partyId) q = q.where((eb) => eb.or([eb('party_id', '=', partyId), eb('thread', '=', 'announcement')]));
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((m) => ({
    id: m.id,
    thread: m.thread,
    partyId: m.party_id,
    authorSide: m.author_side,
    body: openMessageBody(secrets, m.id, m.body_enc),
    createdAt: m.created_at,
  }));
}

/**
 * The portal calls this when someone of the developer opens the case: the first time is recorded (and is an
 * event), later openings change nothing. Returns whether this was the first opening.
 */
export async function recordPartyOpened(
  trx: Database,
  partyId: string,
  at: Date,
  actorUserId: string | null = null,
): Promise<boolean> {
  const updated = await trx
    .updateTable('coordination_parties')
    .set({ first_opened_at: at })
    .where('id', '=', partyId)
    .where('first_opened_at', 'is', null)
    .returning(['case_id', 'organization_id'])
    .executeTakeFirst();
  if (!updated) return false;
  await appendEvent(trx, {
    streamType: 'case',
    streamId: updated.case_id,
    type: COORDINATION_EVENTS.partyOpened,
    actorUserId,
    at,
    data: { partyId, organizationId: updated.organization_id },
  });
  return true;
}
