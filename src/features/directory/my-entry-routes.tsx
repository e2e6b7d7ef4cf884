// HTTP for a party's own entry (/my/directory): what the keeper holds about it, and an organization admin's
// proposed changes, which wait for the keeper's approval.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { fieldErrorsOf } from '../../platform/http/field-errors.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { ownChangeRequests } from './change-requests.js';
import { keepInput, proposalInput } from './entry-input.js';
import { proposeEntryChange } from './propose-entry-change.js';
import { entryValues, hide, noticeOf } from './route-helpers.js';
import { showDirectoryEntry } from './show-directory-entry.js';
import type { FormValues } from './views/entry-form-page.js';
import { MyEntryPage } from './views/my-entry-page.js';

export function myEntryRoutes(app: App, ctx: AppContext) {
  const myPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { values?: FormValues; errors?: Record<string, string[]> } = {},
  ) => {
    const actor = req.actor;
    if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
    if (!actor.organizationId) throw notFound();
    const view = await showDirectoryEntry(ctx, actor, actor.organizationId);
    const requests = await ownChangeRequests(ctx.db, actor, actor.organizationId);
    return sendPage(
      reply,
      <MyEntryPage
        v={viewContext(req, reply)}
        model={view}
        requests={requests}
        canPropose={can(actor, 'directory.request-change', { organizationId: actor.organizationId })}
        values={opts.values ?? entryValues(view)}
        errors={opts.errors}
        notice={noticeOf(req, ['proposed'], 'directory.my.notices')}
      />,
      opts.errors ? 400 : 200,
    );
  };

  app.get('/my/directory', hide, async (req, reply) => myPage(req, reply));

  app.post('/my/directory', hide, async (req, reply) => {
    const actor = req.actor;
    authorize(actor, 'directory.request-change', {
      organizationId: actor.kind === 'user' ? actor.organizationId : null,
    });
    const values = keepInput(req.body);
    const parsed = parseInput(proposalInput, req.body, req.locale);
    if (!parsed.ok) return myPage(req, reply, { values, errors: parsed.errors });
    try {
      await proposeEntryChange(ctx, actor, parsed.data);
    } catch (e) {
      return myPage(req, reply, { values, errors: fieldErrorsOf(req, e) });
    }
    return reply.redirect('/my/directory?notice=proposed', 303);
  });
}
