// A browser-less client for tests, the one place that behaves like a browser towards the app: it keeps cookies
// (dropping those the server expires), remembers the last CSRF field it saw and posts forms with it, url-encoded
// or multipart (with files, as a file input sends them).
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';

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

export type FilePart = { filename: string; content: Buffer | string; type?: string };

/** A browser-less client: keeps cookies, remembers the last CSRF token, posts url-encoded and multipart forms. */
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
    return this.#send(url, form.toString(), 'application/x-www-form-urlencoded');
  }

  /**
   * Posts a multipart form with files as a file input sends them; the CSRF token is added (fetched from
   * `csrfFrom` if none was seen yet).
   */
  async postMultipart(
    url: string,
    fields: Record<string, string | string[]>,
    files: FilePart[] = [],
    csrfFrom = '/',
  ): Promise<Response> {
    if (!this.csrf) await this.get(csrfFrom);
    const { payload, contentType } = multipartBody({ _csrf: this.csrf ?? '', ...fields }, files);
    return this.#send(url, payload, contentType);
  }

  async #send(url: string, payload: string | Buffer, contentType: string): Promise<Response> {
    const res = await this.t.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload,
      headers: { ...this.headers(), 'content-type': contentType },
    });
    return this.#keep(res);
  }
}

function multipartBody(fields: Record<string, string | string[]>, files: FilePart[]) {
  const boundary = `----keikai${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  const head = (disposition: string, type?: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
    );
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      chunks.push(head(`name="${name}"`), Buffer.from(v, 'utf8'), Buffer.from('\r\n'));
    }
  }
  for (const f of files) {
    chunks.push(
      head(`name="attachments"; filename="${f.filename}"`, f.type ?? 'application/octet-stream'),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type Page = { status: number; body: string; headers: Record<string, unknown> };

/**
 * A browser for the staff pages' tests, answering with a short `Page`: `post` takes its CSRF field from the page
 * it names (`from`), as a person fills in the form on that page.
 */
export class TestBrowser {
  readonly #b: Browser;

  constructor(t: TestApp, sessionToken?: string) {
    // light-my-request's default client address, the one these tests have always come from
    this.#b = new Browser(t, { ip: '127.0.0.1' });
    if (sessionToken) this.#b.cookies.set('keikai_session', sessionToken);
  }

  get cookie(): string {
    return this.#b.headers().cookie ?? '';
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    return page(await this.#b.get(url, headers));
  }

  async post(url: string, fields: Record<string, string>, from = '/'): Promise<Page> {
    const form = await this.#b.get(from);
    if (!csrfOf(form.body)) throw new Error(`no CSRF field on ${from} (status ${form.statusCode})`);
    return page(await this.#b.post(url, fields));
  }
}

const page = (res: Response): Page => ({ status: res.statusCode, body: res.body, headers: res.headers });
