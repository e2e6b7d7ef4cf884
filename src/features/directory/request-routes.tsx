// HTTP for change requests (変更申請): the keeper's list of pending requests, one request with before/after, and
// its approval or rejection with a reason. Thin: parse → one use case → page or 303.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { fieldErrorsOf } from '../../platform/http/field-errors.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { approveEntryChange } from './approve-entry-change.js';
import { loadChangeRequest, pendingChangeRequests } from './change-requests.js';
import { keepInput, rejectInput } from './entry-input.js';
import { rejectEntryChange } from './reject-entry-change.js';
import { hide, type Id } from './route-helpers.js';
import { RequestPage, RequestsPage } from './views/requests-pages.js';

export function requestRoutes(app: App, ctx: AppContext) {
  app.get('/directory/requests', hide, async (req, reply) => {
    const requests = await pendingChangeRequests(ctx.db, req.actor);
    return sendPage(reply, <RequestsPage v={viewContext(req, reply)} requests={requests} />);
  });

  const requestPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    opts: { reason?: string; errors?: Record<string, string[]> } = {},
  ) => {
    const request = await loadChangeRequest(ctx.db, req.actor, id);
    const canDecide = can(req.actor, 'directory.manage', {
      organizationId: request.organizationId,
      organizationType: request.organizationType,
    });
    if (!canDecide) authorize(req.actor, 'directory.manage', { organizationType: request.organizationType });
    return sendPage(
      reply,
      <RequestPage
        v={viewContext(req, reply)}
        request={request}
        canDecide={canDecide}
        {...(opts.reason !== undefined ? { reason: opts.reason } : {})}
        errors={opts.errors}
      />,
      opts.errors ? 400 : 200,
    );
  };

  app.get<Id>('/directory/requests/:id', hide, async (req, reply) => requestPage(req, reply, req.params.id));

  app.post<Id>('/directory/requests/:id/approve', hide, async (req, reply) => {
    const request = await loadChangeRequest(ctx.db, req.actor, req.params.id);
    try {
      await approveEntryChange(ctx, req.actor, request.id);
    } catch (e) {
      return requestPage(req, reply, request.id, { errors: fieldErrorsOf(req, e) });
    }
    return reply.redirect(`/directory/${request.organizationId}?notice=approved`, 303);
  });

  app.post<Id>('/directory/requests/:id/reject', hide, async (req, reply) => {
    const request = await loadChangeRequest(ctx.db, req.actor, req.params.id);
    authorize(req.actor, 'directory.manage', {
      organizationId: request.organizationId,
      organizationType: request.organizationType,
    });
    const reason = String(keepInput(req.body).reason ?? '');
    const parsed = parseInput(rejectInput, req.body, req.locale);
    if (!parsed.ok) return requestPage(req, reply, request.id, { reason, errors: parsed.errors });
    await rejectEntryChange(ctx, req.actor, request.id, parsed.data);
    return reply.redirect(`/directory/${request.organizationId}?notice=rejected`, 303);
  });
}
