// Creating a user directly (password generated, shown once) or inviting one by e-mail: the same fields.
import type { Role } from '../../../platform/db/schema.js';
import { CsrfField, ErrorSummary, Field, SelectField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { UserFormValues } from '../forms.js';
import type { OrganizationSummary } from '../show-organization.js';
import { organizationName } from './organization-page.js';

export function UserFormPage({
  v,
  kind,
  organization,
  roles,
  values = {},
  errors,
}: {
  v: ViewContext;
  kind: 'create' | 'invite';
  organization: OrganizationSummary;
  roles: Role[];
  values?: UserFormValues;
  errors?: Record<string, string[]> | undefined;
}) {
  const { t } = v;
  const org = organizationName(organization, v.locale);
  const title = kind === 'create' ? t('admin.newUser.title', { org }) : t('admin.invite.title', { org });
  const action =
    kind === 'create'
      ? `/admin/organizations/${organization.id}/users`
      : `/admin/organizations/${organization.id}/invitations`;
  return (
    <Layout v={v} title={title}>
      <p>
        <a href={`/admin/organizations/${organization.id}`}>{t('admin.userCreated.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{kind === 'create' ? t('admin.newUser.intro') : t('admin.invite.intro')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField v={v} />
        <Field
          name="email"
          type="email"
          autocomplete="off"
          label={t('admin.newUser.email')}
          value={values.email}
          required
          errors={errors}
        />
        <Field
          name="displayName"
          autocomplete="off"
          label={t('admin.newUser.displayName')}
          value={values.displayName}
          required={kind === 'create'}
          {...(kind === 'invite' ? { hint: t('admin.invite.displayNameHint') } : {})}
          errors={errors}
        />
        <SelectField
          name="role"
          label={t('admin.newUser.role')}
          required
          value={values.role ?? roles.at(-1) ?? ''}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          errors={errors}
        />
        <SelectField
          name="locale"
          label={t('admin.newUser.locale')}
          required
          value={values.locale ?? v.locale}
          options={[
            { value: 'ja', label: t('lang.ja') },
            { value: 'en', label: t('lang.en') },
          ]}
          errors={errors}
        />
        <button type="submit">
          {kind === 'create' ? t('admin.newUser.submit') : t('admin.invite.submit')}
        </button>
      </form>
    </Layout>
  );
}
