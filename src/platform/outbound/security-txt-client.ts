// Contact discovery (issue 6 §1): fetch a website's security.txt through safeFetch and say, with one reason
// code, what was found — so staff see "found: psirt@example.jp" or exactly why not (expired, no Contact, a
// redirect to a private address, a server too slow…), in Japanese and English, from the outcome alone.
//
// RFC 9116 §3: /.well-known/security.txt first, then the legacy /security.txt; https only. Plain http is
// tried only for hosts in allowHosts (a test site on loopback). Only text/plain answers are parsed.
// timeoutMs bounds the whole discovery (every URL tried), so a job calling it knows its longest wait.
import { contactEmails, parseSecurityTxt, type SecurityTxt } from '../../domain/security-txt.js';
import { SAFE_FETCH_DEFAULTS, type SafeFetchError, type SafeFetchOptions, safeFetch } from './safe-fetch.js';

export type DiscoveryOutcome =
  | 'found'
  | 'expired'
  | 'no-contact'
  | 'malformed'
  | 'not-found'
  | 'blocked-address'
  | 'too-large'
  | 'timeout'
  | 'unreachable'
  | 'bad-url';

/** What happened at one URL. */
export type DiscoveryAttempt = {
  url: string;
  result: 'parsed' | 'not-text-plain' | SafeFetchError;
  /** The HTTP status, when the server answered one. */
  status?: number;
  detail?: string;
};

export type Discovery = {
  outcome: DiscoveryOutcome;
  /** The URL the security.txt was read from (after redirects), when one was read. */
  url: string | null;
  /** The URLs tried, in order. */
  tried: string[];
  securityTxt: SecurityTxt | null;
  /** The mailto: contacts, decoded, in order of preference (also for an expired file: staff may judge). */
  emails: string[];
  detail?: string;
  attempts: DiscoveryAttempt[];
};

// When no file is found, the outcome is the most telling failure seen (a refusal beats a plain 404).
const FAILURE_RANK: readonly DiscoveryOutcome[] = [
  'blocked-address',
  'too-large',
  'timeout',
  'malformed',
  'not-found', // the server answered: more telling than a failed https attempt on a plain-http test host
  'unreachable',
];

export async function discoverSecurityTxt(
  siteUrlOrHost: string,
  opts: { now: Date } & SafeFetchOptions,
): Promise<Discovery> {
  const { now, ...fetchOptions } = opts;
  const site = siteOf(siteUrlOrHost);
  const attempts: DiscoveryAttempt[] = [];
  const result = (
    outcome: DiscoveryOutcome,
    more: Partial<Pick<Discovery, 'url' | 'securityTxt' | 'detail'>> = {},
  ): Discovery => {
    const securityTxt = more.securityTxt ?? null;
    return {
      outcome,
      url: more.url ?? null,
      tried: attempts.map((a) => a.url),
      securityTxt,
      emails: securityTxt ? contactEmails(securityTxt) : [],
      ...(more.detail === undefined ? {} : { detail: more.detail }),
      attempts,
    };
  };
  if (typeof site === 'string') return result('bad-url', { detail: site });

  const allowed = new Set((opts.allowHosts ?? []).map((h) => h.trim().toLowerCase()));
  // an allowed (test or development) host: http:// as given, or https then http for a bare host name
  const schemes = ['https'];
  if (allowed.has(`${site.hostname}:${site.port || '80'}`)) {
    if (site.explicitHttp) schemes.splice(0, 1, 'http');
    else schemes.push('http');
  }
  const candidates = schemes.flatMap((scheme) =>
    ['/.well-known/security.txt', '/security.txt'].map(
      (path) => `${scheme}://${site.hostname}${site.port ? `:${site.port}` : ''}${path}`,
    ),
  );

  type Failure = { outcome: DiscoveryOutcome; detail?: string; url?: string; securityTxt?: SecurityTxt };
  const failures: Failure[] = [];

  // one time limit for the whole discovery, not one per URL tried
  const deadline = Date.now() + (opts.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs);
  for (const candidate of candidates) {
    const left = deadline - Date.now();
    if (left <= 0) return result('timeout', { detail: 'time limit reached before every path was tried' });
    const r = await safeFetch(candidate, { ...fetchOptions, timeoutMs: left });
    if (!r.ok) {
      attempts.push({
        url: candidate,
        result: r.error,
        ...(r.status === undefined ? {} : { status: r.status }),
        ...(r.detail === undefined ? {} : { detail: r.detail }),
      });
      const outcome = outcomeOfFetchError(r.error);
      const detail = r.detail ? `${r.error}: ${r.detail}` : r.error;
      // a site that sends us to a private address, or a server that hangs, is not asked again
      if (outcome === 'blocked-address' || outcome === 'timeout') return result(outcome, { detail });
      failures.push({ outcome, detail });
      continue;
    }
    const type = (r.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'text/plain') {
      // typically a site's HTML "page not found" answered with 200
      attempts.push({
        url: candidate,
        result: 'not-text-plain',
        status: r.status,
        detail: r.contentType ?? '',
      });
      failures.push({ outcome: 'not-found', detail: `content-type: ${r.contentType ?? '(none)'}` });
      continue;
    }
    attempts.push({ url: candidate, result: 'parsed', status: r.status });
    const text = new TextDecoder('utf-8').decode(r.body);
    const parsed = parseSecurityTxt(text, { now, url: r.finalUrl });
    const read = { url: r.finalUrl, securityTxt: parsed };
    if (parsed.issues.some((i) => i.code === 'too-large')) {
      failures.push({ outcome: 'too-large', detail: 'security.txt larger than 32 KiB', ...read });
      continue;
    }
    if (parsed.contacts.length > 0) {
      return parsed.expired
        ? result('expired', { ...read, detail: parsed.expires?.toISOString() })
        : result('found', read);
    }
    if (looksLikeSecurityTxt(parsed)) return result('no-contact', read);
    failures.push({ outcome: 'malformed', detail: 'no security.txt field in a text/plain answer', ...read });
  }
  const telling = failures.sort(
    (a, b) => FAILURE_RANK.indexOf(a.outcome) - FAILURE_RANK.indexOf(b.outcome),
  )[0];
  return telling ? result(telling.outcome, telling) : result('not-found');
}

function outcomeOfFetchError(error: SafeFetchError): DiscoveryOutcome {
  switch (error) {
    case 'blocked-address':
    case 'too-large':
    case 'timeout':
      return error;
    case 'http-status':
      return 'not-found';
    case 'bad-url': // a redirect to something that is not an http(s) URL
    case 'too-many-redirects':
    case 'downgrade':
    case 'network':
      return 'unreachable';
  }
}

// A file with no Contact is "no-contact" if it is recognisably a security.txt (an RFC 9116 field, or a
// Contact line that was rejected); text with no such field at all is "malformed".
function looksLikeSecurityTxt(s: SecurityTxt): boolean {
  return (
    s.expires !== null ||
    s.issues.some((i) => i.code === 'bad-contact' || i.code === 'expires-syntax') ||
    [s.encryption, s.acknowledgments, s.preferredLanguages, s.canonical, s.policy, s.hiring, s.csaf].some(
      (list) => list.length > 0,
    )
  );
}

type Site = { explicitHttp: boolean; hostname: string; port: string };

/** The site's host from "example.jp", "www.example.jp:8443" or "https://www.example.jp/any/page". */
function siteOf(input: string): Site | string {
  const trimmed = input.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > 2048) return 'too long';
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const text = hasScheme ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(text)) return 'not a host name or URL';
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `scheme ${url.protocol} is not http or https`;
  if (url.username !== '' || url.password !== '') return 'a URL with a user name or password';
  if (url.hostname === '') return 'no host';
  return { explicitHttp: url.protocol === 'http:', hostname: url.hostname, port: url.port };
}
