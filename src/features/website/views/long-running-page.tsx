// The long-running list: counts by age bucket and vulnerability type (the same figures as a table a chart would
// show), then the cases themselves, as of today or a chosen date.
import { Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { LongRunningList } from '../list-long-running.js';
import { When } from './parts.js';
import { LONG_RUNNING_PATH, websiteCasePath } from './paths.js';

export function LongRunningPage({
  v,
  list,
  asOfInput,
  errors,
}: {
  v: ViewContext;
  list: LongRunningList;
  asOfInput: string;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const title = t('website.longRunning.title');
  const typeLabel = (type: string | null) =>
    type ? t(`intake.types.${type}`) : t('website.longRunning.unknownType');
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <p>{t('website.longRunning.intro')}</p>
      <form method="get" action={LONG_RUNNING_PATH} class="inline">
        <Field
          name="asOf"
          type="date"
          label={t('website.longRunning.asOf')}
          hint={t('website.longRunning.asOfHint')}
          value={asOfInput}
          errors={errors}
        />
        <button type="submit">{t('website.longRunning.show')}</button>
      </form>
      <p>
        <strong>{t('website.longRunning.asOfShown', { date: list.asOfDate })}</strong> (
        <a href={`${LONG_RUNNING_PATH}.csv?asOf=${list.asOfDate}`}>{t('website.longRunning.csv')}</a>)
      </p>
      {list.total === 0 ? (
        <p>{t('website.longRunning.none')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table id="long-running-counts">
              <caption>{t('website.longRunning.countsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('website.longRunning.bucket')}</th>
                  {list.types.map((type) => (
                    <th scope="col" key={type ?? ''}>
                      {typeLabel(type)}
                    </th>
                  ))}
                  <th scope="col">{t('website.longRunning.total')}</th>
                </tr>
              </thead>
              <tbody>
                {list.buckets.map((b) => {
                  const row = list.counts[b] ?? {};
                  const total = Object.values(row).reduce((a, n) => a + n, 0);
                  return (
                    <tr key={b} data-bucket={b}>
                      <th scope="row">{t('website.longRunning.bucketDays', { range: b })}</th>
                      {list.types.map((type) => (
                        <td key={type ?? ''}>{row[type ?? ''] ?? 0}</td>
                      ))}
                      <td>{total}</td>
                    </tr>
                  );
                })}
                <tr>
                  <th scope="row">{t('website.longRunning.total')}</th>
                  {list.types.map((type) => (
                    <td key={type ?? ''}>{list.cases.filter((c) => c.vulnerabilityType === type).length}</td>
                  ))}
                  <td>{list.total}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <div class="table-wrap">
            <table id="long-running-cases">
              <caption>{t('website.longRunning.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('website.longRunning.reference')}</th>
                  <th scope="col">{t('website.longRunning.notifiedAt')}</th>
                  <th scope="col">{t('website.longRunning.days')}</th>
                  <th scope="col">{t('website.longRunning.ageBucket')}</th>
                  <th scope="col">{t('website.longRunning.type')}</th>
                  <th scope="col">{t('website.longRunning.operator')}</th>
                </tr>
              </thead>
              <tbody>
                {list.cases.map((c) => (
                  <tr key={c.reference}>
                    <th scope="row">
                      <a href={websiteCasePath(c.reference)}>{c.reference}</a>
                    </th>
                    <td>
                      <When v={v} at={c.notifiedAt} />
                    </td>
                    <td>{c.days}</td>
                    <td>{c.bucket}</td>
                    <td>{typeLabel(c.vulnerabilityType)}</td>
                    <td>{c.operator ? c.operator[v.locale] : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
