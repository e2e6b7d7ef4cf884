// The staff pages of a case's advisory: the editor (/coordination/cases/:reference/advisory — state, actions and
// the Japanese/English form side by side), the review page (…/advisory/review — the copy as it will be published,
// what changed since the last approved copy, approve or request changes) and the list (/coordination/advisories).
// No JavaScript: rows are added by saving (a few empty rows are always there) and removed with a checkbox.
import type { ComponentChildren } from 'preact';
import { formatInstant } from '../../../domain/time.js';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type Errors,
  Field,
  SelectField,
  TextArea,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import {
  BILINGUAL_FIELDS,
  type FormValues,
  REFERENCE_KINDS,
  rowIndexes,
  VENDOR_STATUSES,
} from '../advisory-input.js';
import type { AdvisoryListRow } from '../list-advisories.js';
import { advisoryPath } from '../mail.js';
import type { AdvisoryPage } from '../show-advisory.js';
import { AdvisoryView } from './advisory-view.js';

export function Moment({ v, at }: { v: ViewContext; at: Date }) {
  const jst = formatInstant(at, { locale: v.locale, timeZone: 'Asia/Tokyo' });
  const own =
    v.timeZone === 'Asia/Tokyo' ? null : formatInstant(at, { locale: v.locale, timeZone: v.timeZone });
  return (
    <span class="moment">
      <time dateTime={at.toISOString()}>{jst}</time>
      {own && (
        <>
          {' / '}
          {v.t('advisories.page.inYourZone')}: {own}
        </>
      )}
    </span>
  );
}

const when = (v: ViewContext, at: Date) => formatInstant(at, { locale: v.locale, timeZone: v.timeZone });

function PostButton(props: { v: ViewContext; action: string; label: string; hint?: string; id: string }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField v={props.v} />
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <button type="submit" aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
        {props.label}
      </button>
    </form>
  );
}

function Notices({ notice, warning }: { notice?: string | undefined; warning?: string | undefined }) {
  return (
    <>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {warning && (
        <p class="notice warning">
          <strong>{warning}</strong>
        </p>
      )}
    </>
  );
}

type FormCtx = { v: ViewContext; values: FormValues; errors: Errors };

/** One thing in both languages, side by side. */
function Bi(
  props: FormCtx & { ja: string; en: string; label: string; multiline?: boolean; required?: boolean },
) {
  const { v, values, errors } = props;
  const one = (name: string, lang: 'ja' | 'en') => {
    const label = v.t(lang === 'ja' ? 'advisories.form.labelJa' : 'advisories.form.labelEn', {
      field: props.label,
    });
    return props.multiline ? (
      <TextArea name={name} label={label} value={values[name]} errors={errors} lang={lang} rows={5} />
    ) : (
      <Field
        name={name}
        label={label}
        value={values[name]}
        errors={errors}
        required={lang === 'ja' ? props.required : undefined}
      />
    );
  };
  return (
    <div class="bilingual">
      {one(props.ja, 'ja')}
      {one(props.en, 'en')}
    </div>
  );
}

/** The row indexes to show: those in the values and `extra` empty ones after them. */
function rows(values: FormValues, list: string, extra: number): number[] {
  const have = rowIndexes(values, list);
  const next = have.length ? Math.max(...have) + 1 : 0;
  return [...have, ...Array.from({ length: extra }, (_, i) => next + i)];
}

function Group({ legend, children, id }: { legend: string; children: ComponentChildren; id?: string }) {
  return (
    <fieldset id={id}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

function EditorForm({
  v,
  reference,
  values,
  errors,
  changeNote,
}: FormCtx & { reference: string; changeNote: boolean }) {
  const { t } = v;
  const f = { v, values, errors };
  const developers = rows(values, 'dev', 0)
    .map((i) => ({
      slug: values[`dev.${i}.slug`] ?? '',
      name: values[`dev.${i}.nameJa`] || values[`dev.${i}.nameEn`] || '',
    }))
    .filter((d) => d.slug);
  const vulnOrdinals = rows(values, 'vuln', 0)
    .map((i) => values[`vuln.${i}.ordinal`] ?? '')
    .filter((o) => /^\d+$/.test(o));
  return (
    <form method="post" action={advisoryPath(reference)} id="editor">
      <CsrfField v={v} />
      <h2 id="edit">{t('advisories.form.heading')}</h2>
      <p class="hint">{t('advisories.form.emptyRowsHint')}</p>
      {changeNote && (
        <Group legend={t('advisories.form.changeNote')}>
          <div class="bilingual">
            <TextArea
              name="changeNoteJa"
              label={t('advisories.form.changeNoteJa')}
              value={values.changeNoteJa}
              errors={errors}
              lang="ja"
              rows={3}
            />
            <TextArea
              name="changeNoteEn"
              label={t('advisories.form.changeNoteEn')}
              value={values.changeNoteEn}
              errors={errors}
              lang="en"
              rows={3}
            />
          </div>
        </Group>
      )}
      {BILINGUAL_FIELDS.filter((k) => k === 'title' || k === 'overview').map((k) => (
        <Bi
          key={k}
          {...f}
          ja={`${k}.ja`}
          en={`${k}.en`}
          label={t(`advisories.form.fields.${k}`)}
          multiline={k !== 'title'}
          required={k === 'title'}
        />
      ))}

      <Group legend={t('advisories.form.developers')}>
        {rows(values, 'dev', 1).map((i) => (
          <div key={i} class="row-group">
            <Field
              name={`dev.${i}.slug`}
              label={t('advisories.form.developerSlug')}
              value={values[`dev.${i}.slug`]}
              errors={errors}
            />
            <Bi
              {...f}
              ja={`dev.${i}.nameJa`}
              en={`dev.${i}.nameEn`}
              label={t('advisories.form.developerName')}
            />
            <Checkbox name={`dev.${i}.remove`} label={t('advisories.form.remove')} />
          </div>
        ))}
      </Group>

      <Group legend={t('advisories.form.vulnerabilities')}>
        {rows(values, 'vuln', 1).map((i, n) => {
          const p = `vuln.${i}.`;
          const ordinal = values[`${p}ordinal`];
          return (
            <fieldset key={i}>
              <legend>
                {ordinal
                  ? t('advisories.form.vulnerability', { n: n + 1 })
                  : t('advisories.form.newVulnerability')}
              </legend>
              <input type="hidden" name={`${p}ordinal`} value={ordinal ?? ''} />
              <Bi {...f} ja={`${p}titleJa`} en={`${p}titleEn`} label={t('advisories.form.vulnTitle')} />
              <Bi
                {...f}
                ja={`${p}descriptionJa`}
                en={`${p}descriptionEn`}
                label={t('advisories.form.vulnDescription')}
                multiline
              />
              <div class="bilingual">
                <Field
                  name={`${p}cwe`}
                  label={t('advisories.form.cwe')}
                  value={values[`${p}cwe`]}
                  errors={errors}
                />
                <Field
                  name={`${p}cve`}
                  label={t('advisories.form.cve')}
                  value={values[`${p}cve`]}
                  errors={errors}
                />
                <Field
                  name={`${p}cvss31`}
                  label={t('advisories.form.cvss31')}
                  hint={t('advisories.form.cvssHint')}
                  value={values[`${p}cvss31`]}
                  errors={errors}
                />
                <Field
                  name={`${p}cvss40`}
                  label={t('advisories.form.cvss40')}
                  hint={t('advisories.form.cvssHint')}
                  value={values[`${p}cvss40`]}
                  errors={errors}
                />
              </div>
              <Checkbox
                name={`${p}exploited`}
                label={t('advisories.form.exploited')}
                hint={t('advisories.form.exploitedHint')}
                checked={values[`${p}exploited`] === 'on'}
                errors={errors}
              />
              {ordinal && <Checkbox name={`${p}remove`} label={t('advisories.form.remove')} />}
            </fieldset>
          );
        })}
      </Group>

      <Group legend={t('advisories.form.products')}>
        {rows(values, 'product', 1).map((i, n) => {
          const p = `product.${i}.`;
          const key = values[`${p}key`];
          return (
            <fieldset key={i}>
              <legend>
                {key ? t('advisories.form.product', { n: n + 1 }) : t('advisories.form.newProduct')}
              </legend>
              <input type="hidden" name={`${p}key`} value={key ?? ''} />
              <SelectField
                name={`${p}developer`}
                label={t('advisories.form.productDeveloper')}
                value={values[`${p}developer`]}
                errors={errors}
                placeholder={t('advisories.form.chooseDeveloper')}
                options={developers.map((d) => ({ value: d.slug, label: `${d.name} (${d.slug})` }))}
              />
              <Bi {...f} ja={`${p}nameJa`} en={`${p}nameEn`} label={t('advisories.form.productName')} />
              <Bi {...f} ja={`${p}versionsJa`} en={`${p}versionsEn`} label={t('advisories.form.versions')} />
              <div class="bilingual">
                <Field
                  name={`${p}versionRange`}
                  label={t('advisories.form.versionRange')}
                  value={values[`${p}versionRange`]}
                  errors={errors}
                />
                <Field
                  name={`${p}fixedVersion`}
                  label={t('advisories.form.fixedVersion')}
                  value={values[`${p}fixedVersion`]}
                  errors={errors}
                />
                <Field
                  name={`${p}purl`}
                  label={t('advisories.form.purl')}
                  value={values[`${p}purl`]}
                  errors={errors}
                />
                <Field
                  name={`${p}cpe`}
                  label={t('advisories.form.cpe')}
                  value={values[`${p}cpe`]}
                  errors={errors}
                />
              </div>
              {key && <Checkbox name={`${p}remove`} label={t('advisories.form.remove')} />}
            </fieldset>
          );
        })}
      </Group>

      <Group legend={t('advisories.form.statuses')}>
        <p class="hint">{t('advisories.form.statusesHint')}</p>
        {developers.flatMap((d) =>
          vulnOrdinals.map((o, n) => {
            const p = `status.${d.slug}.${o}.`;
            return (
              <fieldset key={p}>
                <legend>{t('advisories.form.statusFor', { developer: d.name, n: n + 1 })}</legend>
                <SelectField
                  name={`${p}value`}
                  label={t('advisories.form.statusValue')}
                  value={values[`${p}value`] ?? 'unknown'}
                  errors={errors}
                  options={VENDOR_STATUSES.map((s) => ({
                    value: s,
                    label: t(`advisories.statusValues.${s}`),
                  }))}
                />
                <Bi
                  {...f}
                  ja={`${p}statementJa`}
                  en={`${p}statementEn`}
                  label={t('advisories.form.statement')}
                  multiline
                />
                <Field
                  name={`${p}url`}
                  type="url"
                  label={t('advisories.form.statusUrl')}
                  value={values[`${p}url`]}
                  errors={errors}
                />
              </fieldset>
            );
          }),
        )}
      </Group>

      {BILINGUAL_FIELDS.filter((k) => k !== 'title' && k !== 'overview').map((k) => (
        <Bi key={k} {...f} ja={`${k}.ja`} en={`${k}.en`} label={t(`advisories.form.fields.${k}`)} multiline />
      ))}

      <Group legend={t('advisories.form.credits')}>
        <p class="hint">{t('advisories.form.creditHint')}</p>
        {rows(values, 'credit', 1).map((i, n) => (
          <Bi
            key={i}
            {...f}
            ja={`credit.${i}.ja`}
            en={`credit.${i}.en`}
            label={t('advisories.form.credit', { n: n + 1 })}
          />
        ))}
      </Group>

      <Group legend={t('advisories.form.references')}>
        {rows(values, 'ref', 2).map((i, n) => (
          <fieldset key={i}>
            <legend>{t('advisories.form.reference', { n: n + 1 })}</legend>
            <SelectField
              name={`ref.${i}.kind`}
              label={t('advisories.form.referenceKind')}
              value={values[`ref.${i}.kind`] ?? 'other'}
              errors={errors}
              options={REFERENCE_KINDS.map((k) => ({ value: k, label: t(`advisories.referenceKinds.${k}`) }))}
            />
            <Field
              name={`ref.${i}.title`}
              label={t('advisories.form.referenceTitle')}
              value={values[`ref.${i}.title`]}
              errors={errors}
            />
            <Field
              name={`ref.${i}.url`}
              type="url"
              label={t('advisories.form.referenceUrl')}
              value={values[`ref.${i}.url`]}
              errors={errors}
            />
          </fieldset>
        ))}
      </Group>

      <Field
        name="receivedOn"
        label={t('advisories.form.receivedOn')}
        value={values.receivedOn}
        errors={errors}
      />
      <button type="submit">{t('advisories.form.save')}</button>
    </form>
  );
}

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
          <div class="bilingual">
            <TextArea
              name="changeNoteJa"
              label={t('advisories.form.changeNoteJa')}
              value={values.changeNoteJa}
              errors={errors}
              lang="ja"
              rows={3}
            />
            <TextArea
              name="changeNoteEn"
              label={t('advisories.form.changeNoteEn')}
              value={values.changeNoteEn}
              errors={errors}
              lang="en"
              rows={3}
            />
          </div>
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

export function ListPage({ v, rows: list }: { v: ViewContext; rows: AdvisoryListRow[] }) {
  const { t } = v;
  const title = t('advisories.list.title');
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      {list.length === 0 ? (
        <p>{t('advisories.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('advisories.list.reference')}</th>
                <th scope="col">{t('advisories.list.publicId')}</th>
                <th scope="col">{t('advisories.list.state')}</th>
                <th scope="col">{t('advisories.list.kind')}</th>
                <th scope="col">{t('advisories.list.scheduledFor')}</th>
                <th scope="col">{t('advisories.list.revision')}</th>
                <th scope="col">{t('advisories.list.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={advisoryPath(r.reference)}>{r.reference}</a>
                  </th>
                  <td>{r.publicId ?? '—'}</td>
                  <td>{t(`advisories.states.${r.state}`)}</td>
                  <td>{t(`advisories.kinds.${r.kind}`)}</td>
                  <td>{r.scheduledFor ? <Moment v={v} at={r.scheduledFor} /> : '—'}</td>
                  <td>{r.publishedRevision || '—'}</td>
                  <td>{when(v, r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
