// The keeper registers a party (a product developer, a CSIRT or a website operator) with its directory entry: the
// organization itself and its contact window in one transaction. The keeper is not the admin feature's
// `organization.create` (staff admins): registering a party is `directory.manage` for that type.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { type NewEntryInput, newEntryInput } from './entry-input.js';
import { checkRelay, keyColumns, lockOrganizations, lockRelays } from './entry-store.js';

export async function createDirectoryEntry(
  ctx: AppContext,
  actor: Actor,
  raw: NewEntryInput,
): Promise<{ organizationId: string }> {
  authorize(actor, 'directory.manage', { organizationType: raw.type });
  const input = newEntryInput.parse(raw);
  const key = await keyColumns(input.pgpPublicKey);
  const website = input.type === 'website_operator';
  const relay = website ? input.relayViaOrganizationId : null;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // the relay chain is checked on the state the write will see: no other relay edit in between
    if (relay !== null) await lockRelays(trx);
    await lockOrganizations(trx, [relay]);
    await checkRelay(trx, null, relay);
    const org = await trx
      .insertInto('organizations')
      .values({
        type: input.type,
        name_ja: input.nameJa,
        name_en: input.nameEn,
        sector: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('directory_entries')
      .values({
        organization_id: org.id,
        emails: input.emails,
        phone: input.phone,
        languages: input.languages,
        locale: input.locale,
        web_url: input.webUrl,
        ...key,
        nda_signed_on: input.ndaSignedOn,
        nda_version: input.ndaVersion,
        notes: input.notes,
        operator_kind: website ? input.operatorKind : null,
        relay_via_organization_id: relay,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'organization.created',
      actorUserId: actor.userId,
      data: { type: input.type, sector: null, via: 'directory' },
      at: now,
    });
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'directory.entry-created',
      actorUserId: actor.userId,
      data: { pgpFingerprint: key.pgp_fingerprint, emails: input.emails.length },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.entry-created',
      subject: { type: 'organization', id: org.id },
      detail: { type: input.type },
    });
    return { organizationId: org.id };
  });
}
