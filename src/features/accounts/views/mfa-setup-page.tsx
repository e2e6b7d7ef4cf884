import { CsrfField, ErrorSummary, type Errors, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { Notice, Submit } from './components.js';

export type MfaSetupModel = {
  secret: string;
  sealed: string;
  /** a data: URI of the otpauth:// QR code */
  qrDataUri: string;
  required: boolean;
  returnTo: string;
  expired?: boolean;
};

export function MfaSetupPage({ v, m, errors }: { v: ViewContext; m: MfaSetupModel; errors?: Errors }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('accounts.mfa.setup.title')}>
      <h1>{t('accounts.mfa.setup.title')}</h1>
      {m.required && <p>{t('accounts.mfa.setup.required')}</p>}
      {m.expired && <Notice>{t('accounts.mfa.setup.expired')}</Notice>}
      <ErrorSummary v={v} errors={errors} />
      <ol>
        <li>{t('accounts.mfa.setup.stepApp')}</li>
        <li>
          {t('accounts.mfa.setup.stepScan')}
          <p>
            <img src={m.qrDataUri} alt={t('accounts.mfa.setup.qrAlt')} width={200} height={200} />
          </p>
          <p>
            {t('accounts.mfa.setup.secretLabel')}{' '}
            <code class="secret" id="totp-secret">
              {m.secret}
            </code>
          </p>
        </li>
        <li>{t('accounts.mfa.setup.stepCode')}</li>
      </ol>
      <form method="post" action="/mfa/setup">
        <CsrfField v={v} />
        <input type="hidden" name="setup" value={m.sealed} />
        <input type="hidden" name="returnTo" value={m.returnTo} />
        <Field
          name="code"
          label={t('accounts.mfa.setup.code')}
          inputmode="numeric"
          autocomplete="one-time-code"
          required
          errors={errors}
        />
        <Submit>{t('accounts.mfa.setup.submit')}</Submit>
      </form>
    </Layout>
  );
}
