// Asks before disabling an account: what it does, and one button (no JavaScript confirm dialogs).
import { CsrfField } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function DisableUserPage({
  v,
  user,
}: {
  v: ViewContext;
  user: { id: string; displayName: string; email: string; organizationId: string | null };
}) {
  const { t } = v;
  const back = user.organizationId ? `/admin/organizations/${user.organizationId}` : '/admin/organizations';
  return (
    <Layout v={v} title={t('admin.disableUser.title')}>
      <h1>{t('admin.disableUser.title')}</h1>
      <p>{t('admin.disableUser.confirm', { name: user.displayName, email: user.email })}</p>
      <p class="notice">{t('admin.disableUser.effects')}</p>
      <form method="post" action={`/admin/users/${user.id}/disable`}>
        <CsrfField v={v} />
        <button type="submit" class="danger">
          {t('admin.disableUser.submit')}
        </button>{' '}
        <a href={back}>{t('admin.disableUser.cancel')}</a>
      </form>
    </Layout>
  );
}
