// The portal's pages and forms. Each form calls one use case and redirects back (303) with a notice; bad input
// shows the page again (400) with the errors beside what was typed. A case the developer is not a party to is a
// 404 for every route, exactly like one that does not exist.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { fieldErrorsOf, postedValues } from '../../platform/http/field-errors.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { acknowledgeNotification } from './acknowledge-notification.js';
import { listMyCases } from './list-my-cases.js';
import { respondToSchedule } from './respond-to-schedule.js';
import { sendPartyMessage } from './send-party-message.js';
import { showMyCase } from './show-my-case.js';
import { suggestDeveloper } from './suggest-developer.js';
import { updateMyStatus } from './update-my-status.js';
import { PortalCasePage } from './views/case-page.js';
import { PortalListPage } from './views/list-page.js';
import { PORTAL_PATH, portalCasePath } from './views/paths.js';
import type { CaseProblems, FormProblem } from './views/problems.js';

type Params = { reference: string };
type Req = FastifyRequest<{ Params: Params }>;

const NOTICES = ['acknowledged', 'status', 'schedule', 'message', 'suggestion'] as const;

async function renderCase(
  ctx: AppContext,
  req: Req,
  reply: FastifyReply,
  opts: { notice?: string | undefined; problems?: CaseProblems; status?: number } = {},
) {
  const c = await showMyCase(ctx, req.actor, { reference: req.params.reference, ip: req.ip });
  const notice = NOTICES.find((n) => n === opts.notice);
  return sendPage(
    reply,
    <PortalCasePage
      v={viewContext(req, reply)}
      c={c}
      notice={notice ? req.t(`portal.notices.${notice}`) : undefined}
      problems={opts.problems}
    />,
    opts.status ?? 200,
  );
}

export function pageRoutes(app: App, ctx: AppContext) {
  app.get(PORTAL_PATH, { schema: { hide: true } }, async (req, reply) => {
    const rows = await listMyCases(ctx, req.actor, { ip: req.ip });
    return sendPage(reply, <PortalListPage v={viewContext(req, reply)} rows={rows} />);
  });

  app.get<{ Params: Params; Querystring: { notice?: string } }>(
    '/portal/cases/:reference',
    { schema: { hide: true } },
    (req, reply) => renderCase(ctx, req, reply, { notice: req.query.notice }),
  );

  /** Runs a form's use case; on bad input shows the page again with that form's problem. */
  const form = (
    path: string,
    kind: keyof CaseProblems,
    run: (req: FastifyRequest<{ Params: Params & { ordinal?: string } }>) => Promise<unknown>,
    notice: (typeof NOTICES)[number],
  ) => {
    app.post<{ Params: Params & { ordinal?: string } }>(
      path,
      { schema: { hide: true } },
      async (req, reply) => {
        try {
          await run(req);
        } catch (err) {
          const problem: FormProblem = { errors: fieldErrorsOf(req, err), values: postedValues(req.body) };
          const problems: CaseProblems =
            kind === 'status'
              ? { status: { ...problem, ordinal: Number(req.params.ordinal) } }
              : { [kind]: problem };
          return renderCase(ctx, req, reply, { problems, status: 400 });
        }
        const anchor =
          kind === 'status'
            ? `#vuln-${req.params.ordinal}`
            : `#${kind === 'message' ? 'messages' : kind === 'suggestion' ? 'suggestions' : kind}`;
        return reply.redirect(`${portalCasePath(req.params.reference)}?notice=${notice}${anchor}`, 303);
      },
    );
  };

  app.post<{ Params: Params }>(
    '/portal/cases/:reference/acknowledge',
    { schema: { hide: true } },
    async (req, reply) => {
      await acknowledgeNotification(ctx, req.actor, { reference: req.params.reference, ip: req.ip });
      return reply.redirect(`${portalCasePath(req.params.reference)}?notice=acknowledged`, 303);
    },
  );

  form(
    '/portal/cases/:reference/vulnerabilities/:ordinal/status',
    'status',
    (req) => {
      const b = postedValues(req.body);
      return updateMyStatus(ctx, req.actor, {
        reference: req.params.reference,
        ordinal: req.params.ordinal,
        status: b.status,
        statement: b.statement ?? '',
        countermeasure: b.countermeasure ?? '',
        shared: b.shared === 'on',
        ip: req.ip,
      });
    },
    'status',
  );

  form(
    '/portal/cases/:reference/schedule',
    'schedule',
    (req) => {
      const b = postedValues(req.body);
      return respondToSchedule(ctx, req.actor, {
        reference: req.params.reference,
        response: b.response,
        moment: { local: b.publishAt ?? '', timeZone: b.timeZone ?? '' },
        reason: b.reason ?? '',
        ip: req.ip,
      });
    },
    'schedule',
  );

  form(
    '/portal/cases/:reference/messages',
    'message',
    (req) =>
      sendPartyMessage(ctx, req.actor, {
        reference: req.params.reference,
        body: postedValues(req.body).body,
        ip: req.ip,
      }),
    'message',
  );

  form(
    '/portal/cases/:reference/suggestions',
    'suggestion',
    (req) => {
      const b = postedValues(req.body);
      return suggestDeveloper(ctx, req.actor, {
        reference: req.params.reference,
        name: b.name,
        reason: b.reason,
        ip: req.ip,
      });
    },
    'suggestion',
  );
}
