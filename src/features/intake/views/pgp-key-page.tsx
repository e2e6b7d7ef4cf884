// The reception body's OpenPGP key, with its fingerprint grouped for comparing by eye.
import { formatInstant } from '../../../domain/time.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { groupFingerprint, type ReceptionPublicKey } from '../reception-key.js';

export function PgpKeyPage({ v, pgpKey }: { v: ViewContext; pgpKey: ReceptionPublicKey }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('intake.pgp.title')}>
      <h1>{t('intake.pgp.title')}</h1>
      <p>{t('intake.pgp.intro')}</p>
      <dl>
        <dt>{t('intake.pgp.fingerprint')}</dt>
        <dd>
          <code id="fingerprint">{groupFingerprint(pgpKey.fingerprint)}</code>
        </dd>
        <dt>{t('intake.pgp.userId')}</dt>
        <dd>{pgpKey.userId}</dd>
        <dt>{t('intake.pgp.created')}</dt>
        <dd>{formatInstant(pgpKey.createdAt, v)}</dd>
      </dl>
      <p>{t('intake.pgp.verify')}</p>
      <p>
        <a href="/.well-known/keikai-reception.asc" download="keikai-reception.asc">
          {t('intake.pgp.download')}
        </a>
      </p>
      <h2 id="armored-key">{t('intake.pgp.armored')}</h2>
      <pre class="mail">{pgpKey.armored}</pre>
    </Layout>
  );
}
