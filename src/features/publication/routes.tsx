// Publication (公表): mail subscriptions to published advisories (double opt-in); the publish step itself runs as
// a job (jobs/publish-due-job.ts). All public: `publication.subscribe` is everyone's.
//   GET/POST /subscribe                       the form; the answer is the same whoever is already subscribed
//   GET/POST /subscribe/confirm/:token        the confirmation link: a page with a button, the POST confirms
//   GET/POST /unsubscribe/:token              the link in every mail: a page with a button, the POST ends it
// The token routes are secret pages (not cached, no Referer, not indexed, logged at warn so the token stays out
// of the request log); an unknown or ended link is one 404 page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { fieldErrorsOf, postedValues } from '../../platform/http/field-errors.js';
import { type App, type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { confirmSubscription } from './confirm-subscription.js';
import { requestSubscription } from './request-subscription.js';
import { showSubscription } from './show-subscription.js';
import { subscriptionForm } from './subscription-form.js';
import { confirmPath, unsubscribePath } from './subscription-token.js';
import { unsubscribe } from './unsubscribe.js';
import {
  type LinkPageKind,
  SubscribePage,
  SubscriptionDonePage,
  SubscriptionGonePage,
  SubscriptionLinkPage,
} from './views/subscription-pages.js';

/** Asking for mail: per client address, so the form cannot be used to flood mailboxes. */
const subscribeLimit = { rateLimit: { max: 10, timeWindow: '15 minutes', groupId: 'advisory-subscribe' } };
/** Links carry 192 bits, so guessing is hopeless; the limit only keeps a flood of requests cheap. */
const linkLimit = { rateLimit: { max: 60, timeWindow: '1 minute', groupId: 'advisory-subscription-link' } };

const formOptions = { schema: { hide: true }, config: subscribeLimit };
const linkOptions = { schema: { hide: true }, logLevel: 'warn' as const, config: linkLimit };

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

function secretPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow');
}

function subscriptionRoutes(app: App, ctx: AppContext): void {
  app.get('/subscribe', { schema: { hide: true } }, async (req, reply) =>
    sendPage(reply, <SubscribePage v={viewContext(req, reply)} />),
  );

  app.post('/subscribe', formOptions, async (req, reply) => {
    const values = postedValues(req.body);
    const again = (errors: Record<string, string[]>) =>
      sendPage(reply, <SubscribePage v={viewContext(req, reply)} values={values} errors={errors} />, 400);
    const parsed = parseInput(subscriptionForm, req.body, req.locale);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await requestSubscription(ctx, req.actor, parsed.data, { ip: req.ip });
    } catch (err) {
      return again(fieldErrorsOf(req, err));
    }
    return sendPage(reply, <SubscribePage v={viewContext(req, reply)} sent />);
  });

  const gone = (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, <SubscriptionGonePage v={viewContext(req, reply)} />, 404);

  const linkPage = (kind: LinkPageKind, path: (token: string) => string) =>
    async function page(req: TokenRequest, reply: FastifyReply) {
      secretPage(reply);
      const s = await showSubscription(ctx, req.actor, req.params.token);
      if (!s || (kind === 'confirm' && s.expired)) return gone(req, reply);
      // a confirmation link opened again after confirming: it is done, nothing to press
      if (kind === 'confirm' && s.confirmed) {
        return sendPage(reply, <SubscriptionDonePage v={viewContext(req, reply)} kind="confirm" />);
      }
      return sendPage(
        reply,
        <SubscriptionLinkPage
          v={viewContext(req, reply)}
          kind={kind}
          action={path(req.params.token)}
          email={s.email}
        />,
      );
    };

  app.get('/subscribe/confirm/:token', linkOptions, linkPage('confirm', confirmPath));
  app.post('/subscribe/confirm/:token', linkOptions, async (req: TokenRequest, reply) => {
    secretPage(reply);
    const s = await confirmSubscription(ctx, req.actor, req.params.token, { ip: req.ip });
    if (!s) return gone(req, reply);
    return sendPage(reply, <SubscriptionDonePage v={viewContext(req, reply)} kind="confirm" />);
  });

  app.get('/unsubscribe/:token', linkOptions, linkPage('unsubscribe', unsubscribePath));
  app.post('/unsubscribe/:token', linkOptions, async (req: TokenRequest, reply) => {
    secretPage(reply);
    const ended = await unsubscribe(ctx, req.actor, req.params.token, { ip: req.ip });
    if (!ended) return gone(req, reply);
    return sendPage(reply, <SubscriptionDonePage v={viewContext(req, reply)} kind="unsubscribe" />);
  });
}

export const publicationRoutes: Feature = (app, ctx) => {
  subscriptionRoutes(app, ctx);
};
