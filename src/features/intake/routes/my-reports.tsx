// A finder's account: their reports, and each one's page (the same as the follow-up page, without the link).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { type App, sendPage, viewContext } from '../../../platform/http/server.js';
import { parseInput } from '../../../platform/http/validation.js';
import { listOwnReports } from '../list-own-reports.js';
import { finderMessageForm, sendFinderMessage } from '../send-finder-message.js';
import { showOwnReport } from '../show-own-report.js';
import { FollowUpPage } from '../views/follow-up-page.js';
import { MyReportsPage, ownReportPath } from '../views/my-reports-page.js';

const hidden = { schema: { hide: true } } as const;
type ReportRequest = FastifyRequest<{ Params: { trackingNumber: string }; Querystring: { notice?: string } }>;

export function myReportsRoutes(app: App, ctx: AppContext): void {
  async function render(
    req: ReportRequest,
    reply: FastifyReply,
    extra: { message?: string; errors?: Record<string, string[]> } = {},
    status = 200,
  ) {
    const report = await showOwnReport(ctx, req.actor, req.params.trackingNumber, { ip: req.ip });
    return sendPage(
      reply,
      <FollowUpPage
        v={viewContext(req, reply)}
        report={report}
        actions={{ message: `${ownReportPath(report.trackingNumber)}/messages` }}
        notice={req.query.notice === 'sent' ? 'sent' : undefined}
        {...extra}
      />,
      status,
    );
  }

  app.get('/my/reports', hidden, async (req, reply) => {
    const reports = await listOwnReports(ctx, req.actor);
    return sendPage(reply, <MyReportsPage v={viewContext(req, reply)} reports={reports} />);
  });

  app.get('/my/reports/:trackingNumber', hidden, async (req: ReportRequest, reply) => render(req, reply));

  app.post('/my/reports/:trackingNumber/messages', hidden, async (req: ReportRequest, reply) => {
    const parsed = parseInput(finderMessageForm, req.body, req.locale);
    if (!parsed.ok) {
      const typed = (req.body as { message?: unknown } | undefined)?.message;
      return render(
        req,
        reply,
        { message: typeof typed === 'string' ? typed : '', errors: parsed.errors },
        400,
      );
    }
    const trackingNumber = req.params.trackingNumber;
    await sendFinderMessage(ctx, req.actor, {
      report: { trackingNumber },
      message: parsed.data.message,
      ip: req.ip,
    });
    return reply.redirect(`${ownReportPath(trackingNumber)}?notice=sent#messages`, 303);
  });
}
