import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { Notice } from './components.js';

/** Shown once, right after enrolment or regeneration: the codes are not stored in readable form. */
export function RecoveryCodesPage({
  v,
  codes,
  continueTo,
  justEnrolled,
}: {
  v: ViewContext;
  codes: string[];
  continueTo: string;
  justEnrolled: boolean;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('accounts.mfa.recovery.title')}>
      <h1>{t('accounts.mfa.recovery.title')}</h1>
      {justEnrolled && <Notice>{t('accounts.mfa.recovery.enrolled')}</Notice>}
      <p>{t('accounts.mfa.recovery.intro')}</p>
      <p>
        <strong>{t('accounts.mfa.recovery.warning')}</strong>
      </p>
      <ol id="recovery-codes" class="secret">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button-link" href={continueTo}>
          {t('accounts.mfa.recovery.continue')}
        </a>
      </p>
    </Layout>
  );
}
