// Test helpers for the website track: actors, accepted website cases made through the real intake and screening
// use cases, directory operators (entries and domains written as the directory stores them), mail read back.
import type { UserActor } from '../../platform/auth/actor.js';
import type { OrganizationType, Role } from '../../platform/db/schema.js';
import { makeOrganization, makeUser, type TestApp } from '../../testing/app.js';
import { submit, websiteReport } from '../../testing/reports.js';
import { acceptReport } from '../screening/accept-report.js';
import { assignContact } from './assign-contact.js';
import { sendNotice } from './send-notice.js';

export type Staff = UserActor & { password: string };

/** A user and the actor its session would give (MFA assumed done). */
export async function makeActor(
  t: TestApp,
  opts: { orgType: OrganizationType; role: Role; organizationId?: string; locale?: 'ja' | 'en' },
): Promise<Staff> {
  const organizationId = opts.organizationId ?? (await makeOrganization(t.ctx, opts.orgType));
  const u = await makeUser(t.ctx, { organizationId, role: opts.role, locale: opts.locale ?? 'ja' });
  return {
    kind: 'user',
    userId: u.userId,
    email: u.email,
    displayName: u.email,
    role: opts.role,
    organizationId,
    organizationType: opts.orgType,
    locale: opts.locale ?? 'ja',
    timeZone: 'Asia/Tokyo',
    via: 'session',
    password: u.password,
  };
}

/** A website report submitted by an anonymous finder and accepted: its case is in the website queue. */
export async function acceptedWebsiteCase(t: TestApp, lead: UserActor, over: Record<string, unknown> = {}) {
  const r = await submit(t, websiteReport(over));
  const d = await acceptReport(t.ctx, lead, {
    trackingNumber: r.trackingNumber,
    expectedState: 'submitted',
    expectedTrack: 'website',
    message: '受理しました。',
  });
  if (!d.caseReference) throw new Error('no case opened');
  return { reference: d.caseReference, reportId: r.reportId, trackingNumber: r.trackingNumber };
}

/**
 * A website case notified (details sent) at the given instant to a contact entered by hand
 * (webmaster@site.example, with `contactName` when given); the clock is left at that instant.
 */
export async function notifiedByHand(
  t: TestApp,
  lead: UserActor,
  at: string,
  opts: { over?: Record<string, unknown>; contactName?: string } = {},
) {
  t.clock.set(at);
  const c = await acceptedWebsiteCase(t, lead, opts.over);
  await assignContact(t.ctx, lead, {
    reference: c.reference,
    contact: {
      source: 'manual',
      email: 'webmaster@site.example',
      ...(opts.contactName ? { name: opts.contactName } : {}),
      locale: 'ja',
    },
  });
  await sendNotice(t.ctx, lead, { reference: c.reference, kind: 'details' });
  return { ...c, caseId: await caseIdOf(t, c.reference) };
}

/** A website operator with a directory entry (contact window) and domains. */
export async function makeOperator(
  t: TestApp,
  opts: {
    name: string;
    emails?: string[];
    domains?: string[];
    locale?: 'ja' | 'en';
    pgpPublicKey?: string | null;
    relayVia?: string | null;
    kind?: 'company' | 'local_government';
  },
): Promise<string> {
  const id = await makeOrganization(t.ctx, 'website_operator', opts.name);
  await t.ctx.db
    .insertInto('directory_entries')
    .values({
      organization_id: id,
      emails: opts.emails ?? [],
      locale: opts.locale ?? 'ja',
      languages: [opts.locale ?? 'ja'],
      pgp_public_key: opts.pgpPublicKey ?? null,
      operator_kind: opts.kind ?? 'company',
      relay_via_organization_id: opts.relayVia ?? null,
      updated_at: t.clock.now(),
    })
    .execute();
  for (const domain of opts.domains ?? []) {
    await t.ctx.db.insertInto('directory_domains').values({ organization_id: id, domain }).execute();
  }
  return id;
}

/** Mail about a case, oldest first. */
export function mailOfCase(t: TestApp, caseId: string) {
  return t.ctx.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('related_type', '=', 'case')
    .where('related_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function caseIdOf(t: TestApp, reference: string): Promise<string> {
  const c = await t.ctx.db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return c.id;
}
