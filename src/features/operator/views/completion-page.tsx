// 修正完了報告書 (seed 003 App. 1(3)) as a form: 1. what was done, 2. whether the reception body should confirm the
// fix (with consent), 3. the contact for next time, who reports, and the survey of cause and damage.

import {
  CAUSE_BASIS,
  CAUSE_DETAIL,
  DAMAGE_ACTUAL,
  DAMAGE_POTENTIAL,
} from '../../../platform/db/schema/website.js';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  Fieldset,
  TextArea,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { FIX_ACTIONS } from '../../website/website-rules.js';
import { ANSWER_TEXT_MAX } from '../answer-input.js';
import { Choices, str } from './choices.js';
import { type FormState, HandlingNumber } from './operator-case-page.js';

export function CompletionPage(props: {
  v: ViewContext;
  reference: string;
  prefix: string;
  action: string;
  back: string;
  form: FormState;
}) {
  const { v } = props;
  const { t } = v;
  const values = props.form.values ?? {};
  const errors = props.form.errors;
  const title = t('operator.completion.title', { reference: props.reference });
  const list = (name: string) => values[name];
  const checked = (name: string) => str(values, name) === 'on';
  /** A one-line field of the form, labelled from operator.completion.<label>, with what was typed and its errors. */
  const field = (
    name: string,
    label: string,
    more: { type?: 'email'; autocomplete?: string; required?: boolean } = {},
  ) => (
    <Field
      name={name}
      label={t(`operator.completion.${label}`)}
      value={str(values, name)}
      errors={errors}
      {...more}
    />
  );
  /** A group of checkboxes for one survey question, each option labelled from operator.completion.<labels>.<it>. */
  const checkboxes = (name: string, legend: string, options: readonly string[], labels: string) => (
    <Choices
      type="checkbox"
      name={name}
      legend={t(`operator.completion.${legend}`)}
      options={options.map((c) => ({ value: c, label: t(`operator.completion.${labels}.${c}`) }))}
      value={list(name)}
      errors={errors}
    />
  );
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <HandlingNumber v={v} reference={props.reference} prefix={props.prefix} />
      <p>{t('operator.completion.intro')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={props.action}>
        <CsrfField v={v} />
        <Fieldset legend={t('operator.completion.sections.report')}>
          <Choices
            type="radio"
            name="action"
            legend={t('operator.completion.action')}
            options={FIX_ACTIONS.map((a) => ({ value: a, label: t(`operator.completion.actions.${a}`) }))}
            value={list('action')}
            errors={errors}
          />
          <TextArea
            name="whatDone"
            label={t('operator.completion.whatDone')}
            hint={t('operator.completion.whatDoneHint', { max: ANSWER_TEXT_MAX.toLocaleString(v.locale) })}
            value={str(values, 'whatDone')}
            required
            errors={errors}
          />
        </Fieldset>
        <Fieldset
          legend={t('operator.completion.sections.confirm')}
          hint={{ id: 'confirm-hint', text: t('operator.completion.wantsConfirmationHint') }}
        >
          <Checkbox
            name="wantsConfirmation"
            label={t('operator.completion.wantsConfirmation')}
            checked={checked('wantsConfirmation')}
            errors={errors}
          />
          <Checkbox
            name="consent"
            label={t('operator.completion.consent')}
            checked={checked('consent')}
            errors={errors}
          />
        </Fieldset>
        <Fieldset legend={t('operator.completion.sections.next')}>
          <Choices
            type="radio"
            name="nextContact"
            legend={t('operator.completion.nextContact')}
            options={(['this_address', 'reception_desk'] as const).map((c) => ({
              value: c,
              label: t(`operator.completion.nextContacts.${c}`),
            }))}
            value={list('nextContact')}
            errors={errors}
          />
          {field('nextEmail', 'nextEmail', { type: 'email', autocomplete: 'email' })}
          {field('nextName', 'nextName')}
        </Fieldset>
        <Fieldset legend={t('operator.completion.sections.reporter')}>
          {field('reporterOrganization', 'reporterOrganization', {
            autocomplete: 'organization',
            required: true,
          })}
          {field('reporterDepartment', 'reporterDepartment')}
          {field('reporterName', 'reporterName', { autocomplete: 'name', required: true })}
        </Fieldset>
        <Fieldset legend={t('operator.completion.sections.survey')}>
          {checkboxes('causeBasis', 'q1a', CAUSE_BASIS, 'causeBasis')}
          {checkboxes('causeDetail', 'q1b', CAUSE_DETAIL, 'causeDetail')}
          {field('causeOther', 'q1Other')}
          {checkboxes('damageActual', 'q2a', DAMAGE_ACTUAL, 'damage')}
          {field('damageActualOther', 'q2aOther')}
          {checkboxes('damagePotential', 'q2b', DAMAGE_POTENTIAL, 'damage')}
          {field('damagePotentialOther', 'q2bOther')}
          <TextArea
            name="leakedKinds"
            label={t('operator.completion.q2c')}
            hint={t('operator.completion.q2cHint')}
            value={str(values, 'leakedKinds')}
            rows={3}
            errors={errors}
          />
          <TextArea
            name="opinion"
            label={t('operator.completion.q3')}
            value={str(values, 'opinion')}
            rows={4}
            errors={errors}
          />
        </Fieldset>
        <button type="submit">{t('operator.completion.submit')}</button>
      </form>
      <p>
        <a href={props.back}>{t('operator.completion.back')}</a>
      </p>
    </Layout>
  );
}
