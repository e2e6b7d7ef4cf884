// HTTP for the directory feature (名簿 — product developers', CSIRTs' and website operators' contact windows).
// Thin: parse → one use case → page or 303. A use case's own validation error (a bad key, a taken domain) comes back
// as field errors and the form is shown again with what was typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { fieldErrorsOf } from '../../platform/http/field-errors.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { inviteUser } from '../accounts/invite-user.js';
import { addDomain } from './add-domain.js';
import { addProduct } from './add-product.js';
import { directoryApiRoutes } from './api.js';
import { pendingChangeRequests } from './change-requests.js';
import { createDirectoryEntry } from './create-directory-entry.js';
import {
  domainInput,
  entryInput,
  inviteInput,
  keepInput,
  newEntryInput,
  productInput,
} from './entry-input.js';
import { directoryOrganization, resourceOf } from './entry-store.js';
import { groupRoutes } from './group-routes.js';
import { directoryFilter, listDirectory } from './list-directory.js';
import { myEntryRoutes } from './my-entry-routes.js';
import { removeDomain } from './remove-domain.js';
import { requestRoutes } from './request-routes.js';
import { retireProduct } from './retire-product.js';
import {
  ENTRY_NOTICES,
  entryValues,
  hide,
  type Id,
  keptTypes,
  noticeOf,
  relayOptions,
} from './route-helpers.js';
import { showDirectoryEntry } from './show-directory-entry.js';
import { updateDirectoryEntry } from './update-directory-entry.js';
import { productOf, updateProduct } from './update-product.js';
import { EntryFormPage, type FormValues } from './views/entry-form-page.js';
import { EntryPage, type EntryPageModel } from './views/entry-page.js';
import { DirectoryListPage } from './views/list-page.js';
import { ProductFormPage } from './views/product-form-page.js';

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
