// GET /reception/reports: the reception queue.
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { listReports } from './list-reports.js';
import { queueFilter } from './queue-filter.js';
import { receptionStaff } from './report-queries.js';
import { QueuePage } from './views/queue-page.js';

export function queueRoutes(app: App, ctx: AppContext) {
  app.get('/reception/reports', { schema: { hide: true } }, async (req, reply) => {
    // permission first: a visitor without it learns nothing from the validation
    authorize(req.actor, 'report.list');
    const parsed = parseInput(queueFilter, req.query, req.locale);
    const filter = parsed.ok ? parsed.data : queueFilter.parse({});
    const page = await listReports(ctx, req.actor, { filter, ip: req.ip });
    const staff = (await receptionStaff(ctx.db)).map((s) => ({ id: s.id, name: s.display_name }));
    return sendPage(
      reply,
      <QueuePage
        v={viewContext(req, reply)}
        filter={filter}
        page={page}
        staff={staff}
        errors={parsed.ok ? undefined : parsed.errors}
      />,
      parsed.ok ? 200 : 400,
    );
  });
}
