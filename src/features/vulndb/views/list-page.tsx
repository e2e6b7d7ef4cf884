// /advisories (latest, search and filters — a GET form that works without JavaScript) and a developer's page
// (/developers/:slug, the same list narrowed to it): results a page at a time with rel=prev/next.
import type { ComponentChildren } from 'preact';
import { ErrorSummary, Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { filterParams, KINDS, SEVERITIES } from '../input.js';
import type { AdvisoryFilter, AdvisoryPage, AdvisorySummary } from '../queries.js';
import { Bi, feedAlternates, jstDate, Pager, SampleBadge, SeverityBadge } from './parts.js';

export type Errors = Record<string, string[]> | undefined;

/** The form's values as typed: raw strings, so a refused value is shown again as it was. */
export type TypedValues = Record<string, string | string[] | undefined>;

function typed(values: TypedValues, name: string): string {
  const x = values[name];
  return typeof x === 'string' ? x : '';
}

function SearchForm({
  v,
  action,
  values,
  errors,
  withDeveloper,
}: {
  v: ViewContext;
  action: string;
  values: TypedValues;
  errors: Errors;
  withDeveloper: boolean;
}) {
  const { t } = v;
  const raw = values.severity;
  const chosen = new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((s) => s.split(',')));
  const sevErr = errors?.severity;
  return (
    <section aria-labelledby="vulndb-search">
      <h2 id="vulndb-search">{t('vulndb.list.searchHeading')}</h2>
      <form method="get" action={action}>
        <Field
          name="q"
          type="search"
          label={t('vulndb.list.q')}
          hint={t('vulndb.list.qHint')}
          value={typed(values, 'q')}
          errors={errors}
        />
        <fieldset class="filters">
          <legend>{t('vulndb.list.filters')}</legend>
          {withDeveloper && (
            <Field
              name="developer"
              label={t('vulndb.list.developer')}
              value={typed(values, 'developer')}
              errors={errors}
            />
          )}
          <Field
            name="product"
            label={t('vulndb.list.product')}
            value={typed(values, 'product')}
            errors={errors}
          />
          <Field
            name="cwe"
            label={t('vulndb.list.cwe')}
            hint={t('vulndb.list.cweHint')}
            value={typed(values, 'cwe')}
            errors={errors}
          />
          <SelectField
            name="kind"
            label={t('vulndb.list.kind')}
            value={typed(values, 'kind')}
            options={[
              { value: '', label: t('vulndb.list.kindAll') },
              ...KINDS.map((k) => ({ value: k, label: t(`vulndb.kinds.${k}`) })),
            ]}
            errors={errors}
          />
          <Field
            name="published_from"
            id="published_from"
            type="date"
            label={t('vulndb.list.publishedFrom')}
            value={typed(values, 'published_from')}
            errors={errors}
          />
          <Field
            name="published_to"
            type="date"
            label={t('vulndb.list.publishedTo')}
            value={typed(values, 'published_to')}
            errors={errors}
          />
          <fieldset
            id="severity"
            class={sevErr?.length ? 'has-error' : undefined}
            aria-describedby={sevErr?.length ? 'severity-error' : undefined}
          >
            <legend>{t('vulndb.list.severity')}</legend>
            {sevErr?.length ? (
              <p class="error" id="severity-error">
                {sevErr.join(' ')}
              </p>
            ) : null}
            {SEVERITIES.map((s) => (
              <label key={s} class="inline">
                <input type="checkbox" name="severity" value={s} checked={chosen.has(s)} />{' '}
                {t(`vulndb.severity.${s}`)}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <p>
          <button type="submit">{t('vulndb.list.submit')}</button>{' '}
          <a href={action}>{t('vulndb.list.reset')}</a>
        </p>
      </form>
    </section>
  );
}

export function ResultsTable({ v, items, page }: { v: ViewContext; items: AdvisorySummary[]; page: number }) {
  const { t } = v;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('vulndb.list.caption', { page })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vulndb.list.columns.id')}</th>
            <th scope="col">{t('vulndb.list.columns.title')}</th>
            <th scope="col">{t('vulndb.list.columns.severity')}</th>
            <th scope="col">{t('vulndb.list.columns.developers')}</th>
            <th scope="col">{t('vulndb.list.columns.published')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`/advisories/${a.slug}`}>{a.id}</a>
                {a.sample && (
                  <>
                    {' '}
                    <SampleBadge v={v} />
                  </>
                )}
              </td>
              <th scope="row">
                <a href={`/advisories/${a.slug}`}>
                  <Bi v={v} value={a.title} />
                </a>
              </th>
              <td>
                <SeverityBadge v={v} severity={a.severity} score={a.score} />
              </td>
              <td>
                {a.developers.map((d, i) => (
                  <>
                    {i > 0 && ', '}
                    <a href={`/developers/${d.slug}`}>
                      <Bi v={v} value={d.name} fallback={d.slug} />
                    </a>
                  </>
                ))}
              </td>
              <td>
                <time dateTime={a.firstPublishedAt.toISOString()}>{jstDate(v, a.firstPublishedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Results({
  v,
  result,
  filter,
  base,
}: {
  v: ViewContext;
  result: AdvisoryPage;
  filter: AdvisoryFilter;
  /** the path the pager links to, with the filter's parameters */
  base: string;
}) {
  const { t } = v;
  if (result.items.length === 0) return <p>{t('vulndb.list.empty')}</p>;
  const from = (result.page - 1) * result.perPage + 1;
  const to = from + result.items.length - 1;
  const href = (page: number) => {
    const p = filterParams(filter);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  const hasNext = result.page * result.perPage < result.total;
  return (
    <>
      <p role="status">
        {t(result.totalCapped ? 'vulndb.list.resultsCapped' : 'vulndb.list.results', {
          total: result.total.toLocaleString(v.locale === 'ja' ? 'ja-JP' : 'en-US'),
          from,
          to,
        })}
      </p>
      <ResultsTable v={v} items={result.items} page={result.page} />
      <Pager v={v} page={result.page} hasNext={hasNext} href={href} />
    </>
  );
}

type ListProps = {
  v: ViewContext;
  result: AdvisoryPage | null;
  filter: AdvisoryFilter;
  values: TypedValues;
  errors: Errors;
  heading: string;
  action: string;
  withDeveloper: boolean;
  intro?: ComponentChildren;
};

export function AdvisoriesPage(props: ListProps) {
  const { v, heading } = props;
  return (
    <Layout v={v} title={heading} alternates={feedAlternates(v)}>
      <AdvisoriesMain {...props} />
    </Layout>
  );
}

/**
 * The page around a main content rendered earlier by renderToString(<AdvisoriesMain …/>) (the latest
 * advisories of one public version, one language and page: routes.tsx keeps them). SAFETY: `mainHtml` must be
 * exactly such output — preact-render-to-string escaped every text in it; it is markup we generated.
 */
export function AdvisoriesPageWithMain({
  v,
  heading,
  mainHtml,
}: {
  v: ViewContext;
  heading: string;
  mainHtml: string;
}) {
  return (
    <Layout v={v} title={heading} alternates={feedAlternates(v)}>
      {/* mainHtml: preact-render-to-string's own escaped output of AdvisoriesMain (see above) */}
      <div class="advisory-list" dangerouslySetInnerHTML={{ __html: mainHtml }} />
    </Layout>
  );
}

/** Everything inside <main>: the same for every viewer of a language (no per-viewer part, no CSRF token). */
export function AdvisoriesMain({
  v,
  result,
  filter,
  values,
  errors,
  heading,
  action,
  withDeveloper,
  intro,
}: ListProps) {
  const { t } = v;
  const searching = Object.values(values).some((x) => (Array.isArray(x) ? x.length > 0 : x));
  return (
    <>
      <h1>{heading}</h1>
      {intro}
      <ErrorSummary v={v} errors={errors} ids={{ severity: 'severity' }} />
      <SearchForm v={v} action={action} values={values} errors={errors} withDeveloper={withDeveloper} />
      <section aria-labelledby="vulndb-results">
        <h2 id="vulndb-results">{searching ? t('vulndb.list.heading') : t('vulndb.list.latest')}</h2>
        {result && <Results v={v} result={result} filter={filter} base={action} />}
      </section>
      <section aria-labelledby="vulndb-follow">
        <h2 id="vulndb-follow">{t('vulndb.list.follow')}</h2>
        <ul>
          <li>
            <a href="/subscribe">{t('vulndb.list.subscribe')}</a>
          </li>
          <li>
            <a href={`/feeds/jvnrss.rdf?lang=${v.locale}`}>{t('vulndb.feeds.jvnrss')}</a>
          </li>
          <li>
            <a href={`/feeds/atom.xml?lang=${v.locale}`}>{t('vulndb.feeds.atom')}</a>
          </li>
        </ul>
      </section>
      <p>
        <a href="/api/docs">{t('vulndb.list.api')}</a>
      </p>
    </>
  );
}
