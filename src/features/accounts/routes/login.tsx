// Log in, log out.

import type { AppContext } from '../../../platform/context.js';
import { type App, safeReturnPath, sendPage, viewContext } from '../../../platform/http/server.js';
import { formBody, loginForm, parseForm, stringField } from '../forms.js';
import { logIn } from '../log-in.js';
import { logOut } from '../log-out.js';
import { LOGIN_NOTICES, LoginPage } from '../views/login-page.js';
import {
  clearSessionCookie,
  client,
  hidden,
  limited,
  pick,
  query,
  setSessionCookie,
  withReturn,
} from './support.js';

export function loginRoutes(app: App, ctx: AppContext): void {
  const lockMinutes = ctx.config.login.lockMinutes;

  app.get('/login', hidden, async (req, reply) => {
    const q = query(req);
    const returnTo = safeReturnPath(q.returnTo);
    // part-way through login, or already in: carry on rather than start again
    if (req.actor.kind === 'mfa_pending') {
      return reply.redirect(withReturn(req.actor.enrolled ? '/mfa' : '/mfa/setup', returnTo), 303);
    }
    if (req.actor.kind === 'user') return reply.redirect(returnTo, 303);
    const notice = pick(q.notice, LOGIN_NOTICES);
    return sendPage(
      reply,
      <LoginPage v={viewContext(req, reply)} returnTo={returnTo} notice={notice} lockMinutes={lockMinutes} />,
    );
  });

  app.post('/login', limited('login'), async (req, reply) => {
    const body = formBody(req.body);
    const returnTo = safeReturnPath(body.returnTo);
    const email = stringField(body, 'email');
    const parsed = parseForm(loginForm, body, req.locale);
    if (!parsed.ok) {
      const page = (
        <LoginPage
          v={viewContext(req, reply)}
          email={email}
          returnTo={returnTo}
          errors={parsed.errors}
          lockMinutes={lockMinutes}
        />
      );
      return sendPage(reply, page, 400);
    }
    const result = await logIn(ctx, req.actor, {
      ...parsed.data,
      ...client(req),
      previousSessionToken: req.sessionToken,
    });
    if (!result.ok) {
      const page = (
        <LoginPage
          v={viewContext(req, reply)}
          email={email}
          returnTo={returnTo}
          failed
          lockMinutes={lockMinutes}
        />
      );
      return sendPage(reply, page, 401);
    }
    setSessionCookie(reply, ctx, result.sessionToken);
    const next =
      result.next === 'done' ? returnTo : withReturn(result.next === 'mfa' ? '/mfa' : '/mfa/setup', returnTo);
    return reply.redirect(next, 303);
  });

  app.post('/logout', hidden, async (req, reply) => {
    await logOut(ctx, req.actor, { sessionToken: req.sessionToken, ip: req.ip });
    clearSessionCookie(reply, ctx);
    return reply.redirect('/', 303);
  });
}
