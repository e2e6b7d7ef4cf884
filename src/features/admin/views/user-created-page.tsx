// The result of creating a user: the generated password, shown this once and never stored in clear.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function UserCreatedPage({
  v,
  organizationId,
  user,
  password,
}: {
  v: ViewContext;
  organizationId: string;
  user: { displayName: string; email: string };
  password: string;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('admin.userCreated.title')}>
      <h1>{t('admin.userCreated.title')}</h1>
      <p role="status">{t('admin.userCreated.intro', { name: user.displayName, email: user.email })}</p>
      <h2 id="initial-password">{t('admin.userCreated.password')}</h2>
      <p class="secret">
        <code>{password}</code>
      </p>
      <p class="notice">{t('admin.userCreated.once')}</p>
      <p>
        <a href={`/admin/organizations/${organizationId}`}>{t('admin.userCreated.back')}</a>
      </p>
    </Layout>
  );
}
