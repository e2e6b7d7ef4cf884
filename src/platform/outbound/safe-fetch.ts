// The one way keikai fetches a URL from the internet (today: security.txt discovery). The URL comes from
// outside — a finder's report, an operator's domain, a redirect chosen by a remote server — so the fetch must
// not become a way into keikai's own network (SSRF):
//
// - every address a host name resolves to is checked IN THE LOOKUP THE SOCKET USES (a `lookup` hook on the
//   request), for every connection, every redirect hop included; if any address is not public unicast the
//   connection is refused before it is made. There is no separate "resolve, check, then connect" step that a
//   second, different DNS answer could slip past (no TOCTOU, no DNS rebinding window);
// - an IP literal in the URL (which never reaches a lookup) is checked before the request, in every spelling
//   the URL parser understands (http://2130706433/, http://0x7f.1/, http://[::ffff:127.0.0.1]/);
// - only http: and https:, no user:password@ in URLs, at most N redirects, never from https: down to http:;
// - the response is read up to maxBytes and the connection is cut beyond; one time limit covers everything
//   (DNS, connect, TLS, headers and body of every hop).
//
// allowHosts ('host:port') exempts exact hosts from the address rule, for tests and development only (a
// test site on 127.0.0.1). It is read from KEIKAI_OUTBOUND_ALLOW_HOSTS and must stay empty in production.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { blockedAddressReason } from './address-policy.js';

export type SafeFetchError =
  | 'blocked-address'
  | 'bad-url'
  | 'too-many-redirects'
  | 'downgrade'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'network';

export type SafeFetchResult =
  | {
      ok: true;
      status: number;
      finalUrl: string;
      contentType: string | null;
      body: Buffer;
      redirects: string[];
    }
  | {
      ok: false;
      error: SafeFetchError;
      detail?: string;
      /** The URL of the hop that failed (the redirect target, after a redirect). */
      url: string;
      redirects: string[];
      /** With 'http-status': the status the server answered. */
      status?: number;
    };

export type SafeFetchOptions = {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** 'host:port' exempt from the address rule: tests and development only. */
  allowHosts?: readonly string[];
  /** Tests only: the CA certificates to trust for https (replaces the system's). */
  tlsCa?: string;
};

export const SAFE_FETCH_DEFAULTS = { maxBytes: 65_536, timeoutMs: 5_000, maxRedirects: 3 } as const;

export const USER_AGENT = 'keikai/0.1 (vulnerability disclosure coordination; security.txt discovery)';

const MAX_URL_LENGTH = 2048;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Failure = Extract<SafeFetchResult, { ok: false }>;

export async function safeFetch(url: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const maxBytes = opts.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes;
  const timeoutMs = opts.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs;
  const maxRedirects = opts.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects;
  const allowed = new Set((opts.allowHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean));
  const redirects: string[] = [];
  let current = url;
  const fail = (error: SafeFetchError, detail?: string, status?: number): Failure => ({
    ok: false,
    error,
    url: current,
    redirects: [...redirects],
    ...(detail === undefined ? {} : { detail }),
    ...(status === undefined ? {} : { status }),
  });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let sawHttps = false;
    for (;;) {
      const target = checkUrl(current);
      if (typeof target === 'string') return fail('bad-url', target);
      if (sawHttps && target.protocol === 'http:') return fail('downgrade', 'https: redirected to http:');
      sawHttps ||= target.protocol === 'https:';
      const exempt = allowed.has(hostKey(target));
      if (!exempt) {
        const literal = bareHost(target.hostname);
        const reason = isIP(literal) ? blockedAddressReason(literal) : null;
        if (reason) return fail('blocked-address', `${literal}: ${reason}`);
      }
      const hop = await fetchOnce(target, { exempt, maxBytes, signal: controller.signal, tlsCa: opts.tlsCa });
      if (hop.kind === 'fail') return fail(hop.error, hop.detail, hop.status);
      if (hop.kind === 'redirect') {
        if (redirects.length >= maxRedirects) return fail('too-many-redirects', `more than ${maxRedirects}`);
        if (!URL.canParse(hop.location, target)) return fail('bad-url', 'the redirect Location is not a URL');
        current = new URL(hop.location, target).href;
        redirects.push(current);
        continue;
      }
      return {
        ok: true,
        status: hop.status,
        finalUrl: target.href,
        contentType: hop.contentType,
        body: hop.body,
        redirects,
      };
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The URL to request, or why it may not be requested. */
function checkUrl(raw: string): URL | string {
  if (raw.length > MAX_URL_LENGTH) return `longer than ${MAX_URL_LENGTH} characters`;
  if (!URL.canParse(raw)) return 'not a URL';
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `scheme ${url.protocol} is not http or https`;
  if (url.username !== '' || url.password !== '') return 'a URL with a user name or password';
  if (url.hostname === '') return 'no host';
  return url;
}

function hostKey(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`.toLowerCase();
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

class BlockedAddressError extends Error {
  readonly code = 'EKEIKAIBLOCKED';
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A lookup for net.connect built on `resolve` (dns.lookup in guardedLookup): it refuses a host name if ANY
 * of its addresses is not public. It is the lookup the socket itself calls, on every connection, so the
 * addresses checked are the addresses used — a name that answers differently the next time is checked again.
 */
export function guardedLookupWith(resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (addresses.length === 0) {
        const e: NodeJS.ErrnoException = new Error(`${hostname}: no address`);
        e.code = 'ENOTFOUND';
        return callback(e, []);
      }
      for (const a of addresses) {
        const reason = blockedAddressReason(a.address);
        if (reason) return callback(new BlockedAddressError(`${hostname} → ${a.address}: ${reason}`), []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export const guardedLookup = guardedLookupWith(dnsLookup);

type Hop =
  | { kind: 'redirect'; location: string }
  | { kind: 'body'; status: number; contentType: string | null; body: Buffer }
  | { kind: 'fail'; error: SafeFetchError; detail?: string; status?: number };

function fetchOnce(
  url: URL,
  o: { exempt: boolean; maxBytes: number; signal: AbortSignal; tlsCa: string | undefined },
): Promise<Hop> {
  return new Promise<Hop>((resolve) => {
    let settled = false;
    const done = (hop: Hop) => {
      if (settled) return;
      settled = true;
      resolve(hop);
      req.destroy(); // whatever happened, this connection is finished with
    };
    const failWith = (err: unknown) => done(networkFailure(err, o.signal));
    const options: https.RequestOptions = {
      method: 'GET',
      // a fresh agent: never a pooled socket connected under another host's check, and no proxy from the
      // environment (a proxy would resolve the name itself, past guardedLookup)
      agent: false,
      signal: o.signal,
      headers: { 'user-agent': USER_AGENT, accept: 'text/plain, */*;q=0.1', 'accept-encoding': 'identity' },
      ...(o.exempt ? {} : { lookup: guardedLookup }),
      ...(o.tlsCa && url.protocol === 'https:' ? { ca: o.tlsCa } : {}),
    };
    const req = (url.protocol === 'https:' ? https : http).request(url, options, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        const location = res.headers.location;
        return done(
          location
            ? { kind: 'redirect', location }
            : { kind: 'fail', error: 'http-status', status, detail: `${status} without a Location` },
        );
      }
      if (status < 200 || status > 299)
        return done({ kind: 'fail', error: 'http-status', status, detail: `${status}` });
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        return done({
          kind: 'fail',
          error: 'too-large',
          detail: `Content-Length ${declared} > ${o.maxBytes}`,
        });
      }
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > o.maxBytes)
          done({ kind: 'fail', error: 'too-large', detail: `more than ${o.maxBytes} bytes` });
        else chunks.push(chunk);
      });
      res.on('end', () =>
        done({
          kind: 'body',
          status,
          contentType: res.headers['content-type'] ?? null,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', failWith);
      res.on('close', () => {
        if (!res.complete) failWith(new Error('the connection closed before the body was complete'));
      });
    });
    req.on('error', failWith);
    req.end();
  });
}

function networkFailure(err: unknown, signal: AbortSignal): Hop {
  if (signal.aborted) return { kind: 'fail', error: 'timeout' };
  if (err instanceof BlockedAddressError)
    return { kind: 'fail', error: 'blocked-address', detail: err.message };
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') {
    return { kind: 'fail', error: 'network', detail: `dns: ${code}` };
  }
  return { kind: 'fail', error: 'network', detail: code ?? (e?.message || 'network error') };
}
