// The directory as token-authenticated JSON (/api/v1/directory/…), documented in the OpenAPI document: a party
// reads its own entry and proposes changes to it (applied once the keeper approves); staff look parties up.
// Authorization comes before validation, so a caller without the right learns nothing from the errors.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { apiError } from '../../platform/http/api-error.js';
import type { App } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { ownChangeRequests } from './change-requests.js';
import { searchParties } from './contact-window.js';
import { proposalInput } from './entry-input.js';
import { DIRECTORY_TYPES, PRODUCT_CATEGORIES } from './product-category.js';
import { proposeEntryChange } from './propose-entry-change.js';
import { showDirectoryEntry } from './show-directory-entry.js';

const instant = z.string().describe('An instant, ISO 8601 in UTC');
const locale = z.enum(['ja', 'en']);
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

const ownEntry = z.object({
  organizationId: z.uuid(),
  type: z.enum(DIRECTORY_TYPES),
  nameJa: z.string(),
  nameEn: z.string(),
  contact: z
    .object({
      emails: z.array(z.string()).describe('the first is the primary contact'),
      phone: z.string().nullable(),
      languages: z.array(locale),
      locale: locale.describe('the language mail is written in'),
      webUrl: z.string().nullable(),
      pgpFingerprint: z.string().nullable(),
      pgpExpiresAt: instant.nullable(),
      ndaSignedOn: z.string().nullable().describe('YYYY-MM-DD'),
      ndaVersion: z.string().nullable(),
      updatedAt: instant,
    })
    .nullable()
    .describe('null until the keeper registers the contact window'),
  products: z.array(
    z.object({
      id: z.uuid(),
      nameJa: z.string(),
      nameEn: z.string(),
      purl: z.string().nullable(),
      cpe: z.string().nullable(),
      category: z.enum(PRODUCT_CATEGORIES),
    }),
  ),
  domains: z.array(z.string()),
  changeRequests: z.array(
    z.object({
      id: z.uuid(),
      state: z.enum(['pending', 'approved', 'rejected', 'superseded']),
      changed: z.array(z.string()),
      rejectReason: z.string().nullable(),
      createdAt: instant,
      decidedAt: instant.nullable(),
    }),
  ),
});

const proposalBody = z.object({
  nameJa: z.string(),
  nameEn: z.string(),
  emails: z.array(z.string()).describe('the first is the primary contact; up to 20'),
  phone: z.string().nullable().optional(),
  languages: z.array(locale),
  locale,
  webUrl: z.string().nullable().optional(),
  pgpPublicKey: z
    .string()
    .nullable()
    .optional()
    .describe('one ASCII-armored OpenPGP public key, or null for none'),
});

const partiesQuery = z.object({
  type: z.enum(DIRECTORY_TYPES),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

function ownOrganization(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
  if (!actor.organizationId) throw notFound();
  return actor.organizationId;
}

function rejectInvalid(req: FastifyRequest, schema: z.ZodType, input: unknown) {
  if (!req.validationError) return;
  const parsed = parseInput(schema, input, req.locale);
  throw new AppError(
    'validation',
    'errors.validation',
    parsed.ok ? { _: [req.t('errors.validation')] } : parsed.errors,
  );
}

export function directoryApiRoutes(app: App, ctx: AppContext): void {
  const common = { tags: ['directory'], security: [{ bearer: [] }] };

  app.get(
    '/api/v1/directory/me',
    {
      schema: {
        ...common,
        summary: 'My organization’s directory entry / 自組織の名簿登録',
        description:
          'The contact window, agreement, products and domains the coordination or reception body keeps about your organization, and your change requests.',
        response: { 200: ownEntry, ...errors },
      },
    },
    async (req) => {
      const organizationId = ownOrganization(req.actor);
      const view = await showDirectoryEntry(ctx, req.actor, organizationId);
      const requests = await ownChangeRequests(ctx.db, req.actor, organizationId);
      const e = view.entry;
      return {
        organizationId: view.organization.id,
        type: view.organization.type,
        nameJa: view.organization.nameJa,
        nameEn: view.organization.nameEn,
        contact: e
          ? {
              emails: e.emails,
              phone: e.phone,
              languages: e.languages,
              locale: e.locale,
              webUrl: e.webUrl,
              pgpFingerprint: e.pgpFingerprint,
              pgpExpiresAt: e.pgpExpiresAt?.toISOString() ?? null,
              ndaSignedOn: e.ndaSignedOn,
              ndaVersion: e.ndaVersion,
              updatedAt: e.updatedAt.toISOString(),
            }
          : null,
        products: view.products.map((p) => ({
          id: p.id,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          purl: p.purl,
          cpe: p.cpe,
          category: p.category,
        })),
        domains: view.domains.map((d) => d.domain),
        changeRequests: requests.map((r) => ({
          id: r.id,
          state: r.state,
          changed: r.changed,
          rejectReason: r.rejectReason,
          createdAt: r.createdAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/directory/me/change-requests',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Propose changes to your entry / 登録内容の変更申請',
        description:
          'Organization admins only. The whole contact window as it should be; nothing changes until the keeper approves. A new request replaces one still pending. 400 when nothing changed or a field is invalid (an OpenPGP key that is private, expired, revoked or unreadable included).',
        body: proposalBody,
        response: { 201: z.object({ requestId: z.uuid() }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      authorize(actor, 'directory.request-change', {
        organizationId: actor.kind === 'user' ? actor.organizationId : null,
      });
      rejectInvalid(req, proposalBody, req.body);
      const parsed = parseInput(proposalInput, req.body, req.locale);
      if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
      const { requestId } = await proposeEntryChange(ctx, actor, parsed.data);
      return reply.code(201).send({ requestId });
    },
  );

  app.get(
    '/api/v1/directory/parties',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Look parties up (staff) / 名簿の検索（職員）',
        description: 'Product developers, CSIRTs or website operators whose name (or domain) contains q.',
        querystring: partiesQuery,
        response: {
          200: z.object({
            parties: z.array(z.object({ organizationId: z.uuid(), nameJa: z.string(), nameEn: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      authorize(req.actor, 'directory.read');
      rejectInvalid(req, partiesQuery, req.query);
      const q = req.query;
      const parties = await searchParties(ctx.db, {
        type: q.type,
        ...(q.q !== undefined ? { q: q.q } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      });
      return { parties };
    },
  );
}
