// The directory list (staff): a GET filter form (type, name or domain) and a table, a page at a time.
import { Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { DirectoryFilter, DirectoryListItem } from '../list-directory.js';
import { DIRECTORY_TYPES } from '../product-category.js';
import { nameIn } from './shared.js';

function pageLink(filter: DirectoryFilter, page: number): string {
  const p = new URLSearchParams();
  if (filter.type) p.set('type', filter.type);
  if (filter.q) p.set('q', filter.q);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/directory?${s}` : '/directory';
}

export function DirectoryListPage({
  v,
  items,
  page,
  hasNext,
  filter,
  canCreate,
  canGroups,
  pendingCount,
  errors,
}: {
  v: ViewContext;
  items: DirectoryListItem[];
  page: number;
  hasNext: boolean;
  filter: DirectoryFilter;
  canCreate: boolean;
  canGroups: boolean;
  pendingCount: number;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t, locale } = v;
  return (
    <Layout v={v} title={t('directory.title')}>
      <h1>{t('directory.title')}</h1>
      <ul class="actions">
        {canCreate && (
          <li>
            <a class="button-link" href="/directory/new">
              {t('directory.list.newEntry')}
            </a>
          </li>
        )}
        {canGroups && (
          <li>
            <a href="/directory/groups">{t('directory.list.groups')}</a>
          </li>
        )}
        {pendingCount > 0 && (
          <li>
            <a href="/directory/requests">{t('directory.list.requests', { count: pendingCount })}</a>
          </li>
        )}
      </ul>
      <section aria-labelledby="directory-filters">
        <h2 id="directory-filters">{t('directory.list.filterLegend')}</h2>
        <form method="get" action="/directory" class="filters">
          <SelectField
            name="type"
            label={t('directory.list.type')}
            value={filter.type ?? ''}
            options={[
              { value: '', label: t('directory.types.all') },
              ...DIRECTORY_TYPES.map((ty) => ({ value: ty, label: t(`directory.types.${ty}`) })),
            ]}
            errors={errors}
          />
          <Field
            name="q"
            type="search"
            label={t('directory.list.q')}
            value={filter.q ?? ''}
            errors={errors}
          />
          <button type="submit">{t('directory.list.submit')}</button>
        </form>
      </section>
      {items.length === 0 ? (
        <p>{t('directory.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('directory.list.caption', { page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.list.columns.name')}</th>
                <th scope="col">{t('directory.list.columns.type')}</th>
                <th scope="col">{t('directory.list.columns.email')}</th>
                <th scope="col">{t('directory.list.columns.key')}</th>
                <th scope="col">{t('directory.list.columns.nda')}</th>
                <th scope="col">{t('directory.list.columns.domains')}</th>
                <th scope="col">{t('directory.list.columns.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.organizationId}>
                  <th scope="row">
                    <a href={`/directory/${o.organizationId}`}>{nameIn(o, locale)}</a>
                    {o.disabled && ` ${t('directory.list.disabled')}`}
                  </th>
                  <td>{t(`directory.types.${o.type}`)}</td>
                  <td>{o.hasEntry ? (o.primaryEmail ?? '') : t('directory.list.noEntry')}</td>
                  <td>{o.hasKey ? t('directory.list.yes') : t('directory.list.no')}</td>
                  <td>{o.ndaSignedOn ?? t('directory.list.no')}</td>
                  <td>{o.domains.join(', ')}</td>
                  <td>
                    {o.pendingRequests > 0 ? t('directory.list.pending', { count: o.pendingRequests }) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || hasNext) && (
        <nav class="pager" aria-label={t('directory.list.pagination')}>
          {page > 1 && (
            <a href={pageLink(filter, page - 1)} rel="prev">
              {t('directory.list.previous')}
            </a>
          )}
          {hasNext && (
            <a href={pageLink(filter, page + 1)} rel="next">
              {t('directory.list.next')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
