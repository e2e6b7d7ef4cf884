// The developer's pre-release copy (/portal/cases/:reference/advisory): the copy in its two languages side by
// side, the other developers masked, and the publication moment in JST and in the viewer's zone.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { Prerelease } from '../show-prerelease.js';
import { AdvisoryView } from './advisory-view.js';
import { Moment } from './parts.js';

export function PrereleasePage({ v, p }: { v: ViewContext; p: Prerelease }) {
  const { t } = v;
  const title = t('advisories.prerelease.title', { reference: p.reference });
  const c = p.copy;
  return (
    <Layout v={v} title={title}>
      <p>
        <a href={`/portal/cases/${encodeURIComponent(p.reference)}`}>
          {t('advisories.prerelease.backToCase')}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{t('advisories.prerelease.intro')}</p>
      {!c ? (
        <p class="notice">{t('advisories.prerelease.none')}</p>
      ) : (
        <>
          {c.revisionPending && (
            <p class="notice">
              <strong>
                {c.published
                  ? t('advisories.prerelease.correctionInReview')
                  : t('advisories.prerelease.changeInReview')}
              </strong>
            </p>
          )}
          <dl>
            {c.publicId && (
              <>
                <dt>{t('advisories.page.publicId')}</dt>
                <dd>{c.publicId}</dd>
              </>
            )}
            <dt>{t('advisories.prerelease.publishAt')}</dt>
            <dd>
              {c.publishAt ? <Moment v={v} at={c.publishAt} /> : t('advisories.prerelease.noMoment')}{' '}
              {c.publishAt &&
                (c.scheduled
                  ? t('advisories.prerelease.scheduled')
                  : t('advisories.prerelease.notScheduled'))}
            </dd>
          </dl>
          <div class="bilingual">
            <section aria-labelledby="copy-ja">
              <h2 id="copy-ja">{t('advisories.review.ja')}</h2>
              <AdvisoryView content={c.content} lang="ja" level={3} id="ja" />
            </section>
            <section aria-labelledby="copy-en">
              <h2 id="copy-en">{t('advisories.review.en')}</h2>
              <AdvisoryView content={c.content} lang="en" level={3} id="en" />
            </section>
          </div>
        </>
      )}
    </Layout>
  );
}
