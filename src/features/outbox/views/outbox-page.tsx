// The outbox: delivery status, a test-mail button, filters (a GET form, so it works without JavaScript), a table.
import { formatInstant } from '../../../domain/time.js';
import { CsrfField, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { MAIL_STATUSES, type MailFilter, type MailList } from '../list-mail.js';

function pageLink(filter: MailFilter, cursor: { before?: string; after?: string }): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status);
  if (filter.to) q.set('to', filter.to);
  if (cursor.before) q.set('before', cursor.before);
  if (cursor.after) q.set('after', cursor.after);
  return `/admin/outbox?${q}`;
}

export function OutboxPage({
  v,
  list,
  filter,
  errors,
  notice,
}: {
  v: ViewContext;
  list: MailList;
  filter: MailFilter;
  errors?: Record<string, string[]> | undefined;
  notice?: string | undefined;
}) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  const email = v.actor.kind === 'user' ? v.actor.email : '';
  return (
    <Layout v={v} title={t('outbox.title')}>
      <h1>{t('outbox.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>{t('outbox.intro')}</p>
      <p class="notice">{list.smtpConfigured ? t('outbox.smtpOn') : t('outbox.smtpOff')}</p>

      <section aria-labelledby="test-mail">
        <h2 id="test-mail">{t('outbox.test.heading')}</h2>
        <form method="post" action="/admin/outbox/test">
          <CsrfField v={v} />
          <p>{t('outbox.test.intro', { email })}</p>
          <button type="submit" class="secondary">
            {t('outbox.test.submit')}
          </button>
        </form>
      </section>

      <section aria-labelledby="outbox-filters">
        <h2 id="outbox-filters">{t('outbox.filters.heading')}</h2>
        <form method="get" action="/admin/outbox" class="filters">
          <div class="field">
            <label for="status">{t('outbox.filters.status')}</label>
            <select id="status" name="status">
              <option value="">{t('outbox.filters.anyStatus')}</option>
              {MAIL_STATUSES.map((s) => (
                <option key={s} value={s} selected={filter.status === s}>
                  {t(`outbox.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="to"
            type="search"
            label={t('outbox.filters.recipient')}
            value={filter.to ?? ''}
            errors={errors}
          />
          <button type="submit">{t('actions.filter')}</button>
        </form>
      </section>

      {list.items.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.columns.created')}</th>
                <th scope="col">{t('outbox.columns.to')}</th>
                <th scope="col">{t('outbox.columns.subject')}</th>
                <th scope="col">{t('outbox.columns.template')}</th>
                <th scope="col">{t('outbox.columns.status')}</th>
                <th scope="col">{t('outbox.columns.attempts')}</th>
                <th scope="col">{t('outbox.columns.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.id}>
                  <td>{formatInstant(m.createdAt, z)}</td>
                  <td>{m.to}</td>
                  <th scope="row">
                    <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                  </th>
                  <td>
                    <code>{m.template}</code>
                  </td>
                  <td>{t(`outbox.status.${m.status}`)}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(list.newerCursor || list.olderCursor) && (
        <nav class="pager" aria-label={t('outbox.pager.label')}>
          {list.newerCursor && (
            <a href={pageLink(filter, { after: list.newerCursor })} rel="prev">
              {t('outbox.pager.newer')}
            </a>
          )}
          {list.olderCursor && (
            <a href={pageLink(filter, { before: list.olderCursor })} rel="next">
              {t('outbox.pager.older')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
