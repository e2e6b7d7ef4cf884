// 通知を受けた案件: the cases a website operator's organization was notified of.
import { formatDate } from '../../../domain/time.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { OperatorCaseItem } from '../list-operator-cases.js';
import { operatorCasePath } from '../operator-access.js';

export function OperatorCasesPage({ v, items }: { v: ViewContext; items: OperatorCaseItem[] }) {
  const { t } = v;
  const title = t('operator.list.title');
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <p>{t('operator.list.intro')}</p>
      {items.length === 0 ? (
        <p>{t('operator.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('operator.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.list.columns.reference')}</th>
                <th scope="col">{t('operator.list.columns.site')}</th>
                <th scope="col">{t('operator.list.columns.notified')}</th>
                <th scope="col">{t('operator.list.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.caseId}>
                  <th scope="row">
                    <a href={operatorCasePath(c.reference)}>{c.reference}</a>
                  </th>
                  <td>{c.site}</td>
                  <td>{formatDate(c.notifiedAt, v)}</td>
                  <td>{c.outcome ? t(`operator.outcomes.${c.outcome}`) : t(`operator.stages.${c.stage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
