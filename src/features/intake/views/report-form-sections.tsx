// The parts of a report form: who reports, what is affected, the vulnerability, attachments, consents, attestation.
import { Field } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FormValues, ReportFormKind } from '../report-form.js';
import { LONG_TEXT_MAX } from '../report-input.js';
import { WEBSITE_VULNERABILITY_TYPES } from '../website-vulnerability-types.js';
import { Checkbox, type Errors, FileInput, Select, TextArea } from './controls.js';

type SectionProps = { v: ViewContext; values: FormValues; errors: Errors };

const label = (v: ViewContext, name: string, required = false) =>
  `${v.t(`intake.form.fields.${name}`)}${required ? v.t('intake.form.required') : ''}`;

const longHint = (v: ViewContext, hintKey?: string) =>
  [hintKey ? v.t(hintKey) : '', v.t('intake.form.limit', { max: LONG_TEXT_MAX.toLocaleString(v.locale) })]
    .filter(Boolean)
    .join(' ');

export function FinderSection({ v, values, errors }: SectionProps) {
  return (
    <fieldset aria-describedby="finder-hint">
      <legend>{v.t('intake.form.sections.finder')}</legend>
      <p class="hint" id="finder-hint">
        {v.t('intake.form.sections.finderHint')}
      </p>
      <Field
        name="finderName"
        label={label(v, 'finderName')}
        value={values.finderName}
        autocomplete="name"
        errors={errors}
      />
      <Field
        name="finderEmail"
        label={label(v, 'finderEmail')}
        type="email"
        value={values.finderEmail}
        autocomplete="email"
        errors={errors}
      />
      <Field
        name="finderPhone"
        label={label(v, 'finderPhone')}
        type="tel"
        value={values.finderPhone}
        autocomplete="tel"
        errors={errors}
      />
      <Field
        name="finderOrganization"
        label={label(v, 'finderOrganization')}
        value={values.finderOrganization}
        autocomplete="organization"
        errors={errors}
      />
    </fieldset>
  );
}

export function ProductSection({ v, values, errors }: SectionProps) {
  return (
    <fieldset>
      <legend>{v.t('intake.form.sections.product')}</legend>
      <Field
        name="productName"
        label={label(v, 'productName', true)}
        value={values.productName}
        required
        errors={errors}
      />
      <Field
        name="developerName"
        label={label(v, 'developerName')}
        value={values.developerName}
        errors={errors}
      />
      <Field
        name="versions"
        label={label(v, 'versions')}
        value={values.versions}
        hint={v.t('intake.form.hints.versions')}
        errors={errors}
      />
    </fieldset>
  );
}

export function SiteSection({ v, values, errors }: SectionProps) {
  return (
    <fieldset>
      <legend>{v.t('intake.form.sections.site')}</legend>
      <Field
        name="siteUrl"
        label={label(v, 'siteUrl', true)}
        type="url"
        value={values.siteUrl}
        hint={v.t('intake.form.hints.siteUrl')}
        required
        errors={errors}
      />
      <Field name="siteName" label={label(v, 'siteName')} value={values.siteName} errors={errors} />
    </fieldset>
  );
}

export function VulnerabilitySection({ v, values, errors, kind }: SectionProps & { kind: ReportFormKind }) {
  return (
    <fieldset>
      <legend>{v.t('intake.form.sections.vulnerability')}</legend>
      {kind === 'website' && (
        <Select
          name="vulnerabilityType"
          label={label(v, 'vulnerabilityType', true)}
          value={values.vulnerabilityType}
          placeholder={v.t('intake.form.chooseType')}
          options={WEBSITE_VULNERABILITY_TYPES.map((type) => ({
            value: type,
            label: v.t(`intake.types.${type}`),
          }))}
          required
          errors={errors}
        />
      )}
      <TextArea
        name="description"
        label={label(v, 'description', true)}
        value={values.description}
        hint={longHint(v, 'intake.form.hints.description')}
        rows={10}
        required
        errors={errors}
      />
      <TextArea
        name="steps"
        label={label(v, 'steps', true)}
        value={values.steps}
        hint={longHint(v, 'intake.form.hints.steps')}
        required
        errors={errors}
      />
      {kind === 'website' ? (
        <TextArea
          name="threat"
          label={label(v, 'threat')}
          value={values.threat}
          hint={longHint(v)}
          errors={errors}
        />
      ) : (
        <>
          <TextArea
            name="environment"
            label={label(v, 'environment')}
            value={values.environment}
            hint={longHint(v, 'intake.form.hints.environment')}
            rows={4}
            errors={errors}
          />
          <TextArea
            name="impact"
            label={label(v, 'impact')}
            value={values.impact}
            hint={longHint(v)}
            rows={4}
            errors={errors}
          />
        </>
      )}
      {kind === 'own-product' && (
        <TextArea
          name="countermeasure"
          label={label(v, 'countermeasure')}
          value={values.countermeasure}
          hint={longHint(v, 'intake.form.hints.countermeasure')}
          errors={errors}
        />
      )}
    </fieldset>
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
    <fieldset>
      <legend>{v.t('intake.form.sections.attachments')}</legend>
      <FileInput
        name="attachments"
        label={label(v, 'attachments')}
        hint={v.t('intake.form.hints.attachments', limits)}
        notice={
          chosenFiles.length ? v.t('intake.form.filesAgain', { names: chosenFiles.join(', ') }) : undefined
        }
        errors={errors}
      />
    </fieldset>
  );
}

export function ConsentSection({ v, values, errors, kind }: SectionProps & { kind: ReportFormKind }) {
  const website = kind === 'website';
  return (
    <fieldset aria-describedby="consent-hint">
      <legend>{v.t('intake.form.consent.legend')}</legend>
      <p class="hint" id="consent-hint">
        {v.t('intake.form.consent.hint')}
      </p>
      {!website && (
        <Checkbox
          name="consentIdentityToCoordinator"
          label={v.t('intake.form.consent.identityToCoordinator')}
          checked={values.consentIdentityToCoordinator}
          errors={errors}
        />
      )}
      <Checkbox
        name="consentIdentityToVendor"
        label={v.t(
          website ? 'intake.form.consent.identityToOperator' : 'intake.form.consent.identityToVendor',
        )}
        checked={values.consentIdentityToVendor}
        errors={errors}
      />
      <Checkbox
        name="consentDirectContact"
        label={v.t(
          website ? 'intake.form.consent.directContactOperator' : 'intake.form.consent.directContact',
        )}
        checked={values.consentDirectContact}
        errors={errors}
      />
      <Checkbox
        name="consentPublicCredit"
        label={v.t('intake.form.consent.publicCredit')}
        checked={values.consentPublicCredit}
        errors={errors}
      />
      <Field
        name="creditName"
        label={label(v, 'creditName')}
        value={values.creditName}
        hint={v.t('intake.form.hints.creditName')}
        errors={errors}
      />
    </fieldset>
  );
}

export function AttestationSection({ v, values, errors }: SectionProps) {
  return (
    <fieldset>
      <legend>{v.t('intake.form.attest.legend')}</legend>
      <Checkbox
        name="attestLawful"
        label={`${v.t('intake.form.attest.label')}${v.t('intake.form.required')}`}
        checked={values.attestLawful}
        required
        errors={errors}
      />
    </fieldset>
  );
}
