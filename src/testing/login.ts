// Signing in for tests: through the real login forms (and TOTP, enrolling staff on first login), or, where the
// login is not what is tested, with a session made directly.
import { generate } from 'otplib';
import { secretContext, TOTP_PERIOD_SECONDS } from '../features/accounts/totp.js';
import { createSession } from '../platform/auth/sessions.js';
import type { TestApp } from './app.js';
import { Browser, inputValue, type Response, TestBrowser } from './browser.js';

/**
 * A TOTP code the server will accept now: for a step later than the last one used (codes are single-use).
 * When the test clock has not moved since the last code, it is moved on by a step (30 s).
 */
export async function totpCode(
  t: TestApp,
  secret: string,
  lastStep: string | number | null = null,
): Promise<string> {
  let step = Math.floor(t.clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS);
  const last = lastStep === null ? -1 : Number(lastStep);
  if (last > step) {
    t.clock.advance((last - step) * TOTP_PERIOD_SECONDS * 1000);
    step = last;
  }
  return generate({ secret, epoch: Math.max(step, last + 1) * TOTP_PERIOD_SECONDS });
}

/** The TOTP secret of an enrolled user, read the way the server reads it. */
export async function totpSecretOf(
  t: TestApp,
  email: string,
): Promise<{ secret: string; lastStep: string | null }> {
  const row = await t.ctx.db
    .selectFrom('users')
    .select(['id', 'totp_secret_enc', 'totp_last_step'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirstOrThrow();
  if (!row.totp_secret_enc) throw new Error(`${email} has no TOTP secret`);
  return {
    secret: t.ctx.secrets.decrypt(row.totp_secret_enc, secretContext(row.id)),
    lastStep: row.totp_last_step,
  };
}

/** Enrols the signed-in (MFA pending or optional) user in TOTP through /mfa/setup. */
export async function enrolTotp(
  b: Browser,
): Promise<{ secret: string; recoveryCodes: string[]; page: Response }> {
  const setup = await b.get('/mfa/setup');
  const secret = /id="totp-secret"[^>]*>([A-Z2-7]+)</.exec(setup.body)?.[1];
  const sealed = inputValue(setup.body, 'setup');
  if (setup.statusCode !== 200 || !secret || !sealed) {
    throw new Error(`no TOTP setup page (HTTP ${setup.statusCode})`);
  }
  const page = await b.post('/mfa/setup', { code: await totpCode(b.t, secret), setup: sealed });
  if (page.statusCode !== 200) throw new Error(`TOTP enrolment failed (HTTP ${page.statusCode})`);
  const recoveryCodes = [...page.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map(
    (m) => m[1]!,
  );
  return { secret, recoveryCodes, page };
}

/** Logs in through the forms, completing TOTP (and enrolling staff who have none). Throws when refused. */
export async function signIn(
  t: TestApp,
  email: string,
  password: string,
  opts: { acceptLanguage?: string } = {},
): Promise<Browser> {
  const b = new Browser(t, opts);
  await b.get('/login');
  const res = await b.post('/login', { email, password });
  if (res.statusCode !== 303) {
    throw new Error(
      `login as ${email} refused (HTTP ${res.statusCode}): wrong password, locked or disabled?`,
    );
  }
  const next = String(res.headers.location ?? '');
  if (next.startsWith('/mfa/setup')) {
    await enrolTotp(b);
  } else if (next.startsWith('/mfa')) {
    const { secret, lastStep } = await totpSecretOf(t, email);
    const done = await b.post('/mfa', { code: await totpCode(t, secret, lastStep) });
    if (done.statusCode !== 303) throw new Error(`TOTP for ${email} refused (HTTP ${done.statusCode})`);
  }
  return b;
}

/** Cookie headers of a fully signed-in session, for `t.app.inject({ headers })`. */
export async function loginAs(t: TestApp, email: string, password: string): Promise<{ cookie: string }> {
  const b = await signIn(t, email, password);
  return { cookie: b.headers().cookie ?? '' };
}

/** A browser signed in as this user (second factor done, as staff must have), without the login pages. */
export async function signedIn(t: TestApp, userId: string): Promise<TestBrowser> {
  const token = await createSession(t.ctx.db, t.ctx, {
    userId,
    mfaVerified: true,
    ip: null,
    userAgent: null,
  });
  return new TestBrowser(t, token);
}
