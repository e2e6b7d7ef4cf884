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
          <Field
            name="nextEmail"
            type="email"
            label={t('operator.completion.nextEmail')}
            value={str(values, 'nextEmail')}
            autocomplete="email"
            errors={errors}
          />
          <Field
            name="nextName"
            label={t('operator.completion.nextName')}
            value={str(values, 'nextName')}
            errors={errors}
          />
        </Fieldset>
        <Fieldset legend={t('operator.completion.sections.reporter')}>
          <Field
            name="reporterOrganization"
            label={t('operator.completion.reporterOrganization')}
            value={str(values, 'reporterOrganization')}
            autocomplete="organization"
            required
            errors={errors}
          />
          <Field
            name="reporterDepartment"
            label={t('operator.completion.reporterDepartment')}
            value={str(values, 'reporterDepartment')}
            errors={errors}
          />
          <Field
            name="reporterName"
            label={t('operator.completion.reporterName')}
            value={str(values, 'reporterName')}
            autocomplete="name"
            required
            errors={errors}
          />
        </Fieldset>
        <Fieldset legend={t('operator.completion.sections.survey')}>
          <Choices
            type="checkbox"
            name="causeBasis"
            legend={t('operator.completion.q1a')}
            options={CAUSE_BASIS.map((c) => ({ value: c, label: t(`operator.completion.causeBasis.${c}`) }))}
            value={list('causeBasis')}
            errors={errors}
          />
          <Choices
            type="checkbox"
            name="causeDetail"
            legend={t('operator.completion.q1b')}
            options={CAUSE_DETAIL.map((c) => ({
              value: c,
              label: t(`operator.completion.causeDetail.${c}`),
            }))}
            value={list('causeDetail')}
            errors={errors}
          />
          <Field
            name="causeOther"
            label={t('operator.completion.q1Other')}
            value={str(values, 'causeOther')}
            errors={errors}
          />
          <Choices
            type="checkbox"
            name="damageActual"
            legend={t('operator.completion.q2a')}
            options={DAMAGE_ACTUAL.map((c) => ({ value: c, label: t(`operator.completion.damage.${c}`) }))}
            value={list('damageActual')}
            errors={errors}
          />
          <Field
            name="damageActualOther"
            label={t('operator.completion.q2aOther')}
            value={str(values, 'damageActualOther')}
            errors={errors}
          />
          <Choices
            type="checkbox"
            name="damagePotential"
            legend={t('operator.completion.q2b')}
            options={DAMAGE_POTENTIAL.map((c) => ({ value: c, label: t(`operator.completion.damage.${c}`) }))}
            value={list('damagePotential')}
            errors={errors}
          />
          <Field
            name="damagePotentialOther"
            label={t('operator.completion.q2bOther')}
            value={str(values, 'damagePotentialOther')}
            errors={errors}
          />
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
