import { CsrfField, ErrorSummary, type Errors, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { Submit } from './components.js';

export function MfaPage({ v, returnTo, errors }: { v: ViewContext; returnTo: string; errors?: Errors }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('accounts.mfa.verify.title')}>
      <h1>{t('accounts.mfa.verify.title')}</h1>
      <p>{t('accounts.mfa.verify.intro')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/mfa">
        <CsrfField v={v} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <Field
          name="code"
          label={t('accounts.mfa.verify.code')}
          hint={t('accounts.mfa.verify.hint')}
          autocomplete="one-time-code"
          required
          errors={errors}
        />
        <Submit>{t('accounts.mfa.verify.submit')}</Submit>
      </form>
    </Layout>
  );
}
