// GET /reception/reports/:trackingNumber (the report page) and its attachment downloads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { sendAttachment } from '../cases/send-attachment.js';
import { downloadAttachment } from './download-attachment.js';
import { showReport } from './show-report.js';
import { ReportPage, type ReportPageProblems } from './views/report-page.js';

const NOTICES = [
  'accept',
  'not_accept',
  'request_info',
  'discontinue',
  'reclassify',
  'mark_duplicate',
  'assigned',
  'screening',
  'message',
] as const;

type Params = { trackingNumber: string };

/** Renders the report page, after a redirect with a notice or again with a form's problems (status 400). */
export async function renderReportPage(
  ctx: AppContext,
  req: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  opts: { notice?: string | undefined; problems?: ReportPageProblems; status?: number } = {},
) {
  const m = await showReport(ctx, req.actor, { trackingNumber: req.params.trackingNumber, ip: req.ip });
  const notice = NOTICES.find((n) => n === opts.notice);
  return sendPage(
    reply,
    <ReportPage
      v={viewContext(req, reply)}
      m={m}
      notice={notice ? req.t(`screening.report.notices.${notice}`) : undefined}
      problems={opts.problems}
    />,
    opts.status ?? 200,
  );
}

export function reportRoutes(app: App, ctx: AppContext) {
  app.get<{ Params: Params; Querystring: { notice?: string } }>(
    '/reception/reports/:trackingNumber',
    { schema: { hide: true } },
    (req, reply) => renderReportPage(ctx, req, reply, { notice: req.query.notice }),
  );

  app.get<{ Params: Params & { attachmentId: string } }>(
    '/reception/reports/:trackingNumber/attachments/:attachmentId',
    { schema: { hide: true } },
    async (req, reply) => {
      const file = await downloadAttachment(ctx, req.actor, {
        trackingNumber: req.params.trackingNumber,
        attachmentId: req.params.attachmentId,
        ip: req.ip,
      });
      return sendAttachment(reply, file);
    },
  );
}
