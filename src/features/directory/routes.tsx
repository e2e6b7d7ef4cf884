// HTTP for the directory feature (名簿 — product developers', CSIRTs' and website operators' contact windows).
// Thin: parse → one use case → page or 303. A use case's own validation error (a bad key, a taken domain) comes back
// as field errors and the form is shown again with what was typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { isCatalogKey, parseInput } from '../../platform/http/validation.js';
import { inviteUser } from '../accounts/invite-user.js';
import { addDomain } from './add-domain.js';
import { addProduct } from './add-product.js';
import { directoryApiRoutes } from './api.js';
import { approveEntryChange } from './approve-entry-change.js';
import { loadChangeRequest, ownChangeRequests, pendingChangeRequests } from './change-requests.js';
import { listGroups, searchParties } from './contact-window.js';
import { createDirectoryEntry } from './create-directory-entry.js';
import {
  domainInput,
  entryInput,
  groupInput,
  inviteInput,
  keepInput,
  memberInput,
  newEntryInput,
  productInput,
  proposalInput,
  rejectInput,
} from './entry-input.js';
import { directoryOrganization, resourceOf } from './entry-store.js';
import { addGroupMember, createGroup, removeGroupMember, showGroup } from './groups.js';
import { directoryFilter, listDirectory } from './list-directory.js';
import { DIRECTORY_TYPES, type DirectoryType } from './product-category.js';
import { proposeEntryChange } from './propose-entry-change.js';
import { rejectEntryChange } from './reject-entry-change.js';
import { relayCandidates } from './relay-candidates.js';
import { removeDomain } from './remove-domain.js';
import { retireProduct } from './retire-product.js';
import { type DirectoryEntryView, showDirectoryEntry } from './show-directory-entry.js';
import { updateDirectoryEntry } from './update-directory-entry.js';
import { productOf, updateProduct } from './update-product.js';
import { EntryFormPage, type FormValues } from './views/entry-form-page.js';
import { EntryPage, type EntryPageModel } from './views/entry-page.js';
import { GroupPage, GroupsPage } from './views/groups-pages.js';
import { DirectoryListPage } from './views/list-page.js';
import { MyEntryPage } from './views/my-entry-page.js';
import { ProductFormPage } from './views/product-form-page.js';
import { RequestPage, RequestsPage } from './views/requests-pages.js';

const hide = { schema: { hide: true } } as const;
type Id = { Params: { id: string } };

const ENTRY_NOTICES = [
  'created',
  'updated',
  'productAdded',
  'productRetired',
  'productUpdated',
  'domainAdded',
  'domainRemoved',
  'invited',
  'approved',
  'rejected',
] as const;
const GROUP_NOTICES = ['created', 'added', 'removed'] as const;

function noticeOf<N extends string>(
  req: FastifyRequest,
  list: readonly N[],
  prefix: string,
): string | undefined {
  const n = (req.query as { notice?: unknown } | undefined)?.notice;
  const found = list.find((x) => x === n);
  return found ? req.t(`${prefix}.${String(found)}`) : undefined;
}

/** A use case's validation error as field errors in the user's language; anything else is thrown on. */
function fieldErrorsOf(req: FastifyRequest, e: unknown): Record<string, string[]> {
  if (e instanceof AppError && e.code === 'validation') {
    const fields = e.fields ?? { _: [e.messageKey] };
    return Object.fromEntries(
      Object.entries(fields).map(([k, list]) => [k, list.map((m) => (isCatalogKey(m) ? req.t(m) : m))]),
    );
  }
  throw e;
}

/** The types this actor keeps (coordination staff: developers and CSIRTs; reception staff: operators). */
function keptTypes(actor: Actor): DirectoryType[] {
  return DIRECTORY_TYPES.filter((type) => can(actor, 'directory.manage', { organizationType: type }));
}

async function relayOptions(
  ctx: AppContext,
  req: FastifyRequest,
  opts: { exceptId?: string; currentId?: string | null } = {},
) {
  const list = await relayCandidates(ctx.db, opts);
  return list.map((o) => ({ id: o.id, name: req.locale === 'ja' ? o.nameJa : o.nameEn }));
}

function entryValues(m: DirectoryEntryView): FormValues {
  const e = m.entry;
  return {
    nameJa: m.organization.nameJa,
    nameEn: m.organization.nameEn,
    emails: e?.emails.join('\n') ?? '',
    phone: e?.phone ?? '',
    languages: e?.languages ?? ['ja'],
    locale: e?.locale ?? 'ja',
    webUrl: e?.webUrl ?? '',
    pgpPublicKey: e?.pgpPublicKey ?? '',
    ndaSignedOn: e?.ndaSignedOn ?? '',
    ndaVersion: e?.ndaVersion ?? '',
    notes: e?.notes ?? '',
    operatorKind: e?.operatorKind ?? '',
    relayViaOrganizationId: e?.relayVia?.id ?? '',
  };
}

export const directoryRoutes: Feature = (app, ctx) => {
  directoryApiRoutes(app, ctx);
  listAndEntryRoutes(app, ctx);
  requestRoutes(app, ctx);
  groupRoutes(app, ctx);
  myEntryRoutes(app, ctx);
};

function listAndEntryRoutes(app: App, ctx: AppContext) {
  app.get('/directory', hide, async (req, reply) => {
    const parsed = parseInput(directoryFilter, req.query, req.locale);
    const filter = parsed.ok ? parsed.data : {};
    const { items, page, hasNext } = await listDirectory(ctx, req.actor, filter);
    const pending = await pendingChangeRequests(ctx.db, req.actor);
    return sendPage(
      reply,
      <DirectoryListPage
        v={viewContext(req, reply)}
        items={items}
        page={page}
        hasNext={hasNext}
        filter={filter}
        canCreate={keptTypes(req.actor).length > 0}
        canGroups={can(req.actor, 'directory.read')}
        pendingCount={pending.length}
        errors={parsed.ok ? undefined : parsed.errors}
      />,
      parsed.ok ? 200 : 400,
    );
  });

  const newForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors?: Record<string, string[]>,
  ) =>
    sendPage(
      reply,
      <EntryFormPage
        v={viewContext(req, reply)}
        mode="new"
        values={values}
        errors={errors}
        types={keptTypes(req.actor)}
        relayOptions={await relayOptions(ctx, req)}
      />,
      errors ? 400 : 200,
    );

  app.get('/directory/new', hide, async (req, reply) => {
    const types = keptTypes(req.actor);
    if (types.length === 0) authorize(req.actor, 'directory.manage', {});
    return newForm(req, reply, { languages: ['ja'], locale: 'ja', type: types.length === 1 ? types[0] : '' });
  });

  app.post('/directory', hide, async (req, reply) => {
    // permission first, so a visitor without it learns nothing from the validation
    if (keptTypes(req.actor).length === 0) authorize(req.actor, 'directory.manage', {});
    const values = keepInput(req.body);
    const parsed = parseInput(newEntryInput, req.body, req.locale);
    if (!parsed.ok) return newForm(req, reply, values, parsed.errors);
    try {
      const { organizationId } = await createDirectoryEntry(ctx, req.actor, parsed.data);
      return reply.redirect(`/directory/${organizationId}?notice=created`, 303);
    } catch (e) {
      return newForm(req, reply, values, fieldErrorsOf(req, e));
    }
  });

  const entryPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form?: EntryPageModel['form'],
  ) => {
    const view = await showDirectoryEntry(ctx, req.actor, id);
    const org = view.organization;
    const model: EntryPageModel = {
      ...view,
      canInvite:
        !org.disabledAt &&
        (view.entry?.emails.length ?? 0) > 0 &&
        can(req.actor, 'user.invite', { ...resourceOf(org), role: 'org_admin' }),
      notice: noticeOf(req, ENTRY_NOTICES, 'directory.entry.notices'),
      ...(form ? { form } : {}),
    };
    return sendPage(reply, <EntryPage v={viewContext(req, reply)} model={model} />, form ? 400 : 200);
  };

  app.get<Id>('/directory/:id', hide, async (req, reply) => {
    const actor = req.actor;
    // a party's own entry is its /my/directory page (the staff page's links lead nowhere for it)
    if (actor.kind === 'user' && !can(actor, 'directory.read') && actor.organizationId === req.params.id) {
      return reply.redirect('/my/directory', 303);
    }
    return entryPage(req, reply, req.params.id);
  });

  const editForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    org: { id: string; type: string; nameJa: string; nameEn: string },
    values: FormValues,
    errors?: Record<string, string[]>,
  ) =>
    sendPage(
      reply,
      <EntryFormPage
        v={viewContext(req, reply)}
        mode="edit"
        organization={org}
        values={values}
        errors={errors}
        relayOptions={
          await relayOptions(ctx, req, {
            exceptId: org.id,
            currentId:
              typeof values.relayViaOrganizationId === 'string'
                ? values.relayViaOrganizationId || null
                : null,
          })
        }
      />,
      errors ? 400 : 200,
    );

  app.get<Id>('/directory/:id/edit', hide, async (req, reply) => {
    const org = await directoryOrganization(ctx.db, req.params.id);
    authorize(req.actor, 'directory.manage', resourceOf(org));
    const view = await showDirectoryEntry(ctx, req.actor, org.id);
    return editForm(req, reply, org, entryValues(view));
  });

  app.post<Id>('/directory/:id/edit', hide, async (req, reply) => {
    const org = await directoryOrganization(ctx.db, req.params.id);
    authorize(req.actor, 'directory.manage', resourceOf(org));
    const values = keepInput(req.body);
    const parsed = parseInput(entryInput, req.body, req.locale);
    if (!parsed.ok) return editForm(req, reply, org, values, parsed.errors);
    try {
      await updateDirectoryEntry(ctx, req.actor, org.id, parsed.data);
      return reply.redirect(`/directory/${org.id}?notice=updated`, 303);
    } catch (e) {
      return editForm(req, reply, org, values, fieldErrorsOf(req, e));
    }
  });

  app.post<Id>('/directory/:id/products', hide, async (req, reply) => {
    const org = await directoryOrganization(ctx.db, req.params.id);
    authorize(req.actor, 'directory.manage', resourceOf(org));
    const values = keepInput(req.body);
    const parsed = parseInput(productInput, req.body, req.locale);
    if (!parsed.ok) return entryPage(req, reply, org.id, { name: 'product', values, errors: parsed.errors });
    await addProduct(ctx, req.actor, org.id, parsed.data);
    return reply.redirect(`/directory/${org.id}?notice=productAdded#products`, 303);
  });

  type ProductParams = { Params: { id: string; productId: string } };
  const productForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    ids: { id: string; productId: string },
    values: FormValues,
    errors?: Record<string, string[]>,
  ) =>
    sendPage(
      reply,
      <ProductFormPage
        v={viewContext(req, reply)}
        organizationId={ids.id}
        productId={ids.productId}
        values={values}
        errors={errors}
      />,
      errors ? 400 : 200,
    );

  app.get<ProductParams>('/directory/:id/products/:productId/edit', hide, async (req, reply) => {
    const p = await productOf(ctx, req.actor, req.params.id, req.params.productId);
    return productForm(req, reply, req.params, {
      nameJa: p.nameJa,
      nameEn: p.nameEn,
      purl: p.purl ?? '',
      cpe: p.cpe ?? '',
      category: p.category,
    });
  });

  app.post<ProductParams>('/directory/:id/products/:productId/edit', hide, async (req, reply) => {
    // permission (and the product's existence) first
    await productOf(ctx, req.actor, req.params.id, req.params.productId);
    const values = keepInput(req.body);
    const parsed = parseInput(productInput, req.body, req.locale);
    if (!parsed.ok) return productForm(req, reply, req.params, values, parsed.errors);
    await updateProduct(ctx, req.actor, req.params.id, req.params.productId, parsed.data);
    return reply.redirect(`/directory/${req.params.id}?notice=productUpdated#products`, 303);
  });

  app.post<{ Params: { id: string; productId: string } }>(
    '/directory/:id/products/:productId/retire',
    hide,
    async (req, reply) => {
      await retireProduct(ctx, req.actor, req.params.id, req.params.productId);
      return reply.redirect(`/directory/${req.params.id}?notice=productRetired#products`, 303);
    },
  );

  app.post<Id>('/directory/:id/domains', hide, async (req, reply) => {
    const org = await directoryOrganization(ctx.db, req.params.id);
    authorize(req.actor, 'directory.manage', resourceOf(org));
    const values = keepInput(req.body);
    const parsed = parseInput(domainInput, req.body, req.locale);
    if (!parsed.ok) return entryPage(req, reply, org.id, { name: 'domain', values, errors: parsed.errors });
    try {
      await addDomain(ctx, req.actor, org.id, parsed.data);
    } catch (e) {
      return entryPage(req, reply, org.id, { name: 'domain', values, errors: fieldErrorsOf(req, e) });
    }
    return reply.redirect(`/directory/${org.id}?notice=domainAdded#domains`, 303);
  });

  app.post<{ Params: { id: string; domainId: string } }>(
    '/directory/:id/domains/:domainId/remove',
    hide,
    async (req, reply) => {
      await removeDomain(ctx, req.actor, req.params.id, req.params.domainId);
      return reply.redirect(`/directory/${req.params.id}?notice=domainRemoved#domains`, 303);
    },
  );

  // an invitation is the accounts feature's (user.invite): the directory only offers a contact's address
  app.post<Id>('/directory/:id/invite', hide, async (req, reply) => {
    const org = await directoryOrganization(ctx.db, req.params.id);
    authorize(req.actor, 'user.invite', { ...resourceOf(org), role: 'org_admin' });
    const values = keepInput(req.body);
    const parsed = parseInput(inviteInput, req.body, req.locale);
    if (!parsed.ok) return entryPage(req, reply, org.id, { name: 'invite', values, errors: parsed.errors });
    try {
      await inviteUser(ctx, req.actor, {
        email: parsed.data.email,
        organizationId: org.id,
        role: 'org_admin',
        locale: parsed.data.locale,
      });
    } catch (e) {
      if (e instanceof AppError && e.fields) {
        return entryPage(req, reply, org.id, { name: 'invite', values, errors: fieldErrorsOf(req, e) });
      }
      throw e;
    }
    return reply.redirect(`/directory/${org.id}?notice=invited#users`, 303);
  });
}

function requestRoutes(app: App, ctx: AppContext) {
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

function groupRoutes(app: App, ctx: AppContext) {
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

  app.post<{ Params: { id: string; organizationId: string } }>(
    '/directory/groups/:id/members/:organizationId/remove',
    hide,
    async (req, reply) => {
      await removeGroupMember(ctx, req.actor, req.params.id, req.params.organizationId);
      return reply.redirect(`/directory/groups/${req.params.id}?notice=removed`, 303);
    },
  );
}

function myEntryRoutes(app: App, ctx: AppContext) {
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
