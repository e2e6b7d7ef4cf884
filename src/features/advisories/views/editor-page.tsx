// The staff editor page of a case's advisory (/coordination/cases/:reference/advisory): its state, the actions
// the state allows, the warning about developers named in the free texts, and the form (editor-form.tsx). The
// review page is review-page.tsx, the list list-page.tsx, the shared parts parts.tsx.
import { CsrfField, ErrorSummary, type Errors } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FormValues } from '../advisory-input.js';
import { advisoryPath } from '../mail.js';
import type { AdvisoryPage } from '../show-advisory.js';
import { EditorForm } from './editor-form.js';
import { ChangeNoteFields, MentionsWarning, Moment, Notices, PostButton, when } from './parts.js';

function StateList({ v, p }: { v: ViewContext; p: AdvisoryPage }) {
  const { t } = v;
  const a = p.advisory;
  if (!a) return null;
  return (
    <dl>
      <dt>{t('advisories.page.status')}</dt>
      <dd>
        <strong>{t(`advisories.states.${a.state}`)}</strong>
      </dd>
      <dt>{t('advisories.page.publicId')}</dt>
      <dd>{a.publicId ?? t('advisories.page.notAllocated')}</dd>
      <dt>{t('advisories.page.kind')}</dt>
      <dd>{t(`advisories.kinds.${a.kind}`)}</dd>
      <dt>{t('advisories.page.revision')}</dt>
      <dd>{a.state === 'published' ? a.publishedRevision : a.publishedRevision + 1}</dd>
      {a.publishedRevision > 0 && (
        <>
          <dt>{t('advisories.page.publishedRevision')}</dt>
          <dd>{a.publishedRevision}</dd>
        </>
      )}
      <dt>{t('advisories.page.agreed')}</dt>
      <dd>
        {p.agreedPublicationAt ? <Moment v={v} at={p.agreedPublicationAt} /> : t('advisories.page.notAgreed')}
      </dd>
      {a.scheduledFor && (
        <>
          <dt>{t('advisories.page.scheduledFor')}</dt>
          <dd>
            <Moment v={v} at={a.scheduledFor} />
          </dd>
        </>
      )}
      {a.submittedAt && (
        <>
          <dt>{t('advisories.page.submitted')}</dt>
          <dd>{t('advisories.page.byWhom', { at: when(v, a.submittedAt), who: a.submittedBy ?? '' })}</dd>
        </>
      )}
      {a.approvedAt && (
        <>
          <dt>{t('advisories.page.approved')}</dt>
          <dd>{t('advisories.page.byWhom', { at: when(v, a.approvedAt), who: a.approvedBy ?? '' })}</dd>
        </>
      )}
      <dt>{t('advisories.page.updated')}</dt>
      <dd>{when(v, a.updatedAt)}</dd>
    </dl>
  );
}

function Actions({
  v,
  p,
  values,
  errors,
}: {
  v: ViewContext;
  p: AdvisoryPage;
  values: FormValues;
  errors: Errors;
}) {
  const { t } = v;
  const a = p.advisory;
  if (!a) return null;
  const base = advisoryPath(p.reference);
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{t('advisories.actions.heading')}</h2>
      {a.state === 'draft' && (
        <PostButton
          v={v}
          id="submit"
          action={`${base}/submit`}
          label={t('advisories.actions.submit')}
          hint={t('advisories.actions.submitHint')}
        />
      )}
      {(a.state === 'in_review' || a.approved) && (
        <p>
          <a href={`${base}/review`}>{t('advisories.actions.review')}</a>
        </p>
      )}
      {a.state === 'approved' && a.publishedRevision === 0 && (
        <PostButton
          v={v}
          id="schedule"
          action={`${base}/schedule`}
          label={t('advisories.actions.schedule')}
          hint={t('advisories.actions.scheduleHint')}
        />
      )}
      {a.state === 'approved' && a.publishedRevision > 0 && (
        <PostButton v={v} id="release" action={`${base}/release`} label={t('advisories.actions.release')} />
      )}
      {a.state === 'scheduled' && (
        <PostButton
          v={v}
          id="unschedule"
          action={`${base}/unschedule`}
          label={t('advisories.actions.unschedule')}
        />
      )}
      {a.state === 'published' && (
        <form method="post" action={`${base}/correction`}>
          <CsrfField v={v} />
          <p class="hint" id="correction-hint">
            {t('advisories.actions.startCorrectionHint')}
          </p>
          <ChangeNoteFields v={v} values={values} errors={errors ?? {}} />
          <button type="submit" aria-describedby="correction-hint">
            {t('advisories.actions.startCorrection')}
          </button>
        </form>
      )}
    </section>
  );
}

export function EditorPage({
  v,
  p,
  values,
  errors,
  notice,
  warning,
}: {
  v: ViewContext;
  p: AdvisoryPage;
  /** what the form shows: the working copy, or what was posted when it was refused */
  values: FormValues;
  errors?: Errors;
  notice?: string | undefined;
  warning?: string | undefined;
}) {
  const { t } = v;
  const title = t('advisories.page.title', { reference: p.reference });
  const a = p.advisory;
  const editing = a && a.state !== 'published';
  const stateWarning =
    a && (a.state === 'in_review' || a.state === 'approved' || a.state === 'scheduled')
      ? t('advisories.page.editWarning')
      : a?.state === 'published'
        ? t('advisories.page.publishedLocked')
        : undefined;
  return (
    <Layout v={v} title={title}>
      <p>
        <a href={`/coordination/cases/${encodeURIComponent(p.reference)}`}>
          {t('advisories.page.backToCase')}
        </a>{' '}
        · <a href="/coordination/advisories">{t('advisories.page.toList')}</a>
      </p>
      <h1>{title}</h1>
      <Notices notice={notice} warning={warning} />
      <ErrorSummary v={v} errors={errors} />
      {!a ? (
        <>
          <p>{t('advisories.page.none')}</p>
          <PostButton
            v={v}
            id="create"
            action={`${advisoryPath(p.reference)}/create`}
            label={t('advisories.page.create')}
          />
        </>
      ) : (
        <>
          <section aria-labelledby="state">
            <h2 id="state">{t('advisories.page.status')}</h2>
            <StateList v={v} p={p} />
          </section>
          {stateWarning && (
            <p class="notice warning">
              <strong>{stateWarning}</strong>
            </p>
          )}
          <MentionsWarning v={v} mentions={a.mentions} />
          <Actions v={v} p={p} values={values} errors={errors} />
          {editing && (
            <EditorForm
              v={v}
              reference={p.reference}
              values={values}
              errors={errors}
              changeNote={a.publishedRevision > 0}
            />
          )}
        </>
      )}
    </Layout>
  );
}
