// A case queue (product cases for the coordination body, website cases for the reception body): a GET filter
// form, the table, keyset page links.

import { formatDate } from '../../../domain/time.js';
import type { Paged } from '../../../platform/db/keyset.js';
import type { ReportTrack } from '../../../platform/db/schema.js';
import { SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { CASE_STATE_FILTERS, type CaseFilter, type CaseListItem } from '../list-cases.js';
import { casePath } from './format.js';

export const queuePath = (track: ReportTrack) =>
  track === 'software' ? '/coordination/cases' : '/website/cases';

function pageLink(track: ReportTrack, filter: CaseFilter, cursor: { after?: string; before?: string }) {
  const q = new URLSearchParams({ state: filter.state, ...cursor });
  return `${queuePath(track)}?${q}`;
}

export function CasesPage({
  v,
  track,
  filter,
  page,
}: {
  v: ViewContext;
  track: ReportTrack;
  filter: CaseFilter;
  page: Paged<CaseListItem>;
}) {
  const { t } = v;
  const title = t(`cases.queues.${track}.title`);
  const z = { locale: v.locale, timeZone: v.timeZone };
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <p>{t(`cases.queues.${track}.intro`)}</p>
      <section aria-labelledby="case-filters">
        <h2 id="case-filters">{t('cases.queues.filters.heading')}</h2>
        <form method="get" action={queuePath(track)} class="filters">
          <SelectField
            name="state"
            label={t('cases.queues.filters.state')}
            value={filter.state}
            options={CASE_STATE_FILTERS.map((s) => ({
              value: s,
              label: s === 'all' ? t('cases.queues.filters.all') : t(`cases.states.${s}`),
            }))}
          />
          <button type="submit">{t('actions.filter')}</button>
        </form>
      </section>
      {page.items.length === 0 ? (
        <p>{t('cases.queues.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('cases.queues.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.queues.columns.reference')}</th>
                <th scope="col">{t('cases.queues.columns.affected')}</th>
                <th scope="col">{t('cases.queues.columns.handedOver')}</th>
                <th scope="col">{t('cases.queues.columns.age')}</th>
                <th scope="col">{t('cases.queues.columns.state')}</th>
                <th scope="col">{t('cases.queues.columns.links')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={casePath(c.reference)}>{c.reference}</a>
                  </th>
                  <td>{c.affected}</td>
                  <td>{formatDate(c.handedOverAt, z)}</td>
                  <td>{c.ageDays}</td>
                  <td>{t(`cases.states.${c.state}`)}</td>
                  <td>
                    {c.supersededBy && t('cases.queues.supersededBy', { reference: c.supersededBy })}
                    {c.reclassified && t('cases.queues.reclassified')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page.prevCursor || page.nextCursor) && (
        <nav class="pager" aria-label={t('cases.queues.pager.label')}>
          {page.prevCursor && (
            <a href={pageLink(track, filter, { before: page.prevCursor })} rel="prev">
              {t('cases.queues.pager.prev')}
            </a>
          )}
          {page.nextCursor && (
            <a href={pageLink(track, filter, { after: page.nextCursor })} rel="next">
              {t('cases.queues.pager.next')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
