// The keeper rejects a party's proposed changes with a reason: the entry stays as it was; the party is told why.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { loadChangeRequest } from './change-requests.js';
import { rejectInput } from './entry-input.js';
import { resourceOf } from './entry-store.js';

export async function rejectEntryChange(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  raw: { reason: string },
): Promise<void> {
  const req = await loadChangeRequest(ctx.db, actor, requestId);
  authorize(actor, 'directory.manage', resourceOf({ id: req.organizationId, type: req.organizationType }));
  const { reason } = rejectInput.parse(raw);
  if (req.state !== 'pending') throw new AppError('conflict', 'directory.errors.alreadyDecided');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('directory_change_requests')
      .set({ state: 'rejected', decided_by: actor.userId, decided_at: now, reject_reason: reason })
      .where('id', '=', req.id)
      .where('state', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new AppError('conflict', 'directory.errors.alreadyDecided');
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: req.organizationId,
      type: 'directory.change-rejected',
      actorUserId: actor.userId,
      data: { requestId: req.id },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.change-rejected',
      subject: { type: 'organization', id: req.organizationId },
      detail: { requestId: req.id },
    });
    const locale = req.requestedBy.locale;
    await enqueueMail(trx, ctx.jobs, {
      to: req.requestedBy.email,
      locale,
      template: 'directory.mail.changeRejected',
      vars: {
        organization: locale === 'ja' ? req.organizationNameJa : req.organizationNameEn,
        reason,
        url: `${ctx.config.publicUrl}/my/directory`,
      },
      related: { type: 'organization', id: req.organizationId },
    });
  });
}
