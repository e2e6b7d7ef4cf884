// The keeper records a domain of a website operator (lower-case hostname; one operator holds a domain at a time).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { domainInput } from './entry-input.js';
import { directoryOrganization, fieldError, isUniqueViolation, resourceOf } from './entry-store.js';

export async function addDomain(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  raw: { domain: string },
): Promise<{ domainId: string; domain: string }> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.manage', resourceOf(org));
  if (org.type !== 'website_operator') throw new AppError('conflict', 'directory.errors.noDomains');
  const { domain } = domainInput.parse(raw);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const held = await trx
        .selectFrom('directory_domains')
        .select('organization_id')
        .where('domain', '=', domain)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (held) throw fieldError('domain', 'directory.validation.domainTaken');
      const d = await trx
        .insertInto('directory_domains')
        .values({ organization_id: org.id, domain, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(trx, {
        streamType: 'organization',
        streamId: org.id,
        type: 'directory.domain-added',
        actorUserId: actor.userId,
        data: { domainId: d.id, domain },
        at: now,
      });
      await audit(trx, {
        actor,
        action: 'directory.domain-added',
        subject: { type: 'organization', id: org.id },
        detail: { domain },
      });
      return { domainId: d.id, domain };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('domain', 'directory.validation.domainTaken');
    throw e;
  }
}
