// Fixtures for the portal's tests: a product case made from a real report (submitted through intake), with its
// coordination rows written directly — parties, vulnerabilities, a schedule proposal, coordinator messages — as
// the coordinator's workspace leaves them, sealed with the coordination feature's own sealing.
import { randomUUID } from 'node:crypto';
import { makeOrganization, makeUser, type TestApp } from '../../testing/app.js';
import { softwareReport, submit } from '../../testing/reports.js';
import { createApiToken } from '../accounts/create-api-token.js';
import { sealDescription, sealMessageBody } from '../coordination/sealing.js';

/** A name no page or answer may ever show unless the finder consented. */
export const FINDER_NAME = 'Zebulon Quixotic-Finder';
export const FINDER_EMAIL = 'zebulon.finder@example.net';

export async function makeProductCase(
  t: TestApp,
  consent: { identityToVendor?: boolean; directContact?: boolean } = {},
): Promise<{ caseId: string; reference: string; reportId: string }> {
  const submitted = await submit(
    t,
    softwareReport({
      finder: {
        name: FINDER_NAME,
        email: FINDER_EMAIL,
        phone: '+81 3-9999-0000',
        organization: 'Quixotic Labs',
      },
      consent: {
        identityToCoordinator: true,
        identityToVendor: consent.identityToVendor ?? false,
        directContact: consent.directContact ?? false,
        publicCredit: false,
      },
    }),
  );
  const row = await t.ctx.db
    .insertInto('cases')
    .values({
      reference: submitted.trackingNumber,
      track: 'software',
      origin: 'report',
      report_id: submitted.reportId,
      handed_over_at: t.clock.now(),
      created_at: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('coordination_cases')
    .values({ case_id: row.id, start_date: '2026-11-02', target_date: '2026-12-17' })
    .execute();
  return { caseId: row.id, reference: submitted.trackingNumber, reportId: submitted.reportId };
}

export type Developer = { organizationId: string; userId: string; email: string; name: string };

export async function makeDeveloper(t: TestApp, name: string): Promise<Developer> {
  const organizationId = await makeOrganization(t.ctx, 'product_developer', name);
  const u = await makeUser(t.ctx, { organizationId, role: 'member', locale: 'en' });
  return { organizationId, userId: u.userId, email: u.email, name };
}

export async function makeCoordinator(t: TestApp): Promise<{ userId: string; email: string }> {
  const org = await makeOrganization(t.ctx, 'coordination_body', `Coordination ${randomUUID().slice(0, 6)}`);
  const u = await makeUser(t.ctx, { organizationId: org, role: 'handler' });
  return { userId: u.userId, email: u.email };
}

export async function addParty(
  t: TestApp,
  caseId: string,
  organizationId: string,
  opts: { notified?: boolean; finderContactAllowed?: boolean } = {},
): Promise<string> {
  const now = t.clock.now();
  const row = await t.ctx.db
    .insertInto('coordination_parties')
    .values({
      case_id: caseId,
      organization_id: organizationId,
      added_at: now,
      notified_at: opts.notified === false ? null : now,
      finder_contact_allowed: opts.finderContactAllowed ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addVulnerability(
  t: TestApp,
  caseId: string,
  ordinal: number,
  title = `Stored XSS ${ordinal}`,
): Promise<string> {
  const id = randomUUID();
  await t.ctx.db
    .insertInto('coordination_vulnerabilities')
    .values({
      id,
      case_id: caseId,
      ordinal,
      title_ja: `${title}（日本語）`,
      title_en: title,
      description_enc: sealDescription(t.ctx.secrets, id, `Description of ${title}`),
      cwe_id: 'CWE-79',
      cvss31_vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
      cvss31_score: 6.1,
      cvss31_severity: 'medium',
      cve_id: null,
    })
    .execute();
  return id;
}

export async function proposeMoment(t: TestApp, caseId: string, publishAt: string): Promise<string> {
  const row = await t.ctx.db
    .insertInto('coordination_schedule_proposals')
    .values({
      case_id: caseId,
      publish_at: publishAt,
      reason: 'Coordinator proposal',
      proposed_by: 'coordinator',
      created_at: t.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function coordinatorWrites(
  t: TestApp,
  caseId: string,
  to: { partyId: string } | 'all',
  body: string,
): Promise<void> {
  const id = randomUUID();
  await t.ctx.db
    .insertInto('coordination_messages')
    .values({
      id,
      case_id: caseId,
      thread: to === 'all' ? 'announcement' : 'party',
      party_id: to === 'all' ? null : to.partyId,
      author_side: 'coordinator',
      body_enc: sealMessageBody(t.ctx.secrets, id, body),
      created_at: t.clock.now(),
    })
    .execute();
}

export async function tokenFor(t: TestApp, userId: string): Promise<string> {
  const { token } = await createApiToken(
    t.ctx,
    { kind: 'system', label: 'test' },
    { userId, name: 'portal test' },
  );
  return token;
}

export const casePage = (reference: string) => `/portal/cases/${encodeURIComponent(reference)}`;
export const caseApi = (reference: string) => `/api/v1/portal/cases/${encodeURIComponent(reference)}`;

/** Counts of every coordination row a developer could change, to prove that a refused request changed nothing. */
export async function footprint(t: TestApp, caseId: string) {
  const num = (r: { n: string | number | bigint }) => Number(r.n);
  const n = {
    statuses: num(
      await t.ctx.db
        .selectFrom('coordination_statuses as s')
        .innerJoin('coordination_parties as p', 'p.id', 's.party_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('p.case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    responses: num(
      await t.ctx.db
        .selectFrom('coordination_schedule_responses as r')
        .innerJoin('coordination_parties as p', 'p.id', 'r.party_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('p.case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    messages: num(
      await t.ctx.db
        .selectFrom('coordination_messages')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    suggestions: num(
      await t.ctx.db
        .selectFrom('coordination_suggestions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
  };
  const events = await t.ctx.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const parties = await t.ctx.db
    .selectFrom('coordination_parties')
    .select(['id', 'first_opened_at', 'acknowledged_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return {
    ...n,
    events: Number(events.n),
    parties: parties.map((p) => [
      p.id,
      p.first_opened_at?.toISOString() ?? null,
      p.acknowledged_at?.toISOString() ?? null,
    ]),
  };
}
