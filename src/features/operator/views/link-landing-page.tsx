// The operator's secret link opened from another site (a webmail, or a page that wants the visitor's browser in
// its own case): one button, posted from this site with its CSRF token, exchanges the link for the case's cookie.
import { CsrfField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function LinkLandingPage({
  v,
  reference,
  action,
}: {
  v: ViewContext;
  reference: string;
  action: string;
}) {
  const { t } = v;
  const title = t('operator.landing.title');
  return (
    <Layout v={v} title={title}>
      <h1>{title}</h1>
      <p>{t('operator.landing.intro', { reference })}</p>
      <p>{t('operator.landing.check')}</p>
      <form method="post" action={action}>
        <CsrfField v={v} />
        <button type="submit">{t('operator.landing.open')}</button>
      </form>
    </Layout>
  );
}
