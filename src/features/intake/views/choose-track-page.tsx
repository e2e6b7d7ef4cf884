// Where a finder starts: the two tracks explained, the rules of the Partnership, and the key for encrypted reports.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function ChooseTrackPage({
  v,
  orgName,
  ownProduct,
  finderAccount,
}: {
  v: ViewContext;
  orgName: string;
  /** the viewer may report on its own products (自社製品の届出) */
  ownProduct: boolean;
  finderAccount: boolean;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('intake.choose.title')}>
      <h1>{t('intake.choose.title')}</h1>
      <p>{t('intake.choose.intro', { org: orgName })}</p>
      <section aria-labelledby="rules">
        <h2 id="rules">{t('intake.choose.rulesTitle')}</h2>
        <ul>
          <li>{t('intake.choose.ruleReception')}</li>
          <li>{t('intake.choose.ruleNoDisclosure')}</li>
          <li>{t('intake.choose.ruleLawful')}</li>
          <li>{t('intake.choose.ruleIdentity')}</li>
        </ul>
      </section>
      <section aria-labelledby="track-software">
        <h2 id="track-software">{t('intake.choose.softwareTitle')}</h2>
        <p>{t('intake.choose.softwareText')}</p>
        <p>
          <a class="button-link" href="/reports/new/software">
            {t('intake.choose.softwareLink')}
          </a>
        </p>
      </section>
      <section aria-labelledby="track-website">
        <h2 id="track-website">{t('intake.choose.websiteTitle')}</h2>
        <p>{t('intake.choose.websiteText')}</p>
        <p>
          <a class="button-link" href="/reports/new/website">
            {t('intake.choose.websiteLink')}
          </a>
        </p>
      </section>
      {ownProduct && (
        <section aria-labelledby="track-own">
          <h2 id="track-own">{t('intake.choose.ownProductTitle')}</h2>
          <p>{t('intake.choose.ownProductText')}</p>
          <p>
            <a href="/reports/new/own-product">{t('intake.choose.ownProductLink')}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="encrypt">
        <h2 id="encrypt">{t('intake.choose.encryptTitle')}</h2>
        <p>{t('intake.choose.encryptText')}</p>
        <p>
          <a href="/reports/pgp-key">{t('intake.choose.keyLink')}</a>
        </p>
      </section>
      {finderAccount && (
        <p>
          {t('intake.choose.finderAccount')} <a href="/my/reports">{t('intake.nav.myReports')}</a>
        </p>
      )}
    </Layout>
  );
}
