// Forgotten passwords: ask for a link by mail, then set a new password through it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { type App, sendPage, viewContext } from '../../../platform/http/server.js';
import { checkResetLink } from '../check-reset-link.js';
import { forgotPasswordForm, formBody, parseForm, resetPasswordForm, stringField } from '../forms.js';
import { requestPasswordReset } from '../request-password-reset.js';
import { resetPassword } from '../reset-password.js';
import { type GoneReason, goneStatus, LinkGonePage } from '../views/link-gone-page.js';
import { ForgotPasswordPage, ResetPasswordPage } from '../views/password-pages.js';
import { clearSessionCookie, client, hidden, limited } from './support.js';

type TokenParams = { Params: { token: string } };

export function passwordRoutes(app: App, ctx: AppContext): void {
  const gone = (req: FastifyRequest, reply: FastifyReply, reason: GoneReason) =>
    sendPage(
      reply,
      <LinkGonePage v={viewContext(req, reply)} kind="reset" reason={reason} />,
      goneStatus(reason),
    );

  app.get('/password/forgot', hidden, async (req, reply) =>
    sendPage(reply, <ForgotPasswordPage v={viewContext(req, reply)} />),
  );

  app.post('/password/forgot', limited('mailLink'), async (req, reply) => {
    const body = formBody(req.body);
    const parsed = parseForm(forgotPasswordForm, body, req.locale);
    if (!parsed.ok) {
      const page = (
        <ForgotPasswordPage
          v={viewContext(req, reply)}
          email={stringField(body, 'email')}
          errors={parsed.errors}
        />
      );
      return sendPage(reply, page, 400);
    }
    await requestPasswordReset(ctx, req.actor, { email: parsed.data.email, ip: client(req).ip });
    return sendPage(reply, <ForgotPasswordPage v={viewContext(req, reply)} sent />);
  });

  app.get<TokenParams>('/password/reset/:token', hidden, async (req, reply) => {
    const link = await checkResetLink(ctx, req.actor, { token: req.params.token });
    if (link.state !== 'valid' || !link.email)
      return gone(req, reply, link.state === 'valid' ? 'unknown' : link.state);
    return sendPage(
      reply,
      <ResetPasswordPage v={viewContext(req, reply)} token={req.params.token} email={link.email} />,
    );
  });

  app.post<TokenParams>('/password/reset/:token', limited('useLink'), async (req, reply) => {
    const token = req.params.token;
    const parsed = parseForm(resetPasswordForm, formBody(req.body), req.locale);
    if (!parsed.ok) {
      const link = await checkResetLink(ctx, req.actor, { token });
      if (link.state !== 'valid' || !link.email)
        return gone(req, reply, link.state === 'valid' ? 'unknown' : link.state);
      const page = (
        <ResetPasswordPage
          v={viewContext(req, reply)}
          token={token}
          email={link.email}
          errors={parsed.errors}
        />
      );
      return sendPage(reply, page, 400);
    }
    const result = await resetPassword(ctx, req.actor, {
      token,
      password: parsed.data.password,
      ip: client(req).ip,
    });
    if (!result.ok) return gone(req, reply, result.state === 'valid' ? 'unknown' : result.state);
    clearSessionCookie(reply, ctx);
    return reply.redirect('/login?notice=passwordReset', 303);
  });
}
