// The shell of every page: skip link, header with navigation by role, language switch, main, footer.
import type { ComponentChildren } from 'preact';
import { isStaff } from '../auth/actor.js';
import { can } from '../auth/policy.js';
import { CsrfField } from './form-fields.js';
import type { ViewContext } from './view-context.js';

function Nav({ v }: { v: ViewContext }) {
  const { t, actor } = v;
  const items: { href: string; label: string }[] = [
    { href: '/', label: t('nav.home') },
    { href: '/reports/new', label: t('intake.nav.report') },
  ];
  if (can(actor, 'publication.read')) items.push({ href: '/advisories', label: t('vulndb.nav') });
  if (can(actor, 'publication.read')) items.push({ href: '/statistics', label: t('statistics.nav') });
  if (actor.kind === 'user' && actor.role === 'finder') {
    items.push({ href: '/my/reports', label: t('intake.nav.myReports') });
  }
  if (actor.kind === 'user' && can(actor, 'portal.read', { organizationId: actor.organizationId })) {
    items.push({ href: '/portal', label: t('portal.nav') });
  }
  if (actor.kind === 'user' && can(actor, 'operator.read', { organizationId: actor.organizationId })) {
    items.push({ href: '/operator', label: t('operator.nav.cases') });
  }
  if (actor.kind === 'user') {
    if (can(actor, 'organization.list'))
      items.push({ href: '/admin/organizations', label: t('nav.organizations') });
    if (can(actor, 'coordination.work', { track: 'software' }))
      items.push({ href: '/coordination', label: t('coordination.overview.title') });
    if (can(actor, 'directory.read')) items.push({ href: '/directory', label: t('directory.nav.directory') });
    if (can(actor, 'audit.read')) items.push({ href: '/admin/audit', label: t('nav.audit') });
    if (can(actor, 'mail.outbox.read')) items.push({ href: '/admin/outbox', label: t('nav.outbox') });
    if (!isStaff(actor) && actor.organizationId) {
      items.push({ href: '/admin/my-organization', label: t('nav.myOrganization') });
      // a party's own directory entry (名簿): organization admins propose changes there
      if (
        can(actor, 'directory.request-change', { organizationId: actor.organizationId }) &&
        ['product_developer', 'csirt', 'website_operator'].includes(actor.organizationType ?? '')
      )
        items.push({ href: '/my/directory', label: t('directory.nav.myEntry') });
    }
    items.push({ href: '/account', label: t('nav.account') });
  }
  items.push({ href: '/api/docs', label: t('nav.apiDocs') });
  return (
    <nav aria-label={t('nav.label')}>
      <ul class="nav">
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href} aria-current={i.href === v.path ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch({ v }: { v: ViewContext }) {
  const other = v.locale === 'ja' ? 'en' : 'ja';
  return (
    <form method="post" action="/preferences/locale" class="lang-switch">
      {/* the locale route is exempt from CSRF (it only sets the language): a page cached whole for anonymous
          visitors has no token (csrfToken ''), so it is the same for every one of them */}
      {v.csrfToken ? <CsrfField v={v} /> : null}
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={v.path} />
      <button type="submit" lang={other}>
        {v.t('lang.switchTo')}
      </button>
    </form>
  );
}

function SessionControls({ v }: { v: ViewContext }) {
  const { actor, t } = v;
  if (actor.kind !== 'user' && actor.kind !== 'mfa_pending') {
    return (
      <a class="button-link" href="/login">
        {t('nav.login')}
      </a>
    );
  }
  return (
    <form method="post" action="/logout" class="logout">
      <CsrfField v={v} />
      <span class="who">{actor.email}</span>
      <button type="submit">{t('nav.logout')}</button>
    </form>
  );
}

export function Layout({
  v,
  title,
  children,
  alternates,
}: {
  v: ViewContext;
  title: string;
  children: ComponentChildren;
  /** `<link rel="alternate">` in the head: the page's feeds, for readers and browsers that find them there */
  alternates?: readonly { type: string; href: string; title: string }[];
}) {
  const staff = isStaff(v.actor);
  return (
    <html lang={v.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${v.t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        {alternates?.map((a) => (
          <link key={a.href} rel="alternate" type={a.type} href={a.href} title={a.title} />
        ))}
      </head>
      <body class={staff ? 'staff' : undefined}>
        <a class="skip" href="#main">
          {v.t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="brand">
            <a href="/">{v.t('app.name')}</a>
            <span class="tagline">{v.t('app.tagline')}</span>
          </div>
          <div class="header-tools">
            <LanguageSwitch v={v} />
            <SessionControls v={v} />
          </div>
          <Nav v={v} />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{v.t('footer.note')}</p>
        </footer>
      </body>
    </html>
  );
}
