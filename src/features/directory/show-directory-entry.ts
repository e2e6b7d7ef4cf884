// One directory entry: the organization, its contact window, agreement, products or domains, its users, and the
// change requests waiting for the keeper. Staff read every entry; a party reads its own.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { type ChangeRequest, pendingChangeRequests } from './change-requests.js';
import { type DirectoryProduct, productsOf } from './contact-window.js';
import { type DirectoryOrganization, directoryOrganization, resourceOf } from './entry-store.js';

export type DirectoryEntryView = {
  organization: DirectoryOrganization;
  entry: {
    emails: string[];
    phone: string | null;
    languages: ('ja' | 'en')[];
    locale: 'ja' | 'en';
    webUrl: string | null;
    pgpPublicKey: string | null;
    pgpFingerprint: string | null;
    pgpExpiresAt: Date | null;
    /** the kept key has expired since (mail to this party goes unencrypted, or not at all, until it is replaced) */
    pgpExpired: boolean;
    ndaSignedOn: string | null;
    ndaVersion: string | null;
    notes: string | null;
    operatorKind: string | null;
    relayVia: { id: string; nameJa: string; nameEn: string } | null;
    updatedAt: Date;
  } | null;
  products: DirectoryProduct[];
  domains: { id: string; domain: string }[];
  users: { id: string; email: string; displayName: string; role: string; disabled: boolean }[];
  pendingRequests: ChangeRequest[];
  canManage: boolean;
};

export async function showDirectoryEntry(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
): Promise<DirectoryEntryView> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.read', resourceOf(org));
  const canManage = can(actor, 'directory.manage', resourceOf(org));
  const e = await ctx.db
    .selectFrom('directory_entries as e')
    .leftJoin('organizations as r', 'r.id', 'e.relay_via_organization_id')
    .selectAll('e')
    .select(['r.id as relay_id', 'r.name_ja as relay_name_ja', 'r.name_en as relay_name_en'])
    .where('e.organization_id', '=', org.id)
    .executeTakeFirst();
  const domains = await ctx.db
    .selectFrom('directory_domains')
    .select(['id', 'domain'])
    .where('organization_id', '=', org.id)
    .where('removed_at', 'is', null)
    .orderBy('domain')
    .execute();
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'disabled_at'])
    .where('organization_id', '=', org.id)
    .orderBy('created_at')
    .execute();
  return {
    organization: org,
    entry: e
      ? {
          emails: e.emails,
          phone: e.phone,
          languages: e.languages,
          locale: e.locale,
          webUrl: e.web_url,
          pgpPublicKey: e.pgp_public_key,
          pgpFingerprint: e.pgp_fingerprint,
          pgpExpiresAt: e.pgp_expires_at,
          pgpExpired: e.pgp_expires_at !== null && e.pgp_expires_at.getTime() <= ctx.clock.now().getTime(),
          ndaSignedOn: e.nda_signed_on,
          ndaVersion: e.nda_version,
          // the keeper's own notes are not shown to the party
          notes: canManage || can(actor, 'directory.read') ? e.notes : null,
          operatorKind: e.operator_kind,
          relayVia:
            e.relay_id && e.relay_name_ja && e.relay_name_en
              ? { id: e.relay_id, nameJa: e.relay_name_ja, nameEn: e.relay_name_en }
              : null,
          updatedAt: e.updated_at,
        }
      : null,
    products: await productsOf(ctx.db, org.id),
    domains,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      disabled: u.disabled_at !== null,
    })),
    pendingRequests: can(actor, 'directory.read')
      ? await pendingChangeRequests(ctx.db, actor, { organizationId: org.id })
      : [],
    canManage,
  };
}
