// /admin/audit: the audit trail browser, and /admin/audit.csv: the same entries as a CSV download.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../../platform/auth/policy.js';
import { type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { browseAuditTrail } from './browse-audit-trail.js';
import { exportAuditTrail } from './export-audit-trail.js';
import { auditFilterSchema } from './filters.js';
import { AuditPage } from './views/audit-page.js';

function parseFilter(req: FastifyRequest) {
  const schema = auditFilterSchema({
    invalidDate: req.t('audit.filters.invalidDate'),
    reversed: req.t('audit.filters.reversed'),
  });
  return parseInput(schema, req.query, req.locale);
}

/** What the viewer typed, to show it again next to the errors. */
function rawFilter(query: unknown): Record<string, string> {
  const q = (query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export const auditRoutes: Feature = (app, ctx) => {
  app.get('/admin/audit', { schema: { hide: true } }, async (req, reply) => {
    const parsed = parseFilter(req);
    if (!parsed.ok) {
      authorize(req.actor, 'audit.read');
      return sendPage(
        reply,
        <AuditPage
          v={viewContext(req, reply)}
          page={null}
          filter={rawFilter(req.query)}
          errors={parsed.errors}
        />,
        400,
      );
    }
    const page = await browseAuditTrail(ctx, req.actor, {
      filter: parsed.data,
      timeZone: req.timeZone,
      ip: req.ip,
    });
    return sendPage(reply, <AuditPage v={viewContext(req, reply)} page={page} filter={parsed.data} />);
  });

  app.get('/admin/audit.csv', { schema: { hide: true } }, async (req, reply) => {
    const parsed = parseFilter(req);
    if (!parsed.ok) {
      authorize(req.actor, 'audit.read');
      return reply
        .code(400)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(req.t('errors.validation'));
    }
    const lines = await exportAuditTrail(ctx, req.actor, {
      filter: parsed.data,
      timeZone: req.timeZone,
      locale: req.locale,
      ip: req.ip,
    });
    const stamp = ctx.clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines));
  });
};
