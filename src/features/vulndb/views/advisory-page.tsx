// One advisory (/advisories/:slug), or one earlier revision of it (/advisories/:slug/revisions/:n): the whole
// AdvisoryDocument in the viewer's language, the other language's text shown (and marked with its lang) where
// one is missing, with links to the machine-readable exports and the feeds.
//
// The page is the layout (per request: the viewer, the CSRF token of the language switch) around the
// advisory's main content (AdvisoryMain), which depends only on the document and the language. The route
// renders the main content once per (advisory, revision, language) and keeps the string (routes.tsx);
// AdvisoryPageWithMain puts it back into the layout.
import type { AdvisoryDocument, Bilingual, CvssScore } from '../../../domain/advisory-document.js';
import { findCwe } from '../../../domain/cwe.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { Bi, BiBlock, feedAlternates, jstDate, pick, SampleBadge, Section, SeverityBadge } from './parts.js';

function titleText(v: ViewContext, id: string, title: Bilingual): string {
  return pick(v, title)?.text ?? id;
}

function Cvss({ v, label, score }: { v: ViewContext; label: string; score: CvssScore | null }) {
  if (!score) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <SeverityBadge v={v} severity={score.severity} score={score.score} /> <code>{score.vector}</code>
      </dd>
    </>
  );
}

function cweLabel(id: string): string {
  const c = findCwe(id);
  return c ? `${c.id}: ${c.name}` : id;
}

function cweLink(id: string): string | null {
  const m = /^CWE-(\d+)$/.exec(id);
  return m ? `https://cwe.mitre.org/data/definitions/${m[1]}.html` : null;
}

export type RevisionView = { revision: number; publishedAt: string; currentRevision: number };

type AdvisoryProps = {
  v: ViewContext;
  doc: AdvisoryDocument;
  slug: string;
  /** set when showing an earlier (or a specific) revision */
  revisionView?: RevisionView | undefined;
};

export function AdvisoryPage(props: AdvisoryProps) {
  const { v, doc } = props;
  return (
    <Layout v={v} title={`${doc.id}: ${titleText(v, doc.id, doc.title)}`} alternates={feedAlternates(v)}>
      <AdvisoryMain {...props} />
    </Layout>
  );
}

/**
 * The page around a main content rendered earlier by renderToString(<AdvisoryMain …/>) for the same advisory,
 * revision and language. SAFETY: `mainHtml` must be exactly such output — preact-render-to-string escapes
 * every text and attribute of the document there, so the string is markup we generated, not text from the
 * document (routes.tsx is the only caller; advisory-cache.test.ts checks hostile text stays escaped).
 */
export function AdvisoryPageWithMain({
  v,
  id,
  title,
  mainHtml,
}: {
  v: ViewContext;
  id: string;
  title: Bilingual;
  mainHtml: string;
}) {
  return (
    <Layout v={v} title={`${id}: ${titleText(v, id, title)}`} alternates={feedAlternates(v)}>
      {/* mainHtml: preact-render-to-string's own escaped output of AdvisoryMain (see above), never document text */}
      <div class="advisory" dangerouslySetInnerHTML={{ __html: mainHtml }} />
    </Layout>
  );
}

/** The advisory itself: everything inside <main>, the same for every viewer of a language. */
export function AdvisoryMain({ v, doc, slug, revisionView }: AdvisoryProps) {
  const { t } = v;
  const base = `/advisories/${slug}`;
  const developerName = new Map(doc.developers.map((d) => [d.slug, d.name]));
  const devName = (s: string) => <Bi v={v} value={developerName.get(s) ?? { ja: s, en: s }} fallback={s} />;
  const cves = doc.vulnerabilities.flatMap((x) => (x.cveId ? [x.cveId] : []));
  const title = titleText(v, doc.id, doc.title);
  const titlePick = pick(v, doc.title);
  return (
    <>
      {doc.sample && (
        <p class="notice sample-banner" role="note">
          <SampleBadge v={v} /> {t('vulndb.sampleBanner')}
        </p>
      )}
      {revisionView && (
        <p class="notice" role="note">
          {t('vulndb.revisions.viewing', {
            revision: revisionView.revision,
            date: jstDate(v, revisionView.publishedAt),
          })}{' '}
          <a href={base}>{t('vulndb.revisions.current')}</a>
        </p>
      )}
      <p class="advisory-id">{doc.id}</p>
      <h1 lang={titlePick?.lang}>{title}</h1>
      <dl class="summary">
        <dt>{t('vulndb.advisory.firstPublished')}</dt>
        <dd>
          <time dateTime={doc.firstPublishedAt}>{jstDate(v, doc.firstPublishedAt)}</time>
        </dd>
        <dt>{t('vulndb.advisory.lastUpdated')}</dt>
        <dd>
          <time dateTime={doc.lastUpdatedAt}>{jstDate(v, doc.lastUpdatedAt)}</time>
        </dd>
        {doc.source && (
          <>
            <dt>{t('vulndb.advisory.source', { name: doc.source.name })}</dt>
            <dd>
              {doc.source.url ? <a href={doc.source.url}>{doc.source.trackingId}</a> : doc.source.trackingId}
            </dd>
          </>
        )}
      </dl>

      <Section id="overview" title={t('vulndb.advisory.overview')}>
        <BiBlock v={v} value={doc.overview} />
      </Section>

      <Section id="products" title={t('vulndb.advisory.products')}>
        {doc.products.length === 0 ? (
          <p>{t('vulndb.advisory.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('vulndb.advisory.productColumns.developer')}</th>
                  <th scope="col">{t('vulndb.advisory.productColumns.product')}</th>
                  <th scope="col">{t('vulndb.advisory.productColumns.versions')}</th>
                  <th scope="col">{t('vulndb.advisory.productColumns.fixed')}</th>
                  <th scope="col">{t('vulndb.advisory.productColumns.ids')}</th>
                </tr>
              </thead>
              <tbody>
                {doc.products.map((p) => (
                  <tr key={p.key}>
                    <td>
                      <a href={`/developers/${p.developerSlug}`}>{devName(p.developerSlug)}</a>
                    </td>
                    <th scope="row">
                      <Bi v={v} value={p.name} />
                    </th>
                    <td>
                      <Bi v={v} value={p.versions} />
                    </td>
                    <td>{p.fixedVersion ?? ''}</td>
                    <td>
                      {[p.purl, p.cpe, p.versionRange].filter(Boolean).map((x) => (
                        <code key={x} class="block">
                          {x}
                        </code>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="vulnerabilities" title={t('vulndb.advisory.vulnerabilities')}>
        {doc.vulnerabilities.map((x) => (
          <section key={x.ordinal} aria-labelledby={`vuln-${x.ordinal}`}>
            <h3 id={`vuln-${x.ordinal}`}>
              {t('vulndb.advisory.vulnerability', { n: x.ordinal })}: <Bi v={v} value={x.title} />
            </h3>
            <dl>
              {x.cweId && (
                <>
                  <dt>{t('vulndb.advisory.cwe')}</dt>
                  <dd lang="en">
                    {cweLink(x.cweId) ? (
                      <a href={cweLink(x.cweId)!}>{cweLabel(x.cweId)}</a>
                    ) : (
                      cweLabel(x.cweId)
                    )}
                  </dd>
                </>
              )}
              {x.cveId && (
                <>
                  <dt>{t('vulndb.advisory.cve')}</dt>
                  <dd>
                    <a href={`https://www.cve.org/CVERecord?id=${encodeURIComponent(x.cveId)}`}>{x.cveId}</a>
                  </dd>
                </>
              )}
              <Cvss v={v} label={t('vulndb.advisory.cvss40')} score={x.cvss40} />
              <Cvss v={v} label={t('vulndb.advisory.cvss31')} score={x.cvss31} />
            </dl>
            <p>
              <strong>
                {x.exploitedInTheWild ? t('vulndb.advisory.exploited') : t('vulndb.advisory.notExploited')}
              </strong>
            </p>
            <BiBlock v={v} value={x.description} />
          </section>
        ))}
      </Section>

      <Section id="description" title={t('vulndb.advisory.description')}>
        <BiBlock v={v} value={doc.description} />
      </Section>
      <Section id="impact" title={t('vulndb.advisory.impact')}>
        <BiBlock v={v} value={doc.impact} />
      </Section>
      <Section id="solution" title={t('vulndb.advisory.solution')}>
        <BiBlock v={v} value={doc.solution} />
      </Section>
      <Section id="workaround" title={t('vulndb.advisory.workaround')}>
        <BiBlock v={v} value={doc.workaround} />
      </Section>

      <Section id="vendor-status" title={t('vulndb.advisory.vendorStatus')}>
        {doc.vendorStatuses.length === 0 ? (
          <p>{t('vulndb.advisory.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('vulndb.advisory.vendorColumns.developer')}</th>
                  <th scope="col">{t('vulndb.advisory.vendorColumns.vulnerability')}</th>
                  <th scope="col">{t('vulndb.advisory.vendorColumns.status')}</th>
                  <th scope="col">{t('vulndb.advisory.vendorColumns.statement')}</th>
                  <th scope="col">{t('vulndb.advisory.vendorColumns.url')}</th>
                </tr>
              </thead>
              <tbody>
                {doc.vendorStatuses.map((s) => (
                  <tr key={`${s.developerSlug}-${s.vulnerabilityOrdinal}`}>
                    <th scope="row">{devName(s.developerSlug)}</th>
                    <td>{t('vulndb.advisory.vulnerability', { n: s.vulnerabilityOrdinal })}</td>
                    <td>{t(`vulndb.advisory.status.${s.status}`)}</td>
                    <td>
                      <Bi v={v} value={s.statement} />
                    </td>
                    <td>{s.url ? <a href={s.url}>{s.url}</a> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      {doc.credits.length > 0 && (
        <Section id="credits" title={t('vulndb.advisory.credits')}>
          <ul>
            {doc.credits.map((c, i) => (
              <li key={i}>
                <Bi v={v} value={c} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {doc.references.length > 0 && (
        <Section id="references" title={t('vulndb.advisory.references')}>
          <ul>
            {doc.references.map((r) => (
              <li key={r.url}>
                <a href={r.url}>{r.title || r.url}</a>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="contact" title={t('vulndb.advisory.contact')}>
        <BiBlock v={v} value={doc.contact} />
      </Section>

      <Section id="history" title={t('vulndb.advisory.history')}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('vulndb.advisory.historyColumns.revision')}</th>
                <th scope="col">{t('vulndb.advisory.historyColumns.date')}</th>
                <th scope="col">{t('vulndb.advisory.historyColumns.note')}</th>
              </tr>
            </thead>
            <tbody>
              {[...doc.revisions].reverse().map((r) => (
                <tr key={r.revision}>
                  <th scope="row">
                    <a href={`${base}/revisions/${r.revision}`}>{r.revision}</a>
                  </th>
                  <td>
                    <time dateTime={r.publishedAt}>{jstDate(v, r.publishedAt)}</time>
                  </td>
                  <td>
                    <Bi v={v} value={r.note} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={`${base}/revisions`}>{t('vulndb.advisory.revisions')}</a>
        </p>
      </Section>

      <Section id="downloads" title={t('vulndb.advisory.downloads')}>
        <ul>
          <li>
            <a href={`${base}/csaf.json`}>{t('vulndb.advisory.csaf')}</a>
          </li>
          {cves.map((cve) => (
            <li key={cve}>
              <a href={`${base}/cve/${cve}.json`}>{t('vulndb.advisory.cve5', { cve })}</a>
            </li>
          ))}
          <li>
            <a href={`${base}/osv.json`}>{t('vulndb.advisory.osv')}</a>
          </li>
          <li>
            <a href={`/api/v1/advisories/${slug}`}>{t('vulndb.advisory.json')}</a>
          </li>
        </ul>
        <h3>{t('vulndb.advisory.feeds')}</h3>
        <ul>
          <li>
            <a href={`/feeds/jvnrss.rdf?lang=${v.locale}`}>{t('vulndb.advisory.jvnrss')}</a>
          </li>
          <li>
            <a href={`/feeds/atom.xml?lang=${v.locale}`}>{t('vulndb.advisory.atom')}</a>
          </li>
        </ul>
      </Section>
    </>
  );
}
