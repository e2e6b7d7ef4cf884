// The coordinator's workspace as token-authenticated JSON (GET /api/v1/coordination/cases/:reference), documented
// in the OpenAPI document: the summary and schedule, vulnerabilities, developers with what became of the notice,
// and the status matrix — for scripts and dashboards over large multi-vendor cases. No finder data.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { apiError } from '../../platform/http/api-error.js';
import type { App } from '../../platform/http/server.js';
import { cellKey, PARTY_STATUSES, showWorkspace } from './show-workspace.js';

const instant = z.string().describe('An instant, ISO 8601 in UTC');
const status = z.enum(PARTY_STATUSES as unknown as ['unknown', ...string[]]);
const cvss = z.object({ vector: z.string(), score: z.number(), severity: z.string() }).nullable();

const workspaceJson = z
  .object({
    reference: z.string(),
    state: z.enum(['open', 'closed']),
    origin: z.enum(['report', 'developer_self', 'csirt']),
    schedule: z.object({
      startDate: z.string().nullable().describe('起算日, a JST calendar day YYYY-MM-DD'),
      productCategory: z.string(),
      targetDate: z.string().nullable().describe('target publication date, a JST calendar day'),
      agreedPublicationAt: instant.nullable(),
      fixedByCsirt: z.boolean(),
    }),
    ended: z.object({ kind: z.string(), reason: z.string().nullable(), at: instant }).nullable(),
    vulnerabilities: z.array(
      z.object({
        ordinal: z.number().int(),
        titleJa: z.string(),
        titleEn: z.string(),
        cweId: z.string().nullable(),
        cvss31: cvss,
        cvss40: cvss,
        cveId: z.string().nullable(),
      }),
    ),
    parties: z.array(
      z.object({
        organizationId: z.uuid(),
        nameJa: z.string(),
        nameEn: z.string(),
        notifiedAt: instant.nullable(),
        firstOpenedAt: instant.nullable(),
        acknowledgedAt: instant.nullable(),
        unreachableAt: instant.nullable(),
        mailStatus: z.enum(['queued', 'sent', 'kept', 'failed']).nullable(),
        remindersSent: z.number().int(),
        statuses: z
          .array(
            z.object({
              ordinal: z.number().int(),
              status,
              sharedWithParties: z.boolean(),
              updatedAt: instant.nullable(),
            }),
          )
          .describe('one per vulnerability, in order'),
      }),
    ),
  })
  .describe('A product case as the coordination body works it');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function coordinationApiRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/coordination/cases/:reference',
    {
      schema: {
        tags: ['coordination'],
        security: [{ bearer: [] }],
        summary: 'A product case under coordination / 調整中の案件',
        params: z.object({
          reference: z.string().min(1).max(100).describe('URL-encoded, e.g. IPA%2300000012'),
        }),
        response: { 200: workspaceJson, 401: apiError, 403: apiError, 404: apiError },
      },
    },
    async (req) => {
      const w = await showWorkspace(ctx, req.actor, {
        reference: req.params.reference,
        ip: req.ip,
        via: 'api',
      });
      const c = w.coordination;
      return {
        reference: w.reference,
        state: w.state,
        origin: w.origin,
        schedule: {
          startDate: c.startDate,
          productCategory: c.productCategory,
          targetDate: c.targetDate,
          agreedPublicationAt: iso(c.agreedPublicationAt),
          fixedByCsirt: c.scheduleFixedByCsirt,
        },
        ended:
          c.endKind && c.endedAt
            ? { kind: c.endKind, reason: c.endReason, at: c.endedAt.toISOString() }
            : null,
        vulnerabilities: w.vulnerabilities.map((v) => ({
          ordinal: v.ordinal,
          titleJa: v.titleJa,
          titleEn: v.titleEn,
          cweId: v.cweId,
          cvss31: v.cvss31,
          cvss40: v.cvss40,
          cveId: v.cveId,
        })),
        parties: w.parties.map((p) => ({
          organizationId: p.organizationId,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          notifiedAt: iso(p.notifiedAt),
          firstOpenedAt: iso(p.firstOpenedAt),
          acknowledgedAt: iso(p.acknowledgedAt),
          unreachableAt: iso(p.unreachableAt),
          mailStatus: p.mail?.status ?? null,
          remindersSent: p.reminders,
          statuses: w.vulnerabilities.map((v) => {
            const cell = w.cells.get(cellKey(p.id, v.id));
            return {
              ordinal: v.ordinal,
              status: cell?.status ?? 'unknown',
              sharedWithParties: cell?.sharedWithParties ?? false,
              updatedAt: iso(cell?.updatedAt ?? null),
            };
          }),
        })),
      };
    },
  );
}
