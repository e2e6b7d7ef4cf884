// Registering an organization. The sector is asked for, but only a critical-infrastructure operator has one.
import { CsrfField, ErrorSummary, Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { SECTORS } from '../create-organization.js';
import type { OrganizationFormValues } from '../forms.js';
import { organizationTypeOptions } from './options.js';

export function NewOrganizationPage({
  v,
  values = {},
  errors,
}: {
  v: ViewContext;
  values?: OrganizationFormValues;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('admin.newOrganization.title')}>
      <p>
        <a href="/admin/organizations">{t('admin.organization.back')}</a>
      </p>
      <h1>{t('admin.newOrganization.title')}</h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/admin/organizations" novalidate>
        <CsrfField v={v} />
        <SelectField
          name="type"
          label={t('admin.newOrganization.type')}
          required
          value={values.type ?? ''}
          options={organizationTypeOptions(t)}
          errors={errors}
        />
        <Field
          name="nameJa"
          label={t('admin.newOrganization.nameJa')}
          value={values.nameJa}
          required
          errors={errors}
        />
        <Field
          name="nameEn"
          label={t('admin.newOrganization.nameEn')}
          value={values.nameEn}
          required
          errors={errors}
        />
        <SelectField
          name="sector"
          label={t('admin.newOrganization.sector')}
          hint={t('admin.newOrganization.sectorHint')}
          value={values.sector ?? ''}
          options={[
            { value: '', label: t('admin.newOrganization.noSector') },
            ...SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) })),
          ]}
          errors={errors}
        />
        <button type="submit">{t('admin.newOrganization.submit')}</button>
      </form>
    </Layout>
  );
}
