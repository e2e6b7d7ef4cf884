import { utcOffset } from '../../../domain/time.js';
import {
  CsrfField,
  ErrorSummary,
  type Errors,
  Field,
  SelectField,
} from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { AccountView } from '../get-account.js';
import { timeZoneChoices } from '../time-zones.js';
import { MfaSection } from './account-mfa.js';
import { TokensSection } from './account-tokens.js';
import { NewPasswordFields, Notice, Submit } from './components.js';

export const ACCOUNT_NOTICES = [
  'preferences',
  'password',
  'mfaEnabled',
  'mfaDisabled',
  'tokenRevoked',
] as const;
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];

export type AccountPageProps = {
  v: ViewContext;
  account: AccountView;
  errors?: Errors;
  /** what the user typed in the form that failed (never a password) */
  values?: Record<string, string>;
  notice?: AccountNotice | undefined;
  newToken?: { name: string; token: string } | undefined;
};

export function AccountPage({ v, account: a, errors, values = {}, notice, newToken }: AccountPageProps) {
  const { t } = v;
  const orgName = a.organization ? (v.locale === 'ja' ? a.organization.nameJa : a.organization.nameEn) : null;
  return (
    <Layout v={v} title={t('accounts.account.title')}>
      <h1>{t('accounts.account.title')}</h1>
      {notice && <Notice id="account-notice">{t(`accounts.account.notices.${notice}`)}</Notice>}
      <ErrorSummary v={v} errors={errors} />

      <section aria-labelledby="profile">
        <h2 id="profile">{t('accounts.account.profile.heading')}</h2>
        <dl>
          <dt>{t('accounts.account.profile.name')}</dt>
          <dd>{a.displayName}</dd>
          <dt>{t('accounts.login.email')}</dt>
          <dd>{a.email}</dd>
          <dt>{t('accounts.account.profile.organization')}</dt>
          <dd>
            {orgName && a.organization
              ? `${orgName}（${t(`orgTypes.${a.organization.type}`)}）`
              : t('accounts.account.profile.individual')}
          </dd>
          <dt>{t('accounts.account.profile.role')}</dt>
          <dd>{t(`roles.${a.role}`)}</dd>
        </dl>
      </section>

      <section aria-labelledby="preferences">
        <h2 id="preferences">{t('accounts.account.preferences.heading')}</h2>
        <form method="post" action="/account/preferences">
          <CsrfField v={v} />
          <SelectField
            name="locale"
            label={t('accounts.account.preferences.locale')}
            value={values.locale ?? a.locale}
            options={[
              { value: 'ja', label: t('lang.ja'), lang: 'ja' },
              { value: 'en', label: t('lang.en'), lang: 'en' },
            ]}
            errors={errors}
          />
          <SelectField
            name="timeZone"
            label={t('time.zone')}
            value={values.timeZone ?? a.timeZone}
            options={timeZoneChoices(a.timeZone).map((z) => ({
              value: z,
              label: `${z} (UTC${utcOffset(a.asOf, z)})`,
            }))}
            errors={errors}
          />
          <Submit>{t('actions.save')}</Submit>
        </form>
      </section>

      <section aria-labelledby="change-password">
        <h2 id="change-password">{t('accounts.account.password.heading')}</h2>
        <p>{t('accounts.account.password.note')}</p>
        <form method="post" action="/account/password">
          <CsrfField v={v} />
          <input type="hidden" name="username" value={a.email} autocomplete="username" />
          <Field
            name="currentPassword"
            label={t('accounts.account.currentPassword')}
            type="password"
            autocomplete="current-password"
            required
            errors={errors}
          />
          <NewPasswordFields
            v={v}
            names={['newPassword', 'newPasswordConfirm']}
            labels={[t('accounts.password.new'), t('accounts.password.confirm')]}
            errors={errors}
          />
          <Submit>{t('accounts.account.password.submit')}</Submit>
        </form>
      </section>

      <MfaSection v={v} account={a} errors={errors} />

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('accounts.account.sessions.heading')}</h2>
        <p>{t('accounts.account.sessions.intro')}</p>
        <form method="post" action="/account/sessions/revoke">
          <CsrfField v={v} />
          <Submit variant="secondary">{t('accounts.account.sessions.submit')}</Submit>
        </form>
      </section>

      <TokensSection v={v} account={a} errors={errors} values={values} newToken={newToken} />
    </Layout>
  );
}
