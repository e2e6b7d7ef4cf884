// HTTP for the operator feature (ウェブサイト運営者 — the operator answers a notice, by account or secret link).
// The secret link is exchanged for a short-lived cookie scoped to the case's pages (link-cookie.ts) — straight away
// when the browser itself opened it, after a button press on this site when another site did; every page
// then acts as the link holder when that cookie is live, else as whoever is signed in. Thin routes: parse, one
// use case, render or redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { parseInput } from '../../platform/http/validation.js';
import { subjectPrefix } from '../website/website-rules.js';
import { acknowledgeNotice } from './acknowledge-notice.js';
import {
  completionForm,
  type FormValues,
  formValues,
  investigationForm,
  leakForm,
  notVulnerabilityForm,
} from './answer-input.js';
import { operatorApiRoutes } from './api.js';
import { leakDraftOf, leakFormValues } from './leak-draft.js';
import { leakNoticeText } from './leak-preview.js';
import { linkActorFromCookie, setLinkCookie } from './link-cookie.js';
import { listOperatorCases } from './list-operator-cases.js';
import { openOperatorLink, operatorLinkReference } from './open-operator-link.js';
import { operatorCasePath } from './operator-access.js';
import { reportInvestigation } from './report-investigation.js';
import { reportNotVulnerability } from './report-not-vulnerability.js';
import { saveLeakPublication } from './save-leak-publication.js';
import { type OperatorCasePage, showOperatorCase } from './show-operator-case.js';
import { submitCompletionReport } from './submit-completion-report.js';
import { CompletionPage } from './views/completion-page.js';
import { LeakPage } from './views/leak-page.js';
import { LinkLandingPage } from './views/link-landing-page.js';
import { type FormState, OPERATOR_NOTICES, OperatorCasePageView } from './views/operator-case-page.js';
import { OperatorCasesPage } from './views/operator-cases-page.js';

const page = { schema: { hide: true } };
/** Links carry 256 bits, so guessing is hopeless; the limit only keeps a flood cheap. Logged at warn: no token. */
const linkOptions = {
  ...page,
  logLevel: 'warn' as const,
  config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
};

/** A navigation another site started (Fetch Metadata); 'same-site' counts too: a sibling host is not this one. */
function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

type RefRequest = FastifyRequest<{
  Params: { reference: string };
  Querystring: { notice?: string; lang?: string };
}>;

const paths = (reference: string) => {
  const base = operatorCasePath(reference);
  return {
    page: base,
    acknowledge: `${base}/acknowledge`,
    investigation: `${base}/investigation`,
    notVulnerability: `${base}/not-vulnerability`,
    completion: `${base}/completion`,
    leak: `${base}/leak`,
    leakText: (lang: Locale) => `${base}/leak/notice.txt?lang=${lang}`,
  };
};

export const operatorRoutes: Feature = (app, ctx: AppContext) => {
  /** The link holder of this case (a live cookie from its link), else whoever is signed in. */
  async function actorFor(req: RefRequest): Promise<Actor> {
    return (await linkActorFromCookie(req, ctx)) ?? req.actor;
  }
  const prefixOf = (reference: string) => subjectPrefix(ctx.config.websiteNotice.subjectPrefix, reference);

  async function renderCase(
    req: RefRequest,
    reply: FastifyReply,
    actor: Actor,
    forms: { investigation?: FormState; notVulnerability?: FormState } = {},
    status = 200,
  ) {
    const reference = req.params.reference;
    const data = await showOperatorCase(ctx, actor, { reference, ip: req.ip });
    const notice = OPERATOR_NOTICES.find((n) => n === req.query.notice);
    return sendPage(
      reply,
      <OperatorCasePageView
        v={{ ...viewContext(req, reply), actor }}
        page={data}
        prefix={prefixOf(reference)}
        actions={paths(reference)}
        notice={notice}
        {...forms}
      />,
      status,
    );
  }

  operatorApiRoutes(app, ctx);

  app.get('/operator', page, async (req, reply) => {
    const items = await listOperatorCases(ctx, req.actor, { ip: req.ip });
    return sendPage(reply, <OperatorCasesPage v={viewContext(req, reply)} items={items} />);
  });

  type TokenRequest = FastifyRequest<{ Params: { token: string } }>;
  /** Exchanges a live link for the case's cookie and goes to the case page (the token leaves the address). */
  async function exchange(req: TokenRequest, reply: FastifyReply) {
    const opened = await openOperatorLink(ctx, req.params.token, { locale: req.locale, ip: req.ip });
    if (!opened) throw notFound();
    setLinkCookie(reply, ctx, opened.reference, req.params.token);
    return reply.header('cache-control', 'no-store').redirect(operatorCasePath(opened.reference), 303);
  }

  app.get('/operator/link/:token', linkOptions, async (req: TokenRequest, reply) => {
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
    // Opened from another site, the link could put a visitor's browser into someone else's case: it only shows
    // which case it opens, and a button on this site (with its CSRF token) exchanges it. A click in a desktop mail
    // client, a typed or pasted address (Sec-Fetch-Site: none) or a browser that does not say goes straight in.
    if (crossSite(req)) {
      const reference = await operatorLinkReference(ctx, req.params.token);
      if (!reference) throw notFound();
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <LinkLandingPage
          v={viewContext(req, reply)}
          reference={reference}
          action={`/operator/link/${encodeURIComponent(req.params.token)}`}
        />,
      );
    }
    return exchange(req, reply);
  });

  app.post('/operator/link/:token', linkOptions, async (req: TokenRequest, reply) => {
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
    return exchange(req, reply);
  });

  app.get('/operator/cases/:reference', page, async (req: RefRequest, reply) => {
    return renderCase(req, reply, await actorFor(req));
  });

  app.post('/operator/cases/:reference/acknowledge', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const { already } = await acknowledgeNotice(ctx, actor, { reference: req.params.reference, ip: req.ip });
    const notice = already ? 'alreadyAcknowledged' : 'acknowledged';
    return reply.redirect(`${paths(req.params.reference).page}?notice=${notice}`, 303);
  });

  app.post('/operator/cases/:reference/investigation', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const parsed = parseInput(investigationForm, req.body, req.locale);
    if (!parsed.ok) {
      return renderCase(
        req,
        reply,
        actor,
        { investigation: { values: formValues(req.body), errors: parsed.errors } },
        400,
      );
    }
    await reportInvestigation(ctx, actor, {
      reference: req.params.reference,
      answer: parsed.data,
      ip: req.ip,
    });
    return reply.redirect(`${paths(req.params.reference).page}?notice=investigation`, 303);
  });

  app.post('/operator/cases/:reference/not-vulnerability', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const parsed = parseInput(notVulnerabilityForm, req.body, req.locale);
    if (!parsed.ok) {
      return renderCase(
        req,
        reply,
        actor,
        { notVulnerability: { values: formValues(req.body), errors: parsed.errors } },
        400,
      );
    }
    await reportNotVulnerability(ctx, actor, {
      reference: req.params.reference,
      answer: parsed.data,
      ip: req.ip,
    });
    return reply.redirect(`${paths(req.params.reference).page}?notice=notVulnerability`, 303);
  });

  async function renderCompletion(
    req: RefRequest,
    reply: FastifyReply,
    actor: Actor,
    form: FormState,
    status = 200,
  ) {
    const reference = req.params.reference;
    const data = await showOperatorCase(ctx, actor, { reference, ip: req.ip, purpose: 'completion' });
    // a closed case takes no report: back to its page, which says so
    if (!data.view.open) return reply.redirect(paths(reference).page, 303);
    return sendPage(
      reply,
      <CompletionPage
        v={{ ...viewContext(req, reply), actor }}
        reference={reference}
        prefix={prefixOf(reference)}
        action={paths(reference).completion}
        back={paths(reference).page}
        form={form}
      />,
      status,
    );
  }

  app.get('/operator/cases/:reference/completion', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const values: FormValues = actor.kind === 'user' ? { reporterName: actor.displayName } : {};
    return renderCompletion(req, reply, actor, { values });
  });

  app.post('/operator/cases/:reference/completion', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const parsed = parseInput(completionForm, req.body, req.locale);
    if (!parsed.ok) {
      return renderCompletion(
        req,
        reply,
        actor,
        { values: formValues(req.body), errors: parsed.errors },
        400,
      );
    }
    const done = await submitCompletionReport(ctx, actor, {
      reference: req.params.reference,
      report: parsed.data,
      ip: req.ip,
    });
    const p = paths(req.params.reference);
    return reply.redirect(
      done.personalDataLeak ? `${p.leak}?notice=completed` : `${p.page}?notice=completed`,
      303,
    );
  });

  async function renderLeak(
    req: RefRequest,
    reply: FastifyReply,
    actor: Actor,
    data: OperatorCasePage,
    form: FormState | null,
    status = 200,
  ) {
    const reference = req.params.reference;
    const draft = leakDraftOf(data);
    const p = paths(reference);
    const notice = req.query.notice;
    return sendPage(
      reply,
      <LeakPage
        v={{ ...viewContext(req, reply), actor }}
        reference={reference}
        prefix={prefixOf(reference)}
        available={data.leakReported}
        action={p.leak}
        back={p.page}
        textLinks={{ ja: p.leakText('ja'), en: p.leakText('en') }}
        form={form ?? { values: leakFormValues(draft) }}
        preview={data.leak ? { ja: leakNoticeText(draft, 'ja'), en: leakNoticeText(draft, 'en') } : null}
        publishedAt={data.leak?.published_at ?? null}
        notice={notice === 'leakSaved' || notice === 'completed' ? notice : undefined}
      />,
      status,
    );
  }

  app.get('/operator/cases/:reference/leak', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const data = await showOperatorCase(ctx, actor, {
      reference: req.params.reference,
      ip: req.ip,
      purpose: 'leak',
    });
    return renderLeak(req, reply, actor, data, null);
  });

  app.post('/operator/cases/:reference/leak', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const parsed = parseInput(leakForm, req.body, req.locale);
    if (!parsed.ok) {
      const data = await showOperatorCase(ctx, actor, {
        reference: req.params.reference,
        ip: req.ip,
        purpose: 'leak',
      });
      return renderLeak(
        req,
        reply,
        actor,
        data,
        { values: formValues(req.body), errors: parsed.errors },
        400,
      );
    }
    await saveLeakPublication(ctx, actor, {
      reference: req.params.reference,
      draft: parsed.data,
      ip: req.ip,
    });
    return reply.redirect(`${paths(req.params.reference).leak}?notice=leakSaved#preview`, 303);
  });

  app.get('/operator/cases/:reference/leak/notice.txt', page, async (req: RefRequest, reply) => {
    const actor = await actorFor(req);
    const data = await showOperatorCase(ctx, actor, {
      reference: req.params.reference,
      ip: req.ip,
      purpose: 'leak',
    });
    if (!data.leakReported || !data.leak) throw notFound();
    const lang: Locale = req.query.lang === 'en' ? 'en' : 'ja';
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="leak-notice-${lang}.txt"`)
      .send(leakNoticeText(leakDraftOf(data), lang));
  });
};
