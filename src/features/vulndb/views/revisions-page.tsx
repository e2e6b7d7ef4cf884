// /advisories/:slug/revisions: every published revision with its date and change note, newest first.
import type { AdvisoryDocument } from '../../../domain/advisory-document.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { RevisionEntry } from '../queries.js';
import { Bi, feedAlternates, jstDate, pick } from './parts.js';

export function RevisionsPage({
  v,
  doc,
  slug,
  revisions,
}: {
  v: ViewContext;
  doc: AdvisoryDocument;
  slug: string;
  revisions: RevisionEntry[];
}) {
  const { t } = v;
  const heading = t('vulndb.revisions.title', { id: doc.id });
  const title = pick(v, doc.title);
  return (
    <Layout v={v} title={heading} alternates={feedAlternates(v)}>
      <h1>{heading}</h1>
      <p>
        <a href={`/advisories/${slug}`} lang={title?.lang}>
          {title?.text ?? doc.id}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <caption>{t('vulndb.revisions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('vulndb.advisory.historyColumns.revision')}</th>
              <th scope="col">{t('vulndb.advisory.historyColumns.date')}</th>
              <th scope="col">{t('vulndb.advisory.historyColumns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.revision}>
                <th scope="row">
                  <a href={`/advisories/${slug}/revisions/${r.revision}`}>
                    {t('vulndb.revisions.view', { revision: r.revision })}
                  </a>
                  {r.revision === doc.revision && ` ${t('vulndb.revisions.isCurrent')}`}
                </th>
                <td>
                  <time dateTime={r.publishedAt.toISOString()}>{jstDate(v, r.publishedAt)}</time>
                </td>
                <td>
                  <Bi v={v} value={r.note} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
