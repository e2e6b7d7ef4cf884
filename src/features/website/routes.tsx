// HTTP for the website feature (ウェブサイト — the reception body notifies operators and follows the fix): the case
// page, its forms, and the long-running list. Each route parses, calls one use case, and redirects back (303)
// with a notice; a refused form shows the page again with its errors and what was typed (400 or 409).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatInstant } from '../../domain/time.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { postedValues, wordedFields } from '../../platform/http/field-errors.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput, text } from '../../platform/http/validation.js';
import { CSV_BOM, csvLine } from '../audit/csv.js';
import { caseIdByReference, classifyCase, showClassification } from '../cases/classify-case.js';
import { assignContact, contactInput } from './assign-contact.js';
import { CloseRefused, closeInput, closeWebsiteCase } from './close-website-case.js';
import { discoverContact } from './discover-contact.js';
import { listLongRunning } from './list-long-running.js';
import { recordOperatorResponse, responseInput } from './operator-response.js';
import { reclassifyToProduct } from './reclassify-to-product.js';
import { attemptInput, recordContactAttempt } from './record-contact-attempt.js';
import { recordRelayForward, relayForwardInput } from './record-relay-forward.js';
import { sendNotice } from './send-notice.js';
import { showWebsiteCase } from './show-website-case.js';
import { LongRunningPage } from './views/long-running-page.js';
import type { Problems } from './views/parts.js';
import { LONG_RUNNING_PATH, websiteCasePath } from './views/paths.js';
import { WebsiteCasePage } from './views/website-case-page.js';

type Req = FastifyRequest<{ Params: { reference: string }; Querystring: { notice?: string; q?: string } }>;

const DONE = [
  'contact',
  'discovery',
  'contact_request',
  'details',
  'relay',
  'attempt',
  'closed',
  'response',
] as const;

/** the notice after the statistics classification was saved */
const CLASSIFIED = 'classified';

const noticeForm = z.object({ kind: z.enum(['contact_request', 'details']) });
const reclassifyForm = z.object({
  message: text(20_000).pipe(z.string().min(1, { message: 'validation.required' })),
});
const longRunningQuery = z.object({
  asOf: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'website.errors.badDay' })
      // a real calendar day: 2026-02-30 would roll over to March
      .refine(
        (d) => {
          const at = Date.parse(`${d}T00:00:00Z`);
          return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d;
        },
        { message: 'website.errors.badDay' },
      )
      .optional(),
  ),
});

async function renderCase(
  ctx: AppContext,
  req: Req,
  reply: FastifyReply,
  opts: { notice?: string | undefined; problems?: Problems; status?: number } = {},
) {
  const m = await showWebsiteCase(ctx, req.actor, {
    reference: req.params.reference,
    q: req.query?.q,
    ip: req.ip,
  });
  const done = DONE.find((d) => d === opts.notice);
  const classification = await showClassification(ctx, req.actor, { caseId: m.caseId });
  return sendPage(
    reply,
    <WebsiteCasePage
      v={viewContext(req, reply)}
      m={m}
      now={ctx.clock.now()}
      notice={
        done
          ? req.t(`website.done.${done}`)
          : opts.notice === CLASSIFIED
            ? req.t('cases.classification.saved')
            : undefined
      }
      problems={opts.problems}
      classification={classification}
    />,
    opts.status ?? 200,
  );
}

/** A use case's refusal as the form's errors, worded in the request's language; anything else is rethrown. */
function refusalErrors(err: unknown, req: Req): { errors: Record<string, string[]>; status: number } {
  if (err instanceof CloseRefused) {
    const at = err.vars.at ? formatInstant(err.vars.at, { locale: req.locale, timeZone: req.timeZone }) : '';
    const message = req.t(`website.errors.${err.refusal}`, { ...err.vars, at });
    const field = err.refusal === 'fixActionRequired' ? 'fixAction' : 'outcome';
    return { errors: { [field]: [message] }, status: 400 };
  }
  if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
    return { errors: wordedFields(req.t, err), status: err.code === 'conflict' ? 409 : 400 };
  }
  throw err;
}

/** One form on the case page: parse → use case → 303 back with a notice, or the page again with the errors. */
function caseForm<S extends z.ZodType>(
  app: App,
  ctx: AppContext,
  opts: {
    path: string;
    form: (body: unknown) => string;
    schema: S;
    done: (typeof DONE)[number];
    run: (req: Req, data: z.output<S>) => Promise<unknown>;
  },
) {
  app.post<{ Params: { reference: string }; Querystring: { notice?: string; q?: string } }>(
    `/website/cases/:reference/${opts.path}`,
    { schema: { hide: true } },
    async (req, reply) => {
      // permission first: a visitor without it learns nothing from the validation
      authorize(req.actor, 'website.work', { track: 'website' });
      const form = opts.form(req.body);
      const parsed = parseInput(opts.schema, req.body ?? {}, req.locale);
      let problems: Problems;
      let status = 400;
      if (parsed.ok) {
        try {
          await opts.run(req, parsed.data);
          return reply.redirect(`${websiteCasePath(req.params.reference)}?notice=${opts.done}`, 303);
        } catch (err) {
          const r = refusalErrors(err, req);
          problems = { form, errors: r.errors, values: postedValues(req.body) };
          status = r.status;
        }
      } else {
        problems = { form, errors: parsed.errors, values: postedValues(req.body) };
      }
      return renderCase(ctx, req, reply, { problems, status });
    },
  );
}

export const websiteRoutes: Feature = (app, ctx) => {
  app.get<{ Params: { reference: string }; Querystring: { notice?: string; q?: string } }>(
    '/website/cases/:reference',
    { schema: { hide: true } },
    (req, reply) => renderCase(ctx, req, reply, { notice: req.query.notice }),
  );

  caseForm(app, ctx, {
    path: 'contact',
    form: (b) => ((b as { source?: string })?.source === 'manual' ? 'manual' : 'contact'),
    schema: contactInput,
    done: 'contact',
    run: (req, contact) =>
      assignContact(ctx, req.actor, { reference: req.params.reference, contact, ip: req.ip }),
  });
  caseForm(app, ctx, {
    path: 'discover',
    form: () => 'discover',
    schema: z.object({}),
    done: 'discovery',
    run: (req) => discoverContact(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  });
  app.post<{ Params: { reference: string }; Querystring: { notice?: string; q?: string } }>(
    '/website/cases/:reference/notices',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'website.work', { track: 'website' });
      const parsed = parseInput(noticeForm, req.body, req.locale);
      if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
      try {
        await sendNotice(ctx, req.actor, {
          reference: req.params.reference,
          kind: parsed.data.kind,
          ip: req.ip,
        });
      } catch (err) {
        const r = refusalErrors(err, req);
        return renderCase(ctx, req, reply, {
          problems: { form: 'notices', errors: r.errors, values: {} },
          notice: undefined,
          status: r.status,
        });
      }
      return reply.redirect(`${websiteCasePath(req.params.reference)}?notice=${parsed.data.kind}`, 303);
    },
  );
  caseForm(app, ctx, {
    path: 'relay',
    form: (b) => `relay-${String((b as { noticeId?: string })?.noticeId ?? '')}`,
    schema: relayForwardInput,
    done: 'relay',
    run: (req, forward) =>
      recordRelayForward(ctx, req.actor, { reference: req.params.reference, forward, ip: req.ip }),
  });
  caseForm(app, ctx, {
    path: 'attempts',
    form: () => 'attempt',
    schema: attemptInput,
    done: 'attempt',
    run: (req, attempt) =>
      recordContactAttempt(ctx, req.actor, { reference: req.params.reference, attempt, ip: req.ip }),
  });
  caseForm(app, ctx, {
    path: 'responses',
    form: () => 'response',
    schema: responseInput,
    done: 'response',
    run: (req, response) =>
      recordOperatorResponse(ctx, req.actor, { reference: req.params.reference, response, ip: req.ip }),
  });
  caseForm(app, ctx, {
    path: 'close',
    form: () => 'close',
    schema: closeInput,
    done: 'closed',
    run: (req, close) =>
      closeWebsiteCase(ctx, req.actor, { reference: req.params.reference, close, ip: req.ip }),
  });
  // 統計用の分類 (statistics categories): threat and operator type of a website case
  app.post<{ Params: { reference: string }; Querystring: { notice?: string; q?: string } }>(
    '/website/cases/:reference/classification',
    { schema: { hide: true } },
    async (req, reply) => {
      // permission first: a visitor without it learns nothing about which references exist
      authorize(req.actor, 'case.classify', { track: 'website' });
      const caseId = await caseIdByReference(ctx.db, req.params.reference, 'website');
      const b = (req.body ?? {}) as Record<string, unknown>;
      try {
        await classifyCase(ctx, req.actor, {
          caseId,
          threat: b.threat,
          operatorType: b.operatorType,
          productType: b.productType,
          cause: b.cause,
          oss: b.oss,
          embedded: b.embedded,
          ics: b.ics,
          ip: req.ip,
        });
      } catch (err) {
        const r = refusalErrors(err, req);
        return renderCase(ctx, req, reply, {
          problems: { form: 'classification', errors: r.errors, values: postedValues(req.body) },
          status: r.status,
        });
      }
      return reply.redirect(
        `${websiteCasePath(req.params.reference)}?notice=${CLASSIFIED}#classification`,
        303,
      );
    },
  );
  app.post<{ Params: { reference: string }; Querystring: { notice?: string; q?: string } }>(
    '/website/cases/:reference/reclassify',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'website.work', { track: 'website' });
      const parsed = parseInput(reclassifyForm, req.body, req.locale);
      if (!parsed.ok) {
        return renderCase(ctx, req, reply, {
          problems: { form: 'reclassify', errors: parsed.errors, values: postedValues(req.body) },
          status: 400,
        });
      }
      const r = await reclassifyToProduct(ctx, req.actor, {
        reference: req.params.reference,
        message: parsed.data.message,
        ip: req.ip,
      });
      // the new product case's page (the cases feature); the old one stays readable here
      return reply.redirect(
        r.productReference
          ? `/cases/${encodeURIComponent(r.productReference)}`
          : websiteCasePath(req.params.reference),
        303,
      );
    },
  );

  // the same list as a CSV download (the table's figures, for the quarterly report)
  app.get<{ Querystring: { asOf?: string } }>(
    `${LONG_RUNNING_PATH}.csv`,
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'website.work', { track: 'website' });
      const parsed = parseInput(longRunningQuery, req.query, req.locale);
      if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
      const list = await listLongRunning(ctx, req.actor, { asOfDate: parsed.data.asOf, ip: req.ip });
      const t = req.t;
      const lines = [
        csvLine([
          t('website.longRunning.reference'),
          t('website.longRunning.notifiedAt'),
          t('website.longRunning.days'),
          t('website.longRunning.ageBucket'),
          t('website.longRunning.type'),
          t('website.longRunning.operator'),
        ]),
        ...list.cases.map((c) =>
          csvLine([
            c.reference,
            c.notifiedAt.toISOString(),
            c.days,
            c.bucket,
            c.vulnerabilityType ? t(`intake.types.${c.vulnerabilityType}`) : '',
            c.operator ? c.operator[req.locale] : '',
          ]),
        ),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="website-long-running-${list.asOfDate}.csv"`)
        .header('cache-control', 'no-store')
        .send(CSV_BOM + lines.join(''));
    },
  );

  app.get<{ Querystring: { asOf?: string } }>(
    LONG_RUNNING_PATH,
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'website.work', { track: 'website' });
      const parsed = parseInput(longRunningQuery, req.query, req.locale);
      const asOfDate = parsed.ok ? parsed.data.asOf : undefined;
      const list = await listLongRunning(ctx, req.actor, { asOfDate, ip: req.ip });
      return sendPage(
        reply,
        <LongRunningPage
          v={viewContext(req, reply)}
          list={list}
          asOfInput={typeof req.query.asOf === 'string' ? req.query.asOf : ''}
          errors={parsed.ok ? undefined : parsed.errors}
        />,
        parsed.ok ? 200 : 400,
      );
    },
  );
};
