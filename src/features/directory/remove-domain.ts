// The keeper removes a domain from a website operator (kept with its removal time).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { directoryOrganization, resourceOf } from './entry-store.js';
import { isUuid } from './uuid.js';

export async function removeDomain(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  domainId: string,
): Promise<void> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.manage', resourceOf(org));
  if (!isUuid(domainId)) throw notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('directory_domains')
      .set({ removed_at: now })
      .where('id', '=', domainId)
      .where('organization_id', '=', org.id)
      .where('removed_at', 'is', null)
      .returning('domain')
      .executeTakeFirst();
    if (!r) throw notFound();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'directory.domain-removed',
      actorUserId: actor.userId,
      data: { domainId, domain: r.domain },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.domain-removed',
      subject: { type: 'organization', id: org.id },
      detail: { domain: r.domain },
    });
  });
}
