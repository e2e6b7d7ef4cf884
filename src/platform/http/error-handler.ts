// One mapper from errors to responses: an HTML page in the user's language for browsers, JSON for the API.
// Bad input is a 400 with field errors, oversized bodies a 413, and nothing unexpected leaks its details.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymous } from '../auth/actor.js';
import { AppError, type FieldErrors, httpStatus } from '../errors.js';
import { translator } from '../i18n/i18n.js';
import { ErrorPage } from '../views/error-page.js';
import { renderPage } from '../views/render.js';
import { isCatalogKey, localizeIssues } from './validation.js';

const messageKeys: Record<number, string> = {
  400: 'errors.badRequest',
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  413: 'errors.tooLarge',
  415: 'errors.badRequest',
  429: 'errors.rateLimited',
  500: 'errors.internal',
};

const codes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal',
};

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/healthz' || req.url === '/readyz';
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  opts: { messageKey?: string; code?: string; fields?: FieldErrors } = {},
) {
  // the error can come before the onRequest hook ran (e.g. a malformed URL)
  const t = req.t ?? translator('ja');
  const message = t(opts.messageKey ?? messageKeys[status] ?? 'errors.internal');
  const fields = opts.fields
    ? Object.fromEntries(
        Object.entries(opts.fields).map(([k, list]) => [k, list.map((m) => (isCatalogKey(m) ? t(m) : m))]),
      )
    : undefined;
  if (wantsJson(req)) {
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .send({
        error: {
          code: opts.code ?? codes[status] ?? 'error',
          message,
          ...(fields ? { fields } : {}),
        },
      });
  }
  let csrfToken = '';
  try {
    csrfToken = reply.generateCsrf();
  } catch {
    // before the cookie plugin: the page simply has no working forms
  }
  const v = {
    locale: req.locale ?? 'ja',
    t,
    actor: req.actor ?? anonymous,
    timeZone: req.timeZone ?? 'Asia/Tokyo',
    csrfToken,
    path: req.url.split('?')[0] ?? '/',
  };
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderPage(ErrorPage({ v, status, message })));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404));

  app.setErrorHandler((err: FastifyError | AppError | z.ZodError, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'unauthenticated' && !wantsJson(req)) {
        return reply.redirect(`/login?returnTo=${encodeURIComponent(req.url)}`, 303);
      }
      return sendError(req, reply, httpStatus[err.code], {
        messageKey: err.messageKey,
        code: err.code,
        ...(err.fields ? { fields: err.fields } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // the type provider keeps each zod issue as { keyword: code, instancePath, message, params: the rest }
      const issues = err.validation.map(
        (v) =>
          ({
            ...(v.params as object),
            code: v.keyword,
            message: v.message,
            path: v.instancePath.split('/').filter(Boolean),
          }) as z.core.$ZodIssue,
      );
      const fields = localizeIssues(new z.ZodError(issues), req.locale ?? 'ja');
      return sendError(req, reply, 400, { code: 'validation', messageKey: 'errors.validation', fields });
    }
    if (err instanceof z.ZodError) {
      return sendError(req, reply, 400, {
        code: 'validation',
        messageKey: 'errors.validation',
        fields: localizeIssues(err, req.locale ?? 'ja'),
      });
    }
    const fe = err as FastifyError;
    if (fe.code?.startsWith('FST_CSRF')) {
      return sendError(req, reply, 403, { messageKey: 'errors.csrf', code: 'csrf' });
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendError(req, reply, status);
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 500);
  });
}
