// The report forms: choose a track, fill in the form (multipart, with attachments), get the receipt once.
// A filled trap field (honeypot) stores nothing and shows the form again with a 400 and a neutral message: a person
// whose browser filled it by mistake loses nothing and can send again (the trap comes back empty), while a robot
// that fills every field is refused every time.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../platform/auth/policy.js';
import type { AppContext } from '../../../platform/context.js';
import { type FieldErrors, notFound } from '../../../platform/errors.js';
import { type App, sendPage, viewContext } from '../../../platform/http/server.js';
import { parseInput } from '../../../platform/http/validation.js';
import { ownProductDefaults } from '../own-product-defaults.js';
import {
  errorsForForm,
  type FormValues,
  REPORT_FORM_KINDS,
  type ReportFormKind,
  readReportForm,
  reportInputFromForm,
} from '../report-form.js';
import { softwareReportSchema, websiteReportSchema } from '../report-input.js';
import { followUpUrl, submitReport } from '../submit-report.js';
import { ChooseTrackPage } from '../views/choose-track-page.js';
import { ReceiptGonePage, ReceiptPage } from '../views/receipt-page.js';
import { formatBytes } from '../views/report-details.js';
import { ReportFormPage, type ReportFormPageProps } from '../views/report-form-page.js';
import {
  attachmentLimits,
  secretPage,
  setReceiptCookie,
  submissionLimit,
  takeReceipt,
  useCaseErrors,
} from './support.js';

const hidden = { schema: { hide: true } } as const;

function formKind(req: FastifyRequest): ReportFormKind {
  const kind = (req.params as { kind?: string }).kind;
  if (!REPORT_FORM_KINDS.includes(kind as ReportFormKind)) throw notFound();
  return kind as ReportFormKind;
}

/** A signed-in finder's own address and name, offered so the report is easy to follow up. */
function finderDefaults(req: FastifyRequest): FormValues {
  const a = req.actor;
  return a.kind === 'user' && a.role === 'finder' ? { finderName: a.displayName, finderEmail: a.email } : {};
}

export function formRoutes(app: App, ctx: AppContext): void {
  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    props: Omit<ReportFormPageProps, 'v' | 'limits'>,
    status = 200,
  ) =>
    sendPage(
      reply,
      <ReportFormPage v={viewContext(req, reply)} limits={attachmentLimits(ctx)} {...props} />,
      status,
    );

  app.get('/reports/new', hidden, async (req, reply) => {
    const a = req.actor;
    const ownProduct =
      a.kind === 'user' && can(a, 'report.submit-own-product', { organizationId: a.organizationId });
    return sendPage(
      reply,
      <ChooseTrackPage
        v={viewContext(req, reply)}
        orgName={ctx.config.orgName[req.locale]}
        ownProduct={ownProduct}
        finderAccount={a.kind === 'user' && a.role === 'finder'}
      />,
    );
  });

  app.get('/reports/new/:kind', hidden, async (req, reply) => {
    const kind = formKind(req);
    const values =
      kind === 'own-product' ? await ownProductDefaults(ctx, req.actor, req.locale) : finderDefaults(req);
    return page(req, reply, { kind, values });
  });

  app.post('/reports/new/:kind', { ...hidden, config: submissionLimit(ctx) }, async (req, reply) => {
    const kind = formKind(req);
    if (kind === 'own-product') await ownProductDefaults(ctx, req.actor, req.locale); // the permission check
    const form = readReportForm(req.body);
    const again = (errors: FieldErrors | undefined, rejected = false) =>
      page(
        req,
        reply,
        { kind, values: form.values, errors, rejected, chosenFiles: form.files.map((f) => f.filename) },
        400,
      );

    if (form.honeypotFilled) {
      req.log.info({ form: kind }, 'report form: trap field filled, nothing stored');
      return again(undefined, true);
    }
    const schema = kind === 'website' ? websiteReportSchema : softwareReportSchema;
    const parsed = parseInput(schema, reportInputFromForm(kind, form.values, req.locale), req.locale);
    const errors: FieldErrors = parsed.ok ? {} : errorsForForm(parsed.errors);
    // a file cut off at the per-file limit is refused by name, before anything is stored
    const cut = form.files.filter((f) => f.truncated);
    if (cut.length) {
      const limit = formatBytes(ctx.config.intake.attachmentMaxBytes);
      errors.attachments = [
        ...(errors.attachments ?? []),
        ...cut.map((f) => req.t('intake.validation.fileTooLarge', { name: f.filename, limit })),
      ];
    }
    if (!parsed.ok || cut.length) return again(errors);

    let submitted: Awaited<ReturnType<typeof submitReport>>;
    try {
      submitted = await submitReport(ctx, req.actor, parsed.data, {
        source: kind === 'own-product' ? 'developer_self' : 'form',
        attachments: form.files.map(({ filename, data }) => ({ filename, data })),
        ip: req.ip,
      });
    } catch (err) {
      return again(useCaseErrors(err, req));
    }
    setReceiptCookie(reply, ctx, {
      trackingNumber: submitted.trackingNumber,
      followUpToken: submitted.followUpToken,
      mailed: Boolean(parsed.data.finder.email),
    });
    return reply.redirect('/reports/receipt', 303);
  });

  app.get('/reports/receipt', { ...hidden, logLevel: 'warn' }, async (req, reply) => {
    const receipt = takeReceipt(req, reply, ctx);
    secretPage(reply);
    if (!receipt) return sendPage(reply, <ReceiptGonePage v={viewContext(req, reply)} />, 410);
    return sendPage(
      reply,
      <ReceiptPage
        v={viewContext(req, reply)}
        trackingNumber={receipt.trackingNumber}
        followUpUrl={followUpUrl(ctx.config.publicUrl, receipt.followUpToken)}
        mailed={receipt.mailed}
      />,
    );
  });
}
