// One's own account as the account page and `GET /api/v1/me` show it: profile, preferences, second factor, tokens.
import { type Actor, requiresMfa } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale, OrganizationType, Role } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { countUnusedRecoveryCodes, findAccountById, listApiTokens } from './queries.js';

export type AccountView = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  timeZone: string;
  organization: { id: string; type: OrganizationType; nameJa: string; nameEn: string } | null;
  mfa: { enabledAt: Date | null; required: boolean; recoveryCodesLeft: number };
  /** when this view was taken (for offsets and "expired") */
  asOf: Date;
  tokens: {
    id: string;
    name: string;
    prefix: string;
    createdAt: Date;
    lastUsedAt: Date | null;
    expiresAt: Date | null;
    expired: boolean;
  }[];
};

export async function getAccount(ctx: AppContext, actor: Actor): Promise<AccountView> {
  authorize(actor, 'account.read', { userId: actor.kind === 'user' ? actor.userId : null });
  const row = await findAccountById(ctx.db, actor.userId);
  if (!row) throw notFound();
  const now = ctx.clock.now();
  const [tokens, recoveryCodesLeft] = await Promise.all([
    listApiTokens(ctx.db, row.id),
    row.totp_enabled_at ? countUnusedRecoveryCodes(ctx.db, row.id) : Promise.resolve(0),
  ]);
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    timeZone: row.time_zone,
    organization:
      row.organization_id && row.organization_type
        ? {
            id: row.organization_id,
            type: row.organization_type,
            nameJa: row.organization_name_ja ?? '',
            nameEn: row.organization_name_en ?? '',
          }
        : null,
    mfa: {
      enabledAt: row.totp_enabled_at,
      required: requiresMfa(row.role, row.organization_type ?? null),
      recoveryCodesLeft,
    },
    asOf: now,
    tokens: tokens.map((tk) => ({
      id: tk.id,
      name: tk.name,
      prefix: tk.prefix,
      createdAt: tk.created_at,
      lastUsedAt: tk.last_used_at,
      expiresAt: tk.expires_at,
      expired: tk.expires_at !== null && tk.expires_at <= now,
    })),
  };
}
