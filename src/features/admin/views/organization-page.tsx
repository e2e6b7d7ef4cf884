// One organization: its details, its users (with a link to disable each), and open invitations.
import { formatInstant } from '../../../domain/time.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { OrganizationSummary, OrganizationUser, PendingInvitation } from '../show-organization.js';

export type OrganizationPageModel = {
  organization: OrganizationSummary;
  users: (OrganizationUser & { canDisable: boolean; isViewer: boolean })[] | null;
  invitations: PendingInvitation[] | null;
  canCreateUser: boolean;
  canInvite: boolean;
  canList: boolean;
  notice?: string | undefined;
};

export function organizationName(o: Pick<OrganizationSummary, 'nameJa' | 'nameEn'>, locale: 'ja' | 'en') {
  return locale === 'ja' ? o.nameJa : o.nameEn;
}

function UsersTable({ v, users }: { v: ViewContext; users: NonNullable<OrganizationPageModel['users']> }) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  if (users.length === 0) return <p>{t('admin.users.empty')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('admin.users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.columns.name')}</th>
            <th scope="col">{t('admin.users.columns.email')}</th>
            <th scope="col">{t('admin.users.columns.role')}</th>
            <th scope="col">{t('admin.users.columns.mfa')}</th>
            <th scope="col">{t('admin.users.columns.status')}</th>
            <th scope="col">{t('admin.users.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.displayName}
                {u.isViewer && ` ${t('admin.users.you')}`}
              </th>
              <td>{u.email}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.mfa ? t('admin.users.mfaOn') : t('admin.users.mfaOff')}</td>
              <td>
                {u.disabledAt
                  ? t('admin.users.disabledAt', { at: formatInstant(u.disabledAt, z) })
                  : t('admin.users.active')}
              </td>
              <td>
                {u.canDisable && (
                  <a href={`/admin/users/${u.id}/disable`}>
                    {t('admin.users.disable', { name: u.displayName })}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvitationsTable({ v, invitations }: { v: ViewContext; invitations: PendingInvitation[] }) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  if (invitations.length === 0) return <p>{t('admin.invitations.empty')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('admin.invitations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.invitations.columns.email')}</th>
            <th scope="col">{t('admin.invitations.columns.name')}</th>
            <th scope="col">{t('admin.invitations.columns.role')}</th>
            <th scope="col">{t('admin.invitations.columns.invitedAt')}</th>
            <th scope="col">{t('admin.invitations.columns.expiresAt')}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.email}</th>
              <td>{i.displayName ?? ''}</td>
              <td>{i.role ? t(`roles.${i.role}`) : ''}</td>
              <td>{formatInstant(i.createdAt, z)}</td>
              <td>{formatInstant(i.expiresAt, z)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrganizationPage({ v, model }: { v: ViewContext; model: OrganizationPageModel }) {
  const { t, locale } = v;
  const o = model.organization;
  const z = { locale, timeZone: v.timeZone };
  const name = organizationName(o, locale);
  return (
    <Layout v={v} title={t('admin.organization.title', { name })}>
      {model.canList && (
        <p>
          <a href="/admin/organizations">{t('admin.organization.back')}</a>
        </p>
      )}
      <h1>{name}</h1>
      {model.notice && (
        <p class="notice" role="status">
          {model.notice}
        </p>
      )}
      <h2>{t('admin.organization.details')}</h2>
      <dl>
        <dt>{t('admin.organization.type')}</dt>
        <dd>{t(`orgTypes.${o.type}`)}</dd>
        <dt>{t('admin.organization.nameJa')}</dt>
        <dd lang="ja">{o.nameJa}</dd>
        <dt>{t('admin.organization.nameEn')}</dt>
        <dd lang="en">{o.nameEn}</dd>
        {o.sector && (
          <>
            <dt>{t('admin.organization.sector')}</dt>
            <dd>{t(`sectors.${o.sector}`)}</dd>
          </>
        )}
        <dt>{t('admin.organization.createdAt')}</dt>
        <dd>{formatInstant(o.createdAt, z)}</dd>
        <dt>{t('admin.organization.status')}</dt>
        <dd>
          {o.disabledAt
            ? t('admin.organization.disabled', { at: formatInstant(o.disabledAt, z) })
            : t('admin.organization.active')}
        </dd>
      </dl>
      {model.users && (
        <section aria-labelledby="users">
          <h2 id="users">{t('admin.users.heading')}</h2>
          {(model.canCreateUser || model.canInvite) && (
            <ul class="actions">
              {model.canCreateUser && (
                <li>
                  <a href={`/admin/organizations/${o.id}/users/new`}>{t('admin.users.create')}</a>
                </li>
              )}
              {model.canInvite && (
                <li>
                  <a href={`/admin/organizations/${o.id}/invitations/new`}>{t('admin.users.invite')}</a>
                </li>
              )}
            </ul>
          )}
          <UsersTable v={v} users={model.users} />
        </section>
      )}
      {model.invitations && (
        <section aria-labelledby="invitations">
          <h2 id="invitations">{t('admin.invitations.heading')}</h2>
          <InvitationsTable v={v} invitations={model.invitations} />
        </section>
      )}
    </Layout>
  );
}
