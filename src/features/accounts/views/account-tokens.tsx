import { formatInstant } from '../../../domain/time.js';
import { CsrfField, type Errors, Field, SelectField } from '../../../platform/views/form-fields.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { AccountView } from '../get-account.js';
import { TOKEN_EXPIRY_CHOICES } from '../time-zones.js';
import { Submit } from './components.js';

export function TokensSection({
  v,
  account: a,
  errors,
  values,
  newToken,
}: {
  v: ViewContext;
  account: AccountView;
  errors?: Errors;
  values: Record<string, string>;
  newToken?: { name: string; token: string } | undefined;
}) {
  const { t } = v;
  const when = (d: Date | null, none: string) => (d ? formatInstant(d, v) : none);
  return (
    <section aria-labelledby="tokens">
      <h2 id="tokens">{t('accounts.account.tokens.heading')}</h2>
      <p>{t('accounts.account.tokens.intro')}</p>
      {newToken && (
        <div class="notice" role="status">
          <h3>{t('accounts.account.tokens.createdTitle', { name: newToken.name })}</h3>
          <p>
            <strong>{t('accounts.account.tokens.createdWarning')}</strong>
          </p>
          <p>
            <code class="secret" id="new-token">
              {newToken.token}
            </code>
          </p>
        </div>
      )}
      {a.tokens.length === 0 ? (
        <p>{t('accounts.account.tokens.none')}</p>
      ) : (
        <div class="table-wrap">
          <table id="token-list">
            <thead>
              <tr>
                <th scope="col">{t('accounts.account.tokens.name')}</th>
                <th scope="col">{t('accounts.account.tokens.prefix')}</th>
                <th scope="col">{t('accounts.account.tokens.created')}</th>
                <th scope="col">{t('accounts.account.tokens.lastUsed')}</th>
                <th scope="col">{t('accounts.account.tokens.expires')}</th>
                <th scope="col">{t('accounts.account.tokens.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {a.tokens.map((tk) => (
                <tr key={tk.id}>
                  <td>{tk.name}</td>
                  <td>
                    <code>{`kk_${tk.prefix}_…`}</code>
                  </td>
                  <td>{formatInstant(tk.createdAt, v)}</td>
                  <td>{when(tk.lastUsedAt, t('accounts.account.tokens.neverUsed'))}</td>
                  <td>
                    {when(tk.expiresAt, t('accounts.account.tokens.noExpiry'))}
                    {tk.expired && ` (${t('accounts.account.tokens.expired')})`}
                  </td>
                  <td>
                    <form method="post" action={`/account/tokens/${tk.id}/revoke`}>
                      <CsrfField v={v} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={t('accounts.account.tokens.revokeNamed', { name: tk.name })}
                      >
                        {t('accounts.account.tokens.revoke')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action="/account/tokens">
        <CsrfField v={v} />
        <h3>{t('accounts.account.tokens.create')}</h3>
        <Field
          name="tokenName"
          label={t('accounts.account.tokens.tokenName')}
          value={values.tokenName ?? ''}
          required
          errors={errors}
        />
        <SelectField
          name="tokenExpiry"
          label={t('accounts.account.tokens.tokenExpiry')}
          value={values.tokenExpiry ?? '90'}
          options={TOKEN_EXPIRY_CHOICES.map((c) => ({
            value: c,
            label: t(`accounts.account.tokens.expiry.${c}`),
          }))}
          errors={errors}
        />
        <Submit>{t('accounts.account.tokens.submit')}</Submit>
      </form>
    </section>
  );
}
