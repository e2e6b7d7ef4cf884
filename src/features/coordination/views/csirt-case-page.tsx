// Recording a case handed over by an overseas CSIRT: which CSIRT, its reference, the day it told us, and the
// publication moment it set, if any (which then takes precedence).
import { Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { timeZoneChoices } from '../../accounts/time-zones.js';
import { DateTimeLocal, PostForm } from './parts.js';

export const CSIRT_CASE_PATH = '/coordination/csirt-cases/new';

export function CsirtCasePage(props: {
  v: ViewContext;
  csirts: { organizationId: string; nameJa: string; nameEn: string }[];
  errors?: Record<string, string[]> | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { v, csirts } = props;
  const { t } = v;
  const values = props.values ?? {};
  const errors = props.errors;
  return (
    <Layout v={v} title={t('coordination.csirt.title')}>
      <h1>{t('coordination.csirt.title')}</h1>
      {errors && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('form.errorSummary')}</h2>
          <ul>
            {Object.entries(errors).map(([f, m]) => (
              <li key={f}>
                <a href={`#${f}`}>{m.join(' ')}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <PostForm v={v} action={CSIRT_CASE_PATH}>
        <SelectField
          name="csirtOrganizationId"
          label={t('coordination.csirt.organization')}
          value={values.csirtOrganizationId}
          errors={errors}
          placeholder=""
          required
          options={csirts.map((c) => ({ value: c.organizationId, label: `${c.nameJa} / ${c.nameEn}` }))}
        />
        <Field
          name="csirtReference"
          label={t('coordination.csirt.reference')}
          value={values.csirtReference}
          errors={errors}
          required
        />
        <Field
          type="date"
          name="receivedOn"
          label={t('coordination.csirt.receivedOn')}
          value={values.receivedOn}
          errors={errors}
          required
        />
        <DateTimeLocal
          name="publishAt"
          label={t('coordination.csirt.publishAt')}
          hint={t('coordination.csirt.publishAtHint')}
          value={values.publishAt}
          errors={errors}
        />
        <SelectField
          name="timeZone"
          label={t('coordination.workspace.timeZone')}
          value={values.timeZone ?? v.timeZone}
          errors={errors}
          options={timeZoneChoices(v.timeZone).map((z) => ({ value: z, label: z }))}
        />
        <button type="submit">{t('coordination.csirt.submit')}</button>
      </PostForm>
    </Layout>
  );
}
