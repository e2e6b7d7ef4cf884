// A report form (software product, website, or a developer's own product): works without JavaScript, posts
// multipart so files can come along, and on an error comes back with everything typed still in place.
import { CsrfField, ErrorSummary, type Errors } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import {
  CHECKBOXES,
  type FormValues,
  HONEYPOT_FIELD,
  type ReportFormKind,
  TEXT_FIELDS,
} from '../report-form.js';
import { Honeypot } from './honeypot.js';
import {
  AttachmentsSection,
  AttestationSection,
  ConsentSection,
  FinderSection,
  ProductSection,
  SiteSection,
  VulnerabilitySection,
} from './report-form-sections.js';

export type ReportFormPageProps = {
  v: ViewContext;
  kind: ReportFormKind;
  values: FormValues;
  errors?: Errors;
  /** the trap field was filled: nothing was stored, the person is asked to send again */
  rejected?: boolean;
  /** files chosen in the submission being shown again: browsers cannot keep them */
  chosenFiles?: string[];
  limits: { each: string; total: string; files: number };
};

const TITLES: Record<ReportFormKind, string> = {
  software: 'intake.form.titleSoftware',
  website: 'intake.form.titleWebsite',
  'own-product': 'intake.form.titleOwnProduct',
};

// the order fields appear in, so the error summary reads top to bottom like the form
// (the text fields in their declared order, the credit name beside its checkbox)
const ORDER: string[] = [
  ...TEXT_FIELDS.filter((f) => f !== 'creditName'),
  'attachments',
  ...CHECKBOXES.slice(0, 4),
  'creditName',
  'attestLawful',
];

function ordered(errors: Errors): Errors {
  if (!errors) return errors;
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

export function ReportFormPage({
  v,
  kind,
  values,
  errors,
  rejected,
  chosenFiles = [],
  limits,
}: ReportFormPageProps) {
  const { t } = v;
  const title = t(TITLES[kind]);
  const sorted = ordered(errors);
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <p>{t(kind === 'own-product' ? 'intake.form.introOwnProduct' : 'intake.form.intro')}</p>
      {rejected && (
        <div class="error-summary" role="alert" id="form-rejected">
          <p>{t('intake.form.rejected')}</p>
        </div>
      )}
      <ErrorSummary v={v} errors={sorted} />
      <form method="post" action={`/reports/new/${kind}`} enctype="multipart/form-data" noValidate>
        <CsrfField v={v} />
        <FinderSection v={v} values={values} errors={errors} />
        {kind === 'website' ? (
          <SiteSection v={v} values={values} errors={errors} />
        ) : (
          <ProductSection v={v} values={values} errors={errors} />
        )}
        <VulnerabilitySection v={v} values={values} errors={errors} kind={kind} />
        <AttachmentsSection v={v} errors={errors} limits={limits} chosenFiles={chosenFiles} />
        <ConsentSection v={v} values={values} errors={errors} kind={kind} />
        <AttestationSection v={v} values={values} errors={errors} />
        <Honeypot name={HONEYPOT_FIELD} label={t('intake.form.honeypot')} />
        <p>
          <button type="submit">{t('intake.form.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}
