// /developers: the developers with published advisories, by name, with how many each has.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { DeveloperSummary } from '../queries.js';
import { Bi, feedAlternates, Pager } from './parts.js';

export function DevelopersPage({
  v,
  items,
  page,
  hasNext,
}: {
  v: ViewContext;
  items: DeveloperSummary[];
  page: number;
  hasNext: boolean;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('vulndb.developers.title')} alternates={feedAlternates(v)}>
      <h1>{t('vulndb.developers.title')}</h1>
      {items.length === 0 ? (
        <p>{t('vulndb.developers.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('vulndb.developers.caption', { page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vulndb.developers.name')}</th>
                <th scope="col">{t('vulndb.developers.count')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.slug}>
                  <th scope="row">
                    <a href={`/developers/${d.slug}`}>
                      <Bi v={v} value={d.name} fallback={d.slug} />
                    </a>
                  </th>
                  <td>{d.advisories}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        v={v}
        page={page}
        hasNext={hasNext}
        href={(p) => (p > 1 ? `/developers?page=${p}` : '/developers')}
      />
    </Layout>
  );
}
