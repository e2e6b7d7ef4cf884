// The portal API's documented shapes (zod, for the OpenAPI document) and how a case read becomes its JSON: the
// requests a developer sends and the answers it gets. The routes are in api.ts.
import { z } from 'zod';
import { apiError } from '../../platform/http/api-error.js';
import { DEVELOPER_STATUSES } from './input.js';
import type { PortalCase, PortalMessage } from './show-my-case.js';

export const statusEnum = z.enum([
  'unknown',
  'investigating',
  'affected',
  'not_affected',
  'fixed',
  'disputed',
  'no_response',
]);
export const instant = z.string().describe('An instant, ISO 8601 in UTC');

export const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

const tasks = z.object({
  acknowledge: z.boolean().describe('the notification is not acknowledged yet'),
  statusesToGive: z.number().int().describe('vulnerabilities without a status of yours'),
  scheduleToAnswer: z.boolean().describe('a schedule proposal waits for your answer'),
});

export const caseSummary = z.object({
  reference: z.string(),
  titles: z.array(z.object({ ja: z.string(), en: z.string() })),
  affected: z.string().nullable().describe('the product (and developer) as reported'),
  state: z.enum(['open', 'closed']),
  coordinationEnded: z.boolean(),
  notifiedAt: instant,
  acknowledgedAt: instant.nullable(),
  targetDate: z.string().nullable().describe('target publication date, a JST calendar day YYYY-MM-DD'),
  agreedPublicationAt: instant.nullable(),
  tasks,
});

const cvss = z.object({ vector: z.string(), score: z.number(), severity: z.string() }).nullable();
const myStatus = z.object({
  status: statusEnum,
  statement: z.string().nullable(),
  countermeasure: z.string().nullable(),
  shared: z.boolean().describe('the other developers of the case may read the statement and countermeasure'),
  updatedAt: instant.nullable(),
});
export const message = z.object({
  id: z.uuid(),
  thread: z
    .enum(['party', 'announcement'])
    .describe('your private thread, or an announcement to every developer'),
  from: z.enum(['coordinator', 'us']),
  body: z.string(),
  createdAt: instant,
});

export const caseDetail = z
  .object({
    reference: z.string(),
    state: z.enum(['open', 'closed']),
    coordinationEnded: z.boolean(),
    notifiedAt: instant,
    acknowledgedAt: instant.nullable(),
    vulnerabilities: z.array(
      z.object({
        ordinal: z.number().int(),
        titleJa: z.string(),
        titleEn: z.string(),
        description: z.string().nullable(),
        cweId: z.string().nullable(),
        cvss31: cvss,
        cvss40: cvss,
        cveId: z.string().nullable(),
        mine: myStatus,
        sharedByOthers: z
          .array(
            z.object({
              status: statusEnum,
              statement: z.string().nullable(),
              countermeasure: z.string().nullable(),
              updatedAt: instant,
            }),
          )
          .describe('statements other developers chose to share; who they are is not disclosed'),
      }),
    ),
    report: z
      .object({
        productName: z.string(),
        developerName: z.string().nullable(),
        versions: z.string().nullable(),
        description: z.string(),
        steps: z.string(),
        environment: z.string().nullable(),
        impact: z.string().nullable(),
        submittedAt: instant,
      })
      .nullable()
      .describe('the report as the developer audience may read it (null for a case that came from a CSIRT)'),
    finder: z
      .object({
        disclosed: z
          .boolean()
          .describe('false unless the finder consented to the developer knowing who they are'),
        name: z.string().nullable(),
        organization: z.string().nullable(),
        email: z
          .string()
          .nullable()
          .describe('only with the finder’s consent AND the coordinator’s agreement'),
        phone: z.string().nullable(),
        creditName: z.string().nullable(),
      })
      .nullable(),
    schedule: z.object({
      startDate: z.string().nullable(),
      targetDate: z.string().nullable(),
      agreedPublicationAt: instant.nullable(),
      fixedByCsirt: z.boolean(),
      openProposal: z
        .object({
          publishAt: instant,
          proposedBy: z.enum(['coordinator', 'developer', 'csirt']),
          byYou: z.boolean(),
          reason: z.string().nullable(),
          createdAt: instant,
          yourResponses: z.array(
            z.object({
              response: z.enum(['acknowledged', 'counter_proposal']),
              counterPublishAt: instant.nullable(),
              reason: z.string().nullable(),
              respondedAt: instant,
            }),
          ),
        })
        .nullable(),
    }),
    messages: z.array(message),
    tasks,
  })
  .describe('A case as your organization may see it');

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function caseJson(c: PortalCase): z.input<typeof caseDetail> {
  const d = c.brief?.details;
  const f = c.brief?.finder;
  return {
    reference: c.reference,
    state: c.state,
    coordinationEnded: c.ended,
    notifiedAt: c.notifiedAt.toISOString(),
    acknowledgedAt: iso(c.acknowledgedAt),
    vulnerabilities: c.vulnerabilities.map((v) => ({
      ordinal: v.ordinal,
      titleJa: v.titleJa,
      titleEn: v.titleEn,
      description: v.description,
      cweId: v.cweId,
      cvss31: v.cvss31,
      cvss40: v.cvss40,
      cveId: v.cveId,
      mine: { ...v.mine, updatedAt: iso(v.mine.updatedAt) },
      sharedByOthers: v.others.map((o) => ({ ...o, updatedAt: o.updatedAt.toISOString() })),
    })),
    report:
      c.brief && d?.track === 'software'
        ? {
            productName: d.productName,
            developerName: d.developerName ?? null,
            versions: d.versions ?? null,
            description: d.description,
            steps: d.steps,
            environment: d.environment ?? null,
            impact: d.impact ?? null,
            submittedAt: c.brief.submittedAt.toISOString(),
          }
        : null,
    finder: !f
      ? null
      : f.disclosed
        ? {
            disclosed: true,
            name: f.name,
            organization: f.organization,
            email: f.email,
            phone: f.phone,
            creditName: f.creditName,
          }
        : { disclosed: false, name: null, organization: null, email: null, phone: null, creditName: null },
    schedule: {
      startDate: c.schedule.startDate,
      targetDate: c.schedule.targetDate,
      agreedPublicationAt: iso(c.schedule.agreedPublicationAt),
      fixedByCsirt: c.schedule.fixedByCsirt,
      openProposal: c.schedule.open
        ? {
            publishAt: c.schedule.open.publishAt.toISOString(),
            proposedBy: c.schedule.open.proposedBy,
            byYou: c.schedule.open.byMe,
            reason: c.schedule.open.reason,
            createdAt: c.schedule.open.createdAt.toISOString(),
            yourResponses: c.schedule.open.myResponses.map((r) => ({
              response: r.response,
              counterPublishAt: iso(r.counterPublishAt),
              reason: r.reason,
              respondedAt: r.respondedAt.toISOString(),
            })),
          }
        : null,
    },
    messages: c.messages.map(messageJson),
    tasks: c.tasks,
  };
}

export const messageJson = (m: PortalMessage) => ({ ...m, createdAt: m.createdAt.toISOString() });

export const referenceParams = z.object({
  reference: z.string().min(1).max(100).describe('The case reference, URL-encoded (e.g. IPA%2300000012)'),
});
export const ordinalParams = referenceParams.extend({
  ordinal: z.coerce.number().int().min(1).max(1000).describe('The vulnerability’s number within the case'),
});

export const statusBody = z.object({
  status: z.enum(DEVELOPER_STATUSES),
  statement: z.string().max(20_000).nullable().optional(),
  countermeasure: z.string().max(20_000).nullable().optional(),
  shared: z
    .boolean()
    .default(false)
    .describe('share the statement and countermeasure with the other developers'),
});
export const scheduleBody = z.object({
  response: z.enum(['acknowledged', 'counter_proposal']),
  publishAt: z
    .string()
    .optional()
    .describe(
      'For a counter-proposal: ISO 8601 with an offset, e.g. 2027-01-15T10:00:00+09:00; at least an hour ahead',
    ),
  reason: z.string().max(4000).optional().describe('Required for a counter-proposal'),
});
export const messageBody = z.object({ body: z.string().max(20_000) });
export const suggestionBody = z.object({
  name: z
    .string()
    .max(300)
    .describe('The developer’s name; an exact directory name is linked to that developer'),
  reason: z.string().max(4000),
});
