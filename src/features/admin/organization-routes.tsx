// /admin/organizations: the list (staff), registering one (staff admins), one organization's page, and
// /admin/my-organization for members of a non-staff organization.
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { createOrganization } from './create-organization.js';
import { grantableRoles, keepInput, organizationForm } from './forms.js';
import { listOrganizations, organizationFilter } from './list-organizations.js';
import { showOrganization } from './show-organization.js';
import { NewOrganizationPage } from './views/new-organization-page.js';
import { OrganizationPage } from './views/organization-page.js';
import { OrganizationsPage } from './views/organizations-page.js';

const NOTICES = ['created', 'invited', 'disabled'] as const;
const ORG_FIELDS = ['type', 'nameJa', 'nameEn', 'sector'] as const;

export function organizationRoutes(app: App, ctx: AppContext) {
  app.get('/admin/organizations', { schema: { hide: true } }, async (req, reply) => {
    const parsed = parseInput(organizationFilter, req.query, req.locale);
    const filter = parsed.ok ? parsed.data : {};
    const { items, truncated } = await listOrganizations(ctx, req.actor, filter, req.locale);
    return sendPage(
      reply,
      <OrganizationsPage
        v={viewContext(req, reply)}
        items={items}
        truncated={truncated}
        filter={filter}
        canCreate={can(req.actor, 'organization.create')}
        errors={parsed.ok ? undefined : parsed.errors}
      />,
      parsed.ok ? 200 : 400,
    );
  });

  app.get('/admin/organizations/new', { schema: { hide: true } }, async (req, reply) => {
    authorize(req.actor, 'organization.create');
    return sendPage(reply, <NewOrganizationPage v={viewContext(req, reply)} />);
  });

  app.post('/admin/organizations', { schema: { hide: true } }, async (req, reply) => {
    // permission first, so a visitor without it learns nothing from the validation
    authorize(req.actor, 'organization.create');
    const parsed = parseInput(organizationForm, req.body, req.locale);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <NewOrganizationPage
          v={viewContext(req, reply)}
          values={keepInput(req.body, ORG_FIELDS)}
          errors={parsed.errors}
        />,
        400,
      );
    }
    const { organizationId } = await createOrganization(ctx, req.actor, parsed.data);
    return reply.redirect(`/admin/organizations/${organizationId}?notice=created`, 303);
  });

  app.get('/admin/my-organization', { schema: { hide: true } }, async (req, reply) => {
    const actor = req.actor;
    if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
    if (!actor.organizationId) throw notFound();
    return reply.redirect(`/admin/organizations/${actor.organizationId}`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { notice?: string } }>(
    '/admin/organizations/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      const view = await showOrganization(ctx, req.actor, req.params.id);
      const actor = req.actor;
      const org = view.organization;
      const notice = NOTICES.find((n) => n === req.query.notice);
      return sendPage(
        reply,
        <OrganizationPage
          v={viewContext(req, reply)}
          model={{
            ...view,
            users:
              view.users?.map((u) => ({
                ...u,
                isViewer: actor.kind === 'user' && actor.userId === u.id,
                canDisable:
                  !u.disabledAt &&
                  !(actor.kind === 'user' && actor.userId === u.id) &&
                  can(actor, 'user.disable', { organizationId: org.id, userId: u.id }),
              })) ?? null,
            canCreateUser: grantableRoles(actor, 'user.create', org).length > 0,
            canInvite: grantableRoles(actor, 'user.invite', org).length > 0,
            canList: can(actor, 'organization.list'),
            notice: notice ? req.t(`admin.organization.notices.${notice}`) : undefined,
          }}
        />,
      );
    },
  );
}
