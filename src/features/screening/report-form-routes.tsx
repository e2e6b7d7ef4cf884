// The report page's forms: decisions, messages to the finder, assignment, the checklist. Each authorizes first,
// validates, calls its use case and redirects back (303) with a notice; bad input shows the page again (400).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { fieldErrorsOf, postedValues } from '../../platform/http/field-errors.js';
import type { App } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { assignReport } from './assign-report.js';
import { decide } from './decide.js';
import { decisionForm, postedDecision, required } from './decision-form.js';
import { renderReportPage } from './report-routes.js';
import { checklistForm } from './screening-checklist.js';
import { sendMessageToFinder } from './send-message.js';
import { updateScreening } from './update-screening.js';
import { reportPath } from './views/paths.js';

type Req = FastifyRequest<{ Params: { trackingNumber: string } }>;

const messageForm = z.object({ text: required(20_000) });
const assignForm = z.object({
  assignee: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable()),
});

export function reportFormRoutes(app: App, ctx: AppContext) {
  const back = (req: Req, notice: string) => `${reportPath(req.params.trackingNumber)}?notice=${notice}`;

  app.post<{ Params: { trackingNumber: string } }>(
    '/reception/reports/:trackingNumber/decisions',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'report.decide');
      const decision = postedDecision(req.body);
      if (!decision) throw new AppError('validation', 'errors.validation');
      const parsed = parseInput(decisionForm, req.body, req.locale);
      let errors = parsed.ok ? null : parsed.errors;
      if (parsed.ok) {
        try {
          await decide(ctx, req.actor, req.params.trackingNumber, parsed.data, req.ip);
          return reply.redirect(back(req, decision), 303);
        } catch (err) {
          errors = fieldErrorsOf(req, err);
        }
      }
      const problems = { decision: { decision, errors: errors ?? {}, values: postedValues(req.body) } };
      return renderReportPage(ctx, req, reply, { problems, status: 400 });
    },
  );

  app.post<{ Params: { trackingNumber: string } }>(
    '/reception/reports/:trackingNumber/messages',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'report.message');
      const parsed = parseInput(messageForm, req.body, req.locale);
      if (!parsed.ok) {
        const draft = postedValues(req.body).text ?? '';
        return renderReportPage(ctx, req, reply, {
          problems: { message: { errors: parsed.errors, draft } },
          status: 400,
        });
      }
      await sendMessageToFinder(ctx, req.actor, {
        trackingNumber: req.params.trackingNumber,
        text: parsed.data.text,
        ip: req.ip,
      });
      return reply.redirect(back(req, 'message'), 303);
    },
  );

  app.post<{ Params: { trackingNumber: string } }>(
    '/reception/reports/:trackingNumber/assign',
    { schema: { hide: true } },
    async (req, reply) => {
      const parsed = parseInput(assignForm, req.body, req.locale);
      if (!parsed.ok) {
        authorize(req.actor, 'report.list');
        throw new AppError('validation', 'errors.validation', parsed.errors);
      }
      try {
        await assignReport(ctx, req.actor, {
          trackingNumber: req.params.trackingNumber,
          assigneeUserId: parsed.data.assignee,
          ip: req.ip,
        });
      } catch (err) {
        const other = Object.values(fieldErrorsOf(req, err)).flat();
        return renderReportPage(ctx, req, reply, { problems: { other }, status: 400 });
      }
      return reply.redirect(back(req, 'assigned'), 303);
    },
  );

  app.post<{ Params: { trackingNumber: string } }>(
    '/reception/reports/:trackingNumber/screening',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'report.decide');
      const parsed = parseInput(checklistForm, req.body, req.locale);
      if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
      await updateScreening(ctx, req.actor, {
        trackingNumber: req.params.trackingNumber,
        items: parsed.data,
        ip: req.ip,
      });
      return reply.redirect(back(req, 'screening'), 303);
    },
  );
}
