// What the directory's route files share: the hidden-page option, notices by key, the types an actor keeps, relay
// choices and an entry's form values (a use case's validation error as field errors is src/platform/http/field-errors.ts).
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { DIRECTORY_TYPES, type DirectoryType } from './product-category.js';
import { relayCandidates } from './relay-candidates.js';
import type { DirectoryEntryView } from './show-directory-entry.js';
import type { FormValues } from './views/entry-form-page.js';

export const hide = { schema: { hide: true } } as const;
export type Id = { Params: { id: string } };

export const ENTRY_NOTICES = [
  'created',
  'updated',
  'productAdded',
  'productRetired',
  'productUpdated',
  'domainAdded',
  'domainRemoved',
  'invited',
  'approved',
  'rejected',
] as const;

export function noticeOf<N extends string>(
  req: FastifyRequest,
  list: readonly N[],
  prefix: string,
): string | undefined {
  const n = (req.query as { notice?: unknown } | undefined)?.notice;
  const found = list.find((x) => x === n);
  return found ? req.t(`${prefix}.${String(found)}`) : undefined;
}

/** The types this actor keeps (coordination staff: developers and CSIRTs; reception staff: operators). */
export function keptTypes(actor: Actor): DirectoryType[] {
  return DIRECTORY_TYPES.filter((type) => can(actor, 'directory.manage', { organizationType: type }));
}

export async function relayOptions(
  ctx: AppContext,
  req: FastifyRequest,
  opts: { exceptId?: string; currentId?: string | null } = {},
) {
  const list = await relayCandidates(ctx.db, opts);
  return list.map((o) => ({ id: o.id, name: req.locale === 'ja' ? o.nameJa : o.nameEn }));
}

export function entryValues(m: DirectoryEntryView): FormValues {
  const e = m.entry;
  return {
    nameJa: m.organization.nameJa,
    nameEn: m.organization.nameEn,
    emails: e?.emails.join('\n') ?? '',
    phone: e?.phone ?? '',
    languages: e?.languages ?? ['ja'],
    locale: e?.locale ?? 'ja',
    webUrl: e?.webUrl ?? '',
    pgpPublicKey: e?.pgpPublicKey ?? '',
    ndaSignedOn: e?.ndaSignedOn ?? '',
    ndaVersion: e?.ndaVersion ?? '',
    notes: e?.notes ?? '',
    operatorKind: e?.operatorKind ?? '',
    relayViaOrganizationId: e?.relayVia?.id ?? '',
  };
}
