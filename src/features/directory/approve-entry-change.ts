// The keeper approves a party's proposed changes: they are applied to the entry as proposed, and the party is told.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { loadChangeRequest } from './change-requests.js';
import { keyColumns, lockOrganizations, resourceOf, writeContact } from './entry-store.js';

export async function approveEntryChange(ctx: AppContext, actor: Actor, requestId: string): Promise<void> {
  const first = await loadChangeRequest(ctx.db, actor, requestId);
  authorize(
    actor,
    'directory.manage',
    resourceOf({ id: first.organizationId, type: first.organizationType }),
  );
  if (first.state !== 'pending') throw new AppError('conflict', 'directory.errors.alreadyDecided');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // read again under the organization's lock: the entry the proposal is applied to is the one written (a keeper's
    // edit at the same moment waits, and is not undone)
    await lockOrganizations(trx, [first.organizationId]);
    const req = await loadChangeRequest(trx, actor, requestId);
    if (req.state !== 'pending') throw new AppError('conflict', 'directory.errors.alreadyDecided');
    // a proposed key is checked again: it may have expired or been revoked while the request waited; a key the
    // party did not touch stays as it is
    const key = req.changed.includes('pgpFingerprint')
      ? await keyColumns(req.proposed.pgpPublicKey)
      : await currentKey(trx, req.organizationId);
    const claimed = await trx
      .updateTable('directory_change_requests')
      .set({ state: 'approved', decided_by: actor.userId, decided_at: now })
      .where('id', '=', req.id)
      .where('state', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new AppError('conflict', 'directory.errors.alreadyDecided');
    await writeContact(trx, req.organizationId, req.proposed, key, now);
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: req.organizationId,
      type: 'directory.change-approved',
      actorUserId: actor.userId,
      data: { requestId: req.id, changed: req.changed },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.change-approved',
      subject: { type: 'organization', id: req.organizationId },
      detail: { requestId: req.id, changed: req.changed },
    });
    const locale = req.requestedBy.locale;
    await enqueueMail(trx, ctx.jobs, {
      to: req.requestedBy.email,
      locale,
      template: 'directory.mail.changeApproved',
      vars: {
        organization: locale === 'ja' ? req.proposed.nameJa : req.proposed.nameEn,
        url: `${ctx.config.publicUrl}/my/directory`,
      },
      related: { type: 'organization', id: req.organizationId },
    });
  });
}

async function currentKey(trx: Database, organizationId: string) {
  const e = await trx
    .selectFrom('directory_entries')
    .select(['pgp_public_key', 'pgp_fingerprint', 'pgp_expires_at'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return e ?? { pgp_public_key: null, pgp_fingerprint: null, pgp_expires_at: null };
}
