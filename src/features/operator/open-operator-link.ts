// 運営者向けリンク: the holder of a website case's secret link opens it. Every opening is audited (the link is the
// only credential, so its use is what an investigation needs to see). Opened from another site, the link first
// shows which case it opens (the handling number only) and asks for a button press on this site.
import { audit } from '../../platform/audit.js';
import type { LinkActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { caseIdForOperatorToken, operatorLinkActor } from '../website/queries.js';

/** The case the token opens and its link actor, or null for a wrong, replaced or revoked token. */
export async function openOperatorLink(
  ctx: AppContext,
  token: string,
  opts: { locale: Locale; ip?: string | null },
): Promise<{ actor: LinkActor; reference: string } | null> {
  const caseId = await caseIdForOperatorToken(ctx.db, token, ctx.clock.now());
  if (!caseId) return null;
  const c = await ctx.db
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const actor = operatorLinkActor(caseId, opts.locale);
  await audit(ctx.db, {
    actor,
    action: 'operator.link_opened',
    subject: { type: 'case', id: caseId },
    ip: opts.ip ?? null,
  });
  return { actor, reference: c.reference };
}

/** The handling number a live link opens, for the confirmation page; null for a wrong, replaced or ended link. */
export async function operatorLinkReference(ctx: AppContext, token: string): Promise<string | null> {
  const caseId = await caseIdForOperatorToken(ctx.db, token, ctx.clock.now());
  if (!caseId) return null;
  const c = await ctx.db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirst();
  return c?.reference ?? null;
}
