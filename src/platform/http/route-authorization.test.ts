// The authorization matrix over HTTP (issue 4 and issue 6, "how it is checked"): every route the app registers is
// either on the PUBLIC list below (with the reason it may be public) or classified in EXPECTED with who may use
// it; a new route that is neither fails the test. Each classified route is requested as every kind of person —
// anonymous, reception staff signed in without the second factor yet, a website operator's secret-link holder,
// reception and coordination staff, developer A (a notified party of the product case), developer B (not a
// party), the case's website operator and another one, a finder with an account, a CSIRT member — with its path
// filled with the real ids of one world (src/testing/world.ts). Allowed GETs must answer (proving the ids are
// real); everyone else gets 401 / a redirect to the login (not signed in) or 403 / 404 (signed in), never another
// party's data. State-changing requests are sent only by those refused (with a valid CSRF token, or their API
// token, and a valid body), and must change nothing; what the allowed ones do is the features' own tests' matter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { Browser, type Response } from '../../testing/browser.js';
import { apiTokenOf, buildWorld, sessionOf, type World } from '../../testing/world.js';
import { createSession } from '../auth/sessions.js';
import { translator } from '../i18n/i18n.js';

type Who =
  | 'anon'
  | 'pending'
  | 'link'
  | 'reception'
  | 'coordinator'
  | 'devA'
  | 'devB'
  | 'operator'
  | 'operatorB'
  | 'finder'
  | 'csirt';
const SIGNED_IN = [
  'reception',
  'coordinator',
  'devA',
  'devB',
  'operator',
  'operatorB',
  'finder',
  'csirt',
] as const satisfies readonly Who[];
type User = (typeof SIGNED_IN)[number];
const EVERYONE: readonly Who[] = ['anon', 'pending', 'link', ...SIGNED_IN];
const ORG_MEMBERS: Who[] = SIGNED_IN.filter((w) => w !== 'finder');
const STAFF: Who[] = ['reception', 'coordinator'];
const NOBODY: Who[] = [];

/** Routes anyone may use, each with why. Everything else must be in EXPECTED. */
const PUBLIC: Record<string, string> = {
  'GET /': 'the home page (a signed-in person sees their own start page)',
  'GET /*': "static files: @fastify/static's /assets/* (the route tree prints it as * under /)",
  'GET /healthz': 'liveness probe, no data',
  'GET /readyz': 'readiness probe, no data',
  'GET /api/openapi.json': 'the API description',
  'GET /api/docs': 'the API reference page (swagger-ui)',
  'GET /api/docs/': 'the API reference page (swagger-ui)',
  'GET /api/docs/*': "the API reference page's files (swagger-ui's /api/docs/static/*)",
  'GET /api/docs/json': 'the API description (swagger-ui)',
  'GET /api/docs/yaml': 'the API description (swagger-ui)',
  'GET /api/docs/static/index.html': 'the API reference page (swagger-ui)',
  'GET /api/docs/static/swagger-initializer.js': 'the API reference page (swagger-ui)',
  'POST /preferences/locale':
    'choosing the language (a cookie); exempt from CSRF: a forged one only sets the language, which harms nobody',
  'GET /reports/new': 'anyone may report a vulnerability',
  'GET /reports/new/:kind': 'anyone may report a vulnerability',
  'POST /reports/new/:kind': 'anyone may report a vulnerability',
  'GET /reports/receipt': 'the receipt after reporting (from a sealed one-time cookie)',
  'POST /api/v1/reports': 'anyone may report a vulnerability, also by API',
  'GET /reports/pgp-key': "the reception body's public key",
  'GET /.well-known/keikai-reception.asc': "the reception body's public key",
  'GET /reports/follow-up/:token': "the finder's secret follow-up link (the token is the credential)",
  'POST /reports/follow-up/:token/messages': "the finder's secret follow-up link",
  'POST /reports/follow-up/:token/rotate': "the finder's secret follow-up link",
  'GET /operator/link/:token': "the website operator's secret link landing (the token is the credential)",
  'POST /operator/link/:token': "the website operator's secret link, confirmed from this site's page (CSRF)",
  'GET /advisories': 'the public vulnerability database: published advisories only (publication.read)',
  'GET /advisories/:slug': 'a published advisory (publication.read)',
  'GET /advisories/:slug/revisions': "a published advisory's revisions (publication.read)",
  'GET /advisories/:slug/revisions/:n': 'a published revision of an advisory (publication.read)',
  'GET /developers': 'developers named in published advisories (publication.read)',
  'GET /developers/:slug': "a developer's published advisories (publication.read)",
  'GET /sitemap.xml': 'published advisories and developer pages for search engines (publication.read)',
  'GET /api/v1/advisories': 'search of published advisories, no authentication (publication.read)',
  'GET /api/v1/advisories/:id': 'a published advisory as JSON, no authentication (publication.read)',
  'GET /feeds/jvnrss.rdf':
    'JVNRSS feed of the latest published advisories, public tables only (publication.read)',
  'GET /feeds/atom.xml':
    'Atom feed of the latest published advisories, public tables only (publication.read)',
  'GET /advisories/:slug/cve/:cveId.json': "a published advisory's CVE JSON 5 record (publication.read)",
  'GET /advisories/:slug/osv.json': "a published advisory's OSV records (publication.read)",
  'GET /advisories/:slug/csaf.json':
    "a published advisory's CSAF 2.0 document: redirect to the signed file, or the English rendition (publication.read)",
  'GET /.well-known/csaf/provider-metadata.json': 'CSAF trusted-provider metadata (publication.read)',
  'GET /.well-known/csaf/openpgp/:file': "the CSAF provider's public signing key (publication.read)",
  'GET /.well-known/csaf/white/':
    'CSAF TLP:WHITE folder listing, published documents only (publication.read)',
  'GET /.well-known/csaf/white/index.txt': 'CSAF index of published documents (publication.read)',
  'GET /.well-known/csaf/white/changes.csv': 'CSAF changes of published documents (publication.read)',
  'GET /.well-known/csaf/white/feed-tlp-white.json':
    'CSAF ROLIE feed of published documents (publication.read)',
  'GET /.well-known/csaf/white/:year': 'redirect to the CSAF year folder (publication.read)',
  'GET /.well-known/csaf/white/:year/':
    'CSAF year folder listing, published documents only (publication.read)',
  'GET /.well-known/csaf/white/:year/:file':
    'a published CSAF document, its hashes and signature, as stored at publication (publication.read)',
  'GET /.well-known/security.txt': "this site's RFC 9116 contact file with its CSAF: line",
  'GET /login': 'signing in',
  'POST /login': 'signing in',
  'POST /logout': 'signing out',
  'GET /mfa': 'second factor of a half-signed-in person (checked by its own pending session)',
  'POST /mfa': 'second factor of a half-signed-in person',
  'GET /mfa/setup': 'second factor enrolment of a half-signed-in person',
  'POST /mfa/setup': 'second factor enrolment of a half-signed-in person',
  'GET /password/forgot': 'asking for a password reset mail',
  'POST /password/forgot': 'asking for a password reset mail',
  'GET /password/reset/:token': 'the password reset link (the token is the credential)',
  'POST /password/reset/:token': 'the password reset link',
  'GET /invitations/:token': 'an invitation link (the token is the credential)',
  'POST /invitations/:token': 'an invitation link',
  'GET /subscribe': 'anyone may ask for published advisories by mail (publication.subscribe)',
  'POST /subscribe': 'anyone may ask for published advisories by mail; the same answer for every address',
  'GET /subscribe/confirm/:token':
    'the subscription confirmation link (the token is the credential); changes nothing',
  'POST /subscribe/confirm/:token': 'the subscription confirmation link, confirmed from its page (CSRF)',
  'GET /unsubscribe/:token':
    'the unsubscribe link in every advisory mail (the token is the credential); changes nothing',
  'POST /unsubscribe/:token': 'the unsubscribe link, confirmed from its page (CSRF)',
  'GET /statistics': 'reporting statistics (届出状況): published counts only (publication.read)',
  'GET /statistics.csv': "the statistics dashboard's tables as CSV: counts only (publication.read)",
  'GET /statistics/quarters/:quarter':
    'a quarterly statistics report, and its .csv/.json downloads: counts only (publication.read)',
  'GET /api/v1/statistics': 'reporting statistics as JSON, no authentication: counts (publication.read)',
};

/** Wildcard routes registered under a prefix, which Fastify's route tree prints without it. */
const PRINTED_WILDCARDS: Record<string, string> = { '/*': '/assets/*', '/api/docs/*': '/api/docs/static/*' };

type Ids = {
  w: World;
  mailId: string;
  devATokenId: string;
};
/** One way to fill a route's path parameters, and who may use the route so filled. */
type Cell = {
  label?: string;
  ok: readonly Who[];
  params?: (x: Ids) => Record<string, string>;
  /** a query string the route needs */
  query?: string;
  /** a valid JSON body for an API write, so a refusal is the authorization's and not the input check's */
  body?: Record<string, unknown>;
  /** what an allowed GET answers, if not 200 (e.g. a redirect to the person's own page) */
  status?: number | Partial<Record<Who, number>>;
};

const web = (x: Ids) => ({ reference: x.w.website.reference });
const operatorOrg = (x: Ids) => ({ id: x.w.orgs.operator });

/** Who may use each route (the rest are refused), as data: a rule that drifts shows up as a changed cell. */
const EXPECTED: Record<string, readonly Cell[]> = {
  // own account: every signed-in person, for themself
  'GET /account': [{ ok: SIGNED_IN }],
  'POST /account/preferences': [{ ok: SIGNED_IN }],
  'POST /account/password': [{ ok: SIGNED_IN }],
  'POST /account/sessions/revoke': [{ ok: SIGNED_IN }],
  'POST /account/mfa/recovery-codes': [{ ok: SIGNED_IN }],
  'POST /account/mfa/disable': [{ ok: SIGNED_IN }],
  'POST /account/tokens': [{ ok: SIGNED_IN }],
  'POST /account/tokens/:id/revoke': [{ label: "A's token", ok: ['devA'] }],
  'GET /api/v1/me': [{ ok: SIGNED_IN }],
  // administration: staff admins (and organization admins for their own), none of the people here
  'GET /admin/organizations': [{ ok: STAFF }],
  'GET /admin/organizations/new': [{ ok: NOBODY }],
  'POST /admin/organizations': [{ ok: NOBODY }],
  'GET /admin/my-organization': [{ ok: ORG_MEMBERS, status: 303 }], // to the organization's page
  'GET /admin/organizations/:id': [{ label: 'A', ok: [...STAFF, 'devA'] }],
  'GET /admin/organizations/:id/users/new': [{ label: 'A', ok: NOBODY }],
  'POST /admin/organizations/:id/users': [{ label: 'A', ok: NOBODY }],
  'GET /admin/organizations/:id/invitations/new': [{ label: 'A', ok: ['coordinator'] }],
  'POST /admin/organizations/:id/invitations': [{ label: 'A', ok: ['coordinator'] }],
  'GET /admin/users/:id/disable': [{ label: "A's member", ok: NOBODY }],
  'POST /admin/users/:id/disable': [{ label: "A's member", ok: NOBODY }],
  'GET /admin/audit': [{ ok: NOBODY }],
  'GET /admin/audit.csv': [{ ok: NOBODY }],
  'GET /admin/outbox': [{ ok: NOBODY }],
  'GET /admin/outbox/:id': [{ ok: NOBODY }],
  'POST /admin/outbox/test': [{ ok: NOBODY }],
  // the reception body's console
  'GET /reception/reports': [{ ok: ['reception'] }],
  'GET /reception/reports/:trackingNumber': [{ ok: ['reception'] }],
  'GET /reception/reports/:trackingNumber/attachments/:attachmentId': [{ ok: ['reception'] }],
  'POST /reception/reports/:trackingNumber/decisions': [{ ok: ['reception'] }],
  'POST /reception/reports/:trackingNumber/messages': [{ ok: ['reception'] }],
  'POST /reception/reports/:trackingNumber/assign': [{ ok: ['reception'] }],
  'POST /reception/reports/:trackingNumber/screening': [{ ok: ['reception'] }],
  // a finder's own reports
  'GET /my/reports': [{ ok: ['finder'] }],
  'GET /my/reports/:trackingNumber': [{ ok: ['finder'] }],
  'POST /my/reports/:trackingNumber/messages': [{ ok: ['finder'] }],
  // handed-over cases
  'GET /coordination': [{ ok: ['coordinator'] }], // the coordinator's start page
  'GET /coordination/cases': [{ ok: STAFF }],
  'GET /website/cases': [{ ok: ['reception'] }],
  'GET /cases/:reference': [
    { label: 'product case', ok: STAFF },
    { label: 'website case', ok: ['reception'], params: web },
  ],
  'GET /cases/:reference/attachments/:attachmentId': [{ label: 'product case', ok: STAFF }],
  // the directory: staff read it, its keepers change it (coordination: developers; reception: operators)
  'GET /directory': [{ ok: STAFF }],
  'GET /directory/new': [{ ok: STAFF }],
  'POST /directory': [{ ok: STAFF }],
  'GET /directory/:id': [
    // a party's own entry is its /my/directory page
    { label: 'A', ok: [...STAFF, 'devA'], status: { devA: 303 } },
    { label: 'the operator', ok: [...STAFF, 'operator'], params: operatorOrg, status: { operator: 303 } },
  ],
  'GET /directory/:id/edit': [
    { label: 'A', ok: ['coordinator'] },
    { label: 'the operator', ok: ['reception'], params: operatorOrg },
  ],
  'POST /directory/:id/edit': [
    { label: 'A', ok: ['coordinator'] },
    { label: 'the operator', ok: ['reception'], params: operatorOrg },
  ],
  'POST /directory/:id/products': [{ label: 'A', ok: ['coordinator'] }],
  'GET /directory/:id/products/:productId/edit': [{ label: 'A', ok: ['coordinator'] }],
  'POST /directory/:id/products/:productId/edit': [{ label: 'A', ok: ['coordinator'] }],
  'POST /directory/:id/products/:productId/retire': [{ label: 'A', ok: ['coordinator'] }],
  'POST /directory/:id/domains': [{ label: 'the operator', ok: ['reception'], params: operatorOrg }],
  'POST /directory/:id/domains/:domainId/remove': [
    {
      label: 'the operator',
      ok: ['reception'],
      params: (x) => ({ id: x.w.orgs.operator, domainId: x.w.directory.domainId }),
    },
  ],
  'POST /directory/:id/invite': [{ label: 'A', ok: ['coordinator'] }],
  'GET /directory/requests': [{ ok: STAFF }],
  'GET /directory/requests/:id': [{ label: "A's change", ok: ['coordinator'] }],
  'POST /directory/requests/:id/approve': [{ label: "A's change", ok: ['coordinator'] }],
  'POST /directory/requests/:id/reject': [{ label: "A's change", ok: ['coordinator'] }],
  'GET /directory/groups': [{ ok: STAFF }], // staff read the whole directory; its keeper changes groups
  'POST /directory/groups': [{ ok: ['coordinator'] }],
  'GET /directory/groups/:id': [{ ok: STAFF }],
  'POST /directory/groups/:id/members': [{ ok: ['coordinator'] }],
  'POST /directory/groups/:id/rename': [{ ok: ['coordinator'] }],
  'POST /directory/groups/:id/archive': [{ ok: ['coordinator'] }],
  'POST /directory/groups/:id/members/:organizationId/remove': [{ label: 'A', ok: ['coordinator'] }],
  'GET /my/directory': [{ ok: ['devA', 'devB', 'operator', 'operatorB', 'csirt'] }],
  'POST /my/directory': [{ ok: NOBODY }], // organization admins only; these are members
  'GET /api/v1/directory/me': [{ ok: ['devA', 'devB', 'operator', 'operatorB', 'csirt'] }],
  'POST /api/v1/directory/me/change-requests': [{ ok: NOBODY }],
  'GET /api/v1/directory/parties': [{ ok: STAFF, query: '?type=product_developer&q=Alpha' }],
  // the coordination body's workspace on the product case
  'GET /coordination/cases/:reference': [
    { ok: ['coordinator'] },
    { label: 'the website case', ok: NOBODY, params: web },
  ],
  'POST /coordination/cases/:reference/vulnerabilities': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/vulnerabilities/:vulnerabilityId': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/vulnerabilities/:vulnerabilityId/withdraw': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/parties': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/parties/:partyId/notify': [{ label: 'A', ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/parties/:partyId/remove': [{ label: 'A', ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/parties/:partyId/finder-contact': [
    { label: 'A', ok: ['coordinator'] },
  ],
  'POST /coordination/cases/:reference/category': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/classification': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/schedule': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/schedule/decide': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/suggestions/:suggestionId': [{ label: "A's", ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/messages': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/relay': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/statuses': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/contact-attempts': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/end': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/csirt-report': [{ ok: ['coordinator'] }],
  // the case's advisory (features/advisories): written by coordination staff; approved or sent back only by a lead
  // or administrator (the world's coordinator is a handler), never the submitter
  'GET /coordination/advisories': [{ ok: ['coordinator'] }],
  'GET /coordination/cases/:reference/advisory': [
    { ok: ['coordinator'] },
    { label: 'the website case', ok: NOBODY, params: web },
  ],
  'GET /coordination/cases/:reference/advisory/review': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory/create': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory/submit': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory/approve': [{ ok: NOBODY }],
  'POST /coordination/cases/:reference/advisory/request-changes': [{ ok: NOBODY }],
  'POST /coordination/cases/:reference/advisory/schedule': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory/unschedule': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory/correction': [{ ok: ['coordinator'] }],
  'POST /coordination/cases/:reference/advisory/release': [{ ok: ['coordinator'] }],
  'GET /coordination/csirt-cases/new': [{ ok: ['coordinator'] }],
  'POST /coordination/csirt-cases/new': [{ ok: ['coordinator'] }],
  'GET /api/v1/coordination/cases/:reference': [{ ok: ['coordinator'] }],
  // the reception body relays the finder's questions into the product case
  'GET /coordination/cases/:reference/finder-relay': [{ ok: ['reception'] }],
  'POST /coordination/cases/:reference/finder-relay': [{ ok: ['reception'] }],
  // the reception body's website track
  'GET /website/cases/:reference': [
    { ok: ['reception'], params: web },
    { label: 'the product case', ok: NOBODY },
  ],
  'POST /website/cases/:reference/contact': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/discover': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/notices': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/relay': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/attempts': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/responses': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/close': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/reclassify': [{ ok: ['reception'], params: web }],
  'POST /website/cases/:reference/classification': [{ ok: ['reception'], params: web }],
  'GET /website/long-running': [{ ok: ['reception'] }],
  'GET /website/long-running.csv': [{ ok: ['reception'] }],
  // the developer portal: A is a party of the product case, B is not
  'GET /portal': [{ ok: ['devA', 'devB'] }],
  'GET /portal/cases/:reference': [{ ok: ['devA'] }, { label: 'the website case', ok: NOBODY, params: web }],
  'POST /portal/cases/:reference/acknowledge': [{ ok: ['devA'] }],
  'POST /portal/cases/:reference/vulnerabilities/:ordinal/status': [{ ok: ['devA'] }],
  'POST /portal/cases/:reference/schedule': [{ ok: ['devA'] }],
  'POST /portal/cases/:reference/messages': [{ ok: ['devA'] }],
  'POST /portal/cases/:reference/suggestions': [{ ok: ['devA'] }],
  // the pre-release copy of the advisory: a notified party of the case only
  'GET /portal/cases/:reference/advisory': [
    { ok: ['devA'] },
    { label: 'the website case', ok: NOBODY, params: web },
  ],
  'GET /api/v1/portal/cases': [{ ok: ['devA', 'devB'] }],
  'GET /api/v1/portal/cases/:reference': [
    { ok: ['devA'] },
    { label: 'the website case', ok: NOBODY, params: web },
  ],
  'PUT /api/v1/portal/cases/:reference/vulnerabilities/:ordinal/status': [
    { ok: ['devA'], body: { status: 'not_affected', statement: 'Not us.', shared: true } },
  ],
  'POST /api/v1/portal/cases/:reference/acknowledge': [{ ok: ['devA'] }],
  'POST /api/v1/portal/cases/:reference/schedule/responses': [
    { ok: ['devA'], body: { response: 'acknowledged' } },
  ],
  'GET /api/v1/portal/cases/:reference/messages': [{ ok: ['devA'] }],
  'POST /api/v1/portal/cases/:reference/messages': [{ ok: ['devA'], body: { body: 'Hello from B?' } }],
  'POST /api/v1/portal/cases/:reference/suggestions': [
    { ok: ['devA'], body: { name: 'Delta Corp', reason: 'Same library.' } },
  ],
  // the website operator's side: the case's operator (account) or its link holder; the other operator is not
  'GET /operator': [{ ok: ['operator', 'operatorB'] }],
  'GET /operator/cases/:reference': [
    { ok: ['operator', 'link'], params: web },
    { label: 'the product case', ok: NOBODY },
  ],
  'POST /operator/cases/:reference/acknowledge': [{ ok: ['operator', 'link'], params: web }],
  'POST /operator/cases/:reference/investigation': [{ ok: ['operator', 'link'], params: web }],
  'POST /operator/cases/:reference/not-vulnerability': [{ ok: ['operator', 'link'], params: web }],
  'GET /operator/cases/:reference/completion': [{ ok: ['operator', 'link'], params: web }],
  'POST /operator/cases/:reference/completion': [{ ok: ['operator', 'link'], params: web }],
  'GET /operator/cases/:reference/leak': [{ ok: ['operator', 'link'], params: web }],
  'POST /operator/cases/:reference/leak': [{ ok: ['operator', 'link'], params: web }],
  'GET /operator/cases/:reference/leak/notice.txt': [
    { label: 'no leak reported: nothing to show yet', ok: ['operator', 'link'], params: web, status: 404 },
  ],
  'GET /api/v1/operator/cases': [{ ok: ['operator', 'operatorB'] }],
  'GET /api/v1/operator/cases/:reference': [
    { ok: ['operator'], params: web },
    { label: 'the product case', ok: NOBODY },
  ],
  'POST /api/v1/operator/cases/:reference/acknowledgement': [{ ok: ['operator'], params: web }],
  'POST /api/v1/operator/cases/:reference/investigation': [{ ok: ['operator'], params: web }],
  'POST /api/v1/operator/cases/:reference/not-vulnerability': [{ ok: ['operator'], params: web }],
  'POST /api/v1/operator/cases/:reference/completion-report': [{ ok: ['operator'], params: web }],
  'PUT /api/v1/operator/cases/:reference/leak-publication': [{ ok: ['operator'], params: web }],
};

/** The ids a path parameter takes unless the cell says otherwise. */
function defaultParams(route: string, x: Ids): Record<string, string> {
  const { w } = x;
  const path = route.split(' ')[1]!;
  const id = path.startsWith('/admin/organizations/')
    ? w.orgs.devA
    : path.startsWith('/admin/users/')
      ? w.people.devA.userId
      : path.startsWith('/admin/outbox/')
        ? x.mailId
        : path.startsWith('/account/tokens/')
          ? x.devATokenId
          : path.startsWith('/directory/requests/')
            ? w.directory.changeRequestId
            : path.startsWith('/directory/groups/')
              ? w.directory.groupId
              : w.orgs.devA;
  return {
    id,
    reference: w.product.reference,
    trackingNumber: w.product.reference,
    attachmentId: w.product.attachmentId,
    productId: w.directory.productId,
    domainId: w.directory.domainId,
    organizationId: w.orgs.devA,
    vulnerabilityId: w.product.vulnerabilityId,
    partyId: w.product.partyA,
    suggestionId: w.product.suggestionId,
    ordinal: '1',
  };
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(v);
  });
}

/** `METHOD /path` of every route in Fastify's route tree (HEAD, added for every GET, left out). */
function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ├└─]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth - 1;
    const path = (stack[depth - 2] ?? '') + m[2]!;
    stack[depth - 1] = path;
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return [...new Set(out)].sort();
}

describe('every route is authorized for exactly the people it is for', () => {
  let t: TestApp;
  let x: Ids;
  let routes: string[];
  const browsers = new Map<Who, Browser>();
  const tokens = new Map<Who, string>();
  /** strings that only the parties of the cases may see: in a refusal they are a leak */
  let secrets: string[];
  const csrfMessages = [translator('ja')('errors.csrf'), translator('en')('errors.csrf')];

  before(async () => {
    t = await startTestApp({ now: '2026-11-10T01:00:00Z' });
    const w = await buildWorld(t, {
      finderAccount: true,
      finder: {
        name: 'Ozymandias Routefinder',
        email: 'ozymandias@finder.example',
        phone: '+81 3-5555-0101',
        organization: 'Routefinder Lab',
      },
      productName: 'Matrixwidget CMS',
      siteName: 'Matrixshop',
    });
    secrets = [
      'Ozymandias',
      'ozymandias@finder.example',
      '5555-0101',
      'Routefinder Lab',
      'Matrixwidget',
      'Matrixshop',
      'Alpha CMS 1.0–1.4 are affected',
      'We are working on a fix',
    ];
    const mail = await t.ctx.db.selectFrom('mail_messages').select('id').executeTakeFirstOrThrow();
    const devAToken = await apiTokenOf(t, w.people.devA.userId);
    x = { w, mailId: mail.id, devATokenId: devAToken.id };
    routes = routesOf(t.app.printRoutes({ commonPrefix: false }));

    browsers.set('anon', new Browser(t));
    // reception staff who gave the password but not yet the second factor
    const pending = new Browser(t);
    pending.cookies.set(
      'keikai_session',
      await createSession(t.ctx.db, t.ctx, {
        userId: w.people.reception.userId,
        mfaVerified: false,
        ip: null,
        userAgent: null,
      }),
    );
    browsers.set('pending', pending);
    const link = new Browser(t);
    const landing = await link.get(`/operator/link/${w.website.operatorToken}`);
    assert.equal(landing.statusCode, 303, 'the operator link opens');
    browsers.set('link', link);
    for (const who of SIGNED_IN) {
      browsers.set(who, await sessionOf(t, w.people[who].userId));
      tokens.set(who, (await apiTokenOf(t, w.people[who].userId)).token);
    }
    // every client holds a CSRF token before the first form it posts
    for (const b of browsers.values()) {
      await b.get('/');
      assert.ok(b.csrf, 'a CSRF token on the home page');
    }
  });
  after(() => t?.close());

  it('reads the whole route table and classifies every route: public with a reason, or in the matrix', () => {
    assert.ok(routes.length > 150, `${routes.length} routes`);
    for (const r of routes) {
      const [method, url] = r.split(' ') as [string, string];
      const lookedUp = PRINTED_WILDCARDS[url] ?? url;
      assert.ok(t.app.hasRoute({ method: method as 'GET', url: lookedUp }), `the parsed route ${r} exists`);
    }
    for (const must of [
      'GET /portal/cases/:reference',
      'PUT /api/v1/operator/cases/:reference/leak-publication',
    ])
      assert.ok(routes.includes(must), must);
    const unclassified = routes.filter((r) => !(r in PUBLIC) && !(r in EXPECTED));
    assert.deepEqual(unclassified, [], 'every route must be classified (PUBLIC with a reason, or EXPECTED)');
    const both = routes.filter((r) => r in PUBLIC && r in EXPECTED);
    assert.deepEqual(both, []);
    const stale = [...Object.keys(PUBLIC), ...Object.keys(EXPECTED)].filter((r) => !routes.includes(r));
    assert.deepEqual(stale, [], 'entries for routes that no longer exist');
  });

  it('proves the clients work: a public form post with the CSRF token is accepted; the half-signed-in one is asked for its second factor', async () => {
    const res = await browsers.get('anon')!.post('/preferences/locale', { locale: 'en', returnTo: '/' });
    assert.equal(res.statusCode, 303);
    // the half-signed-in client is recognised as such: it is asked for its second factor
    assert.equal((await browsers.get('pending')!.get('/mfa')).statusCode, 200);
    assert.notEqual((await browsers.get('anon')!.get('/mfa')).statusCode, 200);
  });

  it('gives the API nothing for a session cookie (tokens only)', async () => {
    const b = browsers.get('devA')!;
    const res = await b.get('/api/v1/portal/cases');
    assert.equal(res.statusCode, 401);
  });

  async function footprint(): Promise<Record<string, string>> {
    // tables a refused request could write; reads touch sessions, tokens' last use, views and the audit trail
    const tables = [
      'organizations',
      'mail_tokens',
      'events',
      'mail_messages',
      'reports',
      'report_attachments',
      'report_messages',
      'cases',
      'directory_entries',
      'directory_products',
      'directory_domains',
      'directory_change_requests',
      'directory_groups',
      'directory_group_members',
      'coordination_cases',
      'coordination_vulnerabilities',
      'coordination_parties',
      'coordination_statuses',
      'coordination_suggestions',
      'coordination_schedule_proposals',
      'coordination_schedule_responses',
      'coordination_messages',
      'coordination_contact_attempts',
      'coordination_reminders',
      'website_cases',
      'website_discoveries',
      'website_notices',
      'website_relay_hops',
      'website_contact_attempts',
      'website_operator_responses',
      'website_completion_reports',
      'website_leak_publications',
    ];
    const out: Record<string, string> = {};
    for (const table of tables) {
      const r = await sql<{
        h: string;
      }>`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h
        from ${sql.table(table)} x`.execute(t.ctx.db);
      out[table] = r.rows[0]!.h;
    }
    const users = await sql<{ h: string }>`select md5(coalesce(string_agg(
        concat_ws('|', id, email, role, organization_id, disabled_at, password_hash), ',' order by id), '')) as h
      from users`.execute(t.ctx.db);
    out.users = users.rows[0]!.h;
    const apiTokens = await sql<{ h: string }>`select md5(coalesce(string_agg(
        concat_ws('|', id, user_id, revoked_at), ',' order by id), '')) as h from api_tokens`.execute(
      t.ctx.db,
    );
    out.api_tokens = apiTokens.rows[0]!.h;
    return out;
  }

  async function request(who: Who, method: string, url: string, body: object = {}): Promise<Response> {
    const api = url.startsWith('/api/');
    const b = browsers.get(who)!;
    if (api) {
      const token = tokens.get(who as User);
      return t.app.inject({
        method: method as 'GET',
        url,
        remoteAddress: b.ip,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(method === 'GET' ? {} : { payload: body }),
      });
    }
    if (method === 'GET') return b.get(url);
    return b.post(url, {});
  }

  /** Why this answer is not a proper refusal, or null. */
  function notRefused(who: Who, url: string, res: Response): string | null {
    const api = url.startsWith('/api/');
    const signedIn = who !== 'anon' && who !== 'link' && who !== 'pending';
    const body = res.body;
    const leaked = secrets.filter((s) => body.includes(s));
    if (leaked.length) return `HTTP ${res.statusCode} shows ${leaked.join(', ')}`;
    if (csrfMessages.some((m) => body.includes(m))) return 'refused by the CSRF check, not by authorization';
    if (signedIn) return [403, 404].includes(res.statusCode) ? null : `HTTP ${res.statusCode}, not 403/404`;
    if (api) return res.statusCode === 401 ? null : `HTTP ${res.statusCode}, not 401`;
    const to = String(res.headers.location);
    if (res.statusCode === 303 && (to.startsWith('/login') || (who === 'pending' && to.startsWith('/mfa'))))
      return null;
    return [401, 404].includes(res.statusCode)
      ? null
      : `HTTP ${res.statusCode} ${res.headers.location ?? ''}, not a redirect to the login`;
  }

  for (const [route, cells] of Object.entries(EXPECTED)) {
    const [method, path] = route.split(' ') as [string, string];
    for (const cell of cells) {
      const name = `${route}${cell.label ? ` (${cell.label})` : ''}: ${cell.ok.length ? cell.ok.join(', ') : 'nobody here'}`;
      it(name, async () => {
        const url =
          fill(path, { ...defaultParams(route, x), ...(cell.params?.(x) ?? {}) }) + (cell.query ?? '');
        const problems: string[] = [];
        const refused = EVERYONE.filter((w) => !cell.ok.includes(w));
        const before = method === 'GET' ? null : await footprint();
        for (const who of method === 'GET' ? EVERYONE : refused) {
          const res = await request(who, method, url, cell.body);
          if (cell.ok.includes(who)) {
            const expected =
              typeof cell.status === 'object' ? (cell.status[who] ?? 200) : (cell.status ?? 200);
            if (res.statusCode !== expected)
              problems.push(`${who}: HTTP ${res.statusCode}, expected ${expected}`);
          } else {
            const why = notRefused(who, url, res);
            if (why) problems.push(`${who}: ${why}`);
          }
        }
        if (before) {
          const now = await footprint();
          const changed = Object.keys(before).filter((k) => before[k] !== now[k]);
          if (changed.length) problems.push(`refused requests changed ${changed.join(', ')}`);
        }
        assert.deepEqual(problems, [], `${method} ${url}`);
      });
    }
  }
});
