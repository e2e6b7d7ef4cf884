// Second factor: enrolment (/mfa/setup) and the code asked after the password (/mfa).
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { actorFromSession } from '../../../platform/auth/sessions.js';
import type { AppContext } from '../../../platform/context.js';
import { type App, safeReturnPath, sendPage, viewContext } from '../../../platform/http/server.js';
import { completeMfa } from '../complete-mfa.js';
import { enrolMfa } from '../enrol-mfa.js';
import { codeForm, formBody, parseForm, stringField } from '../forms.js';
import { startMfaSetup } from '../start-mfa-setup.js';
import { MfaPage } from '../views/mfa-page.js';
import { MfaSetupPage } from '../views/mfa-setup-page.js';
import { RecoveryCodesPage } from '../views/recovery-codes-page.js';
import { clearSessionCookie, client, hidden, limited, query, withReturn } from './support.js';

async function qrDataUri(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export function mfaRoutes(app: App, ctx: AppContext): void {
  async function setupPage(
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { returnTo: string; sealed?: string; errors?: Record<string, string[]>; expired?: boolean },
  ) {
    const setup = await startMfaSetup(ctx, req.actor, { sealed: opts.sealed ?? null });
    const model = {
      secret: setup.secret,
      sealed: setup.sealed,
      qrDataUri: await qrDataUri(setup.otpauthUri),
      required: req.actor.kind === 'mfa_pending',
      returnTo: opts.returnTo,
      expired: opts.expired ?? false,
    };
    const status = opts.errors || opts.expired ? 400 : 200;
    return sendPage(
      reply,
      <MfaSetupPage v={viewContext(req, reply)} m={model} errors={opts.errors} />,
      status,
    );
  }

  app.get('/mfa/setup', hidden, async (req, reply) => {
    const returnTo = safeReturnPath(query(req).returnTo);
    if (req.actor.kind === 'mfa_pending' && req.actor.enrolled) {
      return reply.redirect(withReturn('/mfa', returnTo), 303);
    }
    return setupPage(req, reply, { returnTo });
  });

  app.post('/mfa/setup', limited('mfa'), async (req, reply) => {
    const body = formBody(req.body);
    const returnTo = safeReturnPath(body.returnTo);
    const sealed = stringField(body, 'setup');
    const parsed = parseForm(codeForm, body, req.locale);
    if (!parsed.ok) return setupPage(req, reply, { returnTo, sealed, errors: parsed.errors });
    const wasPending = req.actor.kind === 'mfa_pending';
    const result = await enrolMfa(ctx, req.actor, {
      sealed,
      code: parsed.data.code,
      sessionToken: req.sessionToken,
      ip: client(req).ip,
    });
    if (!result.ok) {
      if (result.reason === 'expired') return setupPage(req, reply, { returnTo, expired: true });
      return setupPage(req, reply, {
        returnTo,
        sealed,
        errors: { code: [req.t('accounts.mfa.setup.wrongCode')] },
      });
    }
    // the page below is the first one as a fully signed-in user
    if (req.sessionToken) req.actor = (await actorFromSession(ctx.db, ctx, req.sessionToken)) ?? req.actor;
    const page = (
      <RecoveryCodesPage
        v={viewContext(req, reply)}
        codes={result.recoveryCodes}
        continueTo={wasPending ? returnTo : '/account?notice=mfaEnabled'}
        justEnrolled
      />
    );
    return sendPage(reply, page);
  });

  app.get('/mfa', hidden, async (req, reply) => {
    const returnTo = safeReturnPath(query(req).returnTo);
    const a = req.actor;
    if (a.kind === 'user') return reply.redirect(returnTo, 303);
    if (a.kind !== 'mfa_pending') return reply.redirect(withReturn('/login', returnTo), 303);
    if (!a.enrolled) {
      return reply.redirect(withReturn('/mfa/setup', returnTo), 303);
    }
    return sendPage(reply, <MfaPage v={viewContext(req, reply)} returnTo={returnTo} />);
  });

  app.post('/mfa', limited('mfa'), async (req, reply) => {
    const body = formBody(req.body);
    const returnTo = safeReturnPath(body.returnTo);
    if (req.actor.kind === 'user') return reply.redirect(returnTo, 303);
    const parsed = parseForm(codeForm, body, req.locale);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <MfaPage v={viewContext(req, reply)} returnTo={returnTo} errors={parsed.errors} />,
        400,
      );
    }
    const result = await completeMfa(ctx, req.actor, {
      code: parsed.data.code,
      sessionToken: req.sessionToken,
      ip: client(req).ip,
    });
    if (result.ok) return reply.redirect(returnTo, 303);
    if (result.locked) {
      clearSessionCookie(reply, ctx);
      return reply.redirect('/login?notice=locked', 303);
    }
    const errors = { code: [req.t('accounts.mfa.verify.wrongCode')] };
    return sendPage(reply, <MfaPage v={viewContext(req, reply)} returnTo={returnTo} errors={errors} />, 401);
  });
}
