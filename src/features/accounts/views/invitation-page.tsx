import { formatInstant } from '../../../domain/time.js';
import type { OrganizationType, Role } from '../../../platform/db/schema.js';
import { CsrfField, ErrorSummary, type Errors, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { NewPasswordFields, Submit } from './components.js';

export type InvitationModel = {
  token: string;
  email: string;
  role: Role;
  organization: { nameJa: string; nameEn: string; type: OrganizationType };
  expiresAt: Date;
  displayName: string;
};

export function InvitationPage({ v, m, errors }: { v: ViewContext; m: InvitationModel; errors?: Errors }) {
  const { t } = v;
  const organization = v.locale === 'ja' ? m.organization.nameJa : m.organization.nameEn;
  return (
    <Layout v={v} title={t('accounts.invitation.title')}>
      <h1>{t('accounts.invitation.title')}</h1>
      <p id="invitation-summary">
        {t('accounts.invitation.intro', {
          organization,
          type: t(`orgTypes.${m.organization.type}`),
          role: t(`roles.${m.role}`),
        })}
      </p>
      <dl>
        <dt>{t('accounts.login.email')}</dt>
        <dd>{m.email}</dd>
        <dt>{t('accounts.invitation.expires')}</dt>
        <dd>{formatInstant(m.expiresAt, v)}</dd>
      </dl>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`/invitations/${encodeURIComponent(m.token)}`}>
        <CsrfField v={v} />
        <input type="hidden" name="username" value={m.email} autocomplete="username" />
        <Field
          name="displayName"
          label={t('accounts.invitation.displayName')}
          value={m.displayName}
          autocomplete="name"
          required
          errors={errors}
        />
        <NewPasswordFields
          v={v}
          names={['password', 'passwordConfirm']}
          labels={[t('accounts.password.new'), t('accounts.password.confirm')]}
          errors={errors}
        />
        <Submit>{t('accounts.invitation.submit')}</Submit>
      </form>
    </Layout>
  );
}
