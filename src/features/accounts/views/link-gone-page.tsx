import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export type GoneReason = 'unknown' | 'expired' | 'used' | 'taken';

/** A mailed link that cannot be used (any more), said plainly, with the way forward. */
export function LinkGonePage({
  v,
  kind,
  reason,
}: {
  v: ViewContext;
  kind: 'reset' | 'invitation';
  reason: GoneReason;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t(`accounts.links.${reason}.title`)}>
      <h1>{t(`accounts.links.${reason}.title`)}</h1>
      <p id="link-gone">{t(`accounts.links.${reason}.body`)}</p>
      {reason === 'taken' ? (
        <p>
          <a href="/login">{t('accounts.login.title')}</a>
        </p>
      ) : kind === 'reset' ? (
        <p>
          <a href="/password/forgot">{t('accounts.links.requestNewReset')}</a>
        </p>
      ) : (
        <p>{t('accounts.links.askNewInvitation')}</p>
      )}
    </Layout>
  );
}

export const goneStatus = (reason: GoneReason): number =>
  reason === 'unknown' ? 404 : reason === 'taken' ? 409 : 410;
