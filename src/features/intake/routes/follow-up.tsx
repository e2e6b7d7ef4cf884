// The finder's follow-up link (no account): see the report, write to the reception body, replace the link.
// A wrong, replaced or revoked token is a plain 404, the same as any unknown page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LinkActor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { type App, sendPage, viewContext } from '../../../platform/http/server.js';
import { parseInput } from '../../../platform/http/validation.js';
import { followUpLinkActor, openFollowUp } from '../open-follow-up.js';
import { rotateFollowUpLink } from '../rotate-follow-up-link.js';
import { finderMessageForm, sendFinderMessage } from '../send-finder-message.js';
import { followUpUrl } from '../submit-report.js';
import { FollowUpPage } from '../views/follow-up-page.js';
import { followUpLimit, secretPage } from './support.js';

const options = { schema: { hide: true }, logLevel: 'warn' as const, config: followUpLimit };
type TokenRequest = FastifyRequest<{ Params: { token: string }; Querystring: { notice?: string } }>;

const NOTICES = ['sent', 'rotated'] as const;
const paths = (token: string) => ({
  page: `/reports/follow-up/${token}`,
  message: `/reports/follow-up/${token}/messages`,
  rotate: `/reports/follow-up/${token}/rotate`,
});

export function followUpRoutes(app: App, ctx: AppContext): void {
  async function linkActor(req: TokenRequest, reply: FastifyReply): Promise<LinkActor> {
    secretPage(reply); // before anything, so a 404 for a wrong token carries the same headers
    const actor = await followUpLinkActor(ctx, req.params.token, req.locale);
    if (!actor) throw notFound();
    return actor;
  }

  async function render(
    req: TokenRequest,
    reply: FastifyReply,
    actor: LinkActor,
    extra: { message?: string; errors?: Record<string, string[]> } = {},
    status = 200,
  ) {
    const token = req.params.token;
    const report = await openFollowUp(ctx, actor, { ip: req.ip });
    const notice = NOTICES.find((n) => n === req.query.notice);
    return sendPage(
      reply,
      <FollowUpPage
        v={viewContext(req, reply)}
        report={report}
        actions={paths(token)}
        notice={notice}
        ownUrl={followUpUrl(ctx.config.publicUrl, token)}
        {...extra}
      />,
      status,
    );
  }

  app.get('/reports/follow-up/:token', options, async (req: TokenRequest, reply) => {
    const actor = await linkActor(req, reply);
    return render(req, reply, actor);
  });

  app.post('/reports/follow-up/:token/messages', options, async (req: TokenRequest, reply) => {
    const actor = await linkActor(req, reply);
    const parsed = parseInput(finderMessageForm, req.body, req.locale);
    if (!parsed.ok) {
      const typed = (req.body as { message?: unknown } | undefined)?.message;
      return render(
        req,
        reply,
        actor,
        { message: typeof typed === 'string' ? typed : '', errors: parsed.errors },
        400,
      );
    }
    await sendFinderMessage(ctx, actor, {
      report: { id: actor.subjectId },
      message: parsed.data.message,
      ip: req.ip,
    });
    return reply.redirect(`${paths(req.params.token).page}?notice=sent#messages`, 303);
  });

  app.post('/reports/follow-up/:token/rotate', options, async (req: TokenRequest, reply) => {
    const actor = await linkActor(req, reply);
    const { token } = await rotateFollowUpLink(ctx, actor, { currentToken: req.params.token, ip: req.ip });
    return reply.redirect(`${paths(token).page}?notice=rotated`, 303);
  });
}
