// The operator's secret link (運営者向けリンク) is opened once: /operator/link/<token> checks the token, puts it in
// a sealed, short-lived cookie scoped to that case's pages, and redirects to the case page — so the token leaves
// the address bar, the history and any Referer. Every request re-checks the token, so a replaced or revoked link
// stops working at once.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LinkActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { caseIdForOperatorToken, operatorLinkActor } from '../website/queries.js';
import { operatorCasePath } from './operator-access.js';

const COOKIE = 'keikai_operator_link';
const CONTEXT = 'operator.link-cookie';
/** How long an opened link lasts in the browser before the mail's link must be opened again. */
export const LINK_COOKIE_SECONDS = 8 * 3600;

type Sealed = { token: string; reference: string; expires: number };

export function setLinkCookie(reply: FastifyReply, ctx: AppContext, reference: string, token: string): void {
  const sealed: Sealed = {
    token,
    reference,
    expires: ctx.clock.now().getTime() + LINK_COOKIE_SECONDS * 1000,
  };
  reply.setCookie(COOKIE, ctx.secrets.encrypt(JSON.stringify(sealed), CONTEXT), {
    path: operatorCasePath(reference),
    httpOnly: true,
    // lax: the first page after the redirect from a mail client's click must carry it
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: LINK_COOKIE_SECONDS,
  });
}

/**
 * The link actor of the cookie this request carries, or null (none, expired, or the link replaced or revoked).
 * A browser sends it only to its case's pages; should it reach another case's, the actor is still only allowed
 * its own case, and the other one answers 404.
 */
export async function linkActorFromCookie(req: FastifyRequest, ctx: AppContext): Promise<LinkActor | null> {
  const raw = req.cookies[COOKIE];
  if (!raw) return null;
  let sealed: Sealed;
  try {
    sealed = JSON.parse(ctx.secrets.decrypt(raw, CONTEXT)) as Sealed;
  } catch {
    return null;
  }
  if (typeof sealed.token !== 'string' || sealed.expires < ctx.clock.now().getTime()) return null;
  const caseId = await caseIdForOperatorToken(ctx.db, sealed.token, ctx.clock.now());
  return caseId ? operatorLinkActor(caseId, req.locale) : null;
}
