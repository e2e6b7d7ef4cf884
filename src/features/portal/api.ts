// The portal as token-authenticated JSON (/api/v1/portal/…), documented in the OpenAPI document. The same use
// cases as the pages: a case the developer is not a party to is a 404 whatever the body, bad input from a party
// a 400 with field errors.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { acknowledgeNotification } from './acknowledge-notification.js';
import {
  caseDetail,
  caseJson,
  caseSummary,
  errors,
  instant,
  iso,
  message,
  messageBody,
  messageJson,
  ordinalParams,
  referenceParams,
  scheduleBody,
  statusBody,
  statusEnum,
  suggestionBody,
} from './api-schemas.js';
import { listMyCases } from './list-my-cases.js';
import { listMyMessages } from './list-my-messages.js';
import { developerOf, withPartyCase } from './party-access.js';
import { respondToSchedule } from './respond-to-schedule.js';
import { sendPartyMessage } from './send-party-message.js';
import { showMyCase } from './show-my-case.js';
import { suggestDeveloper } from './suggest-developer.js';
import { updateMyStatus } from './update-my-status.js';

/**
 * Permission first: 401/403 for who the caller is, then — only when the input is bad — the case resolved as the
 * caller's party sees it, so a developer that is not a party to it gets the same 404 with any body, valid or not
 * (a 400 would tell it the case exists). Then bad input worded field by field in the caller's language, as the
 * forms do. Valid input goes on to the use case, which resolves the party case itself.
 */
async function rejectInvalid(
  ctx: AppContext,
  req: FastifyRequest<{ Params: { reference: string } }>,
  schemas: z.ZodType[],
): Promise<void> {
  developerOf(req.actor, 'portal.respond');
  if (!req.validationError) return;
  await withPartyCase(ctx, req.actor, req.params.reference, 'portal.read', async () => undefined);
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
      await rejectInvalid(ctx, req, [ordinalParams, statusBody]);
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
      await rejectInvalid(ctx, req, [referenceParams, scheduleBody]);
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
      await rejectInvalid(ctx, req, [referenceParams, messageBody]);
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
      await rejectInvalid(ctx, req, [referenceParams, suggestionBody]);
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
