// A party's own entry (/my/directory): what the keeper holds, the form to request changes (organization admins),
// and the requests made so far with their outcome.
import { CsrfField, ErrorSummary } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { ChangeRequest } from '../change-requests.js';
import type { DirectoryEntryView } from '../show-directory-entry.js';
import { ContactFields, type FormValues } from './entry-form-page.js';
import { EntryDetails } from './entry-page.js';
import { Notice, nameIn, when } from './shared.js';

export function MyEntryPage({
  v,
  model,
  requests,
  canPropose,
  values,
  errors,
  notice,
}: {
  v: ViewContext;
  model: DirectoryEntryView;
  requests: ChangeRequest[];
  canPropose: boolean;
  values: FormValues;
  errors?: Record<string, string[]> | undefined;
  notice?: string | undefined;
}) {
  const { t } = v;
  const pending = requests.find((r) => r.state === 'pending');
  return (
    <Layout v={v} title={t('directory.my.title')}>
      <h1>{t('directory.my.title')}</h1>
      <p>{t('directory.my.intro')}</p>
      <Notice text={notice} />
      <section aria-labelledby="current">
        <h2 id="current">{t('directory.my.current')}</h2>
        <EntryDetails v={v} model={model} showNotes={false} />
        {model.products.length > 0 && (
          <>
            <h3>{t('directory.entry.products.heading')}</h3>
            <ul>
              {model.products.map((p) => (
                <li key={p.id}>
                  {nameIn(p, v.locale)} ({t(`directory.categories.${p.category}`)})
                  {p.purl && (
                    <>
                      {' '}
                      <code>{p.purl}</code>
                    </>
                  )}
                  {p.cpe && (
                    <>
                      {' '}
                      <code>{p.cpe}</code>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {model.domains.length > 0 && (
          <>
            <h3>{t('directory.entry.domains.heading')}</h3>
            <ul>
              {model.domains.map((d) => (
                <li key={d.id}>
                  <code>{d.domain}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {canPropose ? (
        <section aria-labelledby="propose">
          <h2 id="propose">{t('directory.my.proposeLegend')}</h2>
          {pending && (
            <p class="notice">{t('directory.my.pendingNote', { at: when(v, pending.createdAt) })}</p>
          )}
          <ErrorSummary v={v} errors={errors} />
          <form method="post" action="/my/directory" novalidate>
            <CsrfField v={v} />
            <ContactFields v={v} values={values} errors={errors} />
            <button type="submit">{t('directory.my.propose')}</button>
          </form>
        </section>
      ) : (
        <p class="hint">{t('directory.my.notOrgAdmin')}</p>
      )}
      {requests.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history">{t('directory.my.history')}</h2>
          <div class="table-wrap">
            <table>
              <caption>{t('directory.my.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('directory.requests.requestedAt')}</th>
                  <th scope="col">{t('directory.requests.changed')}</th>
                  <th scope="col">{t('directory.my.state')}</th>
                  <th scope="col">{t('directory.my.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{when(v, r.createdAt)}</th>
                    <td>{r.changed.map((f) => t(`directory.fields.${f}`)).join(', ')}</td>
                    <td>{t(`directory.request.states.${r.state}`)}</td>
                    <td class="prewrap">{r.rejectReason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Layout>
  );
}
