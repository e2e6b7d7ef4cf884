// The parts of a report form: who reports, what is affected, the vulnerability, attachments, consents, attestation.
import {
  Checkbox,
  type Errors,
  Field,
  Fieldset,
  FileInput,
  SelectField,
  TextArea,
} from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { Checkbox as CheckboxName, FormValues, ReportFormKind, TextField } from '../report-form.js';
import { LONG_TEXT_MAX } from '../report-input.js';
import { WEBSITE_VULNERABILITY_TYPES } from '../website-vulnerability-types.js';

type SectionProps = { v: ViewContext; values: FormValues; errors: Errors };

const label = (v: ViewContext, name: string, required = false) =>
  `${v.t(`intake.form.fields.${name}`)}${required ? v.t('intake.form.required') : ''}`;

/** The props every text control of a report form shares: its name, worded label, value kept on error, errors. */
const text = ({ v, values, errors }: SectionProps, name: TextField, required = false) => ({
  name,
  label: label(v, name, required),
  value: values[name],
  errors,
  required: required || undefined,
});

const box = ({ values, errors }: SectionProps, name: CheckboxName) => ({
  name,
  checked: values[name],
  errors,
});

const longHint = (v: ViewContext, hintKey?: string) =>
  [hintKey ? v.t(hintKey) : '', v.t('intake.form.limit', { max: LONG_TEXT_MAX.toLocaleString(v.locale) })]
    .filter(Boolean)
    .join(' ');

export function FinderSection(p: SectionProps) {
  const { v } = p;
  return (
    <Fieldset
      legend={v.t('intake.form.sections.finder')}
      hint={{ id: 'finder-hint', text: v.t('intake.form.sections.finderHint') }}
    >
      <Field {...text(p, 'finderName')} autocomplete="name" />
      <Field {...text(p, 'finderEmail')} type="email" autocomplete="email" />
      <Field {...text(p, 'finderPhone')} type="tel" autocomplete="tel" />
      <Field {...text(p, 'finderOrganization')} autocomplete="organization" />
    </Fieldset>
  );
}

export function ProductSection(p: SectionProps) {
  const { v } = p;
  return (
    <Fieldset legend={v.t('intake.form.sections.product')}>
      <Field {...text(p, 'productName', true)} />
      <Field {...text(p, 'developerName')} />
      <Field {...text(p, 'versions')} hint={v.t('intake.form.hints.versions')} />
    </Fieldset>
  );
}

export function SiteSection(p: SectionProps) {
  const { v } = p;
  return (
    <Fieldset legend={v.t('intake.form.sections.site')}>
      <Field {...text(p, 'siteUrl', true)} type="url" hint={v.t('intake.form.hints.siteUrl')} />
      <Field {...text(p, 'siteName')} />
    </Fieldset>
  );
}

export function VulnerabilitySection(p: SectionProps & { kind: ReportFormKind }) {
  const { v, kind } = p;
  return (
    <Fieldset legend={v.t('intake.form.sections.vulnerability')}>
      {kind === 'website' && (
        <SelectField
          {...text(p, 'vulnerabilityType', true)}
          placeholder={v.t('intake.form.chooseType')}
          options={WEBSITE_VULNERABILITY_TYPES.map((type) => ({
            value: type,
            label: v.t(`intake.types.${type}`),
          }))}
        />
      )}
      <TextArea
        {...text(p, 'description', true)}
        hint={longHint(v, 'intake.form.hints.description')}
        rows={10}
      />
      <TextArea {...text(p, 'steps', true)} hint={longHint(v, 'intake.form.hints.steps')} />
      {kind === 'website' ? (
        <TextArea {...text(p, 'threat')} hint={longHint(v)} />
      ) : (
        <>
          <TextArea
            {...text(p, 'environment')}
            hint={longHint(v, 'intake.form.hints.environment')}
            rows={4}
          />
          <TextArea {...text(p, 'impact')} hint={longHint(v)} rows={4} />
        </>
      )}
      {kind === 'own-product' && (
        <TextArea {...text(p, 'countermeasure')} hint={longHint(v, 'intake.form.hints.countermeasure')} />
      )}
    </Fieldset>
  );
}

export function AttachmentsSection({
  v,
  errors,
  limits,
  chosenFiles,
}: {
  v: ViewContext;
  errors: Errors;
  limits: { each: string; total: string; files: number };
  chosenFiles: string[];
}) {
  return (
    <Fieldset legend={v.t('intake.form.sections.attachments')}>
      <FileInput
        name="attachments"
        label={label(v, 'attachments')}
        hint={v.t('intake.form.hints.attachments', limits)}
        notice={
          chosenFiles.length ? v.t('intake.form.filesAgain', { names: chosenFiles.join(', ') }) : undefined
        }
        errors={errors}
      />
    </Fieldset>
  );
}

export function ConsentSection(p: SectionProps & { kind: ReportFormKind }) {
  const { v } = p;
  const website = p.kind === 'website';
  return (
    <Fieldset
      legend={v.t('intake.form.consent.legend')}
      hint={{ id: 'consent-hint', text: v.t('intake.form.consent.hint') }}
    >
      {!website && (
        <Checkbox
          {...box(p, 'consentIdentityToCoordinator')}
          label={v.t('intake.form.consent.identityToCoordinator')}
        />
      )}
      <Checkbox
        {...box(p, 'consentIdentityToVendor')}
        label={v.t(
          website ? 'intake.form.consent.identityToOperator' : 'intake.form.consent.identityToVendor',
        )}
      />
      <Checkbox
        {...box(p, 'consentDirectContact')}
        label={v.t(
          website ? 'intake.form.consent.directContactOperator' : 'intake.form.consent.directContact',
        )}
      />
      <Checkbox {...box(p, 'consentPublicCredit')} label={v.t('intake.form.consent.publicCredit')} />
      <Field {...text(p, 'creditName')} hint={v.t('intake.form.hints.creditName')} />
    </Fieldset>
  );
}

export function AttestationSection(p: SectionProps) {
  const { v } = p;
  return (
    <Fieldset legend={v.t('intake.form.attest.legend')}>
      <Checkbox
        {...box(p, 'attestLawful')}
        label={`${v.t('intake.form.attest.label')}${v.t('intake.form.required')}`}
        required
      />
    </Fieldset>
  );
}
