// The list of advisories (/coordination/advisories): a page at a time, most recently changed first, with how
// many there are and links to the other pages.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { AdvisoryList } from '../list-advisories.js';
import { advisoryPath } from '../mail.js';
import { Moment, when } from './parts.js';

export function ListPage({ v, list: page }: { v: ViewContext; list: AdvisoryList }) {
  const list = page.rows;
  const { t } = v;
  const title = t('advisories.list.title');
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {page.total > 0 && (
        <p>
          {t('advisories.list.count', {
            total: page.total,
            from: (page.page - 1) * page.pageSize + 1,
            to: (page.page - 1) * page.pageSize + list.length,
          })}
        </p>
      )}
      {list.length === 0 ? (
        <p>{t('advisories.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('advisories.list.reference')}</th>
                <th scope="col">{t('advisories.list.publicId')}</th>
                <th scope="col">{t('advisories.list.state')}</th>
                <th scope="col">{t('advisories.list.kind')}</th>
                <th scope="col">{t('advisories.list.scheduledFor')}</th>
                <th scope="col">{t('advisories.list.revision')}</th>
                <th scope="col">{t('advisories.list.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={advisoryPath(r.reference)}>{r.reference}</a>
                  </th>
                  <td>{r.publicId ?? '—'}</td>
                  <td>{t(`advisories.states.${r.state}`)}</td>
                  <td>{t(`advisories.kinds.${r.kind}`)}</td>
                  <td>{r.scheduledFor ? <Moment v={v} at={r.scheduledFor} /> : '—'}</td>
                  <td>{r.publishedRevision || '—'}</td>
                  <td>{when(v, r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.pages > 1 && (
        <nav aria-label={t('advisories.list.pagesLabel')}>
          <p>
            {page.page > 1 && (
              <a href={`/coordination/advisories?page=${page.page - 1}`} rel="prev">
                {t('advisories.list.previous')}
              </a>
            )}{' '}
            {t('advisories.list.pageOf', { page: page.page, pages: page.pages })}{' '}
            {page.page < page.pages && (
              <a href={`/coordination/advisories?page=${page.page + 1}`} rel="next">
                {t('advisories.list.next')}
              </a>
            )}
          </p>
        </nav>
      )}
    </Layout>
  );
}
