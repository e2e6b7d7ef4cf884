// The audit trail: the chain's state first, then filters (a GET form, no JavaScript needed), the entries, pages.
import { formatInstant, zoneAbbreviation } from '../../../domain/time.js';
import { can } from '../../../platform/auth/policy.js';
import { Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { AuditPage as AuditPageModel, ChainStatus } from '../browse-audit-trail.js';
import { type AuditFilter, filterQuery } from '../filters.js';
import type { AuditRow } from '../search-audit-log.js';

const PROBLEM_KEYS: Record<string, string> = {
  'rows before this one were removed': 'audit.chain.problems.removedBefore',
  'the row(s) before this one were removed': 'audit.chain.problems.removed',
  'link to the previous row does not match': 'audit.chain.problems.link',
  'row content was altered': 'audit.chain.problems.altered',
};

function ChainBanner({ v, chain }: { v: ViewContext; chain: ChainStatus }) {
  const { t } = v;
  if (chain.intact) {
    return (
      <p class="notice" role="status">
        {t('audit.chain.intact', { count: chain.entries })}
      </p>
    );
  }
  const key = PROBLEM_KEYS[chain.problem];
  return (
    <div class="error-summary" role="alert">
      <p>
        <strong>{t('audit.chain.broken', { seq: chain.seq, problem: key ? t(key) : chain.problem })}</strong>
      </p>
      <p>{t('audit.chain.brokenAdvice')}</p>
    </div>
  );
}

/** Links a subject to its page where there is one the viewer may open. */
function Subject({ v, row }: { v: ViewContext; row: AuditRow }) {
  if (!row.subjectType) return null;
  const label = `${row.subjectType}${row.subjectId ? ` ${row.subjectId}` : ''}`;
  const href =
    row.subjectType === 'organization' && row.subjectId && can(v.actor, 'organization.list')
      ? `/admin/organizations/${row.subjectId}`
      : row.subjectType === 'mail' && row.subjectId && can(v.actor, 'mail.outbox.read')
        ? `/admin/outbox/${row.subjectId}`
        : null;
  return href ? <a href={href}>{label}</a> : <span>{label}</span>;
}

export function AuditPage({
  v,
  page,
  filter,
  errors,
}: {
  v: ViewContext;
  page: AuditPageModel | null;
  filter: Partial<AuditFilter>;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  const full = filter as AuditFilter;
  const query = filterQuery(full);
  return (
    <Layout v={v} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      {page && <ChainBanner v={v} chain={page.chain} />}
      <p>{t('audit.intro')}</p>
      <section aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('audit.filters.heading')}</h2>
        <form method="get" action="/admin/audit" class="filters">
          <Field
            name="actor"
            type="search"
            label={t('audit.filters.actor')}
            value={filter.actor}
            errors={errors}
          />
          <Field name="action" label={t('audit.filters.action')} value={filter.action} errors={errors} />
          <Field
            name="subjectType"
            label={t('audit.filters.subjectType')}
            value={filter.subjectType}
            errors={errors}
          />
          <Field
            name="subjectId"
            label={t('audit.filters.subjectId')}
            value={filter.subjectId}
            errors={errors}
          />
          <Field
            type="date"
            name="from"
            label={t('audit.filters.from')}
            value={filter.from}
            errors={errors}
          />
          <Field type="date" name="to" label={t('audit.filters.to')} value={filter.to} errors={errors} />
          <button type="submit">{t('actions.filter')}</button>
          <a href="/admin/audit">{t('audit.filters.clear')}</a>
        </form>
        <p class="hint">
          {t('audit.filters.dateHint', { zone: `${v.timeZone} (${zoneAbbreviation(v.timeZone)})` })}
        </p>
      </section>
      {page && (
        <>
          <p>
            <a href={`/admin/audit.csv${query ? `?${query}` : ''}`} download>
              {t('audit.csv')}
            </a>
          </p>
          {page.rows.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>{t('audit.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.columns.seq')}</th>
                    <th scope="col">{t('audit.columns.at')}</th>
                    <th scope="col">{t('audit.columns.actor')}</th>
                    <th scope="col">{t('audit.columns.action')}</th>
                    <th scope="col">{t('audit.columns.subject')}</th>
                    <th scope="col">{t('audit.columns.ip')}</th>
                    <th scope="col">{t('audit.columns.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((r) => (
                    <tr key={r.seq}>
                      <th scope="row">{r.seq}</th>
                      <td>{formatInstant(r.at, z)}</td>
                      <td>{r.actorHidden ? <em>{t('audit.finderHidden')}</em> : r.actorLabel}</td>
                      <td>
                        <code>{r.action}</code>
                      </td>
                      <td>
                        <Subject v={v} row={r} />
                      </td>
                      <td>{r.ip ?? ''}</td>
                      <td>
                        <code>{JSON.stringify(r.detail)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(page.newerCursor || page.olderCursor) && (
            <nav class="pager" aria-label={t('audit.pager.label')}>
              {page.newerCursor && (
                <a href={`/admin/audit?${filterQuery(full, { after: page.newerCursor })}`} rel="prev">
                  {t('audit.pager.newer')}
                </a>
              )}
              {page.olderCursor && (
                <a href={`/admin/audit?${filterQuery(full, { before: page.olderCursor })}`} rel="next">
                  {t('audit.pager.older')}
                </a>
              )}
            </nav>
          )}
        </>
      )}
    </Layout>
  );
}
