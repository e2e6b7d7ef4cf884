import { formatInstant } from '../../../domain/time.js';
import { CsrfField, type Errors, Field } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { AccountView } from '../get-account.js';
import { Submit } from './components.js';

export function MfaSection({
  v,
  account: a,
  errors,
}: {
  v: ViewContext;
  account: AccountView;
  errors?: Errors;
}) {
  const { t } = v;
  const enabledAt = a.mfa.enabledAt;
  return (
    <section aria-labelledby="mfa">
      <h2 id="mfa">{t('accounts.account.mfa.heading')}</h2>
      <p id="mfa-status">
        {enabledAt
          ? t('accounts.account.mfa.enabled', { at: formatInstant(enabledAt, v) })
          : t('accounts.account.mfa.disabled')}{' '}
        {a.mfa.required ? t('accounts.account.mfa.required') : t('accounts.account.mfa.optional')}
      </p>
      {!enabledAt && (
        <p>
          <a class="button-link" href="/mfa/setup">
            {t('accounts.account.mfa.enable')}
          </a>
        </p>
      )}
      {enabledAt && (
        <>
          <p>{t('accounts.account.mfa.codesLeft', { count: a.mfa.recoveryCodesLeft })}</p>
          <form method="post" action="/account/mfa/recovery-codes">
            <CsrfField v={v} />
            <h3>{t('accounts.account.mfa.regenerate')}</h3>
            <p class="hint">{t('accounts.account.mfa.regenerateNote')}</p>
            <Field
              name="recoveryPassword"
              label={t('accounts.account.currentPassword')}
              type="password"
              autocomplete="current-password"
              required
              errors={errors}
            />
            <Submit variant="secondary">{t('accounts.account.mfa.regenerate')}</Submit>
          </form>
          {!a.mfa.required && (
            <form method="post" action="/account/mfa/disable">
              <CsrfField v={v} />
              <h3>{t('accounts.account.mfa.disable')}</h3>
              <Field
                name="disablePassword"
                label={t('accounts.account.currentPassword')}
                type="password"
                autocomplete="current-password"
                required
                errors={errors}
              />
              <Submit variant="danger">{t('accounts.account.mfa.disable')}</Submit>
            </form>
          )}
        </>
      )}
    </section>
  );
}
