// Developer groups: the list with a form to make one, and one group with its members (add by choosing from a
// search, remove each).
import {
  CsrfField,
  ErrorSummary,
  Field,
  SelectField,
  TextArea,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { showGroup } from '../groups.js';
import { Notice, nameIn } from './shared.js';

export function GroupsPage({
  v,
  groups,
  canManage,
  values = {},
  errors,
  notice,
}: {
  v: ViewContext;
  groups: { id: string; name: string; memberCount: number }[];
  canManage: boolean;
  values?: { name?: string; description?: string };
  errors?: Record<string, string[]> | undefined;
  notice?: string | undefined;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('directory.groups.title')}>
      <p>
        <a href="/directory">{t('directory.groups.back')}</a>
      </p>
      <h1>{t('directory.groups.title')}</h1>
      <p>{t('directory.groups.intro')}</p>
      <Notice text={notice} />
      {groups.length === 0 ? (
        <p>{t('directory.groups.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('directory.groups.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.groups.name')}</th>
                <th scope="col">{t('directory.groups.members')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <a href={`/directory/groups/${g.id}`}>{g.name}</a>
                  </th>
                  <td>{g.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <form method="post" action="/directory/groups" novalidate>
          <CsrfField v={v} />
          <fieldset>
            <legend>{t('directory.groups.newLegend')}</legend>
            <ErrorSummary v={v} errors={errors} />
            <Field
              name="name"
              label={t('directory.groups.name')}
              value={values.name}
              required
              errors={errors}
            />
            <TextArea
              name="description"
              label={t('directory.groups.description')}
              value={values.description}
              rows={2}
              errors={errors}
            />
            <button type="submit">{t('directory.groups.create')}</button>
          </fieldset>
        </form>
      )}
    </Layout>
  );
}

export function GroupPage({
  v,
  group,
  canManage,
  q,
  candidates,
  errors,
  notice,
  values,
}: {
  v: ViewContext;
  group: Awaited<ReturnType<typeof showGroup>>;
  canManage: boolean;
  q: string;
  candidates: { organizationId: string; nameJa: string; nameEn: string; type: string }[];
  errors?: Record<string, string[]> | undefined;
  notice?: string | undefined;
  /** what the keeper typed in the rename form, shown again after an error */
  values?: { name?: string; description?: string } | undefined;
}) {
  const { t, locale } = v;
  const title = t('directory.groups.groupTitle', { name: group.name });
  const memberIds = new Set(group.members.map((m) => m.organizationId));
  return (
    <Layout v={v} title={title}>
      <p>
        <a href="/directory/groups">{t('directory.groups.backToGroups')}</a>
      </p>
      <h1>{title}</h1>
      {group.description && <p>{group.description}</p>}
      <Notice text={notice} />
      <ErrorSummary v={v} errors={errors} />
      {group.members.length === 0 ? (
        <p>{t('directory.groups.noMembers')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('directory.groups.memberCaption', { name: group.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.list.columns.name')}</th>
                <th scope="col">{t('directory.list.columns.type')}</th>
                {canManage && (
                  <th scope="col">
                    <span class="visually-hidden">{t('directory.entry.products.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {group.members.map((m) => (
                <tr key={m.organizationId}>
                  <th scope="row">
                    <a href={`/directory/${m.organizationId}`}>{nameIn(m, locale)}</a>
                  </th>
                  <td>{t(`directory.types.${m.type}`)}</td>
                  {canManage && (
                    <td>
                      <form
                        method="post"
                        action={`/directory/groups/${group.id}/members/${m.organizationId}/remove`}
                      >
                        <CsrfField v={v} />
                        <button type="submit">
                          {t('directory.groups.remove', { name: nameIn(m, locale) })}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <section aria-labelledby="add-member">
          <h2 id="add-member">{t('directory.groups.addLegend')}</h2>
          <form method="get" action={`/directory/groups/${group.id}`} class="filters">
            <Field name="q" type="search" label={t('directory.groups.search')} value={q} />
            <button type="submit">{t('directory.groups.searchSubmit')}</button>
          </form>
          <form method="post" action={`/directory/groups/${group.id}/members`} novalidate>
            <CsrfField v={v} />
            <SelectField
              name="organizationId"
              label={t('directory.groups.choose')}
              placeholder={t('directory.groups.chooseOne')}
              options={candidates
                .filter((c) => !memberIds.has(c.organizationId))
                .map((c) => ({
                  value: c.organizationId,
                  label: `${nameIn(c, locale)}（${t(`directory.types.${c.type}`)}）`,
                }))}
              required
              errors={errors}
            />
            <button type="submit">{t('directory.groups.add')}</button>
          </form>
        </section>
      )}
      {canManage && (
        <section aria-labelledby="rename-group">
          <h2 id="rename-group">{t('directory.groups.renameLegend')}</h2>
          <form method="post" action={`/directory/groups/${group.id}/rename`} novalidate>
            <CsrfField v={v} />
            <Field
              name="name"
              label={t('directory.groups.name')}
              value={values?.name ?? group.name}
              required
              errors={errors}
            />
            <TextArea
              name="description"
              label={t('directory.groups.description')}
              value={values?.description ?? group.description ?? ''}
              rows={2}
              errors={errors}
            />
            <button type="submit">{t('directory.groups.rename')}</button>
          </form>
        </section>
      )}
      {canManage && (
        <section aria-labelledby="archive-group">
          <h2 id="archive-group">{t('directory.groups.archiveLegend')}</h2>
          <p>{t('directory.groups.archiveHint')}</p>
          <form method="post" action={`/directory/groups/${group.id}/archive`}>
            <CsrfField v={v} />
            <button type="submit">{t('directory.groups.archive', { name: group.name })}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}
