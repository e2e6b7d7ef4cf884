// Change requests for the keeper: the pending list, and one request with the entry now and as requested side by
// side (changed rows marked in words, not only by colour), approve, or reject with a reason.
import { CsrfField, ErrorSummary, TextArea } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { ChangeRequest } from '../change-requests.js';
import { SNAPSHOT_FIELDS } from '../entry-store.js';
import { snapshotValue, when } from './shared.js';

const orgName = (r: ChangeRequest, locale: 'ja' | 'en') =>
  locale === 'ja' ? r.organizationNameJa : r.organizationNameEn;

export function RequestsPage({ v, requests }: { v: ViewContext; requests: ChangeRequest[] }) {
  const { t, locale } = v;
  return (
    <Layout v={v} title={t('directory.requests.title')}>
      <p>
        <a href="/directory">{t('directory.requests.back')}</a>
      </p>
      <h1>{t('directory.requests.title')}</h1>
      {requests.length === 0 ? (
        <p>{t('directory.requests.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('directory.requests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.requests.organization')}</th>
                <th scope="col">{t('directory.requests.requestedBy')}</th>
                <th scope="col">{t('directory.requests.requestedAt')}</th>
                <th scope="col">{t('directory.requests.changed')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('directory.requests.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{orgName(r, locale)}</th>
                  <td>{r.requestedBy.displayName}</td>
                  <td>{when(v, r.createdAt)}</td>
                  <td>{r.changed.map((f) => t(`directory.fields.${f}`)).join(', ')}</td>
                  <td>
                    <a href={`/directory/requests/${r.id}`}>{t('directory.requests.open')}</a>
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

export function BeforeAfter({ v, request }: { v: ViewContext; request: ChangeRequest }) {
  const { t } = v;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('directory.request.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory.request.field')}</th>
            <th scope="col">{t('directory.request.before')}</th>
            <th scope="col">{t('directory.request.after')}</th>
            <th scope="col">{t('directory.request.changedMark')}</th>
          </tr>
        </thead>
        <tbody>
          {SNAPSHOT_FIELDS.map((f) => {
            const changed = request.changed.includes(f);
            return (
              <tr key={f} class={changed ? 'changed' : undefined}>
                <th scope="row">{t(`directory.fields.${f}`)}</th>
                <td class="prewrap">{snapshotValue(v, request.before, f)}</td>
                <td class="prewrap">
                  {changed ? (
                    <strong>{snapshotValue(v, request.proposed, f)}</strong>
                  ) : (
                    snapshotValue(v, request.proposed, f)
                  )}
                </td>
                <td>{changed ? t('directory.request.changedMark') : t('directory.request.unchanged')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RequestPage({
  v,
  request,
  canDecide,
  reason,
  errors,
}: {
  v: ViewContext;
  request: ChangeRequest;
  canDecide: boolean;
  reason?: string;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t, locale } = v;
  const name = orgName(request, locale);
  return (
    <Layout v={v} title={t('directory.request.title', { name })}>
      <p>
        <a href={`/directory/${request.organizationId}`}>{t('directory.request.backToEntry', { name })}</a>
      </p>
      <h1>{t('directory.request.title', { name })}</h1>
      <ErrorSummary v={v} errors={errors} />
      <p>
        {t('directory.request.intro', {
          who: request.requestedBy.displayName,
          email: request.requestedBy.email,
          at: when(v, request.createdAt),
        })}
      </p>
      <BeforeAfter v={v} request={request} />
      {request.state !== 'pending' ? (
        <p class="notice">
          {t('directory.request.decided', { state: t(`directory.request.states.${request.state}`) })}
        </p>
      ) : (
        canDecide && (
          <>
            <form method="post" action={`/directory/requests/${request.id}/approve`}>
              <CsrfField v={v} />
              <fieldset>
                <legend>{t('directory.request.approveLegend')}</legend>
                <button type="submit">{t('directory.request.approve')}</button>
              </fieldset>
            </form>
            <form method="post" action={`/directory/requests/${request.id}/reject`} novalidate>
              <CsrfField v={v} />
              <fieldset>
                <legend>{t('directory.request.rejectLegend')}</legend>
                <TextArea
                  name="reason"
                  label={t('directory.request.reason')}
                  value={reason}
                  rows={4}
                  required
                  errors={errors}
                />
                <button type="submit">{t('directory.request.reject')}</button>
              </fieldset>
            </form>
          </>
        )
      )}
    </Layout>
  );
}
