// Who is asking: an anonymous visitor, a user part-way through login (MFA pending), or a signed-in user.
import type { Locale, OrganizationType, Role } from '../db/schema.js';

export type Anonymous = { kind: 'anonymous' };

/** Password accepted, second factor not yet: may only enrol in or complete MFA, or log out. */
export type MfaPending = {
  kind: 'mfa_pending';
  userId: string;
  email: string;
  locale: Locale;
  timeZone: string;
  enrolled: boolean;
};

export type UserActor = {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  organizationType: OrganizationType | null;
  locale: Locale;
  timeZone: string;
  /** how the request was authenticated: API tokens cannot manage credentials */
  via: 'session' | 'token';
};

/** The operator at the command line (`keikai users create` …) or a job acting on its own. */
export type SystemActor = { kind: 'system'; label: string };

/**
 * Someone holding a secret link (a finder's follow-up link, later an operator's): no account, rights over one
 * thing only. The link's token was checked before this actor was made.
 */
export type LinkActor = {
  kind: 'link';
  /** `report`: a finder's follow-up link; `website_case`: a website operator's link to one case */
  subjectType: 'report' | 'website_case';
  subjectId: string;
  locale: Locale;
};

export type Actor = Anonymous | MfaPending | UserActor | SystemActor | LinkActor;

export const anonymous: Anonymous = { kind: 'anonymous' };

export const STAFF_ORG_TYPES: readonly OrganizationType[] = ['reception_body', 'coordination_body'];
export const STAFF_ROLES: readonly Role[] = ['handler', 'lead', 'admin'];

/** Reception and coordination staff (受付機関・調整機関の職員): MFA is mandatory for them. */
export function isStaff(a: Actor): boolean {
  return (
    a.kind === 'user' &&
    a.organizationType !== null &&
    STAFF_ORG_TYPES.includes(a.organizationType) &&
    STAFF_ROLES.includes(a.role)
  );
}

/**
 * Which roles fit which organizations: staff roles only in reception and coordination bodies, organization
 * roles only elsewhere, `finder` only without an organization. A mismatched account would be staff without MFA.
 */
export function roleFitsOrganization(role: Role, orgType: OrganizationType | null): boolean {
  if (orgType === null) return role === 'finder';
  if (STAFF_ORG_TYPES.includes(orgType)) return STAFF_ROLES.includes(role);
  return role === 'org_admin' || role === 'member';
}

export function requiresMfa(role: Role, orgType: OrganizationType | null): boolean {
  return orgType !== null && STAFF_ORG_TYPES.includes(orgType) && STAFF_ROLES.includes(role);
}
