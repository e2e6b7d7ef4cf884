// Users of an organization: create one directly (password shown once), invite one by e-mail, disable one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { Role } from '../../platform/db/schema.js';
import { AppError, type FieldErrors, forbidden } from '../../platform/errors.js';
import { type App, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { createUser } from '../accounts/create-user.js';
import { inviteUser } from '../accounts/invite-user.js';
import { disableUser, findDisableTarget } from './disable-user.js';
import { grantableRoles, keepInput, userForm } from './forms.js';
import { findReadableOrganization, type OrganizationSummary } from './show-organization.js';
import { DisableUserPage } from './views/disable-user-page.js';
import { UserCreatedPage } from './views/user-created-page.js';
import { UserFormPage } from './views/user-form-page.js';

type Kind = 'create' | 'invite';
type OrgRequest = FastifyRequest<{ Params: { id: string } }>;
const USER_FIELDS = ['email', 'displayName', 'role', 'locale'] as const;

/** The organization and the roles the actor may give in it: 404 if it cannot see it, 403 if it may give none. */
async function formContext(ctx: AppContext, req: OrgRequest, kind: Kind) {
  const { actor, organization } = await findReadableOrganization(ctx.db, req.actor, req.params.id);
  const roles = grantableRoles(actor, kind === 'create' ? 'user.create' : 'user.invite', organization);
  if (roles.length === 0) throw forbidden();
  return { actor, organization, roles };
}

/** A use case's refusal of the input (e-mail taken, …) as errors on the form's fields. */
function formErrors(err: unknown, req: FastifyRequest): FieldErrors | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === 'conflict') return { email: [req.t('admin.newUser.emailTaken')] };
  if (err.code === 'validation' && err.fields) {
    // messages may be catalog keys; a key that is not one comes back unchanged
    return Object.fromEntries(Object.entries(err.fields).map(([k, msgs]) => [k, msgs.map((m) => req.t(m))]));
  }
  if (err.code === 'validation') return { _: [req.t(err.messageKey)] };
  return null;
}

function renderForm(
  req: FastifyRequest,
  reply: FastifyReply,
  kind: Kind,
  page: { organization: OrganizationSummary; roles: Role[] },
  errors?: FieldErrors,
) {
  return sendPage(
    reply,
    <UserFormPage
      v={viewContext(req, reply)}
      kind={kind}
      organization={page.organization}
      roles={page.roles}
      values={errors ? keepInput(req.body, USER_FIELDS) : {}}
      errors={errors}
    />,
    errors ? 400 : 200,
  );
}

function parseUserForm(req: FastifyRequest, kind: Kind, roles: Role[]) {
  const schema = userForm(roles, {
    displayNameOptional: kind === 'invite',
    roleMessage: req.t('admin.newUser.roleNotAllowed'),
  });
  return parseInput(schema, req.body, req.locale);
}

export function userRoutes(app: App, ctx: AppContext) {
  app.get<{ Params: { id: string } }>(
    '/admin/organizations/:id/users/new',
    { schema: { hide: true } },
    async (req, reply) => renderForm(req, reply, 'create', await formContext(ctx, req, 'create')),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/organizations/:id/users',
    { schema: { hide: true } },
    async (req, reply) => {
      const page = await formContext(ctx, req, 'create');
      const parsed = parseUserForm(req, 'create', page.roles);
      if (!parsed.ok) return renderForm(req, reply, 'create', page, parsed.errors);
      const input = parsed.data;
      try {
        const created = await createUser(ctx, page.actor, {
          email: input.email,
          displayName: input.displayName ?? input.email,
          organizationId: page.organization.id,
          role: input.role,
          locale: input.locale,
        });
        return sendPage(
          reply,
          <UserCreatedPage
            v={viewContext(req, reply)}
            organizationId={page.organization.id}
            user={{ displayName: input.displayName ?? input.email, email: input.email }}
            password={created.password}
          />,
        );
      } catch (err) {
        const errors = formErrors(err, req);
        if (errors) return renderForm(req, reply, 'create', page, errors);
        throw err;
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    '/admin/organizations/:id/invitations/new',
    { schema: { hide: true } },
    async (req, reply) => renderForm(req, reply, 'invite', await formContext(ctx, req, 'invite')),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/organizations/:id/invitations',
    { schema: { hide: true } },
    async (req, reply) => {
      const page = await formContext(ctx, req, 'invite');
      const parsed = parseUserForm(req, 'invite', page.roles);
      if (!parsed.ok) return renderForm(req, reply, 'invite', page, parsed.errors);
      const input = parsed.data;
      try {
        await inviteUser(ctx, page.actor, {
          email: input.email,
          organizationId: page.organization.id,
          role: input.role,
          locale: input.locale,
          ...(input.displayName ? { displayName: input.displayName } : {}),
        });
      } catch (err) {
        const errors = formErrors(err, req);
        if (errors) return renderForm(req, reply, 'invite', page, errors);
        throw err;
      }
      return reply.redirect(`/admin/organizations/${page.organization.id}?notice=invited`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/admin/users/:id/disable',
    { schema: { hide: true } },
    async (req, reply) => {
      const user = await findDisableTarget(ctx, req.actor, req.params.id);
      return sendPage(
        reply,
        <DisableUserPage
          v={viewContext(req, reply)}
          user={{
            id: user.id,
            displayName: user.display_name,
            email: user.email,
            organizationId: user.organization_id,
          }}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/disable',
    { schema: { hide: true } },
    async (req, reply) => {
      const result = await disableUser(ctx, req.actor, { userId: req.params.id, ip: req.ip });
      const back = result.organizationId
        ? `/admin/organizations/${result.organizationId}?notice=disabled`
        : '/admin/organizations';
      return reply.redirect(back, 303);
    },
  );
}
