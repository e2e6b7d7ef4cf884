// Test helpers for signing in without a browser: a tiny cookie-keeping client that posts forms with their
// CSRF token, and `loginAs`, which goes through the real login (and TOTP, enrolling staff on first login).
// Other features' tests may use these: `t.app.inject({ url, headers: await loginAs(t, email, password) })`.
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { TestApp } from '../../testing/app.js';
import { secretContext, TOTP_PERIOD_SECONDS } from './totp.js';

export type Response = LightMyRequestResponse;

let ipCounter = 0;
/** A fresh client address per client, so per-IP rate limits of one test do not spill into the next. */
function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export function csrfOf(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** The value of `<input name="…" value="…">` in a page. */
export function inputValue(html: string, name: string): string | null {
  const re = new RegExp(`name="${name}"[^>]*?value="([^"]*)"`);
  return re.exec(html)?.[1] ?? null;
}

/** A browser-less client: keeps cookies, remembers the last CSRF token, posts url-encoded forms. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly ip: string;
  csrf: string | null = null;

  constructor(
    readonly t: TestApp,
    readonly opts: { ip?: string; acceptLanguage?: string } = {},
  ) {
    this.ip = opts.ip ?? nextIp();
  }

  /** Request headers carrying this client's cookies (and language, if set). */
  headers(): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.opts.acceptLanguage) h['accept-language'] = this.opts.acceptLanguage;
    return h;
  }

  #keep(res: Response): Response {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = typeof res.body === 'string' ? csrfOf(res.body) : null;
    if (token) this.csrf = token;
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.t.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.ip,
      headers: { ...this.headers(), ...headers },
    });
    return this.#keep(res);
  }

  /** Posts a form; the CSRF token is added (fetched from the home page if none was seen yet). */
  async post(
    url: string,
    fields: Record<string, string> = {},
    opts: { csrf?: boolean } = {},
  ): Promise<Response> {
    if (opts.csrf !== false && !this.csrf) await this.get('/');
    const form = new URLSearchParams(fields);
    if (opts.csrf !== false && this.csrf) form.set('_csrf', this.csrf);
    const res = await this.t.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: form.toString(),
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    return this.#keep(res);
  }
}

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

/** Mail queued for an address, newest first. */
export function mailTo(t: TestApp, email: string) {
  return t.ctx.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', email.toLowerCase())
    .orderBy('created_at', 'desc')
    .execute();
}

/** The path of the first link to this site in a text, e.g. `/password/reset/…`. */
export function linkIn(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^/\\s]+(${prefix.replace(/[/]/g, '\\/')}[A-Za-z0-9_-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${prefix} link in: ${text}`);
  return m[1];
}
