// HTTP for groups of developers (グループ): the list, one group with its members and candidates, adding and removing
// members. The coordination body keeps them. Thin: parse → one use case → page or 303.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { fieldErrorsOf } from '../../platform/http/field-errors.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { addGroupMember } from './add-group-member.js';
import { archiveGroup } from './archive-group.js';
import { listGroups, searchParties } from './contact-window.js';
import { createGroup } from './create-group.js';
import { groupInput, keepInput, memberInput } from './entry-input.js';
import { showGroup } from './groups.js';
import { removeGroupMember } from './remove-group-member.js';
import { renameGroup } from './rename-group.js';
import { hide, type Id, noticeOf } from './route-helpers.js';
import { GroupPage, GroupsPage } from './views/groups-pages.js';

const GROUP_NOTICES = ['created', 'added', 'removed', 'renamed'] as const;
const GROUPS_NOTICES = ['archived'] as const;

export function groupRoutes(app: App, ctx: AppContext) {
  const canManageGroups = (actor: Actor) =>
    can(actor, 'directory.manage', { organizationType: 'product_developer' });

  const groupsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { values?: { name?: string; description?: string }; errors?: Record<string, string[]> } = {},
  ) => {
    authorize(req.actor, 'directory.read');
    return sendPage(
      reply,
      <GroupsPage
        v={viewContext(req, reply)}
        groups={await listGroups(ctx.db)}
        canManage={canManageGroups(req.actor)}
        {...(opts.values ? { values: opts.values } : {})}
        errors={opts.errors}
        notice={noticeOf(req, GROUPS_NOTICES, 'directory.groups.notices')}
      />,
      opts.errors ? 400 : 200,
    );
  };

  app.get('/directory/groups', hide, async (req, reply) => groupsPage(req, reply));

  app.post('/directory/groups', hide, async (req, reply) => {
    authorize(req.actor, 'directory.manage', { organizationType: 'product_developer' });
    const kept = keepInput(req.body);
    const values = { name: String(kept.name ?? ''), description: String(kept.description ?? '') };
    const parsed = parseInput(groupInput, req.body, req.locale);
    if (!parsed.ok) return groupsPage(req, reply, { values, errors: parsed.errors });
    try {
      const { groupId } = await createGroup(ctx, req.actor, parsed.data);
      return reply.redirect(`/directory/groups/${groupId}?notice=created`, 303);
    } catch (e) {
      return groupsPage(req, reply, { values, errors: fieldErrorsOf(req, e) });
    }
  });

  const groupPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: Record<string, string[]>,
    values?: { name: string; description: string },
  ) => {
    const group = await showGroup(ctx, req.actor, id);
    const canManage = canManageGroups(req.actor);
    const q = String((req.query as { q?: unknown }).q ?? '').slice(0, 200);
    const candidates = canManage
      ? [
          ...(await searchParties(ctx.db, { type: 'product_developer', q, limit: 100 })).map((c) => ({
            ...c,
            type: 'product_developer',
          })),
          ...(await searchParties(ctx.db, { type: 'csirt', q, limit: 100 })).map((c) => ({
            ...c,
            type: 'csirt',
          })),
        ]
      : [];
    return sendPage(
      reply,
      <GroupPage
        v={viewContext(req, reply)}
        group={group}
        canManage={canManage}
        q={q}
        candidates={candidates}
        errors={errors}
        values={values}
        notice={noticeOf(req, GROUP_NOTICES, 'directory.groups.notices')}
      />,
      errors ? 400 : 200,
    );
  };

  app.get<Id>('/directory/groups/:id', hide, async (req, reply) => groupPage(req, reply, req.params.id));

  app.post<Id>('/directory/groups/:id/members', hide, async (req, reply) => {
    authorize(req.actor, 'directory.manage', { organizationType: 'product_developer' });
    const parsed = parseInput(memberInput, req.body, req.locale);
    if (!parsed.ok) return groupPage(req, reply, req.params.id, parsed.errors);
    try {
      await addGroupMember(ctx, req.actor, req.params.id, parsed.data);
    } catch (e) {
      return groupPage(req, reply, req.params.id, fieldErrorsOf(req, e));
    }
    return reply.redirect(`/directory/groups/${req.params.id}?notice=added`, 303);
  });

  app.post<Id>('/directory/groups/:id/rename', hide, async (req, reply) => {
    authorize(req.actor, 'directory.manage', { organizationType: 'product_developer' });
    const kept = keepInput(req.body);
    const values = { name: String(kept.name ?? ''), description: String(kept.description ?? '') };
    const parsed = parseInput(groupInput, req.body, req.locale);
    if (!parsed.ok) return groupPage(req, reply, req.params.id, parsed.errors, values);
    try {
      await renameGroup(ctx, req.actor, req.params.id, parsed.data);
    } catch (e) {
      return groupPage(req, reply, req.params.id, fieldErrorsOf(req, e), values);
    }
    return reply.redirect(`/directory/groups/${req.params.id}?notice=renamed`, 303);
  });

  app.post<Id>('/directory/groups/:id/archive', hide, async (req, reply) => {
    await archiveGroup(ctx, req.actor, req.params.id);
    return reply.redirect('/directory/groups?notice=archived', 303);
  });

  app.post<{ Params: { id: string; organizationId: string } }>(
    '/directory/groups/:id/members/:organizationId/remove',
    hide,
    async (req, reply) => {
      await removeGroupMember(ctx, req.actor, req.params.id, req.params.organizationId);
      return reply.redirect(`/directory/groups/${req.params.id}?notice=removed`, 303);
    },
  );
}
