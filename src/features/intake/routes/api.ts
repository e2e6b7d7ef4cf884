// POST /api/v1/reports: the same intake as the forms, as JSON (anonymous, or with a finder's bearer token).
// Attachments travel base64-encoded, so this route takes a body larger than the global limit: as much as the
// configured attachments may need once encoded, plus room for the text.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/server.js';
import { parseInput, text } from '../../../platform/http/validation.js';
import { type ReportInput, softwareReportSchema, websiteReportSchema } from '../report-input.js';
import { followUpUrl, submitReport } from '../submit-report.js';
import { submissionLimit } from './support.js';

const TEXT_ROOM_BYTES = 2 * 1024 * 1024;

export function apiBodyLimit(ctx: AppContext): number {
  const l = ctx.config.intake;
  const encoded = Math.ceil(l.reportAttachmentsMaxBytes / 3) * 4;
  return Math.max(ctx.config.bodyLimitBytes, encoded + l.reportAttachmentsMaxFiles * 1024 + TEXT_ROOM_BYTES);
}

function reportRequest(ctx: AppContext) {
  const l = ctx.config.intake;
  const extra = {
    attachments: z
      .array(
        z.object({
          filename: text(255).pipe(z.string().min(1, { message: 'validation.required' })),
          contentBase64: z.base64().describe('The file, base64-encoded (RFC 4648 §4)'),
        }),
      )
      .max(l.reportAttachmentsMaxFiles, { message: 'validation.attachmentCount' })
      .optional()
      .describe(
        `Up to ${l.reportAttachmentsMaxFiles} files, ${l.attachmentMaxBytes} bytes each and ${l.reportAttachmentsMaxBytes} in all (before encoding). A file whose bytes do not match its name is refused.`,
      ),
    locale: z
      .enum(['ja', 'en'])
      .optional()
      .describe('Language of the receipt mail; by default the one Accept-Language prefers'),
  };
  return z
    .discriminatedUnion('track', [
      softwareReportSchema.omit({ countermeasure: true, locale: true }).extend(extra),
      websiteReportSchema.omit({ locale: true }).extend(extra),
    ])
    .describe('A vulnerability report (software product or website), as on the web forms');
}

const receipt = z
  .object({
    trackingNumber: z.string().describe('e.g. IPA#00000001: quote it in every message about the report'),
    followUpUrl: z
      .string()
      .describe('The secret link to follow the report and write to the reception body. Shown once: keep it.'),
  })
  .describe('The receipt');

const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Messages per field (path such as finder.email), in the Accept-Language language'),
  }),
});

export function apiRoutes(app: App, ctx: AppContext): void {
  const body = reportRequest(ctx);
  app.post(
    '/api/v1/reports',
    {
      bodyLimit: apiBodyLimit(ctx),
      config: submissionLimit(ctx),
      // bad input is worded here, field by field in the caller's language (see the note in the handler)
      attachValidation: true,
      schema: {
        summary: 'Report a vulnerability / 脆弱性関連情報を届け出る',
        description:
          'Anonymous, or with a bearer token (a finder account then sees the report under My reports). Rate-limited per address. / アカウント不要。発見者アカウントのトークンを使うと「自分の届出」に一覧されます。',
        tags: ['intake'],
        security: [{}, { bearer: [] }],
        body,
        response: { 201: receipt, 400: apiError, 413: apiError, 429: apiError },
      },
    },
    async (req, reply) => {
      if (req.validationError) {
        // the schema compiler's issues are re-read through parseInput, which words our catalog keys and zod's
        // own messages in the caller's language, as the forms do
        const parsed = parseInput(body, req.body, req.locale);
        throw new AppError(
          'validation',
          'errors.validation',
          parsed.ok ? { _: [req.t('errors.validation')] } : parsed.errors,
        );
      }
      const { attachments = [], locale, ...fields } = req.body;
      const input = { ...fields, locale: locale ?? req.locale } as ReportInput;
      const submitted = await submitReport(ctx, req.actor, input, {
        source: 'api',
        attachments: attachments.map((a) => ({
          filename: a.filename,
          data: Buffer.from(a.contentBase64, 'base64'),
        })),
        ip: req.ip,
      });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          trackingNumber: submitted.trackingNumber,
          followUpUrl: followUpUrl(ctx.config.publicUrl, submitted.followUpToken),
        });
    },
  );
}
