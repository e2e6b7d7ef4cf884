// An advisory as it reads when published, in one language: overview, products, vulnerabilities (CWE, CVSS, CVE),
// impact, solution, workaround, vendor status, credits, references, contact. Presentational only (AdvisoryContent
// in, markup out), so the review page, the developers' pre-release copy and the public pages can share it.
// Labels follow the language of the copy (`lang`), not the page's.
import type { ComponentChildren } from 'preact';
import type { AdvisoryContent, Bilingual, CvssScore } from '../../../domain/advisory-document.js';
import { translator } from '../../../platform/i18n/i18n.js';

type Lang = 'ja' | 'en';

function Paragraphs({ text }: { text: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p.split('\n').flatMap((line, j) => (j === 0 ? [line] : [<br key={j} />, line]))}</p>
      ))}
    </>
  );
}

const pick = (b: Bilingual, lang: Lang) => (lang === 'ja' ? b.ja : b.en || '');

function Score({ s, lang, label }: { s: CvssScore | null; lang: Lang; label: string }) {
  if (!s) return null;
  const t = translator(lang);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {s.score.toFixed(1)} ({t(`advisories.view.severities.${s.severity}`)}) <code>{s.vector}</code>
      </dd>
    </>
  );
}

export function AdvisoryView({
  content,
  lang,
  level = 2,
  id,
}: {
  content: AdvisoryContent;
  lang: Lang;
  /** the heading level of the sections (the page's title is one above) */
  level?: 2 | 3;
  /** a prefix for the section ids (two copies on one page stay unique) */
  id: string;
}) {
  const t = translator(lang);
  const H = level === 2 ? 'h2' : 'h3';
  const H2 = level === 2 ? 'h3' : 'h4';
  const developer = (slug: string) => {
    const d = content.developers.find((x) => x.slug === slug);
    return d ? pick(d.name, lang) || d.name.ja : slug;
  };
  const section = (key: string, body: ComponentChildren) => (
    <section aria-labelledby={`${id}-${key}`}>
      <H id={`${id}-${key}`}>{t(`advisories.view.${key}`)}</H>
      {body}
    </section>
  );
  const text = (key: 'overview' | 'description' | 'impact' | 'solution' | 'workaround') => {
    const s = pick(content[key], lang);
    return s ? section(key, <Paragraphs text={s} />) : null;
  };
  return (
    <article class="advisory" lang={lang}>
      <p class="advisory-title">
        <strong>{pick(content.title, lang) || content.title.ja}</strong>
      </p>
      {text('overview')}
      {section(
        'products',
        content.products.length === 0 ? (
          <p>{t('advisories.view.none')}</p>
        ) : (
          <ul>
            {content.products.map((p) => (
              <li key={p.key}>
                {developer(p.developerSlug)} — {pick(p.name, lang) || p.name.ja}
                {pick(p.versions, lang) && <> ({pick(p.versions, lang)})</>}
                {p.fixedVersion && (
                  <>
                    {' '}
                    · {t('advisories.view.fixedVersion')}: {p.fixedVersion}
                  </>
                )}
                {p.purl && (
                  <>
                    {' '}
                    · <code>{p.purl}</code>
                  </>
                )}
                {p.cpe && (
                  <>
                    {' '}
                    · <code>{p.cpe}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        ),
      )}
      {text('description')}
      {content.vulnerabilities.length > 0 &&
        section(
          'vulnerabilities',
          content.vulnerabilities.map((v) => (
            <div key={v.ordinal} class="advisory-vulnerability">
              <H2>
                {v.ordinal}. {pick(v.title, lang) || v.title.ja}
              </H2>
              <Paragraphs text={pick(v.description, lang)} />
              <dl>
                {v.cweId && (
                  <>
                    <dt>{t('advisories.view.cwe')}</dt>
                    <dd>{v.cweId}</dd>
                  </>
                )}
                <Score s={v.cvss40} lang={lang} label={t('advisories.view.cvss40')} />
                <Score s={v.cvss31} lang={lang} label={t('advisories.view.cvss31')} />
                {v.cveId && (
                  <>
                    <dt>{t('advisories.view.cve')}</dt>
                    <dd>{v.cveId}</dd>
                  </>
                )}
              </dl>
              {v.exploitedInTheWild && (
                <p>
                  <strong>{t('advisories.view.exploited')}</strong>
                </p>
              )}
            </div>
          )),
        )}
      {text('impact')}
      {text('solution')}
      {text('workaround')}
      {content.vendorStatuses.length > 0 &&
        section(
          'vendors',
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('advisories.view.developer')}</th>
                  <th scope="col">{t('advisories.form.vulnerabilities')}</th>
                  <th scope="col">{t('advisories.view.status')}</th>
                  <th scope="col">{t('advisories.view.statement')}</th>
                </tr>
              </thead>
              <tbody>
                {content.vendorStatuses.map((s) => (
                  <tr key={`${s.developerSlug}:${s.vulnerabilityOrdinal}`}>
                    <th scope="row">{developer(s.developerSlug)}</th>
                    <td>{s.vulnerabilityOrdinal}</td>
                    <td>{t(`advisories.statusValues.${s.status}`)}</td>
                    <td>
                      {pick(s.statement, lang)}
                      {s.url && (
                        <>
                          {' '}
                          <a href={s.url} rel="noopener noreferrer">
                            {s.url}
                          </a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>,
        )}
      {content.credits.length > 0 &&
        section(
          'credits',
          <ul>
            {content.credits.map((c, i) => (
              <li key={i}>{pick(c, lang) || c.ja}</li>
            ))}
          </ul>,
        )}
      {content.references.length > 0 &&
        section(
          'references',
          <ul>
            {content.references.map((r) => (
              <li key={r.url}>
                {t(`advisories.referenceKinds.${r.kind}`)}:{' '}
                <a href={r.url} rel="noopener noreferrer">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>,
        )}
      {pick(content.contact, lang) && section('contact', <Paragraphs text={pick(content.contact, lang)} />)}
      {content.receivedOn && section('receivedOn', <p>{content.receivedOn}</p>)}
    </article>
  );
}
