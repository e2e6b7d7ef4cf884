// The organizations list: a GET filter form (works without JavaScript) and a table, names in the viewer's language.
import { Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { LIST_LIMIT, type OrganizationFilter, type OrganizationListItem } from '../list-organizations.js';
import { organizationTypeOptions } from './options.js';

export function OrganizationsPage({
  v,
  items,
  truncated,
  filter,
  canCreate,
  errors,
}: {
  v: ViewContext;
  items: OrganizationListItem[];
  truncated: boolean;
  filter: OrganizationFilter;
  canCreate: boolean;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t, locale } = v;
  const other = locale === 'ja' ? 'en' : 'ja';
  return (
    <Layout v={v} title={t('admin.organizations.title')}>
      <h1>{t('admin.organizations.title')}</h1>
      <p>{t('admin.organizations.intro')}</p>
      {canCreate && (
        <p>
          <a class="button-link" href="/admin/organizations/new">
            {t('admin.organizations.create')}
          </a>
        </p>
      )}
      <section aria-labelledby="org-filters">
        <h2 id="org-filters">{t('admin.organizations.filterHeading')}</h2>
        <form method="get" action="/admin/organizations" class="filters">
          <SelectField
            name="type"
            label={t('admin.organizations.type')}
            value={filter.type ?? ''}
            options={[{ value: '', label: t('admin.organizations.anyType') }, ...organizationTypeOptions(t)]}
            errors={errors}
          />
          <Field
            name="q"
            type="search"
            label={t('admin.organizations.name')}
            value={filter.q ?? ''}
            errors={errors}
          />
          <button type="submit">{t('actions.filter')}</button>
        </form>
      </section>
      {items.length === 0 ? (
        <p>{t('admin.organizations.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('admin.organizations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.organizations.columns.name')}</th>
                <th scope="col">{t('admin.organizations.columns.otherName')}</th>
                <th scope="col">{t('admin.organizations.columns.type')}</th>
                <th scope="col">{t('admin.organizations.columns.sector')}</th>
                <th scope="col">{t('admin.organizations.columns.users')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <a href={`/admin/organizations/${o.id}`}>{locale === 'ja' ? o.nameJa : o.nameEn}</a>
                    {o.disabled && ` ${t('admin.organizations.disabled')}`}
                  </th>
                  <td lang={other}>{other === 'ja' ? o.nameJa : o.nameEn}</td>
                  <td>{t(`orgTypes.${o.type}`)}</td>
                  <td>{o.sector ? t(`sectors.${o.sector}`) : ''}</td>
                  <td>{o.activeUsers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {truncated && <p class="notice">{t('admin.organizations.truncated', { count: LIST_LIMIT })}</p>}
    </Layout>
  );
}
