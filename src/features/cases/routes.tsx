// HTTP for handed-over cases: the product queue (coordination body), the website queue (reception body), a
// case page and its attachment downloads. Each route parses, calls one use case, renders.
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { downloadCaseAttachment } from './download-case-attachment.js';
import { caseFilter, listCases } from './list-cases.js';
import { sendAttachment } from './send-attachment.js';
import { showCase } from './show-case.js';
import { CasePage } from './views/case-page.js';
import { CasesPage, queuePath } from './views/cases-page.js';

function queueRoute(app: App, ctx: AppContext, track: ReportTrack) {
  app.get(queuePath(track), { schema: { hide: true } }, async (req, reply) => {
    // permission first: a visitor without it learns nothing from the validation
    authorize(req.actor, 'case.list', { track });
    const parsed = parseInput(caseFilter, req.query, req.locale);
    const filter = parsed.ok ? parsed.data : caseFilter.parse({});
    const page = await listCases(ctx, req.actor, { track, filter, ip: req.ip });
    return sendPage(
      reply,
      <CasesPage v={viewContext(req, reply)} track={track} filter={filter} page={page} />,
    );
  });
}

export const casesRoutes: Feature = (app, ctx) => {
  queueRoute(app, ctx, 'software');
  queueRoute(app, ctx, 'website');

  app.get<{ Params: { reference: string } }>(
    '/cases/:reference',
    { schema: { hide: true } },
    async (req, reply) => {
      const c = await showCase(ctx, req.actor, { reference: req.params.reference, ip: req.ip });
      return sendPage(reply, <CasePage v={viewContext(req, reply)} c={c} />);
    },
  );

  app.get<{ Params: { reference: string; attachmentId: string } }>(
    '/cases/:reference/attachments/:attachmentId',
    { schema: { hide: true } },
    async (req, reply) => {
      const file = await downloadCaseAttachment(ctx, req.actor, {
        reference: req.params.reference,
        attachmentId: req.params.attachmentId,
        ip: req.ip,
      });
      return sendAttachment(reply, file);
    },
  );
};
