// The portal as token-authenticated JSON (/api/v1/portal/…), documented in the OpenAPI document. The same use
// cases as the pages: a case the developer is not a party to is a 404, bad input a 400 with field errors.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { acknowledgeNotification } from './acknowledge-notification.js';
import { DEVELOPER_STATUSES } from './input.js';
import { listMyCases } from './list-my-cases.js';
import { listMyMessages } from './list-my-messages.js';
import { developerOf } from './party-access.js';
import { respondToSchedule } from './respond-to-schedule.js';
import { sendPartyMessage } from './send-party-message.js';
import { type PortalCase, type PortalMessage, showMyCase } from './show-my-case.js';
import { suggestDeveloper } from './suggest-developer.js';
import { updateMyStatus } from './update-my-status.js';

const statusEnum = z.enum([
  'unknown',
  'investigating',
  'affected',
  'not_affected',
  'fixed',
  'disputed',
  'no_response',
]);
const instant = z.string().describe('An instant, ISO 8601 in UTC');

const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe('Messages per field'),
  }),
});
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

const tasks = z.object({
  acknowledge: z.boolean().describe('the notification is not acknowledged yet'),
  statusesToGive: z.number().int().describe('vulnerabilities without a status of yours'),
  scheduleToAnswer: z.boolean().describe('a schedule proposal waits for your answer'),
});

const caseSummary = z.object({
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
const message = z.object({
  id: z.uuid(),
  thread: z
    .enum(['party', 'announcement'])
    .describe('your private thread, or an announcement to every developer'),
  from: z.enum(['coordinator', 'us']),
  body: z.string(),
  createdAt: instant,
});

const caseDetail = z
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

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function caseJson(c: PortalCase): z.input<typeof caseDetail> {
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

const messageJson = (m: PortalMessage) => ({ ...m, createdAt: m.createdAt.toISOString() });

const referenceParams = z.object({
  reference: z.string().min(1).max(100).describe('The case reference, URL-encoded (e.g. IPA%2300000012)'),
});
const ordinalParams = referenceParams.extend({
  ordinal: z.coerce.number().int().min(1).max(1000).describe('The vulnerability’s number within the case'),
});

const statusBody = z.object({
  status: z.enum(DEVELOPER_STATUSES),
  statement: z.string().max(20_000).nullable().optional(),
  countermeasure: z.string().max(20_000).nullable().optional(),
  shared: z
    .boolean()
    .default(false)
    .describe('share the statement and countermeasure with the other developers'),
});
const scheduleBody = z.object({
  response: z.enum(['acknowledged', 'counter_proposal']),
  publishAt: z
    .string()
    .optional()
    .describe(
      'For a counter-proposal: ISO 8601 with an offset, e.g. 2027-01-15T10:00:00+09:00; at least an hour ahead',
    ),
  reason: z.string().max(4000).optional().describe('Required for a counter-proposal'),
});
const messageBody = z.object({ body: z.string().max(20_000) });
const suggestionBody = z.object({
  name: z
    .string()
    .max(300)
    .describe('The developer’s name; an exact directory name is linked to that developer'),
  reason: z.string().max(4000),
});

/**
 * Permission first (401/403 before anything about the input), then bad input worded field by field in the caller's
 * language, as the forms do.
 */
function rejectInvalid(req: FastifyRequest, schemas: z.ZodType[]) {
  developerOf(req.actor, 'portal.respond');
  if (!req.validationError) return;
  const fields: Record<string, string[]> = {};
  for (const [schema, input] of schemas.map((s, i) => [s, i === 0 ? req.params : req.body] as const)) {
    const parsed = parseInput(schema, input, req.locale);
    if (!parsed.ok) Object.assign(fields, parsed.errors);
  }
  throw new AppError(
    'validation',
    'errors.validation',
    Object.keys(fields).length ? fields : { _: [req.t('errors.validation')] },
  );
}

export function apiRoutes(app: App, ctx: AppContext): void {
  const common = { tags: ['portal'], security: [{ bearer: [] }] };

  app.get(
    '/api/v1/portal/cases',
    {
      schema: {
        ...common,
        summary: 'My organization’s cases / 自組織の案件',
        description: 'The product cases your organization was notified of, with your open tasks.',
        response: { 200: z.object({ cases: z.array(caseSummary) }), ...errors },
      },
    },
    async (req) => {
      const rows = await listMyCases(ctx, req.actor, { ip: req.ip });
      return {
        cases: rows.map((r) => ({
          reference: r.reference,
          titles: r.titles,
          affected: r.affected,
          state: r.state,
          coordinationEnded: r.ended,
          notifiedAt: r.notifiedAt.toISOString(),
          acknowledgedAt: iso(r.acknowledgedAt),
          targetDate: r.targetDate,
          agreedPublicationAt: iso(r.agreedPublicationAt),
          tasks: r.tasks,
        })),
      };
    },
  );

  app.get(
    '/api/v1/portal/cases/:reference',
    {
      schema: {
        ...common,
        summary: 'One case / 案件',
        description:
          'The case as your organization may see it. Opening it records that your organization opened the case. 404 for a case your organization is not a party to.',
        params: referenceParams,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (req) =>
      caseJson(await showMyCase(ctx, req.actor, { reference: req.params.reference, ip: req.ip })),
  );

  app.put(
    '/api/v1/portal/cases/:reference/vulnerabilities/:ordinal/status',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Give your status on a vulnerability / 状況の回答',
        params: ordinalParams,
        body: statusBody,
        response: { 200: z.object({ status: statusEnum, shared: z.boolean() }), ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, [ordinalParams, statusBody]);
      await updateMyStatus(ctx, req.actor, {
        reference: req.params.reference,
        ordinal: req.params.ordinal,
        status: req.body.status,
        statement: req.body.statement ?? null,
        countermeasure: req.body.countermeasure ?? null,
        shared: req.body.shared,
        ip: req.ip,
      });
      return { status: req.body.status, shared: req.body.shared };
    },
  );

  app.post(
    '/api/v1/portal/cases/:reference/acknowledge',
    {
      schema: {
        ...common,
        summary: 'Acknowledge the notification / 受領確認',
        description: 'Idempotent: acknowledging again keeps the first acknowledgement.',
        params: referenceParams,
        response: { 200: z.object({ acknowledgedAt: instant, first: z.boolean() }), ...errors },
      },
    },
    async (req) => {
      const r = await acknowledgeNotification(ctx, req.actor, {
        reference: req.params.reference,
        ip: req.ip,
      });
      return { acknowledgedAt: r.acknowledgedAt.toISOString(), first: r.first };
    },
  );

  app.post(
    '/api/v1/portal/cases/:reference/schedule/responses',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Answer the schedule proposal / 公表日程への回答',
        description:
          'Acknowledge the open proposal, or counter-propose another exact moment (ISO 8601 with an offset) with a reason. 409 when no proposal is open.',
        params: referenceParams,
        body: scheduleBody,
        response: {
          201: z.object({ responseId: z.uuid(), counterPublishAt: instant.nullable() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, [referenceParams, scheduleBody]);
      const r = await respondToSchedule(ctx, req.actor, {
        reference: req.params.reference,
        response: req.body.response,
        moment: { iso: req.body.publishAt },
        reason: req.body.reason ?? null,
        ip: req.ip,
      });
      return reply.code(201).send({ responseId: r.responseId, counterPublishAt: iso(r.counterPublishAt) });
    },
  );

  app.get(
    '/api/v1/portal/cases/:reference/messages',
    {
      schema: {
        ...common,
        summary: 'Your thread with the coordinator / 調整機関とのやり取り',
        description: 'Your private thread and the coordinator’s announcements, oldest first.',
        params: referenceParams,
        response: { 200: z.object({ messages: z.array(message) }), ...errors },
      },
    },
    async (req) => ({
      messages: (await listMyMessages(ctx, req.actor, { reference: req.params.reference, ip: req.ip })).map(
        messageJson,
      ),
    }),
  );

  app.post(
    '/api/v1/portal/cases/:reference/messages',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Write to the coordinator / 調整機関へのメッセージ',
        params: referenceParams,
        body: messageBody,
        response: { 201: z.object({ id: z.uuid(), createdAt: instant }), ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, [referenceParams, messageBody]);
      const r = await sendPartyMessage(ctx, req.actor, {
        reference: req.params.reference,
        body: req.body.body,
        ip: req.ip,
      });
      return reply.code(201).send({ id: r.messageId, createdAt: r.createdAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/portal/cases/:reference/suggestions',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Name another developer that may be affected / 他の製品開発者の指摘',
        params: referenceParams,
        body: suggestionBody,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, [referenceParams, suggestionBody]);
      const r = await suggestDeveloper(ctx, req.actor, {
        reference: req.params.reference,
        name: req.body.name,
        reason: req.body.reason,
        ip: req.ip,
      });
      return reply.code(201).send({ id: r.suggestionId });
    },
  );
}
