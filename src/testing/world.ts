// One keikai with one person of every kind and a case of each track, made through the features' own use cases
// (as the people would have made them), for tests that walk the whole app as every party: the route
// authorization matrix and the finder-leak walk. Signed-in clients are plain `Browser`s (session cookie set
// directly: the login is not what these tests are about) and API tokens per person.
import { generateSecret } from 'otplib';
import { createApiToken } from '../features/accounts/create-api-token.js';
import { secretContext } from '../features/accounts/totp.js';
import { addParties } from '../features/coordination/add-parties.js';
import { addVulnerability } from '../features/coordination/add-vulnerability.js';
import { notifyParty } from '../features/coordination/notify-party.js';
import { proposeSchedule } from '../features/coordination/propose-schedule.js';
import { partiesOf } from '../features/coordination/queries.js';
import { sendCoordinatorMessage } from '../features/coordination/send-message.js';
import { addDomain } from '../features/directory/add-domain.js';
import { addProduct } from '../features/directory/add-product.js';
import { createDirectoryEntry } from '../features/directory/create-directory-entry.js';
import { addGroupMember, createGroup } from '../features/directory/groups.js';
import { proposeEntryChange } from '../features/directory/propose-entry-change.js';
import { submitReport } from '../features/intake/submit-report.js';
import { sendPartyMessage } from '../features/portal/send-party-message.js';
import { suggestDeveloper } from '../features/portal/suggest-developer.js';
import { updateMyStatus } from '../features/portal/update-my-status.js';
import { acceptReport } from '../features/screening/accept-report.js';
import { assignContact } from '../features/website/assign-contact.js';
import { sendNotice } from '../features/website/send-notice.js';
import type { UserActor } from '../platform/auth/actor.js';
import { createSession } from '../platform/auth/sessions.js';
import type { OrganizationType, Role } from '../platform/db/schema.js';
import { makeOrganization, makeUser, type TestApp } from './app.js';
import { Browser } from './browser.js';
import { softwareReport, websiteReport } from './reports.js';

export type Person = { userId: string; email: string; password: string; actor: UserActor };

export async function person(
  t: TestApp,
  organizationId: string | null,
  organizationType: OrganizationType | null,
  role: Role,
  email?: string,
): Promise<Person> {
  const u = await makeUser(t.ctx, { organizationId, role, ...(email ? { email } : {}) });
  if (organizationType === 'reception_body' || organizationType === 'coordination_body') {
    // staff have a second factor (as they must): their API tokens act only then
    await t.ctx.db
      .updateTable('users')
      .set({
        totp_secret_enc: t.ctx.secrets.encrypt(generateSecret(), secretContext(u.userId)),
        totp_enabled_at: t.clock.now(),
      })
      .where('id', '=', u.userId)
      .execute();
  }
  return {
    ...u,
    actor: {
      kind: 'user',
      userId: u.userId,
      email: u.email,
      displayName: u.email,
      role,
      organizationId,
      organizationType,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      via: 'session',
    },
  };
}

/** A client signed in as this user (second factor done), without going through the login pages. */
export async function sessionOf(t: TestApp, userId: string): Promise<Browser> {
  const token = await createSession(t.ctx.db, t.ctx, {
    userId,
    mfaVerified: true,
    ip: null,
    userAgent: null,
  });
  const b = new Browser(t);
  b.cookies.set('keikai_session', token);
  return b;
}

export async function apiTokenOf(t: TestApp, userId: string): Promise<{ id: string; token: string }> {
  return createApiToken(t.ctx, { kind: 'system', label: 'test' }, { userId, name: 'world' });
}

export type Finder = { name: string; email: string; phone: string; organization: string };
export type Consent = { identityToVendor?: boolean; directContact?: boolean };

export type World = {
  orgs: {
    reception: string;
    coordination: string;
    devA: string;
    devB: string;
    operator: string;
    operatorB: string;
    csirt: string;
  };
  people: {
    reception: Person;
    coordinator: Person;
    devA: Person;
    devAAdmin: Person;
    devB: Person;
    operator: Person;
    operatorB: Person;
    finder: Person;
    csirt: Person;
  };
  /** the addresses in the directory entries (where notices and notifications go) */
  contact: { devA: string; devB: string; operator: string; operatorB: string };
  product: {
    reference: string;
    caseId: string;
    reportId: string;
    attachmentId: string;
    partyA: string;
    partyB: string | null;
    vulnerabilityId: string;
    suggestionId: string;
  };
  website: { reference: string; caseId: string; reportId: string; operatorToken: string };
  directory: { productId: string; domainId: string; changeRequestId: string; groupId: string };
};

const entry = (name: string, email: string) => ({
  nameJa: `${name}（日本語）`,
  nameEn: name,
  emails: [email],
  phone: null,
  languages: ['ja' as const],
  locale: 'ja' as const,
  webUrl: null,
  pgpPublicKey: null,
  ndaSignedOn: null,
  ndaVersion: null,
  notes: null,
  operatorKind: null,
  relayViaOrganizationId: null,
});

/**
 * The world: reception and coordination bodies (a handler each), product developers A and B, website operators
 * (the case's, and another), a CSIRT, a finder with an account; a product case (the finder's report, with an
 * attachment) with A (and, if asked, B) notified, a vulnerability, an announcement, a schedule proposal, A's
 * status, message and suggestion; a website case whose operator (A directory entry) got both notices.
 */
export async function buildWorld(
  t: TestApp,
  opts: {
    finder?: Finder;
    productConsent?: Consent;
    websiteConsent?: Consent;
    /** B is a notified party of the product case too (a multi-vendor case) */
    partyB?: boolean;
    /** the software report is submitted by the finder's account (else by an anonymous visitor) */
    finderAccount?: boolean;
    productName?: string;
    siteName?: string;
  } = {},
): Promise<World> {
  const ctx = t.ctx;
  const reception = await makeOrganization(ctx, 'reception_body', 'Reception');
  const coordination = await makeOrganization(ctx, 'coordination_body', 'Coordination');
  const receptionP = await person(t, reception, 'reception_body', 'handler');
  const coordinator = await person(t, coordination, 'coordination_body', 'handler');
  const contact = {
    devA: 'psirt@alpha-soft.example',
    devB: 'psirt@beta-works.example',
    operator: 'webmaster@shop-operator.example',
    operatorB: 'webmaster@other-operator.example',
  };
  const devA = (
    await createDirectoryEntry(ctx, coordinator.actor, {
      type: 'product_developer',
      ...entry('Alpha Soft', contact.devA),
    })
  ).organizationId;
  const devB = (
    await createDirectoryEntry(ctx, coordinator.actor, {
      type: 'product_developer',
      ...entry('Beta Works', contact.devB),
    })
  ).organizationId;
  const operator = (
    await createDirectoryEntry(ctx, receptionP.actor, {
      type: 'website_operator',
      ...entry('Shop Operator', contact.operator),
      operatorKind: 'company',
    })
  ).organizationId;
  const operatorB = (
    await createDirectoryEntry(ctx, receptionP.actor, {
      type: 'website_operator',
      ...entry('Other Operator', contact.operatorB),
      operatorKind: 'company',
    })
  ).organizationId;
  const csirt = await makeOrganization(ctx, 'csirt', 'Overseas CSIRT');
  const people = {
    reception: receptionP,
    coordinator,
    devA: await person(t, devA, 'product_developer', 'member'),
    devAAdmin: await person(t, devA, 'product_developer', 'org_admin'),
    devB: await person(t, devB, 'product_developer', 'member'),
    operator: await person(t, operator, 'website_operator', 'member'),
    operatorB: await person(t, operatorB, 'website_operator', 'member'),
    finder: await person(t, null, null, 'finder'),
    csirt: await person(t, csirt, 'csirt', 'member'),
  };

  // the directory: a product of A, a domain of the operator, A's pending change, a group with A
  const { productId } = await addProduct(ctx, coordinator.actor, devA, {
    nameJa: 'アルファCMS',
    nameEn: 'Alpha CMS',
    purl: null,
    cpe: null,
    category: 'general',
  });
  const { domainId } = await addDomain(ctx, receptionP.actor, operator, { domain: 'shop.example.org' });
  const { requestId: changeRequestId } = await proposeEntryChange(ctx, people.devAAdmin.actor, {
    ...entry('Alpha Soft', 'security@alpha-soft.example'),
  });
  const { groupId } = await createGroup(ctx, coordinator.actor, { name: 'CMS vendors' });
  await addGroupMember(ctx, coordinator.actor, groupId, { organizationId: devA });

  // the product case: the finder's report with an attachment, accepted, A (and B) notified and working
  const finderOver = opts.finder ? { finder: opts.finder } : {};
  const productConsent = {
    identityToCoordinator: false,
    identityToVendor: opts.productConsent?.identityToVendor ?? false,
    directContact: opts.productConsent?.directContact ?? false,
    publicCredit: false,
  };
  const submitter = opts.finderAccount
    ? { ...people.finder.actor, email: opts.finder?.email ?? people.finder.email }
    : ({ kind: 'anonymous' } as const);
  const report = await submitReport(
    ctx,
    submitter,
    softwareReport({
      ...finderOver,
      consent: productConsent,
      ...(opts.productName ? { productName: opts.productName } : {}),
    }),
    {
      source: 'form',
      attachments: [{ filename: 'poc.html', data: Buffer.from('<script>alert(1)</script>\n') }],
    },
  );
  await acceptReport(ctx, receptionP.actor, {
    trackingNumber: report.trackingNumber,
    expectedState: 'submitted',
    expectedTrack: 'software',
    message: '受理しました。',
  });
  const reference = report.trackingNumber;
  const productCase = await ctx.db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const attachment = await ctx.db
    .selectFrom('report_attachments')
    .select('id')
    .where('report_id', '=', report.reportId)
    .executeTakeFirstOrThrow();
  await addParties(ctx, coordinator.actor, { reference, organizationId: devA });
  if (opts.partyB) await addParties(ctx, coordinator.actor, { reference, organizationId: devB });
  const parties = await partiesOf(ctx.db, productCase.id);
  for (const p of parties) await notifyParty(ctx, coordinator.actor, { reference, partyId: p.id });
  const { vulnerabilityId } = await addVulnerability(ctx, coordinator.actor, {
    reference,
    fields: { titleJa: '格納型XSS', titleEn: 'Stored XSS', cwe: 'CWE-79' },
  });
  await sendCoordinatorMessage(ctx, coordinator.actor, {
    reference,
    to: 'all',
    body: '修正版の見通しを教えてください。',
  });
  await proposeSchedule(ctx, coordinator.actor, {
    reference,
    publishAt: '2027-01-20T10:00',
    timeZone: 'Asia/Tokyo',
    reason: '',
  });
  await updateMyStatus(ctx, people.devA.actor, {
    reference,
    ordinal: '1',
    status: 'affected',
    statement: 'Alpha CMS 1.0–1.4 are affected.',
    countermeasure: 'Alpha CMS 1.5',
  });
  await sendPartyMessage(ctx, people.devA.actor, { reference, body: 'We are working on a fix.' });
  const { suggestionId } = await suggestDeveloper(ctx, people.devA.actor, {
    reference,
    name: 'Gamma Plugins',
    reason: 'They ship the same comment widget.',
  });

  // the website case: accepted, the operator from the directory, both notices sent
  const site = await submitReport(
    ctx,
    { kind: 'anonymous' },
    websiteReport({
      ...(opts.finder ? { finder: opts.finder } : {}),
      ...(opts.siteName ? { siteName: opts.siteName } : {}),
      consent: {
        identityToCoordinator: false,
        identityToVendor: opts.websiteConsent?.identityToVendor ?? false,
        directContact: opts.websiteConsent?.directContact ?? false,
        publicCredit: false,
      },
    }),
    { source: 'form', attachments: [] },
  );
  await acceptReport(ctx, receptionP.actor, {
    trackingNumber: site.trackingNumber,
    expectedState: 'submitted',
    expectedTrack: 'website',
    message: '受理しました。',
  });
  const websiteCase = await ctx.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('report_id', '=', site.reportId)
    .executeTakeFirstOrThrow();
  await assignContact(ctx, receptionP.actor, {
    reference: websiteCase.reference,
    contact: { source: 'directory', organizationId: operator },
  });
  await sendNotice(ctx, receptionP.actor, { reference: websiteCase.reference, kind: 'contact_request' });
  await sendNotice(ctx, receptionP.actor, { reference: websiteCase.reference, kind: 'details' });
  const details = await ctx.db
    .selectFrom('mail_messages')
    .select('body_text')
    .where('related_id', '=', websiteCase.id)
    .where('to_address', '=', contact.operator)
    .where('body_text', 'like', '%/operator/link/%')
    .executeTakeFirstOrThrow();
  const operatorToken = /\/operator\/link\/([A-Za-z0-9_-]+)/.exec(details.body_text)?.[1];
  if (!operatorToken) throw new Error('the details notice carries no operator link');

  return {
    orgs: { reception, coordination, devA, devB, operator, operatorB, csirt },
    people,
    contact,
    product: {
      reference,
      caseId: productCase.id,
      reportId: report.reportId,
      attachmentId: attachment.id,
      partyA: parties.find((p) => p.organizationId === devA)!.id,
      partyB: parties.find((p) => p.organizationId === devB)?.id ?? null,
      vulnerabilityId,
      suggestionId,
    },
    website: {
      reference: websiteCase.reference,
      caseId: websiteCase.id,
      reportId: site.reportId,
      operatorToken,
    },
    directory: { productId, domainId, changeRequestId, groupId },
  };
}
