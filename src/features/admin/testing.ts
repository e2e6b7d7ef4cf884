// Test helpers for the admin pages (and the audit and outbox pages): a signed-in browser without the login
// pages — a session row made directly, its cookie sent, and the CSRF cookie and field taken from a page.
import { createSession } from '../../platform/auth/sessions.js';
import type { TestApp } from '../../testing/app.js';

export type Page = { status: number; body: string; headers: Record<string, unknown> };

export class TestBrowser {
  readonly #t: TestApp;
  readonly #cookies = new Map<string, string>();

  constructor(t: TestApp, sessionToken?: string) {
    this.#t = t;
    if (sessionToken) this.#cookies.set('keikai_session', sessionToken);
  }

  get cookie(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  #keep(res: { cookies: { name: string; value: string }[] }) {
    for (const c of res.cookies) this.#cookies.set(c.name, c.value);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    const res = await this.#t.app.inject({ url, headers: { cookie: this.cookie, ...headers } });
    this.#keep(res);
    return { status: res.statusCode, body: res.body, headers: res.headers };
  }

  /** Posts a form the way a browser does: with the CSRF field of a page fetched first (`from`). */
  async post(url: string, fields: Record<string, string>, from = '/'): Promise<Page> {
    const page = await this.get(from);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrf) throw new Error(`no CSRF field on ${from} (status ${page.status})`);
    const res = await this.#t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie },
    });
    this.#keep(res);
    return { status: res.statusCode, body: res.body, headers: res.headers };
  }
}

/** A browser signed in as this user (second factor done, as staff must have). */
export async function signedIn(t: TestApp, userId: string): Promise<TestBrowser> {
  const token = await createSession(t.ctx.db, t.ctx, {
    userId,
    mfaVerified: true,
    ip: null,
    userAgent: null,
  });
  return new TestBrowser(t, token);
}

/** Text of an HTML page with tags removed and entities for & < > " ' decoded, for simple assertions. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
