// The one authorization function (認可). Every route, job and CLI command asks `can(actor, action, resource)`.
// Deny by default: an action is allowed only by a rule below, and an unknown action is denied.
import type { OrganizationType, Role } from '../db/schema.js';
import { AppError } from '../errors.js';
import { type Actor, isStaff, type UserActor } from './actor.js';

export const ACTIONS = [
  // own account
  'account.read',
  'account.update',
  'account.change-password',
  'mfa.complete',
  'mfa.manage',
  'token.manage-own',
  // administration
  'organization.list',
  'organization.read',
  'organization.create',
  'user.list',
  'user.create',
  'user.invite',
  'user.disable',
  'audit.read',
  'mail.outbox.read',
  'staff.console',
  // intake (届出)
  'report.submit',
  'report.submit-own-product',
  // screening (受付機関の審査): the reception body's queue, reading, decisions, messages with the finder
  'report.list',
  'report.read',
  'report.decide',
  'report.message',
  'report.assign',
  'report.read-own',
  'report.follow-up',
  // handed-over cases (受理後の案件): the coordination body's product queue, the website queue
  'case.list',
  'case.read',
  // statistics classification of a case (統計用の分類): whoever works the case's queue
  'case.classify',
  // directory (名簿): product developers' and website operators' contact windows, keys, products, domains
  'directory.read',
  'directory.manage',
  'directory.request-change',
  // coordination (調整): the coordination body's workspace on a product case
  'coordination.work',
  // the reception body relays the finder's questions into a product case (without the finder's identity)
  'coordination.relay-finder',
  // developer portal (製品開発者): a developer's own part of the cases it is a party to, in the browser or API
  'portal.read',
  'portal.respond',
  // website track (ウェブサイト): the reception body notifies operators and follows the fix
  'website.work',
  // the website operator answers a notice: through its account or the case's secret link
  'operator.read',
  'operator.respond',
  // advisories (脆弱性対策情報): written and reviewed by the coordination body, previewed by the case's developers
  'advisory.edit',
  'advisory.approve',
  'advisory.preview',
  'advisory.import',
  // the public vulnerability database and its feeds, and mail subscriptions to new advisories
  'publication.read',
  'publication.subscribe',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What an action is about: the organization that owns it, or the user it belongs to. */
export type Resource = {
  organizationId?: string | null;
  userId?: string | null;
  /** for `user.create` / `user.invite`: the role to be given and the target organization's type */
  role?: Role;
  organizationType?: OrganizationType;
  /** the report an action is about (secret-link holders act on one report only) */
  reportId?: string;
  /** for cases: which queue the case is in */
  track?: 'software' | 'website';
  /** the case an action is about (secret-link holders act on one case only) */
  caseId?: string;
};

type Rule = (a: UserActor, r: Resource) => boolean;

const isStaffAdmin: Rule = (a) => isStaff(a) && a.role === 'admin';
const isStaffLeadOrAdmin: Rule = (a) => isStaff(a) && (a.role === 'lead' || a.role === 'admin');
const anyStaff: Rule = (a) => isStaff(a);
/** 受付機関の職員: only the reception body sees reports as submitted, with the finder's identity. */
const receptionStaff: Rule = (a) => a.organizationType === 'reception_body' && isStaff(a);
const receptionLeadOrAdmin: Rule = (a, r) =>
  receptionStaff(a, r) && (a.role === 'lead' || a.role === 'admin');
const coordinationStaff: Rule = (a) => a.organizationType === 'coordination_body' && isStaff(a);
/** Who keeps whose directory entry: the coordination body its developers and CSIRTs, the reception body operators. */
export const DIRECTORY_KEEPER = {
  product_developer: 'coordination_body',
  csirt: 'coordination_body',
  website_operator: 'reception_body',
} as const satisfies Partial<Record<OrganizationType, OrganizationType>>;
const directoryKeeper: Rule = (a, r) =>
  isStaff(a) &&
  !!r.organizationType &&
  (DIRECTORY_KEEPER as Partial<Record<OrganizationType, OrganizationType>>)[r.organizationType] ===
    a.organizationType;
const self: Rule = (a, r) => r.userId === a.userId;
const orgAdminOfOwn: Rule = (a, r) =>
  !isStaff(a) && a.role === 'org_admin' && !!a.organizationId && r.organizationId === a.organizationId;
const memberOfOwn: Rule = (a, r) => !!a.organizationId && r.organizationId === a.organizationId;
/** A member of the product developer (or website operator) the resource belongs to. */
const developerMember: Rule = (a, r) => a.organizationType === 'product_developer' && memberOfOwn(a, r);
const operatorMember: Rule = (a, r) => a.organizationType === 'website_operator' && memberOfOwn(a, r);
const sessionOnly =
  (rule: Rule): Rule =>
  (a, r) =>
    a.via === 'session' && rule(a, r);

/** Nobody disables their own account (a locked-out organization would have no admin left). */
const notSelf =
  (rule: Rule): Rule =>
  (a, r) =>
    r.userId !== a.userId && rule(a, r);

/** Roles an organization admin may hand out in its own (non-staff) organization. */
const ORG_ROLES: readonly Role[] = ['org_admin', 'member'];
const grantableByOrgAdmin: Rule = (a, r) => orgAdminOfOwn(a, r) && !!r.role && ORG_ROLES.includes(r.role);
/** Staff admins create staff in staff organizations and org roles elsewhere; never a mismatched pair. */
const grantableByStaffAdmin: Rule = (a, r) => {
  if (!isStaffAdmin(a, r) || !r.role || !r.organizationType) return false;
  const staffOrg = r.organizationType === 'reception_body' || r.organizationType === 'coordination_body';
  return staffOrg ? ['handler', 'lead', 'admin'].includes(r.role) : ORG_ROLES.includes(r.role);
};

const RULES: Record<Action, Rule[]> = {
  'account.read': [self],
  'account.update': [self],
  'account.change-password': [sessionOnly(self)],
  'mfa.complete': [], // only for MfaPending actors, handled below
  'mfa.manage': [sessionOnly(self)],
  'token.manage-own': [sessionOnly(self)],
  'organization.list': [anyStaff],
  'organization.read': [anyStaff, memberOfOwn],
  'organization.create': [sessionOnly(isStaffAdmin)],
  'user.list': [anyStaff, orgAdminOfOwn],
  // accounts are given out in the browser (or by the operator's CLI), never with an API token
  'user.create': [sessionOnly(grantableByStaffAdmin), sessionOnly(grantableByOrgAdmin)],
  // …and the keeper of a party's directory entry invites its contact people (連絡先の招待), org roles only
  'user.invite': [
    sessionOnly(grantableByStaffAdmin),
    sessionOnly(grantableByOrgAdmin),
    sessionOnly((a, r) => directoryKeeper(a, r) && !!r.role && ORG_ROLES.includes(r.role)),
  ],
  'user.disable': [sessionOnly(notSelf(isStaffAdmin)), sessionOnly(notSelf(orgAdminOfOwn))],
  'audit.read': [isStaffLeadOrAdmin],
  // mail bodies carry one-time links (password reset, invitations): browser sessions only
  'mail.outbox.read': [sessionOnly(isStaffAdmin)],
  'staff.console': [anyStaff],
  'report.submit': [() => true],
  // 自社製品の届出: a product developer's own people report on its own products
  'report.submit-own-product': [(a, r) => a.organizationType === 'product_developer' && memberOfOwn(a, r)],
  'report.list': [receptionStaff],
  'report.read': [receptionStaff],
  'report.decide': [receptionStaff],
  'report.message': [receptionStaff],
  // leads and admins hand reports to anyone; a handler takes one for themself
  'report.assign': [receptionLeadOrAdmin, (a, r) => receptionStaff(a, r) && r.userId === a.userId],
  // a finder with an account follows their own reports
  'report.read-own': [(a, r) => a.role === 'finder' && self(a, r)],
  'report.follow-up': [], // only the holder of the report's follow-up link, handled below
  // the coordination body works the product queue; the reception body follows every case it handed over
  'case.list': [receptionStaff, (a, r) => coordinationStaff(a, r) && r.track === 'software'],
  'case.read': [receptionStaff, (a, r) => coordinationStaff(a, r) && r.track === 'software'],
  // the body that works the case classifies it: the reception body its website cases, the coordination body
  // its product cases (it holds the product and the cause; the reception body does not work product cases)
  'case.classify': [
    (a, r) => receptionStaff(a, r) && r.track === 'website',
    (a, r) => coordinationStaff(a, r) && r.track === 'software',
  ],
  // staff read the whole directory; a party reads its own entry
  'directory.read': [anyStaff, memberOfOwn],
  'directory.manage': [directoryKeeper],
  // a party's own edits wait for the keeper's approval (製品開発者の登録内容の変更は調整機関が承認)
  'directory.request-change': [(a, r) => !isStaff(a) && a.role === 'org_admin' && memberOfOwn(a, r)],
  'coordination.work': [(a, r) => coordinationStaff(a, r) && r.track === 'software'],
  'coordination.relay-finder': [(a, r) => receptionStaff(a, r) && r.track === 'software'],
  // resource.organizationId is the party (developer) whose part of a case is asked for
  'portal.read': [developerMember],
  'portal.respond': [developerMember],
  'website.work': [(a, r) => receptionStaff(a, r) && r.track === 'website'],
  // resource.organizationId is the case's operator; a link holder is checked against resource.caseId below
  'operator.read': [operatorMember],
  'operator.respond': [operatorMember],
  'advisory.edit': [(a, r) => coordinationStaff(a, r) && r.track === 'software'],
  // approval (four eyes: never by the person who submitted it — checked in the use case) is done in the browser
  'advisory.approve': [
    sessionOnly(
      (a, r) =>
        coordinationStaff(a, r) && (a.role === 'lead' || a.role === 'admin') && r.track === 'software',
    ),
  ],
  'advisory.preview': [developerMember],
  'advisory.import': [],
  'publication.read': [() => true],
  'publication.subscribe': [() => true],
};

/** What anyone may do without signing in. */
const PUBLIC_ACTIONS: readonly Action[] = ['report.submit', 'publication.read', 'publication.subscribe'];
/** What every caller may do, whoever they are: read and subscribe to what has been published. */
const OPEN_ACTIONS: readonly Action[] = ['publication.read', 'publication.subscribe'];

const SYSTEM_ACTIONS: readonly Action[] = [
  'organization.list',
  'organization.read',
  'organization.create',
  'user.list',
  'user.create',
  'user.disable',
  'audit.read',
  'mail.outbox.read',
  'advisory.import',
];

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (OPEN_ACTIONS.includes(action)) return true;
  if (actor.kind === 'anonymous') return PUBLIC_ACTIONS.includes(action);
  if (actor.kind === 'mfa_pending') return action === 'mfa.complete';
  // the operator with shell access administers the deployment, but has no account of its own
  if (actor.kind === 'system') return SYSTEM_ACTIONS.includes(action);
  if (actor.kind === 'link') {
    if (actor.subjectType === 'report')
      return action === 'report.follow-up' && resource.reportId === actor.subjectId;
    // a website operator's link (運営者向けリンク): its own case only
    return (
      (action === 'operator.read' || action === 'operator.respond') && resource.caseId === actor.subjectId
    );
  }
  const rules = RULES[action];
  if (!rules) return false;
  return rules.some((rule) => rule(actor, resource));
}

/** `can`, or an error: 401 for someone not signed in, 403 for someone who is but may not. */
export function authorize(actor: Actor, action: Action, resource: Resource = {}): asserts actor is UserActor {
  if (can(actor, action, resource)) return;
  throw actor.kind === 'user'
    ? new AppError('forbidden', 'errors.forbidden')
    : new AppError('unauthenticated', 'errors.unauthenticated');
}
