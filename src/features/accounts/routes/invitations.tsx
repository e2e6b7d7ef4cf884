// Accepting an invitation through its mailed link.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { type App, sendPage, viewContext } from '../../../platform/http/server.js';
import { acceptInvitation } from '../accept-invitation.js';
import { formBody, invitationForm, parseForm, stringField } from '../forms.js';
import { getInvitation } from '../get-invitation.js';
import { InvitationPage } from '../views/invitation-page.js';
import { type GoneReason, goneStatus, LinkGonePage } from '../views/link-gone-page.js';
import { client, hidden, limited, setSessionCookie } from './support.js';

type TokenParams = { Params: { token: string } };

export function invitationRoutes(app: App, ctx: AppContext): void {
  const gone = (req: FastifyRequest, reply: FastifyReply, reason: GoneReason) =>
    sendPage(
      reply,
      <LinkGonePage v={viewContext(req, reply)} kind="invitation" reason={reason} />,
      goneStatus(reason),
    );

  async function page(
    req: FastifyRequest<TokenParams>,
    reply: FastifyReply,
    opts: { displayName?: string; errors?: Record<string, string[]> } = {},
  ) {
    const inv = await getInvitation(ctx, req.actor, { token: req.params.token });
    if (inv.state !== 'valid') return gone(req, reply, inv.state);
    const model = {
      token: req.params.token,
      email: inv.email,
      role: inv.role,
      organization: inv.organization,
      expiresAt: inv.expiresAt,
      displayName: opts.displayName ?? inv.displayName ?? '',
    };
    const status = opts.errors ? 400 : 200;
    return sendPage(
      reply,
      <InvitationPage v={viewContext(req, reply)} m={model} errors={opts.errors} />,
      status,
    );
  }

  app.get<TokenParams>('/invitations/:token', hidden, (req, reply) => page(req, reply));

  app.post<TokenParams>('/invitations/:token', limited('useLink'), async (req, reply) => {
    const body = formBody(req.body);
    const parsed = parseForm(invitationForm, body, req.locale);
    if (!parsed.ok)
      return page(req, reply, { displayName: stringField(body, 'displayName'), errors: parsed.errors });
    const result = await acceptInvitation(ctx, req.actor, {
      token: req.params.token,
      displayName: parsed.data.displayName,
      password: parsed.data.password,
      ...client(req),
      previousSessionToken: req.sessionToken,
    });
    if (!result.ok) return gone(req, reply, result.state);
    setSessionCookie(reply, ctx, result.sessionToken);
    return reply.redirect(result.next === 'mfa_setup' ? '/mfa/setup' : '/', 303);
  });
}
