// The authorization matrix: every kind of actor × every action × whose thing it is, with the expected answer
// written out as data. Nothing here recomputes the rules, so a rule that drifts shows up as a changed cell.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrganizationType, Role } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { ACTIONS, type Action, authorize, can, type Resource } from './policy.js';

const STAFF_ORGS = ['reception_body', 'coordination_body'] as const;
const PARTY_ORGS = [
  'product_developer',
  'website_operator',
  'csirt',
  'critical_infrastructure',
  'si_vendor',
] as const;

// ids: every subject's own organization, and organizations that belong to none of the subjects
const ORG_ID: Record<OrganizationType, string> = {
  reception_body: '00000000-0000-4000-8000-000000000001',
  coordination_body: '00000000-0000-4000-8000-000000000002',
  product_developer: '00000000-0000-4000-8000-000000000003',
  website_operator: '00000000-0000-4000-8000-000000000004',
  csirt: '00000000-0000-4000-8000-000000000005',
  critical_infrastructure: '00000000-0000-4000-8000-000000000006',
  si_vendor: '00000000-0000-4000-8000-000000000007',
};
const OTHER_PARTY_ORG = '00000000-0000-4000-8000-0000000000a1'; // a product developer
const OTHER_STAFF_ORG = '00000000-0000-4000-8000-0000000000a2'; // a second coordination body
const ME = '00000000-0000-4000-9000-000000000001';
const SOMEONE_ELSE = '00000000-0000-4000-9000-000000000002';
const MY_REPORT = '00000000-0000-4000-a000-000000000001'; // the report a link holder's link is for
const MY_CASE = '00000000-0000-4000-b000-000000000001'; // the website case an operator's link is for
const OTHER_CASE = '00000000-0000-4000-b000-000000000002';
const OTHER_REPORT = '00000000-0000-4000-a000-000000000002';

type Subject = { key: string; actor: Actor; orgId: string | null; orgType: OrganizationType | undefined };

function user(orgType: OrganizationType | null, role: Role, via: 'session' | 'token'): Subject {
  const orgId = orgType ? ORG_ID[orgType] : null;
  return {
    key: `${via === 'token' ? 'token:' : ''}${orgType ?? 'none'}/${role}`,
    orgId,
    orgType: orgType ?? undefined,
    actor: {
      kind: 'user',
      userId: ME,
      email: 'me@example.test',
      displayName: 'Me',
      role,
      organizationId: orgId,
      organizationType: orgType,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      via,
    },
  };
}

const userSubjects: Subject[] = (['session', 'token'] as const).flatMap((via) => [
  ...STAFF_ORGS.flatMap((o) => (['handler', 'lead', 'admin'] as const).map((r) => user(o, r, via))),
  ...PARTY_ORGS.flatMap((o) => (['org_admin', 'member'] as const).map((r) => user(o, r, via))),
  user(null, 'finder', via),
]);

const SUBJECTS: Subject[] = [
  { key: 'anonymous', actor: { kind: 'anonymous' }, orgId: null, orgType: undefined },
  {
    key: 'mfa_pending',
    actor: {
      kind: 'mfa_pending',
      userId: ME,
      email: 'me@example.test',
      locale: 'ja',
      timeZone: 'UTC',
      enrolled: true,
    },
    orgId: ORG_ID.reception_body,
    orgType: 'reception_body',
  },
  { key: 'system', actor: { kind: 'system', label: 'cli' }, orgId: null, orgType: undefined },
  {
    key: 'link',
    actor: { kind: 'link', subjectType: 'report', subjectId: MY_REPORT, locale: 'ja' },
    orgId: null,
    orgType: undefined,
  },
  {
    key: 'operator-link',
    actor: { kind: 'link', subjectType: 'website_case', subjectId: MY_CASE, locale: 'ja' },
    orgId: null,
    orgType: undefined,
  },
  ...userSubjects,
];

/** Whose thing the action is about, seen from the subject. */
const SCENARIOS = {
  none: () => ({}),
  self: (s) => ({ userId: ME, organizationId: s.orgId }),
  ownOrgUser: (s) => ({ userId: SOMEONE_ELSE, organizationId: s.orgId }),
  otherOrgUser: () => ({ userId: SOMEONE_ELSE, organizationId: OTHER_PARTY_ORG }),
  finderUser: () => ({ userId: SOMEONE_ELSE, organizationId: null }),
  ownOrg: (s) => ({ organizationId: s.orgId }),
  otherOrg: () => ({ organizationId: OTHER_PARTY_ORG }),
  grantOwnMember: (s) => ({ organizationId: s.orgId, organizationType: s.orgType, role: 'member' }),
  grantOwnOrgAdmin: (s) => ({ organizationId: s.orgId, organizationType: s.orgType, role: 'org_admin' }),
  grantOwnHandler: (s) => ({ organizationId: s.orgId, organizationType: s.orgType, role: 'handler' }),
  grantOwnAdmin: (s) => ({ organizationId: s.orgId, organizationType: s.orgType, role: 'admin' }),
  grantOtherPartyMember: () => ({
    organizationId: OTHER_PARTY_ORG,
    organizationType: 'product_developer',
    role: 'member',
  }),
  grantOtherStaffLead: () => ({
    organizationId: OTHER_STAFF_ORG,
    organizationType: 'coordination_body',
    role: 'lead',
  }),
  // mismatched pairs: a party role in a staff organization, a staff role in a party organization
  grantStaffOrgMember: () => ({
    organizationId: OTHER_STAFF_ORG,
    organizationType: 'coordination_body',
    role: 'member',
  }),
  grantPartyOrgAdminRole: () => ({
    organizationId: OTHER_PARTY_ORG,
    organizationType: 'product_developer',
    role: 'admin',
  }),
  grantFinder: () => ({ organizationId: null, role: 'finder' }),
  linkedReport: () => ({ reportId: MY_REPORT }),
  otherReport: () => ({ reportId: OTHER_REPORT }),
  softwareCase: () => ({ track: 'software' }),
  websiteCase: () => ({ track: 'website' }),
  // the website case an operator's secret link is for, and another one
  linkedWebsiteCase: () => ({ track: 'website', caseId: MY_CASE }),
  otherWebsiteCase: () => ({ track: 'website', caseId: OTHER_CASE }),
  // directory entries by who keeps them
  developerEntry: () => ({ organizationId: OTHER_PARTY_ORG, organizationType: 'product_developer' }),
  operatorEntry: () => ({ organizationId: OTHER_PARTY_ORG, organizationType: 'website_operator' }),
} satisfies Record<string, (s: Subject) => Resource>;
type Scenario = keyof typeof SCENARIOS;
const SCENARIO_NAMES = Object.keys(SCENARIOS) as Scenario[];

// Who is who, as plain lists of subject keys.
const STAFF_ADMINS = ['reception_body/admin', 'coordination_body/admin'];
const STAFF_LEADS_ADMINS = [...STAFF_ADMINS, 'reception_body/lead', 'coordination_body/lead'];
const STAFF = [...STAFF_LEADS_ADMINS, 'reception_body/handler', 'coordination_body/handler'];
const ORG_ADMINS = PARTY_ORGS.map((o) => `${o}/org_admin`);
const ORG_MEMBERS = PARTY_ORGS.map((o) => `${o}/member`);
const PARTY = [...ORG_ADMINS, ...ORG_MEMBERS];
const USERS = [...STAFF, ...PARTY, 'none/finder'];
const DEVELOPERS = ['product_developer/org_admin', 'product_developer/member'];
const OPERATORS = ['website_operator/org_admin', 'website_operator/member'];
const RECEPTION = ['reception_body/handler', 'reception_body/lead', 'reception_body/admin'];
const RECEPTION_LEADS = ['reception_body/lead', 'reception_body/admin'];
const COORDINATION = ['coordination_body/handler', 'coordination_body/lead', 'coordination_body/admin'];
const tok = (keys: string[]) => keys.map((k) => `token:${k}`);

/** The subjects allowed in each scenario; a scenario not named allows nobody. */
type Row = Partial<Record<Scenario, string[]>>;
const everywhere = (allowed: string[]): Row => Object.fromEntries(SCENARIO_NAMES.map((s) => [s, allowed]));
const OWN_ORG_SCENARIOS: Scenario[] = [
  'self',
  'ownOrgUser',
  'ownOrg',
  'grantOwnMember',
  'grantOwnOrgAdmin',
  'grantOwnHandler',
  'grantOwnAdmin',
];
const inOwnOrg = (base: string[], plus: string[]): Row =>
  Object.fromEntries(
    SCENARIO_NAMES.map((s) => [s, OWN_ORG_SCENARIOS.includes(s) ? [...base, ...plus] : base]),
  );
const GRANTS = (system: string[]): Row => ({
  ...everywhere(system),
  grantOwnMember: [...ORG_ADMINS, ...system],
  grantOwnOrgAdmin: [...ORG_ADMINS, ...system],
  grantOwnHandler: [...STAFF_ADMINS, ...system],
  grantOwnAdmin: [...STAFF_ADMINS, ...system],
  grantOtherPartyMember: [...STAFF_ADMINS, ...system],
  grantOtherStaffLead: [...STAFF_ADMINS, ...system],
});

const EXPECTED: Record<Action, Row> = {
  'account.read': { self: [...USERS, ...tok(USERS)] },
  'account.update': { self: [...USERS, ...tok(USERS)] },
  'account.change-password': { self: USERS },
  'mfa.complete': everywhere(['mfa_pending']),
  'mfa.manage': { self: USERS },
  'token.manage-own': { self: USERS },
  'organization.list': everywhere([...STAFF, ...tok(STAFF), 'system']),
  'organization.read': inOwnOrg([...STAFF, ...tok(STAFF), 'system'], [...PARTY, ...tok(PARTY)]),
  'organization.create': everywhere([...STAFF_ADMINS, 'system']),
  'user.list': inOwnOrg([...STAFF, ...tok(STAFF), 'system'], [...ORG_ADMINS, ...tok(ORG_ADMINS)]),
  // giving out accounts is done in the browser, never with an API token
  'user.create': GRANTS(['system']),
  // …and the coordination body invites developers' contacts (org roles only, in the browser)
  'user.invite': { ...GRANTS([]), grantOtherPartyMember: [...STAFF_ADMINS, ...COORDINATION] },
  // nobody disables themselves; an organization admin only within its own organization
  'user.disable': {
    ...everywhere([...STAFF_ADMINS, 'system']),
    self: ['system'],
    ownOrgUser: [...STAFF_ADMINS, ...ORG_ADMINS, 'system'],
    ownOrg: [...STAFF_ADMINS, ...ORG_ADMINS, 'system'],
    grantOwnMember: [...STAFF_ADMINS, ...ORG_ADMINS, 'system'],
    grantOwnOrgAdmin: [...STAFF_ADMINS, ...ORG_ADMINS, 'system'],
    grantOwnHandler: [...STAFF_ADMINS, ...ORG_ADMINS, 'system'],
    grantOwnAdmin: [...STAFF_ADMINS, ...ORG_ADMINS, 'system'],
  },
  'audit.read': everywhere([...STAFF_LEADS_ADMINS, ...tok(STAFF_LEADS_ADMINS), 'system']),
  // mail bodies carry one-time links (password reset, invitations): browser sessions only
  'mail.outbox.read': everywhere([...STAFF_ADMINS, 'system']),
  'staff.console': everywhere([...STAFF, ...tok(STAFF)]),
  // anyone may report, signed in or not, in the browser or through the API
  'report.submit': everywhere(['anonymous', ...USERS, ...tok(USERS)]),
  // 自社製品の届出: only a product developer's own people
  'report.submit-own-product': inOwnOrg([], [...DEVELOPERS, ...tok(DEVELOPERS)]),
  'report.list': everywhere([...RECEPTION, ...tok(RECEPTION)]),
  'report.read': everywhere([...RECEPTION, ...tok(RECEPTION)]),
  'report.decide': everywhere([...RECEPTION, ...tok(RECEPTION)]),
  'report.message': everywhere([...RECEPTION, ...tok(RECEPTION)]),
  // leads and admins assign anyone; a handler only themself
  'report.assign': {
    ...everywhere([...RECEPTION_LEADS, ...tok(RECEPTION_LEADS)]),
    self: [...RECEPTION, ...tok(RECEPTION)],
  },
  'report.read-own': { self: ['none/finder', 'token:none/finder'] },
  // the follow-up link opens its own report and nothing else
  'report.follow-up': { linkedReport: ['link'] },
  'case.list': {
    ...everywhere([...RECEPTION, ...tok(RECEPTION)]),
    softwareCase: [...RECEPTION, ...tok(RECEPTION), ...COORDINATION, ...tok(COORDINATION)],
  },
  'case.read': {
    ...everywhere([...RECEPTION, ...tok(RECEPTION)]),
    softwareCase: [...RECEPTION, ...tok(RECEPTION), ...COORDINATION, ...tok(COORDINATION)],
  },
  // the body working the case's queue: reception for website cases, coordination for product cases
  'case.classify': {
    softwareCase: [...COORDINATION, ...tok(COORDINATION)],
    websiteCase: [...RECEPTION, ...tok(RECEPTION)],
    linkedWebsiteCase: [...RECEPTION, ...tok(RECEPTION)],
    otherWebsiteCase: [...RECEPTION, ...tok(RECEPTION)],
  },
  // staff read every entry; a party its own
  'directory.read': inOwnOrg([...STAFF, ...tok(STAFF)], [...PARTY, ...tok(PARTY)]),
  // the coordination body keeps developers and CSIRTs, the reception body website operators
  'directory.manage': {
    grantOtherPartyMember: [...COORDINATION, ...tok(COORDINATION)],
    grantPartyOrgAdminRole: [...COORDINATION, ...tok(COORDINATION)],
    developerEntry: [...COORDINATION, ...tok(COORDINATION)],
    operatorEntry: [...RECEPTION, ...tok(RECEPTION)],
  },
  'directory.request-change': inOwnOrg([], [...ORG_ADMINS, ...tok(ORG_ADMINS)]),
  'coordination.work': { softwareCase: [...COORDINATION, ...tok(COORDINATION)] },
  'coordination.relay-finder': { softwareCase: [...RECEPTION, ...tok(RECEPTION)] },
  'portal.read': inOwnOrg([], [...DEVELOPERS, ...tok(DEVELOPERS)]),
  'portal.respond': inOwnOrg([], [...DEVELOPERS, ...tok(DEVELOPERS)]),
  'website.work': {
    websiteCase: [...RECEPTION, ...tok(RECEPTION)],
    linkedWebsiteCase: [...RECEPTION, ...tok(RECEPTION)],
    otherWebsiteCase: [...RECEPTION, ...tok(RECEPTION)],
  },
  // an operator's people on their own cases; a link holder on its one case
  'operator.read': {
    ...inOwnOrg([], [...OPERATORS, ...tok(OPERATORS)]),
    linkedWebsiteCase: ['operator-link'],
  },
  'operator.respond': {
    ...inOwnOrg([], [...OPERATORS, ...tok(OPERATORS)]),
    linkedWebsiteCase: ['operator-link'],
  },
  'advisory.edit': { softwareCase: [...COORDINATION, ...tok(COORDINATION)] },
  // a lead or admin of the coordination body, in the browser only
  'advisory.approve': { softwareCase: ['coordination_body/lead', 'coordination_body/admin'] },
  // the pre-release copy: a developer of the case (the use case checks it is a party)
  'advisory.preview': inOwnOrg([], [...DEVELOPERS, ...tok(DEVELOPERS)]),
  // importing from other providers is done from the command line
  'advisory.import': everywhere(['system']),
  // what is published is for everyone, whoever asks and however
  'publication.read': everywhere(SUBJECTS.map((s) => s.key)),
  'publication.subscribe': everywhere(SUBJECTS.map((s) => s.key)),
};

/**
 * Cells where policy.ts still answers differently, each with the change that closes the gap. They run as
 * `todo` so the suite stays green meanwhile; once policy.ts changes, delete the entry.
 */
const PENDING: { action: Action; scenarios: Scenario[]; subjects: string[]; change: string }[] = [];

const cellKey = (action: string, scenario: string, subject: string) => `${action} | ${scenario} | ${subject}`;
const pendingCells = new Set(
  PENDING.flatMap((p) => p.scenarios.flatMap((sc) => p.subjects.map((su) => cellKey(p.action, sc, su)))),
);

function expected(action: Action, scenario: Scenario, subject: Subject): boolean {
  return EXPECTED[action][scenario]?.includes(subject.key) ?? false;
}

describe('authorization matrix', () => {
  it('has a row for every action, and names only subjects and scenarios that exist', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...ACTIONS].sort());
    const keys = new Set(SUBJECTS.map((s) => s.key));
    assert.equal(keys.size, SUBJECTS.length, 'subject keys are unique');
    for (const [action, row] of Object.entries(EXPECTED)) {
      for (const [scenario, allowed] of Object.entries(row)) {
        assert.ok(SCENARIO_NAMES.includes(scenario as Scenario), `${action}: unknown scenario ${scenario}`);
        for (const k of allowed ?? []) assert.ok(keys.has(k), `${action}/${scenario}: unknown subject ${k}`);
      }
    }
  });

  for (const action of ACTIONS) {
    it(`answers ${action} as the table says for every subject and scenario`, () => {
      const wrong: string[] = [];
      for (const subject of SUBJECTS) {
        for (const scenario of SCENARIO_NAMES) {
          const key = cellKey(action, scenario, subject.key);
          if (pendingCells.has(key)) continue;
          const want = expected(action, scenario, subject);
          const got = can(subject.actor, action, SCENARIOS[scenario](subject));
          if (got !== want)
            wrong.push(`${key}: expected ${want ? 'allow' : 'deny'}, got ${got ? 'allow' : 'deny'}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  for (const p of PENDING) {
    it(`${p.action}: ${p.subjects.length} subject(s) × ${p.scenarios.length} scenario(s) after the change`, {
      todo: `policy.ts change proposed: ${p.change}`,
    }, () => {
      for (const su of p.subjects) {
        const subject = SUBJECTS.find((s) => s.key === su)!;
        for (const sc of p.scenarios) {
          assert.equal(can(subject.actor, p.action, SCENARIOS[sc](subject)), expected(p.action, sc, subject));
        }
      }
    });
  }

  it('denies an action it does not know, to everyone', () => {
    for (const subject of SUBJECTS) {
      assert.equal(can(subject.actor, 'report.delete-everything' as Action, { userId: ME }), false);
    }
  });

  it('authorize says 401 to someone not signed in and 403 to a user who may not', () => {
    const code = (actor: Actor) => {
      try {
        authorize(actor, 'audit.read');
        return 'allowed';
      } catch (err) {
        return err instanceof AppError ? err.code : 'other';
      }
    };
    const bySubject = Object.fromEntries(SUBJECTS.map((s) => [s.key, s.actor]));
    assert.equal(code(bySubject.anonymous!), 'unauthenticated');
    assert.equal(code(bySubject.mfa_pending!), 'unauthenticated');
    assert.equal(code(bySubject['product_developer/member']!), 'forbidden');
    assert.equal(code(bySubject['reception_body/handler']!), 'forbidden');
    assert.equal(code(bySubject['reception_body/lead']!), 'allowed');
  });
});
