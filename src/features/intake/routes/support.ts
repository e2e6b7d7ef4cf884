// HTTP glue shared by the intake routes: rate limits, headers for pages that carry a secret link, the one-time
// receipt cookie, and wording of a use case's field errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { AppError, type FieldErrors } from '../../../platform/errors.js';
import { isCatalogKey } from '../../../platform/http/validation.js';
import { formatBytes } from '../views/report-details.js';

/** Submissions per address and hour (config.intake.ratePerHour), for the forms and the JSON API alike. */
export const submissionLimit = (ctx: AppContext) => ({
  // one bucket for every way of submitting: forms of both tracks, own-product reports and the JSON API
  rateLimit: { max: ctx.config.intake.ratePerHour, timeWindow: '1 hour', groupId: 'report-submission' },
});

/** Follow-up links carry 256 bits, so guessing is hopeless; the limit only keeps a flood of requests cheap. */
export const followUpLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/**
 * Pages whose address or body holds a secret link: never cached, never sent on as a Referer, never indexed.
 * Their routes also log at `warn` only, so the token in the path does not reach the request log.
 */
export function secretPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow');
}

export function attachmentLimits(ctx: AppContext) {
  const l = ctx.config.intake;
  return {
    each: formatBytes(l.attachmentMaxBytes),
    total: formatBytes(l.reportAttachmentsMaxBytes),
    files: l.reportAttachmentsMaxFiles,
  };
}

/** A use case's field errors (catalog keys) worded for the form; anything else goes on to the error handler. */
export function useCaseErrors(err: unknown, req: FastifyRequest): FieldErrors {
  if (err instanceof AppError && (err.code === 'validation' || err.code === 'too_large') && err.fields) {
    return Object.fromEntries(
      Object.entries(err.fields).map(([k, list]) => [k, list.map((m) => (isCatalogKey(m) ? req.t(m) : m))]),
    );
  }
  throw err;
}

// ── the receipt: shown once after a submission, carried from the POST to the GET in a sealed cookie ──

const RECEIPT_COOKIE = 'keikai_receipt';
const RECEIPT_PATH = '/reports/receipt';
const RECEIPT_CONTEXT = 'intake.receipt-cookie';
const RECEIPT_SECONDS = 600;

export type Receipt = { trackingNumber: string; followUpToken: string; mailed: boolean };

export function setReceiptCookie(reply: FastifyReply, ctx: AppContext, receipt: Receipt): void {
  const expires = ctx.clock.now().getTime() + RECEIPT_SECONDS * 1000;
  reply.setCookie(
    RECEIPT_COOKIE,
    ctx.secrets.encrypt(JSON.stringify({ ...receipt, expires }), RECEIPT_CONTEXT),
    {
      path: RECEIPT_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
      maxAge: RECEIPT_SECONDS,
    },
  );
}

/** The receipt, once: the cookie is cleared as it is read, so a reload or a later visitor finds nothing. */
export function takeReceipt(req: FastifyRequest, reply: FastifyReply, ctx: AppContext): Receipt | null {
  const raw = req.cookies[RECEIPT_COOKIE];
  if (!raw) return null;
  reply.clearCookie(RECEIPT_COOKIE, {
    path: RECEIPT_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
  });
  try {
    const r = JSON.parse(ctx.secrets.decrypt(raw, RECEIPT_CONTEXT)) as Receipt & { expires: number };
    if (r.expires < ctx.clock.now().getTime()) return null;
    return { trackingNumber: r.trackingNumber, followUpToken: r.followUpToken, mailed: r.mailed };
  } catch {
    return null;
  }
}
