// The reception queue: filters in a GET form (no JavaScript needed), the reports, keyset page links.

import { formatDate } from '../../../domain/time.js';
import type { Paged } from '../../../platform/db/keyset.js';
import { SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { REPORT_STATES } from '../../intake/report-states.js';
import type { QueueItem } from '../list-reports.js';
import { type QueueFilter, queueQuery } from '../queue-filter.js';
import { reportPath } from './paths.js';

export function QueuePage({
  v,
  filter,
  page,
  staff,
  errors,
}: {
  v: ViewContext;
  filter: QueueFilter;
  page: Paged<QueueItem>;
  staff: { id: string; name: string }[];
  errors?: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  const f = (k: string) => t(`screening.queue.filters.${k}`);
  return (
    <Layout v={v} title={t('screening.queue.title')}>
      <h1>{t('screening.queue.title')}</h1>
      <p>{t('screening.queue.intro')}</p>
      <section aria-labelledby="queue-filters">
        <h2 id="queue-filters">{f('heading')}</h2>
        <form method="get" action="/reception/reports" class="filters">
          <SelectField
            name="track"
            label={f('track')}
            value={filter.track ?? ''}
            options={[
              { value: '', label: f('anyTrack') },
              { value: 'software', label: t('cases.tracks.software') },
              { value: 'website', label: t('cases.tracks.website') },
            ]}
          />
          <SelectField
            name="state"
            label={f('state')}
            value={filter.state}
            options={[
              { value: 'open', label: f('open') },
              { value: 'all', label: f('all') },
              ...REPORT_STATES.map((s) => ({ value: s, label: t(`screening.states.${s}`) })),
            ]}
          />
          <div class={`field${errors?.olderThan ? ' has-error' : ''}`}>
            <label for="olderThan">{f('olderThan')}</label>
            {errors?.olderThan && (
              <p class="error" id="olderThan-error">
                {errors.olderThan.join(' ')}
              </p>
            )}
            <input
              id="olderThan"
              name="olderThan"
              type="number"
              min="0"
              max="3650"
              inputMode="numeric"
              value={filter.olderThan === undefined ? '' : String(filter.olderThan)}
              aria-invalid={errors?.olderThan ? 'true' : undefined}
              aria-describedby={errors?.olderThan ? 'olderThan-error' : undefined}
            />
          </div>
          <SelectField
            name="assignee"
            label={f('assignee')}
            value={filter.assignee ?? ''}
            options={[
              { value: '', label: f('anyone') },
              { value: 'me', label: f('me') },
              { value: 'none', label: f('unassigned') },
              ...staff.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <SelectField
            name="sort"
            label={f('sort')}
            value={filter.sort}
            options={[
              { value: 'oldest', label: f('oldest') },
              { value: 'newest', label: f('newest') },
            ]}
          />
          <button type="submit">{t('actions.filter')}</button>
          <a href="/reception/reports">{f('clear')}</a>
        </form>
      </section>
      {page.items.length === 0 ? (
        <p>{t('screening.queue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('screening.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screening.queue.columns.trackingNumber')}</th>
                <th scope="col">{t('screening.queue.columns.track')}</th>
                <th scope="col">{t('screening.queue.columns.affected')}</th>
                <th scope="col">{t('screening.queue.columns.submitted')}</th>
                <th scope="col">{t('screening.queue.columns.age')}</th>
                <th scope="col">{t('screening.queue.columns.state')}</th>
                <th scope="col">{t('screening.queue.columns.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={reportPath(r.trackingNumber)}>{r.trackingNumber}</a>
                  </th>
                  <td>{t(`cases.tracks.${r.track}`)}</td>
                  <td>{r.affected}</td>
                  <td>{formatDate(r.submittedAt, z)}</td>
                  <td>{r.ageDays}</td>
                  <td>{t(`screening.states.${r.state}`)}</td>
                  <td>{r.assignee ?? <span class="hint">{t('screening.queue.unassigned')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page.prevCursor || page.nextCursor) && (
        <nav class="pager" aria-label={t('screening.queue.pager.label')}>
          {page.prevCursor && (
            <a href={`/reception/reports?${queueQuery(filter, { before: page.prevCursor })}`} rel="prev">
              {t('screening.queue.pager.prev')}
            </a>
          )}
          {page.nextCursor && (
            <a href={`/reception/reports?${queueQuery(filter, { after: page.nextCursor })}`} rel="next">
              {t('screening.queue.pager.next')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
