// HTTP for the coordination feature (調整 — the coordination body's workspace on a product case). Each route
// parses, calls one use case, and redirects (303) to the workspace with a notice — or, when the input was
// refused, renders the workspace again (400) with the errors next to the form and what was typed kept.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { PartyStatus } from '../../platform/db/schema/coordination.js';
import { AppError } from '../../platform/errors.js';
import { fieldErrorsOf, postedValues } from '../../platform/http/field-errors.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { caseIdByReference, classifyCase, showClassification } from '../cases/classify-case.js';
import { searchParties } from '../directory/contact-window.js';
import { addParties } from './add-parties.js';
import { addVulnerability } from './add-vulnerability.js';
import { coordinationApiRoutes } from './api.js';
import { decideFinderContact } from './decide-finder-contact.js';
import { decideSchedule, type ScheduleDecision } from './decide-schedule.js';
import { decideSuggestion } from './decide-suggestion.js';
import { editVulnerability } from './edit-vulnerability.js';
import { endCoordination } from './end-coordination.js';
import { answerFinderRelay, relayFinderQuestion } from './finder-relay.js';
import { listCoordinations } from './list-coordinations.js';
import { workspacePath } from './mail.js';
import { notifyParty } from './notify-party.js';
import { openCsirtCase } from './open-csirt-case.js';
import { proposeSchedule } from './propose-schedule.js';
import { recordContactAttempt } from './record-contact-attempt.js';
import { recordPartyStatus } from './record-party-status.js';
import { removeParty } from './remove-party.js';
import { reportStatusToCsirt } from './report-status-to-csirt.js';
import { sendCoordinatorMessage } from './send-message.js';
import { setProductCategory } from './set-product-category.js';
import { showFinderRelay } from './show-finder-relay.js';
import { PARTY_STATUSES, showWorkspace, type WorkspaceFilter } from './show-workspace.js';
import { CSIRT_CASE_PATH, CsirtCasePage } from './views/csirt-case-page.js';
import { OverviewPage } from './views/overview-page.js';
import type { Problems } from './views/parts.js';
import { RelayPage, relayPath } from './views/relay-page.js';
import { WorkspacePage } from './views/workspace-page.js';
import { withdrawVulnerability } from './withdraw-vulnerability.js';

const NOTICES = ['saved', 'notified', 'proposed', 'decided', 'sent', 'ended', 'reported'] as const;
type Notice = (typeof NOTICES)[number];

type Params = { reference: string };
type Req = FastifyRequest<{ Params: Params; Body: Record<string, unknown> }>;

const filterSchema = z.object({
  status: z
    .enum(PARTY_STATUSES as [PartyStatus, ...PartyStatus[]])
    .optional()
    .catch(undefined),
  changed: z
    .string()
    .optional()
    .transform((s) => s === 'on' || s === '1'),
  q: z.string().max(200).optional().catch(undefined),
  dq: z.string().max(200).optional().catch(undefined),
  notice: z.string().optional(),
  /** parties left unmailed for an unusable key, group members skipped as not developers (counts for notices) */
  keys: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
  skipped: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

type Counts = { keys?: number | undefined; skipped?: number | undefined };

/** The counts an action's result reports, for the notice after the redirect. */
function countsOf(result: unknown): string {
  const r = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
  const q = new URLSearchParams();
  if (typeof r.keyUnusable === 'number' && r.keyUnusable > 0) q.set('keys', String(r.keyUnusable));
  if (typeof r.notDevelopers === 'number' && r.notDevelopers > 0) q.set('skipped', String(r.notDevelopers));
  const s = q.toString();
  return s ? `&${s}` : '';
}

async function renderWorkspace(
  ctx: AppContext,
  req: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  opts: {
    filter?: WorkspaceFilter;
    notice?: string | undefined;
    counts?: Counts;
    problems?: Problems;
    status?: number;
  } = {},
) {
  const w = await showWorkspace(ctx, req.actor, {
    reference: req.params.reference,
    filter: opts.filter ?? {},
    ip: req.ip,
  });
  const classification = await showClassification(ctx, req.actor, { caseId: w.caseId });
  const known = NOTICES.find((n) => n === opts.notice);
  const notice = known
    ? [
        req.t(`coordination.workspace.notices.${known}`),
        opts.counts?.skipped
          ? req.t('coordination.workspace.groupSkippedNotice', { count: opts.counts.skipped })
          : '',
        opts.counts?.keys
          ? req.t('coordination.workspace.keyUnusableNotice', { count: opts.counts.keys })
          : '',
      ]
        .filter(Boolean)
        .join(' ')
    : undefined;
  return sendPage(
    reply,
    <WorkspacePage
      v={viewContext(req, reply)}
      w={w}
      notice={notice}
      problems={opts.problems}
      classification={classification}
    />,
    opts.status ?? 200,
  );
}

/** Runs a workspace action: 303 back with a notice, or the page again with the form's problems. */
function action(
  ctx: AppContext,
  app: App,
  path: string,
  form: string | ((req: Req) => string),
  notice: Notice,
  anchor: string,
  run: (req: Req) => Promise<unknown>,
) {
  app.post<{ Params: Params & Record<string, string>; Body: Record<string, unknown> }>(
    `/coordination/cases/:reference${path}`,
    { schema: { hide: true } },
    async (req, reply) => {
      let result: unknown;
      try {
        result = await run(req);
      } catch (err) {
        // anything but refused input is thrown on
        const errors = fieldErrorsOf(req, err);
        const formKey = typeof form === 'string' ? form : form(req);
        return renderWorkspace(ctx, req, reply, {
          problems: { form: formKey, errors, values: postedValues(req.body) },
          status: 400,
        });
      }
      return reply.redirect(
        `${workspacePath(req.params.reference)}?notice=${notice}${countsOf(result)}#${anchor}`,
        303,
      );
    },
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The classification form's fields as posted (an unticked checkbox is not posted). */
const classificationFields = (b: Record<string, unknown> | undefined) => ({
  productType: b?.productType,
  cause: b?.cause,
  threat: b?.threat,
  operatorType: b?.operatorType,
  oss: b?.oss,
  embedded: b?.embedded,
  ics: b?.ics,
});

export const coordinationRoutes: Feature = (app, ctx) => {
  coordinationApiRoutes(app, ctx);

  app.get('/coordination', { schema: { hide: true } }, async (req, reply) => {
    const rows = await listCoordinations(ctx, req.actor, { ip: req.ip });
    return sendPage(reply, <OverviewPage v={viewContext(req, reply)} rows={rows} />);
  });

  app.get<{ Params: Params; Querystring: Record<string, string> }>(
    '/coordination/cases/:reference',
    { schema: { hide: true } },
    async (req, reply) => {
      // permission first: a visitor without it learns nothing from the filter's validation
      authorize(req.actor, 'coordination.work', { track: 'software' });
      const f = filterSchema.parse(req.query ?? {});
      return renderWorkspace(ctx, req, reply, {
        filter: { status: f.status, changed: f.changed, q: f.q, developerQuery: f.dq },
        notice: f.notice,
        counts: { keys: f.keys, skipped: f.skipped },
      });
    },
  );

  action(ctx, app, '/vulnerabilities', 'vuln-new', 'saved', 'vulnerabilities', (req) =>
    addVulnerability(ctx, req.actor, { reference: req.params.reference, fields: req.body, ip: req.ip }),
  );
  action(
    ctx,
    app,
    '/vulnerabilities/:vulnerabilityId',
    (req) => str(req.body?.form) ?? 'vuln',
    'saved',
    'vulnerabilities',
    (req) =>
      editVulnerability(ctx, req.actor, {
        reference: req.params.reference,
        vulnerabilityId: (req.params as Record<string, string>).vulnerabilityId ?? '',
        fields: req.body,
        ip: req.ip,
      }),
  );
  action(
    ctx,
    app,
    '/vulnerabilities/:vulnerabilityId/withdraw',
    (req) => str(req.body?.form) ?? 'withdraw',
    'saved',
    'vulnerabilities',
    (req) =>
      withdrawVulnerability(ctx, req.actor, {
        reference: req.params.reference,
        vulnerabilityId: (req.params as Record<string, string>).vulnerabilityId ?? '',
        reason: req.body?.reason,
        ip: req.ip,
      }),
  );
  action(ctx, app, '/parties', 'party', 'saved', 'parties', (req) =>
    addParties(ctx, req.actor, {
      reference: req.params.reference,
      organizationId: str(req.body?.organizationId) || undefined,
      groupId: str(req.body?.groupId) || undefined,
      ip: req.ip,
    }),
  );
  action(ctx, app, '/parties/:partyId/notify', 'party', 'notified', 'parties', (req) =>
    notifyParty(ctx, req.actor, {
      reference: req.params.reference,
      partyId: (req.params as Record<string, string>).partyId ?? '',
      ip: req.ip,
    }),
  );
  action(ctx, app, '/parties/:partyId/remove', 'party', 'saved', 'parties', (req) =>
    removeParty(ctx, req.actor, {
      reference: req.params.reference,
      partyId: (req.params as Record<string, string>).partyId ?? '',
      reason: req.body?.reason,
      ip: req.ip,
    }),
  );
  action(ctx, app, '/parties/:partyId/finder-contact', 'party', 'saved', 'parties', (req) =>
    decideFinderContact(ctx, req.actor, {
      reference: req.params.reference,
      partyId: (req.params as Record<string, string>).partyId ?? '',
      allow: req.body?.allow === 'yes',
      ip: req.ip,
    }),
  );
  action(ctx, app, '/category', 'category', 'saved', 'summary', (req) =>
    setProductCategory(ctx, req.actor, {
      reference: req.params.reference,
      category: req.body?.category,
      ip: req.ip,
    }),
  );
  // 統計用の分類 (statistics categories): the case's own reference names it, a product case only
  action(ctx, app, '/classification', 'classification', 'saved', 'classification', async (req) => {
    // permission first: a visitor without it learns nothing about which references exist
    authorize(req.actor, 'case.classify', { track: 'software' });
    const caseId = await caseIdByReference(ctx.db, req.params.reference, 'software');
    return classifyCase(ctx, req.actor, { ...classificationFields(req.body), caseId, ip: req.ip });
  });
  action(ctx, app, '/schedule', 'schedule', 'proposed', 'schedule', (req) =>
    proposeSchedule(ctx, req.actor, {
      reference: req.params.reference,
      publishAt: req.body?.publishAt,
      timeZone: req.body?.timeZone,
      reason: req.body?.reason,
      fromCsirt: req.body?.fromCsirt === 'on',
      ip: req.ip,
    }),
  );
  action(ctx, app, '/schedule/decide', 'schedule', 'decided', 'schedule', (req) => {
    const b = req.body ?? {};
    const decision: ScheduleDecision | null =
      b.decision === 'accept_counter' && str(b.responseId)
        ? { kind: 'accept_counter', responseId: str(b.responseId) ?? '' }
        : (b.decision === 'accept' || b.decision === 'reject') && str(b.proposalId)
          ? { kind: b.decision, proposalId: str(b.proposalId) ?? '' }
          : null;
    if (!decision) throw new AppError('validation', 'errors.validation');
    return decideSchedule(ctx, req.actor, { reference: req.params.reference, decision, ip: req.ip });
  });
  action(
    ctx,
    app,
    '/suggestions/:suggestionId',
    (req) => `suggestion-${(req.params as Record<string, string>).suggestionId}`,
    'decided',
    'suggestions',
    (req) =>
      decideSuggestion(ctx, req.actor, {
        reference: req.params.reference,
        suggestionId: (req.params as Record<string, string>).suggestionId ?? '',
        decision: req.body?.decision === 'accept' ? 'accept' : 'reject',
        organizationId: str(req.body?.organizationId) || undefined,
        note: req.body?.note,
        ip: req.ip,
      }),
  );
  action(ctx, app, '/messages', 'message', 'sent', 'messages', (req) =>
    sendCoordinatorMessage(ctx, req.actor, {
      reference: req.params.reference,
      to: req.body?.to === 'all' ? 'all' : { partyId: str(req.body?.to) ?? '' },
      body: req.body?.body,
      ip: req.ip,
    }),
  );
  action(ctx, app, '/relay', 'relay', 'sent', 'relay', (req) =>
    answerFinderRelay(ctx, req.actor, { reference: req.params.reference, body: req.body?.body, ip: req.ip }),
  );
  action(ctx, app, '/statuses', 'status', 'saved', 'matrix', (req) =>
    recordPartyStatus(ctx, req.actor, { reference: req.params.reference, fields: req.body, ip: req.ip }),
  );
  action(ctx, app, '/contact-attempts', 'attempt', 'saved', 'contact-log', (req) =>
    recordContactAttempt(ctx, req.actor, { reference: req.params.reference, fields: req.body, ip: req.ip }),
  );
  action(ctx, app, '/end', 'end', 'ended', 'summary', (req) =>
    endCoordination(ctx, req.actor, { reference: req.params.reference, fields: req.body, ip: req.ip }),
  );
  action(ctx, app, '/csirt-report', 'csirt', 'reported', 'csirt-report', (req) =>
    reportStatusToCsirt(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  );

  // overseas CSIRT cases
  app.get(CSIRT_CASE_PATH, { schema: { hide: true } }, async (req, reply) => {
    authorize(req.actor, 'coordination.work', { track: 'software' });
    const csirts = await searchParties(ctx.db, { type: 'csirt', limit: 200 });
    return sendPage(reply, <CsirtCasePage v={viewContext(req, reply)} csirts={csirts} />);
  });
  app.post<{ Body: Record<string, unknown> }>(
    CSIRT_CASE_PATH,
    { schema: { hide: true } },
    async (req, reply) => {
      try {
        const { reference } = await openCsirtCase(ctx, req.actor, { fields: req.body, ip: req.ip });
        return reply.redirect(`${workspacePath(reference)}?notice=saved`, 303);
      } catch (err) {
        const errors = fieldErrorsOf(req, err);
        const csirts = await searchParties(ctx.db, { type: 'csirt', limit: 200 });
        return sendPage(
          reply,
          <CsirtCasePage
            v={viewContext(req, reply)}
            csirts={csirts}
            errors={errors}
            values={postedValues(req.body)}
          />,
          400,
        );
      }
    },
  );

  // the reception body's finder relay
  app.get<{ Params: Params; Querystring: { notice?: string } }>(
    '/coordination/cases/:reference/finder-relay',
    { schema: { hide: true } },
    async (req, reply) => {
      const r = await showFinderRelay(ctx, req.actor, { reference: req.params.reference, ip: req.ip });
      const notice = req.query.notice === 'sent' ? req.t('coordination.workspace.notices.sent') : undefined;
      return sendPage(reply, <RelayPage v={viewContext(req, reply)} {...r} notice={notice} />);
    },
  );
  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    '/coordination/cases/:reference/finder-relay',
    { schema: { hide: true } },
    async (req, reply) => {
      try {
        await relayFinderQuestion(ctx, req.actor, {
          reference: req.params.reference,
          body: req.body?.body,
          ip: req.ip,
        });
      } catch (err) {
        const errors = fieldErrorsOf(req, err);
        const r = await showFinderRelay(ctx, req.actor, { reference: req.params.reference, ip: req.ip });
        return sendPage(
          reply,
          <RelayPage v={viewContext(req, reply)} {...r} errors={errors} value={str(req.body?.body)} />,
          400,
        );
      }
      return reply.redirect(`${relayPath(req.params.reference)}?notice=sent`, 303);
    },
  );
};
