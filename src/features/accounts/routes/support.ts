// HTTP glue shared by the accounts routes: the session cookie, request facts, rate limits, form errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../../../platform/auth/sessions.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError, type FieldErrors } from '../../../platform/errors.js';
import { wordErrors } from '../forms.js';

/** Per-IP limits on the forms that check a secret. Lockout per account is separate (config.login). */
export const RATE_LIMITS = {
  login: { max: 20, timeWindow: '1 minute' },
  mfa: { max: 20, timeWindow: '5 minutes' },
  mailLink: { max: 10, timeWindow: '15 minutes' },
  useLink: { max: 20, timeWindow: '15 minutes' },
  account: { max: 20, timeWindow: '15 minutes' },
} as const;

export const limited = (limit: keyof typeof RATE_LIMITS) => ({
  schema: { hide: true },
  config: { rateLimit: RATE_LIMITS[limit] },
});

export const hidden = { schema: { hide: true } } as const;

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string): void {
  reply.setCookie(sessionCookieName(ctx.config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(sessionCookieName(ctx.config), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
  });
}

export function client(req: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
}

export function query(req: FastifyRequest): Record<string, unknown> {
  return req.query && typeof req.query === 'object' ? (req.query as Record<string, unknown>) : {};
}

/** `/mfa?returnTo=…`, leaving out the default. */
export function withReturn(path: string, returnTo: string): string {
  return returnTo === '/' ? path : `${path}?returnTo=${encodeURIComponent(returnTo)}`;
}

/** A use case's field errors, worded for the form; anything else is rethrown to the error handler. */
export function formErrors(err: unknown, req: FastifyRequest): FieldErrors {
  if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && err.fields) {
    return wordErrors(err.fields, req.locale);
  }
  throw err;
}

export function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}
