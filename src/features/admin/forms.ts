// The admin forms as the browser sends them (strings; empty means "not given"), checked with zod.
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { OrganizationType, Role } from '../../platform/db/schema.js';
import { blankToUndefined, text } from '../../platform/http/validation.js';
import { ORGANIZATION_TYPES, SECTORS } from './create-organization.js';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
export const organizationForm = z
  .object({
    type: z.enum(ORGANIZATION_TYPES),
    nameJa: text(200).pipe(z.string().min(1)),
    nameEn: text(200).pipe(z.string().min(1)),
    sector: z.preprocess(blankToNull, z.enum(SECTORS).nullable()),
  })
  .refine((o) => (o.type === 'critical_infrastructure') === (o.sector !== null), {
    path: ['sector'],
    message: 'validation.sectorRequired',
  });
export type OrganizationFormValues = Partial<Record<'type' | 'nameJa' | 'nameEn' | 'sector', string>>;

const STAFF_ROLES: readonly Role[] = ['handler', 'lead', 'admin'];
const PARTY_ROLES: readonly Role[] = ['org_admin', 'member'];

/** The roles this actor may give in this organization, for the role select and its check. */
export function grantableRoles(
  actor: Actor,
  action: 'user.create' | 'user.invite',
  org: { id: string; type: OrganizationType },
): Role[] {
  const candidates =
    org.type === 'reception_body' || org.type === 'coordination_body' ? STAFF_ROLES : PARTY_ROLES;
  return candidates.filter((role) =>
    can(actor, action, { organizationId: org.id, organizationType: org.type, role }),
  );
}

/** `roleMessage` is already in the user's language (only `validation.…` keys are translated for us). */
export function userForm(
  roles: readonly Role[],
  opts: { displayNameOptional: boolean; roleMessage: string },
) {
  return z.object({
    email: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z
        .email({ message: 'validation.email' })
        .max(254)
        .transform((e) => e.toLowerCase()),
    ),
    displayName: opts.displayNameOptional
      ? z.preprocess(blankToUndefined, text(200).optional())
      : text(200).pipe(z.string().min(1)),
    role: z.string().refine((r): r is Role => roles.includes(r as Role), { message: opts.roleMessage }),
    locale: z.enum(['ja', 'en']),
  });
}
export type UserFormValues = Partial<Record<'email' | 'displayName' | 'role' | 'locale', string>>;

/** Form values to show again after an error: strings only, never the CSRF token. */
export function keepInput<K extends string>(body: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const b = (body ?? {}) as Record<string, unknown>;
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) if (typeof b[k] === 'string') out[k] = b[k] as string;
  return out;
}
