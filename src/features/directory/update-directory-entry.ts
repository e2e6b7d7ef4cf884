// The keeper edits a directory entry (creating it when an organization registered by an administrator has none).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { type EntryInput, entryInput } from './entry-input.js';
import {
  changedFields,
  checkRelay,
  contactSnapshot,
  directoryOrganization,
  keyColumnsForEdit,
  lockOrganizations,
  lockRelays,
  proposalSnapshot,
  resourceOf,
  writeContact,
} from './entry-store.js';

export async function updateDirectoryEntry(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  raw: EntryInput,
): Promise<void> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.manage', resourceOf(org));
  const input = entryInput.parse(raw);
  const website = org.type === 'website_operator';
  const relay = website ? input.relayViaOrganizationId : null;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // the relay chain is checked on the state the write will see: no other relay edit in between
    if (relay !== null) await lockRelays(trx);
    await lockOrganizations(trx, [org.id, relay]);
    await checkRelay(trx, org.id, relay);
    const before = await contactSnapshot(trx, org.id);
    // only a key the keeper changed is checked: one kept before and since expired stays, shown as expired
    const key = await keyColumnsForEdit(trx, org.id, input.pgpPublicKey);
    const after = proposalSnapshot(input, key.pgp_fingerprint);
    await writeContact(trx, org.id, after, key, now);
    const old = await trx
      .selectFrom('directory_entries')
      .select(['nda_signed_on', 'nda_version', 'notes', 'operator_kind', 'relay_via_organization_id'])
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const keeperOnly = {
      nda_signed_on: input.ndaSignedOn,
      nda_version: input.ndaVersion,
      notes: input.notes,
      operator_kind: website ? input.operatorKind : null,
      relay_via_organization_id: relay,
    };
    await trx
      .updateTable('directory_entries')
      .set(keeperOnly)
      .where('organization_id', '=', org.id)
      .execute();
    const changed = [
      ...changedFields(before, after),
      ...(['nda_signed_on', 'nda_version', 'notes', 'operator_kind', 'relay_via_organization_id'] as const)
        .filter((k) => old[k] !== keeperOnly[k])
        .map((k) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())),
    ];
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'directory.entry-updated',
      actorUserId: actor.userId,
      data: { changed },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.entry-updated',
      subject: { type: 'organization', id: org.id },
      detail: { changed },
    });
  });
}
