// The HTTP shell: security plugins, who-is-asking, language, CSRF on every form, one error mapper.
// Features add their routes through `registerFeature`; routes stay thin and call one use case each.
import './request-context.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { VNode } from 'preact';
import { anonymous } from '../auth/actor.js';
import { actorFromApiToken, actorFromSession, sessionCookieName } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { isLocale, localeFromAcceptLanguage, translator } from '../i18n/i18n.js';
import { renderPage } from '../views/render.js';
import type { ViewContext } from '../views/view-context.js';
import { registerErrorHandling } from './error-handler.js';
import { pgRateLimitStore } from './rate-limit-store.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
export type Feature = (app: App, ctx: AppContext) => Promise<void> | void;

const publicDir = fileURLToPath(new URL('../../../public', import.meta.url));
export const LOCALE_COOKIE = 'keikai_lang';

export async function buildServer(ctx: AppContext, features: Feature[]): Promise<App> {
  const { config } = ctx;
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // ids in logs let an operator follow one request without logging anything personal
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>() as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // security headers (helmet), the middleware built once: @fastify/helmet builds it anew for every request,
  // parsing the CSP each time (20–60 µs of CPU a request on the benchmark machine, against ~85 µs for all of
  // /healthz once it is built once: bench/README.md)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(cookie, { secret: ctx.cookieSecret });
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  // multipart forms (report attachments): fields and files are parsed into the body before the CSRF check,
  // each file bounded by the configured size; a larger one is reported on the file (`truncated`), not thrown
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.intake.attachmentMaxBytes,
      files: config.intake.reportAttachmentsMaxFiles,
      fields: 60,
      fieldSize: 100_000,
      parts: 80,
    },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    // a multipart field arrives as { value }; a urlencoded one as a string
    getToken: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === 'string') return field;
      if (field && typeof field === 'object' && 'value' in field)
        return String((field as { value: unknown }).value);
      const header = req.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
    cookieKey: config.secureCookies ? '__Host-keikai_csrf' : 'keikai_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies, signed: true },
  });
  // counters live in PostgreSQL, so a limit holds across app nodes; a database hiccup does not lock anyone out
  await app.register(rateLimit, { global: false, store: pgRateLimitStore(ctx.db), skipOnError: true });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    maxAge: config.env === 'production' ? '1d' : 0,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'keikai API',
        version: '1',
        description:
          'Coordinated vulnerability disclosure. Authenticate with `Authorization: Bearer <token>` (create one under Account → API tokens or with `keikai tokens create`). / 脆弱性関連情報の調整 API。',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API token (kk_…)' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // the API reference page runs swagger-ui's own scripts from this server; nothing from elsewhere
    staticCSP:
      "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data:; " +
      "script-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'",
    validatorUrl: false,
    uiConfig: { deepLinking: false },
  });

  const cookieName = sessionCookieName(config);

  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', null as never);
  app.decorateRequest('t', null as never);
  app.decorateRequest('timeZone', null as never);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (req) => {
    req.actor = anonymous;
    req.sessionToken = null;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = (await actorFromApiToken(ctx.db, ctx.clock, auth.slice(7).trim())) ?? anonymous;
    } else {
      const raw = req.cookies[cookieName];
      if (raw) {
        const actor = await actorFromSession(ctx.db, ctx, raw);
        if (actor) {
          req.actor = actor;
          req.sessionToken = raw;
        }
      }
    }
    const cookieLocale = req.cookies[LOCALE_COOKIE];
    const signedIn = req.actor.kind === 'user' || req.actor.kind === 'mfa_pending' ? req.actor : null;
    req.locale = signedIn
      ? signedIn.locale
      : isLocale(cookieLocale)
        ? cookieLocale
        : localeFromAcceptLanguage(req.headers['accept-language']);
    req.t = translator(req.locale);
    req.timeZone = signedIn ? signedIn.timeZone : config.defaultTimeZone;
  });

  // Every state-changing form is CSRF-checked. JSON API routes under /api/ are not: they accept
  // bearer tokens only, never the session cookie, so a forged cross-site request carries no authority.
  // One exception: POST /preferences/locale only sets the language (a cookie, and a signed-in user's stored
  // preference) and redirects to a path on this site; a forged one harms nobody. Without a token the language
  // switch carries nothing per request, so public pages can be cached whole for anonymous visitors.
  app.addHook('preHandler', (req, reply, done) => {
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    const csrfExempt = req.method === 'POST' && req.routeOptions.url === '/preferences/locale';
    if (unsafe && !csrfExempt && !req.url.startsWith('/api/')) {
      app.csrfProtection(req, reply, done);
      return;
    }
    if (req.url.startsWith('/api/') && req.actor.kind !== 'anonymous' && !req.headers.authorization) {
      req.actor = anonymous; // the session cookie grants nothing on the API
    }
    done();
  });

  registerErrorHandling(app);

  for (const feature of features) {
    await feature(app, ctx);
  }
  return app;
}

export function viewContext(req: FastifyRequest, reply: FastifyReply): ViewContext {
  return {
    locale: req.locale,
    t: req.t,
    actor: req.actor,
    timeZone: req.timeZone,
    csrfToken: reply.generateCsrf(),
    path: req.url.split('?')[0] ?? '/',
  };
}

export function sendPage(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderPage(node));
}

/** A path on this site only: no scheme, no host, no `//` (open-redirect safe). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  return value;
}
