// The review page of a case's advisory (/coordination/cases/:reference/advisory/review): the copy as it will be
// published in both languages, what changed since the last approved copy, the developers the free texts name
// (masked in the others' pre-release copies), and — for a lead or administrator who neither submitted nor edited
// it — approve (bound to the text shown by its sha-256) or request changes.
import { CsrfField, ErrorSummary, type Errors, TextArea } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FormValues } from '../advisory-input.js';
import { advisoryPath } from '../mail.js';
import type { AdvisoryPage } from '../show-advisory.js';
import { AdvisoryView } from './advisory-view.js';
import { MentionsWarning, when } from './parts.js';

export function ReviewPage({
  v,
  p,
  errors,
  values,
}: {
  v: ViewContext;
  p: AdvisoryPage;
  errors?: Errors;
  values?: FormValues;
}) {
  const { t } = v;
  const title = t('advisories.review.title', { reference: p.reference });
  const a = p.advisory;
  const base = advisoryPath(p.reference);
  // in review: the submitted copy; otherwise the last approved one (or the working copy)
  const shown = a ? (a.state === 'in_review' ? a.content : (a.approved ?? a.content)) : null;
  return (
    <Layout v={v} title={title}>
      <p>
        <a href={base}>{t('advisories.page.title', { reference: p.reference })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary v={v} errors={errors} />
      {!a && <p>{t('advisories.page.none')}</p>}
      {a && shown && (
        <>
          <p>{t('advisories.review.intro')}</p>
          {a.state !== 'in_review' && <p class="notice">{t('advisories.review.notInReview')}</p>}
          <MentionsWarning v={v} mentions={a.mentions} />
          <section aria-labelledby="changes">
            <h2 id="changes">{t('advisories.review.changesHeading')}</h2>
            {(a.changeNote.ja || a.changeNote.en) && (
              <dl>
                <dt>{t('advisories.form.changeNoteJa')}</dt>
                <dd lang="ja">{a.changeNote.ja}</dd>
                <dt>{t('advisories.form.changeNoteEn')}</dt>
                <dd lang="en">{a.changeNote.en}</dd>
              </dl>
            )}
            {a.changes === null ? (
              <p>{t('advisories.review.firstReview')}</p>
            ) : a.changes.length === 0 ? (
              <p>{t('advisories.review.noChanges')}</p>
            ) : (
              <ul>
                {a.changes.map((c) => (
                  <li key={c.path}>
                    <code>{c.path}</code> —{' '}
                    {t(
                      c.change === 'added'
                        ? 'advisories.review.changeAdded'
                        : c.change === 'removed'
                          ? 'advisories.review.changeRemoved'
                          : 'advisories.review.changeChanged',
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {a.state === 'in_review' && (
            <section aria-labelledby="decision">
              <h2 id="decision">{t('advisories.review.approve')}</h2>
              {p.viewerIsSubmitter ? (
                <p class="notice">{t('advisories.review.ownSubmission')}</p>
              ) : p.viewerEdited ? (
                <p class="notice">{t('advisories.review.ownEdit')}</p>
              ) : !p.mayReview ? (
                <p class="notice">{t('advisories.review.notReviewer')}</p>
              ) : (
                <>
                  <form method="post" action={`${base}/approve`}>
                    <CsrfField v={v} />
                    <input type="hidden" name="reviewedSha256" value={a.contentSha256} />
                    <p class="hint" id="approve-hint">
                      {t('advisories.review.approveHint')}
                    </p>
                    <button type="submit" aria-describedby="approve-hint">
                      {t('advisories.review.approve')}
                    </button>
                  </form>
                  <form method="post" action={`${base}/request-changes`}>
                    <CsrfField v={v} />
                    <TextArea
                      name="note"
                      label={t('advisories.review.note')}
                      value={values?.note}
                      errors={errors}
                      rows={4}
                      required
                    />
                    <button type="submit" class="secondary">
                      {t('advisories.review.requestChanges')}
                    </button>
                  </form>
                </>
              )}
            </section>
          )}
          <div class="bilingual">
            <section aria-labelledby="copy-ja">
              <h2 id="copy-ja">{t('advisories.review.ja')}</h2>
              <AdvisoryView content={shown} lang="ja" level={3} id="ja" />
            </section>
            <section aria-labelledby="copy-en">
              <h2 id="copy-en">{t('advisories.review.en')}</h2>
              <AdvisoryView content={shown} lang="en" level={3} id="en" />
            </section>
          </div>
          {a.reviews.length > 0 && (
            <section aria-labelledby="reviews">
              <h2 id="reviews">{t('advisories.review.reviewsHeading')}</h2>
              <ul>
                {a.reviews.map((r) => (
                  <li key={r.at.toISOString()}>
                    {when(v, r.at)} — {t(`advisories.review.decisions.${r.decision}`)} ({r.reviewer})
                    {r.note && <>: {r.note}</>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
