// The home page (what each role can do from here) and the language switch, remembered in a cookie and,
// for a signed-in user, in the account.
import { z } from 'zod';
import { can } from '../../platform/auth/policy.js';
import {
  type Feature,
  LOCALE_COOKIE,
  safeReturnPath,
  sendPage,
  viewContext,
} from '../../platform/http/server.js';
import { Layout } from '../../platform/views/layout.js';
import type { ViewContext } from '../../platform/views/view-context.js';

function HomePage({ v, orgName }: { v: ViewContext; orgName: string | null }) {
  const { t, actor } = v;
  const staffLinks =
    actor.kind === 'user'
      ? [
          { show: can(actor, 'report.list'), href: '/reception/reports', label: t('nav.receptionQueue') },
          {
            show: can(actor, 'case.list', { track: 'software' }),
            href: '/coordination/cases',
            label: t('nav.productCases'),
          },
          {
            show: can(actor, 'case.list', { track: 'website' }),
            href: '/website/cases',
            label: t('nav.websiteCases'),
          },
          {
            show: can(actor, 'coordination.work', { track: 'software' }),
            href: '/coordination/csirt-cases/new',
            label: t('coordination.csirt.title'),
          },
          {
            show: can(actor, 'website.work', { track: 'website' }),
            href: '/website/long-running',
            label: t('website.longRunning.title'),
          },
          { show: can(actor, 'directory.read'), href: '/directory', label: t('directory.nav.directory') },
          {
            show: can(actor, 'organization.list'),
            href: '/admin/organizations',
            label: t('nav.organizations'),
          },
          { show: can(actor, 'audit.read'), href: '/admin/audit', label: t('nav.audit') },
          { show: can(actor, 'mail.outbox.read'), href: '/admin/outbox', label: t('nav.outbox') },
        ].filter((l) => l.show)
      : [];
  return (
    <Layout v={v} title={t('home.title')}>
      <h1>{t('home.welcome')}</h1>
      <p>{t('home.intro')}</p>
      {actor.kind === 'user' && (
        <p>
          {t('home.signedInAs', {
            name: actor.displayName,
            org: orgName ?? t('roles.finder'),
            role: t(`roles.${actor.role}`),
          })}
        </p>
      )}
      {staffLinks.length > 0 && (
        <section aria-labelledby="staff-menu">
          <h2 id="staff-menu">{t('home.staffTitle')}</h2>
          <ul>
            {staffLinks.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {can(actor, 'publication.read') && (
        <section aria-labelledby="advisories-cta">
          <h2 id="advisories-cta">{t('vulndb.homeTitle')}</h2>
          <p>{t('vulndb.homeText')}</p>
          <p>
            <a href="/advisories">{t('vulndb.nav')}</a>
          </p>
        </section>
      )}
      {can(actor, 'publication.read') && (
        <section aria-labelledby="statistics-cta">
          <h2 id="statistics-cta">{t('statistics.homeTitle')}</h2>
          <p>{t('statistics.homeText')}</p>
          <p>
            <a href="/statistics">{t('statistics.nav')}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="report-cta" class="notice">
        <h2 id="report-cta">{t('home.reportTitle')}</h2>
        <p>{t('home.reportText')}</p>
        <p>
          <a class="button-link" href="/reports/new">
            {t('intake.nav.report')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

const localeForm = z.object({ locale: z.enum(['ja', 'en']), returnTo: z.string().optional() });

export const homeRoutes: Feature = (app, ctx) => {
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    let orgName: string | null = null;
    if (req.actor.kind === 'user' && req.actor.organizationId) {
      const org = await ctx.db
        .selectFrom('organizations')
        .select(['name_ja', 'name_en'])
        .where('id', '=', req.actor.organizationId)
        .executeTakeFirst();
      orgName = org ? (req.locale === 'ja' ? org.name_ja : org.name_en) : null;
    }
    return sendPage(reply, <HomePage v={viewContext(req, reply)} orgName={orgName} />);
  });

  app.post('/preferences/locale', { schema: { hide: true } }, async (req, reply) => {
    const parsed = localeForm.safeParse(req.body);
    const locale = parsed.success ? parsed.data.locale : 'ja';
    reply.setCookie(LOCALE_COOKIE, locale, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: ctx.config.secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    if (req.actor.kind === 'user' || req.actor.kind === 'mfa_pending') {
      await ctx.db.updateTable('users').set({ locale }).where('id', '=', req.actor.userId).execute();
    }
    return reply.redirect(safeReturnPath(parsed.success ? parsed.data.returnTo : undefined), 303);
  });
};
