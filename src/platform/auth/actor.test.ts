import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrganizationType, Role } from '../db/schema.js';
import { isStaff, roleFitsOrganization } from './actor.js';

const ORG_TYPES: (OrganizationType | null)[] = [
  null,
  'reception_body',
  'coordination_body',
  'product_developer',
  'website_operator',
  'csirt',
  'critical_infrastructure',
  'si_vendor',
];
const ROLES: Role[] = ['handler', 'lead', 'admin', 'org_admin', 'member', 'finder'];

describe('roles and organizations', () => {
  it('fits staff roles only to reception and coordination bodies, organization roles elsewhere, finders alone', () => {
    const fits = ORG_TYPES.flatMap((o) =>
      ROLES.filter((r) => roleFitsOrganization(r, o)).map((r) => `${o}/${r}`),
    );
    assert.deepEqual(fits, [
      'null/finder',
      'reception_body/handler',
      'reception_body/lead',
      'reception_body/admin',
      'coordination_body/handler',
      'coordination_body/lead',
      'coordination_body/admin',
      'product_developer/org_admin',
      'product_developer/member',
      'website_operator/org_admin',
      'website_operator/member',
      'csirt/org_admin',
      'csirt/member',
      'critical_infrastructure/org_admin',
      'critical_infrastructure/member',
      'si_vendor/org_admin',
      'si_vendor/member',
    ]);
  });

  it('does not treat a non-staff role in a staff organization as staff', () => {
    const base = {
      kind: 'user' as const,
      userId: 'u',
      email: 'e@example.test',
      displayName: 'x',
      organizationId: 'o',
      organizationType: 'reception_body' as const,
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      via: 'session' as const,
    };
    assert.equal(isStaff({ ...base, role: 'handler' }), true);
    assert.equal(isStaff({ ...base, role: 'member' }), false);
  });
});
