// The account page and its forms: preferences, password, second factor, sessions, API tokens.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { type App, LOCALE_COOKIE, sendPage, viewContext } from '../../../platform/http/server.js';
import { changePassword } from '../change-password.js';
import { createApiToken } from '../create-api-token.js';
import { disableMfa } from '../disable-mfa.js';
import {
  changePasswordForm,
  confirmPasswordForm,
  formBody,
  parseForm,
  preferencesForm,
  stringField,
  tokenForm,
} from '../forms.js';
import { getAccount } from '../get-account.js';
import { logOutEverywhere } from '../log-out-everywhere.js';
import { regenerateRecoveryCodes } from '../regenerate-recovery-codes.js';
import { revokeApiToken } from '../revoke-api-token.js';
import { expiryDays } from '../time-zones.js';
import { updatePreferences } from '../update-preferences.js';
import { ACCOUNT_NOTICES, AccountPage, type AccountPageProps } from '../views/account-page.js';
import { RecoveryCodesPage } from '../views/recovery-codes-page.js';
import {
  clearSessionCookie,
  client,
  formErrors,
  hidden,
  limited,
  pick,
  query,
  setSessionCookie,
} from './support.js';

type PageOpts = Omit<AccountPageProps, 'v' | 'account'> & { status?: number };

/** The signed-in user's id; anyone else is sent to log in (use cases still authorize on their own). */
function userIdOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
  return actor.userId;
}

export function accountRoutes(app: App, ctx: AppContext): void {
  async function accountPage(req: FastifyRequest, reply: FastifyReply, opts: PageOpts = {}) {
    const { status = 200, ...props } = opts;
    const account = await getAccount(ctx, req.actor);
    return sendPage(reply, <AccountPage v={viewContext(req, reply)} account={account} {...props} />, status);
  }

  app.get('/account', hidden, (req, reply) =>
    accountPage(req, reply, { notice: pick(query(req).notice, ACCOUNT_NOTICES) }),
  );

  app.post('/account/preferences', hidden, async (req, reply) => {
    const body = formBody(req.body);
    const values = { locale: stringField(body, 'locale'), timeZone: stringField(body, 'timeZone') };
    const parsed = parseForm(preferencesForm, body, req.locale);
    if (!parsed.ok) return accountPage(req, reply, { errors: parsed.errors, values, status: 400 });
    try {
      await updatePreferences(ctx, req.actor, { ...parsed.data, ip: client(req).ip });
    } catch (err) {
      return accountPage(req, reply, { errors: formErrors(err, req), values, status: 400 });
    }
    reply.setCookie(LOCALE_COOKIE, parsed.data.locale, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: ctx.config.secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    return reply.redirect('/account?notice=preferences', 303);
  });

  app.post('/account/password', limited('account'), async (req, reply) => {
    const parsed = parseForm(changePasswordForm, formBody(req.body), req.locale);
    if (!parsed.ok) return accountPage(req, reply, { errors: parsed.errors, status: 400 });
    let sessionToken: string;
    try {
      ({ sessionToken } = await changePassword(ctx, req.actor, {
        currentPassword: parsed.data.currentPassword,
        newPassword: parsed.data.newPassword,
        ...client(req),
      }));
    } catch (err) {
      return accountPage(req, reply, { errors: formErrors(err, req), status: 400 });
    }
    setSessionCookie(reply, ctx, sessionToken);
    return reply.redirect('/account?notice=password', 303);
  });

  app.post('/account/sessions/revoke', hidden, async (req, reply) => {
    await logOutEverywhere(ctx, req.actor, { ip: client(req).ip });
    clearSessionCookie(reply, ctx);
    return reply.redirect('/login?notice=signedOutEverywhere', 303);
  });

  app.post('/account/mfa/recovery-codes', limited('account'), async (req, reply) => {
    const parsed = parseForm(confirmPasswordForm('recoveryPassword'), formBody(req.body), req.locale);
    if (!parsed.ok) return accountPage(req, reply, { errors: parsed.errors, status: 400 });
    let codes: string[];
    try {
      const password = String(parsed.data.recoveryPassword);
      ({ recoveryCodes: codes } = await regenerateRecoveryCodes(ctx, req.actor, {
        currentPassword: password,
        ip: client(req).ip,
      }));
    } catch (err) {
      return accountPage(req, reply, { errors: formErrors(err, req), status: 400 });
    }
    const page = (
      <RecoveryCodesPage
        v={viewContext(req, reply)}
        codes={codes}
        continueTo="/account#mfa"
        justEnrolled={false}
      />
    );
    return sendPage(reply, page);
  });

  app.post('/account/mfa/disable', limited('account'), async (req, reply) => {
    const parsed = parseForm(confirmPasswordForm('disablePassword'), formBody(req.body), req.locale);
    if (!parsed.ok) return accountPage(req, reply, { errors: parsed.errors, status: 400 });
    let sessionToken: string;
    try {
      ({ sessionToken } = await disableMfa(ctx, req.actor, {
        currentPassword: String(parsed.data.disablePassword),
        ...client(req),
      }));
    } catch (err) {
      return accountPage(req, reply, { errors: formErrors(err, req), status: 400 });
    }
    setSessionCookie(reply, ctx, sessionToken);
    return reply.redirect('/account?notice=mfaDisabled', 303);
  });

  app.post('/account/tokens', hidden, async (req, reply) => {
    const body = formBody(req.body);
    const values = {
      tokenName: stringField(body, 'tokenName'),
      tokenExpiry: stringField(body, 'tokenExpiry'),
    };
    const parsed = parseForm(tokenForm, body, req.locale);
    if (!parsed.ok) return accountPage(req, reply, { errors: parsed.errors, values, status: 400 });
    const days = expiryDays(parsed.data.tokenExpiry);
    const created = await createApiToken(ctx, req.actor, {
      userId: userIdOf(req.actor),
      name: parsed.data.tokenName,
      ...(days ? { expiresInDays: days } : {}),
    });
    // shown on this response only: the token is not stored in readable form
    return accountPage(req, reply, { newToken: { name: parsed.data.tokenName, token: created.token } });
  });

  app.post<{ Params: { id: string } }>('/account/tokens/:id/revoke', hidden, async (req, reply) => {
    await revokeApiToken(ctx, req.actor, { tokenId: req.params.id, ip: client(req).ip });
    return reply.redirect('/account?notice=tokenRevoked', 303);
  });
}
