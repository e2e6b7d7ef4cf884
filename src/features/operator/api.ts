// The operator side as token-authenticated JSON (/api/v1/operator/…), for website operators with an account (an
// API token of a member of the operator organization). The same use cases as the pages: a case the organization
// was not notified of is a 404, bad input a 400 with field errors in the caller's language. The secret link has
// no API: it is for a person in a browser.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import {
  CAUSE_BASIS,
  CAUSE_DETAIL,
  DAMAGE_ACTUAL,
  DAMAGE_POTENTIAL,
} from '../../platform/db/schema/website.js';
import { AppError } from '../../platform/errors.js';
import { apiError } from '../../platform/http/api-error.js';
import type { App } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { WEBSITE_VULNERABILITY_TYPES } from '../intake/website-vulnerability-types.js';
import { FIX_ACTIONS, subjectPrefix } from '../website/website-rules.js';
import { acknowledgeNotice } from './acknowledge-notice.js';
import {
  completionForm,
  INVESTIGATION_FINDINGS,
  investigationForm,
  leakForm,
  notVulnerabilityForm,
} from './answer-input.js';
import { listOperatorCases } from './list-operator-cases.js';
import { findOperatorCase } from './operator-access.js';
import { reportInvestigation } from './report-investigation.js';
import { reportNotVulnerability } from './report-not-vulnerability.js';
import { saveLeakPublication } from './save-leak-publication.js';
import { type OperatorCasePage, showOperatorCase } from './show-operator-case.js';
import { submitCompletionReport } from './submit-completion-report.js';

const instant = z.string().describe('An instant, ISO 8601 in UTC');
const jstDay = z.string().describe('A JST calendar day, YYYY-MM-DD');
const via = z.enum(['account', 'link', 'staff']);
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const referenceParams = z.object({
  reference: z.string().min(1).max(100).describe('The handling number, URL-encoded (e.g. IPA%2300000012)'),
});
const stage = z.enum(['identifying', 'contact_requested', 'notified', 'closed']);
const outcome = z
  .enum(['fixed', 'stopped_after_alert', 'not_vulnerability', 'unreachable', 'stopped_after_9_months'])
  .nullable();

const caseSummary = z.object({
  reference: z.string().describe('The handling number: quote it in the subject of every mail'),
  site: z.string().describe('the site as reported'),
  stage,
  outcome,
  notifiedAt: instant,
});

const caseDetail = z
  .object({
    reference: z.string(),
    subjectPrefix: z.string().describe('Put this at the start of the subject of every mail about the case'),
    open: z.boolean().describe('false when closed or moved to the product track: no more answers'),
    stage,
    outcome,
    reported: z
      .object({
        siteUrl: z.string(),
        siteName: z.string().nullable(),
        vulnerabilityType: z.enum(WEBSITE_VULNERABILITY_TYPES),
        howConfirmed: z.string().describe('steps to reproduce, as reported'),
        whatHappens: z
          .string()
          .nullable()
          .describe('null when it was submitted encrypted to the reception body'),
        threat: z.string().nullable(),
        verifiedByReceptionBody: z.literal(false).describe('the reception body did not verify the report'),
      })
      .describe('what the notice said'),
    finder: z
      .object({
        disclosed: z
          .boolean()
          .describe('false unless the finder consented to the operator knowing who they are'),
        name: z.string().nullable(),
        organization: z.string().nullable(),
      })
      .describe('never a way to contact the finder'),
    notifiedAt: instant,
    targets: z.object({ investigationDue: jstDay, fixDue: jstDay }).nullable(),
    acknowledgedAt: instant.nullable(),
    investigationReportedAt: instant.nullable(),
    investigationFinding: z.enum(INVESTIGATION_FINDINGS).nullable(),
    notVulnerabilityReportedAt: instant.nullable(),
    answers: z.array(
      z.object({
        kind: z.enum(['acknowledged', 'investigation_result', 'not_vulnerability', 'message']),
        finding: z.enum(INVESTIGATION_FINDINGS).nullable(),
        body: z.string().nullable(),
        via,
        at: instant,
      }),
    ),
    completionReports: z.array(
      z.object({
        id: z.uuid(),
        action: z.enum(FIX_ACTIONS),
        whatDone: z.string(),
        personalDataLeak: z.boolean(),
        wantsFixConfirmation: z.boolean(),
        via,
        submittedAt: instant,
      }),
    ),
    leakPublication: z
      .object({
        overview: z.string().nullable(),
        period: z.string().nullable(),
        peopleCount: z.string().nullable(),
        dataKinds: z.string().nullable(),
        cause: z.string().nullable(),
        contact: z.string().nullable(),
        publishedUrl: z.string().nullable(),
        publishedAt: instant.nullable(),
      })
      .nullable(),
  })
  .describe('A website case as the operator may see it');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function caseJson(p: OperatorCasePage, prefix: string): z.input<typeof caseDetail> {
  const v = p.view;
  return {
    reference: v.reference,
    subjectPrefix: prefix,
    open: v.open,
    stage: v.stage,
    outcome: v.outcome,
    reported: {
      siteUrl: v.siteUrl,
      siteName: v.siteName,
      vulnerabilityType: v.vulnerabilityType,
      howConfirmed: v.steps,
      whatHappens: v.descriptionEncrypted ? null : v.description,
      threat: v.threat,
      verifiedByReceptionBody: false,
    },
    finder: p.finder
      ? { disclosed: true, name: p.finder.name, organization: p.finder.organization }
      : { disclosed: false, name: null, organization: null },
    notifiedAt: (v.notifiedAt as Date).toISOString(),
    targets: p.targets ? { investigationDue: p.targets.investigationDue, fixDue: p.targets.fixDue } : null,
    acknowledgedAt: iso(v.acknowledgedAt),
    investigationReportedAt: iso(v.investigationReportedAt),
    investigationFinding: v.investigationFinding,
    notVulnerabilityReportedAt: iso(v.notVulnerabilityReportedAt),
    answers: p.responses.map((r) => ({
      kind: r.kind,
      finding: r.finding,
      body: r.body,
      via: r.via,
      at: r.at.toISOString(),
    })),
    completionReports: p.completions.map((r) => ({
      id: r.id,
      action: r.action,
      whatDone: r.what_done,
      personalDataLeak: r.personal_data_leak,
      wantsFixConfirmation: r.wants_fix_confirmation,
      via: r.via,
      submittedAt: r.submitted_at.toISOString(),
    })),
    leakPublication: p.leak
      ? {
          overview: p.leak.overview,
          period: p.leak.period,
          peopleCount: p.leak.people_count,
          dataKinds: p.leak.data_kinds,
          cause: p.leak.cause,
          contact: p.leak.contact,
          publishedUrl: p.leak.published_url,
          publishedAt: iso(p.leak.published_at),
        }
      : null,
  };
}

// request bodies as documented; the rules (required "other" texts, consent, …) are the forms' (answer-input.ts)
const investigationBody = z.object({ finding: z.enum(INVESTIGATION_FINDINGS), body: z.string().max(20_000) });
const notVulnerabilityBody = z.object({ reason: z.string().max(20_000) });
const completionBody = z.object({
  action: z.enum(FIX_ACTIONS),
  whatDone: z.string().max(20_000),
  causeBasis: z.array(z.enum(CAUSE_BASIS)).describe('Q1(ア), at least one'),
  causeDetail: z.array(z.enum(CAUSE_DETAIL)).describe('Q1(イ), at least one'),
  causeOther: z.string().max(2000).optional().describe('required with "other" in Q1'),
  damageActual: z.array(z.enum(DAMAGE_ACTUAL)).describe('Q2(ア), at least one; "none" alone'),
  damageActualOther: z.string().max(2000).optional(),
  damagePotential: z.array(z.enum(DAMAGE_POTENTIAL)).optional().describe('Q2(イ)'),
  damagePotentialOther: z.string().max(2000).optional(),
  leakedKinds: z.string().max(2000).optional().describe('Q2(ウ), required with personal_data_leak in Q2(ア)'),
  opinion: z.string().max(4000).optional().describe('Q3'),
  wantsConfirmation: z.boolean().optional().describe('the reception body is to confirm the fix'),
  consent: z
    .boolean()
    .optional()
    .describe('consent to the confirmation work; required with wantsConfirmation'),
  nextContact: z.enum(['this_address', 'reception_desk']),
  nextEmail: z.string().max(254).optional().describe('required with this_address'),
  nextName: z.string().max(200).optional(),
  reporterOrganization: z.string().max(300),
  reporterDepartment: z.string().max(300).optional(),
  reporterName: z.string().max(200),
});
const leakBody = z.object({
  overview: z.string().max(20_000).optional(),
  period: z.string().max(1000).optional(),
  peopleCount: z.string().max(200).optional(),
  dataKinds: z.string().max(4000).optional(),
  cause: z.string().max(20_000).optional(),
  contact: z.string().max(2000).optional(),
  publishedUrl: z.string().max(2000).optional().describe('the published page, once it is up (http or https)'),
});

/** Permission first (401 before anything about the input, 404 for another's case), then the form's rules. */
async function parsed<S extends z.ZodType>(
  ctx: AppContext,
  req: FastifyRequest<{ Params: { reference: string } }>,
  schema: S,
): Promise<z.output<S>> {
  await findOperatorCase(ctx.db, req.actor, req.params.reference, 'operator.respond');
  const r = parseInput(schema, req.body, req.locale);
  if (!r.ok) throw new AppError('validation', 'errors.validation', r.errors);
  return r.data;
}

export function operatorApiRoutes(app: App, ctx: AppContext): void {
  const common = { tags: ['operator'], security: [{ bearer: [] }] };
  const prefixOf = (reference: string) => subjectPrefix(ctx.config.websiteNotice.subjectPrefix, reference);

  app.get(
    '/api/v1/operator/cases',
    {
      schema: {
        ...common,
        summary: 'My organization’s website cases / 通知を受けた案件',
        description: 'The website cases your organization was notified of (details sent), latest first.',
        response: { 200: z.object({ cases: z.array(caseSummary) }), ...errors },
      },
    },
    async (req) => {
      const items = await listOperatorCases(ctx, req.actor, { ip: req.ip });
      return {
        cases: items.map((c) => ({
          reference: c.reference,
          site: c.site,
          stage: c.stage,
          outcome: c.outcome,
          notifiedAt: c.notifiedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/operator/cases/:reference',
    {
      schema: {
        ...common,
        summary: 'One website case / 案件',
        description: 'What the notice said, the target dates and your answers. 404 for a case not yours.',
        params: referenceParams,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (req) => {
      const page = await showOperatorCase(ctx, req.actor, { reference: req.params.reference, ip: req.ip });
      return caseJson(page, prefixOf(req.params.reference));
    },
  );

  app.post(
    '/api/v1/operator/cases/:reference/acknowledgement',
    {
      schema: {
        ...common,
        summary: 'Acknowledge receipt / 受領の確認',
        description: 'Idempotent: a second acknowledgement changes nothing. 409 on a closed case.',
        params: referenceParams,
        response: { 200: z.object({ already: z.boolean() }), ...errors },
      },
    },
    async (req) => acknowledgeNotice(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  );

  app.post(
    '/api/v1/operator/cases/:reference/investigation',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Report the investigation result / 調査結果の報告',
        params: referenceParams,
        body: investigationBody,
        response: { 201: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req, reply) => {
      const answer = await parsed(ctx, req, investigationForm);
      await reportInvestigation(ctx, req.actor, { reference: req.params.reference, answer, ip: req.ip });
      return reply.code(201).send({ ok: true });
    },
  );

  app.post(
    '/api/v1/operator/cases/:reference/not-vulnerability',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Report that it is not a vulnerability / 脆弱性ではないとの報告',
        description: 'A reason is required. The reception body decides the outcome.',
        params: referenceParams,
        body: notVulnerabilityBody,
        response: { 201: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req, reply) => {
      const answer = await parsed(ctx, req, notVulnerabilityForm);
      await reportNotVulnerability(ctx, req.actor, { reference: req.params.reference, answer, ip: req.ip });
      return reply.code(201).send({ ok: true });
    },
  );

  app.post(
    '/api/v1/operator/cases/:reference/completion-report',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Submit the completion report / 修正完了報告書',
        description:
          'What was done, the confirmation wish (with consent), the next contact, who reports and the survey of cause and damage (seed 003 App. 1(3)).',
        params: referenceParams,
        body: completionBody,
        response: { 201: z.object({ id: z.uuid(), personalDataLeak: z.boolean() }), ...errors },
      },
    },
    async (req, reply) => {
      const report = await parsed(ctx, req, completionForm);
      const r = await submitCompletionReport(ctx, req.actor, {
        reference: req.params.reference,
        report,
        ip: req.ip,
      });
      return reply.code(201).send(r);
    },
  );

  app.put(
    '/api/v1/operator/cases/:reference/leak-publication',
    {
      attachValidation: true,
      schema: {
        ...common,
        summary: 'Save the leak publication draft / 個人情報漏えいの公表内容',
        description:
          'Only after a completion report says personal data leaked (else 409). Giving publishedUrl marks it published.',
        params: referenceParams,
        body: leakBody,
        response: { 200: z.object({ newlyPublished: z.boolean() }), ...errors },
      },
    },
    async (req) => {
      const draft = await parsed(ctx, req, leakForm);
      return saveLeakPublication(ctx, req.actor, { reference: req.params.reference, draft, ip: req.ip });
    },
  );
}
