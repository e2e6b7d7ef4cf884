// What the directory's use cases share: reading the organization an entry belongs to, checking the OpenPGP key and
// the relay chain, and the contact window's fields as a change request keeps them (before / proposed).
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { OrganizationType } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ProposalInput } from './entry-input.js';
import { checkPublicKey } from './pgp-key.js';
import { type DirectoryType, isDirectoryType } from './product-category.js';
import { isUuid } from './uuid.js';

export type DirectoryOrganization = {
  id: string;
  type: DirectoryType;
  nameJa: string;
  nameEn: string;
  disabledAt: Date | null;
};

/** The organization of a directory entry (a developer, a CSIRT or a website operator), or 404. */
export async function directoryOrganization(
  db: Database,
  organizationId: string,
): Promise<DirectoryOrganization> {
  if (!isUuid(organizationId)) throw notFound();
  const o = await db
    .selectFrom('organizations')
    .select(['id', 'type', 'name_ja', 'name_en', 'disabled_at'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!o || !isDirectoryType(o.type)) throw notFound();
  return { id: o.id, type: o.type, nameJa: o.name_ja, nameEn: o.name_en, disabledAt: o.disabled_at };
}

export function resourceOf(o: { id: string; type: OrganizationType }) {
  return { organizationId: o.id, organizationType: o.type };
}

/** A validation error on one field; the message is a catalog key, worded by the HTTP layer. */
export function fieldError(field: string, messageKey: string): AppError {
  return new AppError('validation', 'errors.validation', { [field]: [messageKey] });
}

/** The key's columns, or a validation error on `pgpPublicKey` saying what is wrong with it. */
export async function keyColumns(armored: string | null): Promise<{
  pgp_public_key: string | null;
  pgp_fingerprint: string | null;
  pgp_expires_at: Date | null;
}> {
  if (armored === null) return { pgp_public_key: null, pgp_fingerprint: null, pgp_expires_at: null };
  const k = await checkPublicKey(armored);
  if (!k.ok)
    throw fieldError(
      'pgpPublicKey',
      `directory.validation.pgp.${k.problem.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}`,
    );
  return { pgp_public_key: k.armored, pgp_fingerprint: k.fingerprint, pgp_expires_at: k.expiresAt };
}

/**
 * The key's columns for an edit: the stored ones, unchecked, when the key given is the one already kept (a stored
 * key that has since expired does not block an edit of the phone number; it is shown as expired instead); otherwise
 * the new key, checked.
 */
export async function keyColumnsForEdit(db: Database, organizationId: string, armored: string | null) {
  const stored = await db
    .selectFrom('directory_entries')
    .select(['pgp_public_key', 'pgp_fingerprint', 'pgp_expires_at'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  const given = armored === null ? null : armored.trim().replace(/\r\n?/g, '\n');
  if (stored && stored.pgp_public_key !== null && given === stored.pgp_public_key) return stored;
  return keyColumns(armored);
}

/**
 * Locks the organizations (and so their entries: every write to an entry goes through here first) for the rest of
 * the transaction, in a stable order so that two writers never wait on each other crosswise.
 */
export async function lockOrganizations(trx: Database, ids: (string | null)[]): Promise<void> {
  const sorted = [...new Set(ids.filter((id): id is string => id !== null))].sort();
  if (sorted.length === 0) return;
  await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', sorted)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * Serialises the writes that set a relay. A loop can close through entries neither of two concurrent edits touches
 * (B→C and D→A exist; one keeper sets A→B while another sets C→D), so locking the two entries of each edit is not
 * enough: every relay-setting transaction takes this one lock first, then its rows, and checks the chain after.
 */
export async function lockRelays(trx: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('keikai.directory.relay'))`.execute(trx);
}

/** The longest relay chain a notice follows (the website track stops there too). */
export const MAX_RELAY_HOPS = 5;

/** A relay (総務省 → 都道府県 → 市町村) is another live website operator, and the chain never comes back. */
export async function checkRelay(db: Database, organizationId: string | null, relayId: string | null) {
  if (relayId === null) return;
  if (relayId === organizationId)
    throw fieldError('relayViaOrganizationId', 'directory.validation.relayLoop');
  let current: string | null = relayId;
  const seen = new Set<string>(organizationId ? [organizationId] : []);
  for (let hop = 0; current !== null; hop++) {
    if (seen.has(current)) throw fieldError('relayViaOrganizationId', 'directory.validation.relayLoop');
    if (hop >= MAX_RELAY_HOPS)
      throw fieldError('relayViaOrganizationId', 'directory.validation.relayTooLong');
    seen.add(current);
    const row = await db
      .selectFrom('organizations as o')
      .leftJoin('directory_entries as e', 'e.organization_id', 'o.id')
      .select(['o.type', 'o.disabled_at', 'e.relay_via_organization_id'])
      .where('o.id', '=', current)
      .executeTakeFirst();
    if (!row || (hop === 0 && (row.type !== 'website_operator' || row.disabled_at))) {
      throw fieldError('relayViaOrganizationId', 'directory.validation.relay');
    }
    current = row.relay_via_organization_id ?? null;
  }
}

/** The contact window as a change request keeps it; the key by its text (its fingerprint is shown). */
export type ContactSnapshot = {
  nameJa: string;
  nameEn: string;
  emails: string[];
  phone: string | null;
  languages: ('ja' | 'en')[];
  locale: 'ja' | 'en';
  webUrl: string | null;
  pgpPublicKey: string | null;
  pgpFingerprint: string | null;
};

export const SNAPSHOT_FIELDS = [
  'nameJa',
  'nameEn',
  'emails',
  'phone',
  'languages',
  'locale',
  'webUrl',
  'pgpFingerprint',
] as const;

export async function contactSnapshot(db: Database, organizationId: string): Promise<ContactSnapshot> {
  const r = await db
    .selectFrom('organizations as o')
    .leftJoin('directory_entries as e', 'e.organization_id', 'o.id')
    .select([
      'o.name_ja',
      'o.name_en',
      'e.emails',
      'e.phone',
      'e.languages',
      'e.locale',
      'e.web_url',
      'e.pgp_public_key',
      'e.pgp_fingerprint',
    ])
    .where('o.id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return {
    nameJa: r.name_ja,
    nameEn: r.name_en,
    emails: r.emails ?? [],
    phone: r.phone ?? null,
    languages: r.languages ?? ['ja'],
    locale: r.locale ?? 'ja',
    webUrl: r.web_url ?? null,
    pgpPublicKey: r.pgp_public_key ?? null,
    pgpFingerprint: r.pgp_fingerprint ?? null,
  };
}

export function proposalSnapshot(input: ProposalInput, fingerprint: string | null): ContactSnapshot {
  return {
    nameJa: input.nameJa,
    nameEn: input.nameEn,
    emails: input.emails,
    phone: input.phone,
    languages: input.languages,
    locale: input.locale,
    webUrl: input.webUrl,
    pgpPublicKey: input.pgpPublicKey,
    pgpFingerprint: fingerprint,
  };
}

/** The fields whose values differ, for events and the before/after view. */
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export function changedFields(before: ContactSnapshot, after: ContactSnapshot): SnapshotField[] {
  return SNAPSHOT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** Writes the contact window's columns (creating the entry when there is none). */
export async function writeContact(
  trx: Database,
  organizationId: string,
  snapshot: ContactSnapshot,
  key: { pgp_public_key: string | null; pgp_fingerprint: string | null; pgp_expires_at: Date | null },
  now: Date,
) {
  await trx
    .updateTable('organizations')
    .set({ name_ja: snapshot.nameJa, name_en: snapshot.nameEn })
    .where('id', '=', organizationId)
    .execute();
  const contact = {
    emails: snapshot.emails,
    phone: snapshot.phone,
    languages: snapshot.languages,
    locale: snapshot.locale,
    web_url: snapshot.webUrl,
    ...key,
    updated_at: now,
  };
  await trx
    .insertInto('directory_entries')
    .values({ organization_id: organizationId, ...contact, created_at: now })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(contact))
    .execute();
}

/** A unique index said no (two keepers adding the same domain or group name at once). */
export { isUniqueViolation } from '../../platform/db/errors.js';
