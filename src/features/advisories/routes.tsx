// Advisories being written (脆弱性対策情報の作成): the editor, review and approval, scheduling and the developers'
// pre-release copy. Each route parses, calls one use case and redirects (303) with a notice — or, when the use
// case refused, shows the page again with the reason (and, for the editor, what was typed).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type FieldErrors, httpStatus, notFound } from '../../platform/errors.js';
import { postedValues, wordedFields } from '../../platform/http/field-errors.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { findProductCase } from '../coordination/queries.js';
import { contentToForm, type FormValues } from './advisory-input.js';
import { approveAdvisory } from './approve-advisory.js';
import { createAdvisory } from './create-advisory.js';
import { CsafRefusedError, wordCsafRefusal } from './csaf-approval-check.js';
import { listAdvisories, pageOf } from './list-advisories.js';
import { advisoryPath } from './mail.js';
import { releaseCorrection } from './release-correction.js';
import { requestChanges } from './request-changes.js';
import { saveAdvisory } from './save-advisory.js';
import { scheduleAdvisory, unscheduleAdvisory } from './schedule-advisory.js';
import { showAdvisory } from './show-advisory.js';
import { showPrerelease } from './show-prerelease.js';
import { startCorrection } from './start-correction.js';
import { submitAdvisory } from './submit-advisory.js';
import { EditorPage } from './views/editor-page.js';
import { ListPage } from './views/list-page.js';
import { PrereleasePage } from './views/prerelease-page.js';
import { ReviewPage } from './views/review-page.js';

const NOTICES = [
  'created',
  'saved',
  'submitted',
  'approved',
  'changesRequested',
  'scheduled',
  'unscheduled',
  'correction',
  'released',
] as const;
type Notice = (typeof NOTICES)[number];

type Params = { reference: string };
type Req = FastifyRequest<{ Params: Params; Body: Record<string, unknown> }>;

/** A refusal the page can explain (bad input, a state that does not allow it, the four-eyes rule). */
function explained(req: FastifyRequest, err: unknown): { errors: FieldErrors; status: number } | null {
  if (err instanceof CsafRefusedError) return { errors: { _: wordCsafRefusal(req.t, err) }, status: 409 };
  if (!(err instanceof AppError)) return null;
  const own = err.messageKey.startsWith('advisories.');
  if (err.code === 'validation' || err.code === 'conflict' || (err.code === 'forbidden' && own)) {
    return { errors: wordedFields(req.t, err), status: httpStatus[err.code] };
  }
  return null;
}

async function renderEditor(
  ctx: AppContext,
  req: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  opts: {
    values?: FormValues;
    errors?: FieldErrors;
    notice?: string;
    warning?: string;
    status?: number;
  } = {},
) {
  const p = await showAdvisory(ctx, req.actor, { reference: req.params.reference });
  const a = p.advisory;
  const values = opts.values ?? {
    ...(a ? contentToForm(a.content) : {}),
    ...(a?.changeNote.ja ? { changeNoteJa: a.changeNote.ja } : {}),
    ...(a?.changeNote.en ? { changeNoteEn: a.changeNote.en } : {}),
  };
  return sendPage(
    reply,
    <EditorPage
      v={viewContext(req, reply)}
      p={p}
      values={values}
      errors={opts.errors}
      notice={opts.notice}
      warning={opts.warning}
    />,
    opts.status ?? 200,
  );
}

async function renderReview(
  ctx: AppContext,
  req: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  opts: { values?: FormValues; errors?: FieldErrors; status?: number } = {},
) {
  const p = await showAdvisory(ctx, req.actor, { reference: req.params.reference });
  return sendPage(
    reply,
    <ReviewPage v={viewContext(req, reply)} p={p} errors={opts.errors} values={opts.values} />,
    opts.status ?? 200,
  );
}

/** A POST under the case's advisory: run, then 303 back with a notice, or the page again with the reason. */
function action(
  ctx: AppContext,
  app: App,
  path: string,
  page: 'editor' | 'review',
  notice: Notice | ((result: unknown) => string),
  run: (req: Req) => Promise<unknown>,
) {
  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    `/coordination/cases/:reference/advisory${path}`,
    { schema: { hide: true } },
    async (req, reply) => {
      let result: unknown;
      try {
        result = await run(req);
      } catch (err) {
        const e = explained(req, err);
        if (!e) throw err;
        // the editor's own forms keep what was typed; a button's refusal shows the stored copy again
        const keep = page === 'review' || path === '' || path === '/correction';
        const render = page === 'editor' ? renderEditor : renderReview;
        return render(ctx, req, reply, {
          ...(keep ? { values: postedValues(req.body) } : {}),
          errors: e.errors,
          status: e.status,
        });
      }
      const n = typeof notice === 'string' ? `notice=${notice}` : notice(result);
      return reply.redirect(`${advisoryPath(req.params.reference)}?${n}`, 303);
    },
  );
}

export const advisoriesRoutes: Feature = (app, ctx) => {
  app.get<{ Querystring: Record<string, string> }>(
    '/coordination/advisories',
    { schema: { hide: true } },
    async (req, reply) => {
      const list = await listAdvisories(ctx, req.actor, { page: pageOf(req.query?.page) });
      return sendPage(reply, <ListPage v={viewContext(req, reply)} list={list} />);
    },
  );

  app.get<{ Params: Params; Querystring: Record<string, string> }>(
    '/coordination/cases/:reference/advisory',
    { schema: { hide: true } },
    async (req, reply) => {
      const q = req.query ?? {};
      const known = NOTICES.find((n) => n === q.notice);
      return renderEditor(ctx, req, reply, {
        ...(known ? { notice: req.t(`advisories.page.notices.${known}`) } : {}),
        ...(q.draft === '1' ? { warning: req.t('advisories.page.backToDraft') } : {}),
      });
    },
  );

  app.get<{ Params: Params }>(
    '/coordination/cases/:reference/advisory/review',
    { schema: { hide: true } },
    async (req, reply) => renderReview(ctx, req, reply),
  );

  action(
    ctx,
    app,
    '',
    'editor',
    (r) => {
      const back = (r as { backToDraft?: boolean }).backToDraft;
      return `notice=saved${back ? '&draft=1' : ''}`;
    },
    (req) => saveAdvisory(ctx, req.actor, { reference: req.params.reference, fields: req.body, ip: req.ip }),
  );

  action(ctx, app, '/create', 'editor', 'created', async (req) => {
    authorize(req.actor, 'advisory.edit', { track: 'software' });
    const c = await findProductCase(ctx.db, req.params.reference);
    if (!c) throw notFound();
    return createAdvisory(ctx, req.actor, { caseId: c.id, ip: req.ip });
  });
  action(ctx, app, '/submit', 'editor', 'submitted', (req) =>
    submitAdvisory(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  );
  action(ctx, app, '/approve', 'review', 'approved', (req) =>
    approveAdvisory(ctx, req.actor, {
      reference: req.params.reference,
      reviewedSha256: req.body?.reviewedSha256,
      ip: req.ip,
    }),
  );
  action(ctx, app, '/request-changes', 'review', 'changesRequested', (req) =>
    requestChanges(ctx, req.actor, { reference: req.params.reference, note: req.body?.note, ip: req.ip }),
  );
  action(ctx, app, '/schedule', 'editor', 'scheduled', (req) =>
    scheduleAdvisory(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  );
  action(ctx, app, '/unschedule', 'editor', 'unscheduled', (req) =>
    unscheduleAdvisory(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  );
  action(ctx, app, '/correction', 'editor', 'correction', (req) =>
    startCorrection(ctx, req.actor, { reference: req.params.reference, fields: req.body, ip: req.ip }),
  );
  action(ctx, app, '/release', 'editor', 'released', (req) =>
    releaseCorrection(ctx, req.actor, { reference: req.params.reference, ip: req.ip }),
  );

  // the developers' pre-release copy
  app.get<{ Params: Params }>(
    '/portal/cases/:reference/advisory',
    { schema: { hide: true } },
    async (req, reply) => {
      const p = await showPrerelease(ctx, req.actor, { reference: req.params.reference });
      return sendPage(reply, <PrereleasePage v={viewContext(req, reply)} p={p} />);
    },
  );
};
