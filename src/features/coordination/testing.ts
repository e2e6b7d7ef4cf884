// Fixtures for the coordination tests: the coordination and reception bodies with staff, developers with
// contact windows (an address each, one with an OpenPGP key if asked), a group, and a product case made the
// real way (a finder's report accepted by the reception body).
import type { UserActor } from '../../platform/auth/actor.js';
import type { OrganizationType, Role } from '../../platform/db/schema.js';
import { makeOrganization, makeUser, type TestApp } from '../../testing/app.js';
import { softwareReport, submit } from '../../testing/reports.js';
import { acceptReport } from '../screening/accept-report.js';

export type Staff = { userId: string; email: string; actor: UserActor };

export async function staff(
  t: TestApp,
  organizationId: string,
  type: OrganizationType,
  role: Role = 'handler',
  locale: 'ja' | 'en' = 'ja',
): Promise<Staff> {
  const u = await makeUser(t.ctx, { organizationId, role, locale });
  return {
    userId: u.userId,
    email: u.email,
    actor: {
      kind: 'user',
      userId: u.userId,
      email: u.email,
      displayName: 'Staff',
      role,
      organizationId,
      organizationType: type,
      locale,
      timeZone: 'Asia/Tokyo',
      via: 'session',
    },
  };
}

export type Developer = { organizationId: string; email: string; member: Staff };

export async function developer(
  t: TestApp,
  name: string,
  opts: { locale?: 'ja' | 'en'; pgpPublicKey?: string; email?: string | null } = {},
): Promise<Developer> {
  const organizationId = await makeOrganization(t.ctx, 'product_developer', name);
  const email =
    opts.email === undefined ? `psirt@${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.example` : opts.email;
  await t.ctx.db
    .insertInto('directory_entries')
    .values({
      organization_id: organizationId,
      emails: email ? [email] : [],
      locale: opts.locale ?? 'ja',
      languages: [opts.locale ?? 'ja'],
      pgp_public_key: opts.pgpPublicKey ?? null,
      updated_at: t.clock.now(),
    })
    .execute();
  const member = await staff(t, organizationId, 'product_developer', 'member');
  return { organizationId, email: email ?? '', member };
}

export async function group(t: TestApp, name: string, organizationIds: string[]): Promise<string> {
  const g = await t.ctx.db
    .insertInto('directory_groups')
    .values({ name })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const organizationId of organizationIds) {
    await t.ctx.db
      .insertInto('directory_group_members')
      .values({ group_id: g.id, organization_id: organizationId })
      .execute();
  }
  return g.id;
}

export type Bodies = {
  coordinator: Staff;
  coordinator2: Staff;
  reception: Staff;
  receptionOrg: string;
  coordinationOrg: string;
};

export async function bodies(t: TestApp): Promise<Bodies> {
  const receptionOrg = await makeOrganization(t.ctx, 'reception_body', 'Reception');
  const coordinationOrg = await makeOrganization(t.ctx, 'coordination_body', 'Coordination');
  return {
    coordinator: await staff(t, coordinationOrg, 'coordination_body', 'handler'),
    coordinator2: await staff(t, coordinationOrg, 'coordination_body', 'lead', 'en'),
    reception: await staff(t, receptionOrg, 'reception_body', 'lead'),
    receptionOrg,
    coordinationOrg,
  };
}

/** A finder's software report, accepted by the reception body: its case reference (the tracking number). */
export async function productCase(
  t: TestApp,
  b: Bodies,
  over: Record<string, unknown> = {},
): Promise<{ reference: string; reportId: string; caseId: string }> {
  const r = await submit(t, softwareReport(over));
  await acceptReport(t.ctx, b.reception.actor, {
    trackingNumber: r.trackingNumber,
    expectedState: 'submitted',
    expectedTrack: 'software',
    message: '受理しました。',
  });
  const c = await t.ctx.db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', r.trackingNumber)
    .executeTakeFirstOrThrow();
  return { reference: r.trackingNumber, reportId: r.reportId, caseId: c.id };
}

export const workspaceUrl = (reference: string) => `/coordination/cases/${encodeURIComponent(reference)}`;

/** Every row count the workspace's actions could change, to assert that a refused action changed nothing. */
export async function footprint(t: TestApp) {
  const count = async (table: string) => {
    const r = await t.ctx.db
      .selectFrom(table as 'events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const tables = [
    'events',
    'mail_messages',
    'coordination_cases',
    'coordination_vulnerabilities',
    'coordination_parties',
    'coordination_schedule_proposals',
    'coordination_messages',
    'coordination_contact_attempts',
    'coordination_reminders',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await count(table);
  const cc = await t.ctx.db.selectFrom('coordination_cases').selectAll().orderBy('case_id').execute();
  return { counts: out, coordination: JSON.stringify(cc) };
}
