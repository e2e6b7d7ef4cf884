// A party's organization admin proposes changes to its own entry (登録内容の変更申請). Nothing changes until the
// keeper approves; a new proposal replaces one still pending.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { type ProposalInput, proposalInput } from './entry-input.js';
import {
  changedFields,
  contactSnapshot,
  directoryOrganization,
  keyColumnsForEdit,
  proposalSnapshot,
} from './entry-store.js';
import { mailKeepersOfRequest } from './keeper-mail.js';

export async function proposeEntryChange(
  ctx: AppContext,
  actor: Actor,
  raw: ProposalInput,
): Promise<{ requestId: string }> {
  const organizationId = actor.kind === 'user' ? actor.organizationId : null;
  authorize(actor, 'directory.request-change', { organizationId });
  if (!organizationId) throw notFound();
  const org = await directoryOrganization(ctx.db, organizationId);
  const input = proposalInput.parse(raw);
  // the key kept already (perhaps expired since) is not checked again; a new one is
  const key = await keyColumnsForEdit(ctx.db, org.id, input.pgpPublicKey);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await contactSnapshot(trx, org.id);
    const proposed = proposalSnapshot({ ...input, pgpPublicKey: key.pgp_public_key }, key.pgp_fingerprint);
    const changed = changedFields(before, proposed);
    if (changed.length === 0) throw new AppError('validation', 'directory.errors.nothingChanged');
    const superseded = await trx
      .updateTable('directory_change_requests')
      .set({ state: 'superseded', decided_at: now })
      .where('organization_id', '=', org.id)
      .where('state', '=', 'pending')
      .returning('id')
      .execute();
    const row = await trx
      .insertInto('directory_change_requests')
      .values({
        organization_id: org.id,
        requested_by: actor.userId,
        before: JSON.stringify(before),
        proposed: JSON.stringify(proposed),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'directory.change-requested',
      actorUserId: actor.userId,
      data: { requestId: row.id, changed, superseded: superseded.map((s) => s.id) },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.change-requested',
      subject: { type: 'organization', id: org.id },
      detail: { requestId: row.id, changed },
    });
    await mailKeepersOfRequest(trx, ctx, org, row.id);
    return { requestId: row.id };
  });
}
