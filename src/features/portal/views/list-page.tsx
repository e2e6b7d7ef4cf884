// /portal: the cases the developer's organization is a party to, with what it still has to do on each.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { MyCaseRow } from '../list-my-cases.js';
import { Moment } from './moments.js';
import { portalCasePath } from './paths.js';

function Tasks({ v, row }: { v: ViewContext; row: MyCaseRow }) {
  const { t } = v;
  if (row.ended) return <>{t('portal.list.ended')}</>;
  const items: string[] = [];
  if (row.tasks.acknowledge) items.push(t('portal.list.taskAcknowledge'));
  if (row.tasks.statusesToGive > 0)
    items.push(t('portal.list.taskStatuses', { count: row.tasks.statusesToGive }));
  if (row.tasks.scheduleToAnswer) items.push(t('portal.list.taskSchedule'));
  if (items.length === 0) return <>{t('portal.list.noTasks')}</>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

function Subject({ v, row }: { v: ViewContext; row: MyCaseRow }) {
  const titles = row.titles.map((x) => (v.locale === 'ja' ? x.ja : x.en));
  if (titles.length === 0) return <>{row.affected ?? v.t('portal.list.untitled')}</>;
  return (
    <>
      {titles.map((x, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {x}
        </span>
      ))}
    </>
  );
}

export function PortalListPage({ v, rows }: { v: ViewContext; rows: MyCaseRow[] }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('portal.title')}>
      <h1>{t('portal.title')}</h1>
      <p>{t('portal.list.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('portal.list.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('portal.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.list.reference')}</th>
                <th scope="col">{t('portal.list.subject')}</th>
                <th scope="col">{t('portal.list.tasks')}</th>
                <th scope="col">{t('portal.list.target')}</th>
                <th scope="col">{t('portal.list.agreed')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reference}>
                  <th scope="row">
                    <a href={portalCasePath(r.reference)}>{r.reference}</a>
                  </th>
                  <td>
                    <Subject v={v} row={r} />
                  </td>
                  <td>
                    <Tasks v={v} row={r} />
                  </td>
                  <td>{r.targetDate ?? t('portal.list.notSet')}</td>
                  <td>
                    {r.agreedPublicationAt ? (
                      <Moment v={v} at={r.agreedPublicationAt} />
                    ) : (
                      t('portal.list.notSet')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
