// Contact discovery (連絡先の確認): fetch the reported site's security.txt through the SSRF-safe client and keep
// what came of it — the URL, the outcome and its reason, the addresses found, the expiry — so staff can choose a
// found address or see exactly why there is none. Permission and a still-workable case are checked before the
// fetch; the fetch happens outside any transaction (it can take seconds); the record, its event and audit entry
// are written together afterwards, in a transaction that checks the case again under its lock.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DiscoveryOutcome } from '../../platform/db/schema/website.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { discoverSecurityTxt } from '../../platform/outbound/security-txt-client.js';
import { WEBSITE_EVENTS } from './website-events.js';
import { isWorkable, lockWorkCase, readWorkCase, websiteBrief } from './work-case.js';

export type DiscoveryRecord = { id: string; outcome: DiscoveryOutcome; emails: string[] };

export async function discoverContact(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null },
): Promise<DiscoveryRecord> {
  // permission and a workable case before any request leaves the building: a closed case, or one moved to the
  // product track, causes no request to the site (the transaction below checks again under the lock)
  const before = await readWorkCase(ctx.db, actor, input.reference);
  if (!isWorkable(before)) throw new AppError('conflict', 'website.errors.closed');
  const brief = await websiteBrief(ctx.db, ctx, before.reportId);
  const found = await discoverSecurityTxt(brief.details.siteUrl, {
    now: ctx.clock.now(),
    allowHosts: ctx.config.outbound.allowHosts,
    timeoutMs: ctx.config.outbound.timeoutMs,
    maxBytes: ctx.config.outbound.maxBytes,
  });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await lockWorkCase(trx, ctx, actor, input.reference);
    const expires = found.securityTxt?.expires ?? null;
    const row = await trx
      .insertInto('website_discoveries')
      .values({
        case_id: c.caseId,
        at: now,
        actor_user_id: c.actor.userId,
        requested: brief.details.siteUrl.slice(0, 2000),
        url: found.url?.slice(0, 2000) ?? null,
        outcome: found.outcome,
        detail: found.detail?.slice(0, 1000) ?? null,
        tried: found.tried.map((u) => u.slice(0, 2000)),
        emails: found.emails.map((e) => e.toLowerCase()),
        expires_at: expires,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = { discoveryId: row.id, outcome: found.outcome, emails: found.emails.length };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: WEBSITE_EVENTS.discoveryRan,
      actorUserId: c.actor.userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: WEBSITE_EVENTS.discoveryRan,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { reference: c.reference, ...data },
    });
    return { id: row.id, outcome: found.outcome, emails: found.emails };
  });
}
