import { CsrfField, ErrorSummary, type Errors, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { NewPasswordFields, Notice, Submit } from './components.js';

export function ForgotPasswordPage({
  v,
  email = '',
  sent = false,
  errors,
}: {
  v: ViewContext;
  email?: string;
  sent?: boolean;
  errors?: Errors;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('accounts.password.forgot.title')}>
      <h1>{t('accounts.password.forgot.title')}</h1>
      {sent ? (
        <Notice id="reset-sent">{t('accounts.password.forgot.sent')}</Notice>
      ) : (
        <>
          <p>{t('accounts.password.forgot.intro')}</p>
          <ErrorSummary v={v} errors={errors} />
          <form method="post" action="/password/forgot">
            <CsrfField v={v} />
            <Field
              name="email"
              label={t('accounts.login.email')}
              type="email"
              value={email}
              autocomplete="email"
              required
              errors={errors}
            />
            <Submit>{t('accounts.password.forgot.submit')}</Submit>
          </form>
        </>
      )}
      <p>
        <a href="/login">{t('accounts.password.backToLogin')}</a>
      </p>
    </Layout>
  );
}

export function ResetPasswordPage({
  v,
  token,
  email,
  errors,
}: {
  v: ViewContext;
  token: string;
  email: string;
  errors?: Errors;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('accounts.password.reset.title')}>
      <h1>{t('accounts.password.reset.title')}</h1>
      <p>{t('accounts.password.reset.intro', { email })}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`/password/reset/${encodeURIComponent(token)}`}>
        <CsrfField v={v} />
        {/* lets password managers file the new password under the right account */}
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <NewPasswordFields
          v={v}
          names={['password', 'passwordConfirm']}
          labels={[t('accounts.password.new'), t('accounts.password.confirm')]}
          errors={errors}
        />
        <Submit>{t('accounts.password.reset.submit')}</Submit>
      </form>
    </Layout>
  );
}
