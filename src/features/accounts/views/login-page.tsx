import { CsrfField, ErrorSummary, type Errors, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { Notice, Submit } from './components.js';

export const LOGIN_NOTICES = ['passwordReset', 'locked', 'signedOutEverywhere'] as const;
export type LoginNotice = (typeof LOGIN_NOTICES)[number];

export function LoginPage({
  v,
  email = '',
  returnTo,
  errors,
  failed = false,
  notice,
  lockMinutes,
}: {
  v: ViewContext;
  email?: string;
  returnTo: string;
  errors?: Errors;
  failed?: boolean;
  notice?: LoginNotice | undefined;
  lockMinutes: number;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('accounts.login.title')}>
      <h1>{t('accounts.login.title')}</h1>
      {notice && <Notice>{t(`accounts.login.notices.${notice}`, { minutes: lockMinutes })}</Notice>}
      {failed && (
        <div class="error-summary" role="alert" id="login-failed">
          <p>{t('accounts.login.failed')}</p>
        </div>
      )}
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/login">
        <CsrfField v={v} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <Field
          name="email"
          label={t('accounts.login.email')}
          type="email"
          value={email}
          autocomplete="username"
          required
          errors={errors}
        />
        <Field
          name="password"
          label={t('accounts.login.password')}
          type="password"
          autocomplete="current-password"
          required
          errors={errors}
        />
        <Submit>{t('accounts.login.submit')}</Submit>
      </form>
      <p>
        <a href="/password/forgot">{t('accounts.login.forgot')}</a>
      </p>
    </Layout>
  );
}
