// Statistics (届出状況): the public dashboard, the quarterly report, and the CSV/JSON downloads and API, computed
// by the engine from the case history as of any day. Public: every route asks the one authorization function for
// 'publication.read' (statistics are published information) before computing anything.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { ifNoneMatch, strongEtag } from '../vulndb/http-cache.js';
import { errors, statisticsQuery, statisticsReport } from './api-schemas.js';
import { figureCsv, reportCsv } from './csv.js';
import { allFigures, FIGURE_ID, reportSections } from './figures.js';
import {
  availableQuarters,
  parseAsOf,
  parseQuarterPath,
  quarterAsOf,
  quarterEndDay,
  quarterStartDay,
  todayJst,
} from './input.js';
import { asOfLimit, loadReport, type ReportLoader, schemeStartOf } from './load-report.js';
import type { StatisticsReport } from './report.js';
import { DashboardPage } from './views/dashboard-page.js';
import { QuarterPage, quarterHeading } from './views/quarter-page.js';

/** A past day's figures change only when history is imported; today's as cases move. */
const CACHE_PAST = 'public, max-age=3600';
const CACHE_TODAY = 'public, max-age=300';

function mayRead(req: FastifyRequest): void {
  authorize(req.actor, 'publication.read');
}

/** Cache headers and the ETag of a download; true when the client's copy is current (send a 304). */
function conditional(req: FastifyRequest, reply: FastifyReply, body: string, past: boolean): boolean {
  const etag = strongEtag(['statistics-v1', body]);
  reply
    .header('etag', etag)
    .header('cache-control', past ? CACHE_PAST : CACHE_TODAY)
    .header('access-control-allow-origin', '*');
  return ifNoneMatch(req.headers['if-none-match'], etag);
}

function sendCsv(
  req: FastifyRequest,
  reply: FastifyReply,
  csv: string,
  filename: string,
  past: boolean,
): FastifyReply {
  if (conditional(req, reply, csv, past)) return reply.code(304).send();
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

/** The routes, with the report taken from `load` (the engine; tests give a fixture). */
export function statisticsRoutesWith(load: ReportLoader): Feature {
  return (app, ctx: AppContext) => {
    const today = () => todayJst(ctx.clock.now());

    /** The as-of day of ?asOf= (today when absent), or the ja/en reason it cannot be used. */
    const asOfOf = (
      req: FastifyRequest,
      raw: unknown,
    ): { ok: true; asOf: string } | { ok: false; error: string } => {
      const parsed = parseAsOf(raw, today(), schemeStartOf(ctx));
      if (parsed.ok) return { ok: true, asOf: parsed.asOf };
      return { ok: false, error: req.t(parsed.problem.key, parsed.problem.params) };
    };

    const badAsOf = (message: string) => new AppError('validation', 'errors.validation', { asOf: [message] });

    /** The section's figure or the whole report as CSV. */
    const csvOf = (req: FastifyRequest, report: StatisticsReport, title: string, section: unknown) => {
      const figures = allFigures(reportSections(report, req.t, req.locale));
      if (section === undefined) return { csv: reportCsv(title, figures), suffix: '' };
      const figure =
        typeof section === 'string' && FIGURE_ID.test(section)
          ? figures.find((f) => f.id === section)
          : undefined;
      if (!figure)
        throw new AppError('validation', 'errors.validation', {
          section: [req.t('statistics.errors.sectionUnknown')],
        });
      return { csv: figureCsv(figure), suffix: `-${figure.id}` };
    };

    app.get<{ Querystring: { asOf?: string } }>(
      '/statistics',
      { schema: { hide: true }, config: asOfLimit(today) },
      async (req, reply) => {
        mayRead(req);
        const v = viewContext(req, reply);
        const typed = typeof req.query.asOf === 'string' ? req.query.asOf : '';
        const parsed = asOfOf(req, req.query.asOf);
        const quarters = availableQuarters(today(), schemeStartOf(ctx));
        const common = { v, quarters, typedAsOf: typed, schemeStart: schemeStartOf(ctx), today: today() };
        if (!parsed.ok) {
          return sendPage(
            reply,
            <DashboardPage {...common} report={null} sections={[]} asOfError={parsed.error} />,
            400,
          );
        }
        const report = await load(ctx, parsed.asOf);
        return sendPage(
          reply,
          <DashboardPage
            {...common}
            report={report}
            sections={reportSections(report, req.t, req.locale)}
            asOfError={null}
          />,
        );
      },
    );

    app.get<{ Querystring: { asOf?: string; section?: string } }>(
      '/statistics.csv',
      { schema: { hide: true }, config: asOfLimit(today) },
      async (req, reply) => {
        mayRead(req);
        const parsed = asOfOf(req, req.query.asOf);
        if (!parsed.ok) throw badAsOf(parsed.error);
        const asOf = parsed.asOf;
        const report = await load(ctx, asOf);
        const { csv, suffix } = csvOf(
          req,
          report,
          `${req.t('statistics.title')} ${req.t('statistics.dashboard.asOf', { date: asOf })}`,
          req.query.section,
        );
        return sendCsv(req, reply, csv, `statistics-${asOf}${suffix}.csv`, asOf < today());
      },
    );

    app.get<{ Params: { quarter: string }; Querystring: { section?: string } }>(
      '/statistics/quarters/:quarter',
      { schema: { hide: true } },
      async (req, reply) => {
        mayRead(req);
        const ref = parseQuarterPath(req.params.quarter);
        if (!ref) throw notFound();
        const asOf = quarterAsOf(ref.quarter, today(), schemeStartOf(ctx));
        if (!asOf) throw notFound();
        const report = await load(ctx, asOf);
        const past = asOf < today();
        if (ref.format === 'json') {
          const body = JSON.stringify(report);
          if (conditional(req, reply, body, past)) return reply.code(304).send();
          return reply
            .header('content-type', 'application/json; charset=utf-8')
            .header('content-disposition', `inline; filename="statistics-${ref.quarter}.json"`)
            .send(body);
        }
        if (ref.format === 'csv') {
          const { csv, suffix } = csvOf(
            req,
            report,
            quarterHeading(viewContext(req, reply), ref.quarter),
            req.query.section,
          );
          return sendCsv(req, reply, csv, `statistics-${ref.quarter}${suffix}.csv`, past);
        }
        return sendPage(
          reply,
          <QuarterPage
            v={viewContext(req, reply)}
            report={report}
            sections={reportSections(report, req.t, req.locale)}
            quarters={availableQuarters(today(), schemeStartOf(ctx))}
            period={{ from: quarterStartDay(ref.quarter), to: quarterEndDay(ref.quarter) }}
          />,
        );
      },
    );

    app.get(
      '/api/v1/statistics',
      {
        config: asOfLimit(today),
        schema: {
          tags: ['statistics'],
          summary: 'Reporting statistics as of a day / 届出状況',
          description:
            'The quarterly figures (S1–S16) computed from the case history as of asOf (JST, today when absent). No authentication. Cache-Control: public, max-age=3600 for a past day, 300 for today; send If-None-Match with the ETag for a 304.',
          querystring: statisticsQuery,
          response: { 200: statisticsReport, ...errors },
        },
      },
      async (req, reply) => {
        mayRead(req);
        reply.header('access-control-allow-origin', '*');
        const parsed = asOfOf(req, req.query.asOf);
        if (!parsed.ok) throw badAsOf(parsed.error);
        const asOf = parsed.asOf;
        const report = await load(ctx, asOf);
        if (conditional(req, reply, JSON.stringify(report), asOf < today()))
          return reply.code(304).send(undefined as never);
        return report;
      },
    );
  };
}

export const statisticsRoutes: Feature = statisticsRoutesWith(loadReport);
