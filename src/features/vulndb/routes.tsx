// The public vulnerability database (脆弱性対策情報データベース): latest advisories, search, advisory and developer
// pages, revisions, the sitemap and the JSON API. Reads only the public tables (public-db.ts); every route asks
// the one authorization function for 'publication.read' (anyone may, signed in or not) before reading.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Feature, sendPage, viewContext } from '../../platform/http/server.js';
import { Layout } from '../../platform/views/layout.js';
import { renderPage } from '../../platform/views/render.js';
import type { ViewContext } from '../../platform/views/view-context.js';
import { advisoryDocument, advisoryList, errors, idParams, listQuery, summaryJson } from './api-schemas.js';
import { ifNoneMatch, notModifiedSince, strongEtag } from './http-cache.js';
import { filterParams, parseListQuery } from './input.js';
import { publicDb } from './public-db.js';
import { Lru, readPublicState, VersionCache } from './public-state.js';
import {
  API_PAGE_SIZE,
  DEVELOPERS_PAGE_SIZE,
  findAdvisory,
  findDeveloper,
  findRevision,
  isUnfiltered,
  listDevelopers,
  listRevisions,
  MAX_PAGE_SIZE,
  PAGE_SIZE,
  SITEMAP_MAX,
  searchAdvisories,
  sitemapAdvisories,
  sitemapDevelopers,
  sitemapPlan,
} from './queries.js';
import { type SitemapUrl, sitemapIndexXml, urlsetXml } from './sitemap-xml.js';
import { AdvisoryMain, AdvisoryPage, AdvisoryPageWithMain } from './views/advisory-page.js';
import { DevelopersPage } from './views/developers-page.js';
import {
  AdvisoriesMain,
  AdvisoriesPage,
  AdvisoriesPageWithMain,
  type TypedValues,
} from './views/list-page.js';
import { Bi, feedAlternates } from './views/parts.js';
import { RevisionsPage } from './views/revisions-page.js';

/** Everyone may read what has been published; asked anyway, so the rule lives in one place. */
function mayRead(req: FastifyRequest): void {
  authorize(req.actor, 'publication.read');
}

const API_CACHE = 'public, max-age=300';

/** The raw query values as typed, for the form to show them again. */
function typedValues(query: unknown): TypedValues {
  const out: TypedValues = {};
  for (const [k, x] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (typeof x === 'string') out[k] = x;
    else if (Array.isArray(x)) out[k] = x.filter((s): s is string => typeof s === 'string');
  }
  return out;
}

const positiveInt = (s: unknown): number | null =>
  typeof s === 'string' && /^[1-9]\d{0,5}$/.test(s) ? Number(s) : null;

/** A 304 when the client's copy is current; otherwise the cache headers for a fresh answer. */
function conditional(req: FastifyRequest, reply: FastifyReply, etag: string, lastModified?: Date): boolean {
  reply.header('etag', etag).header('cache-control', API_CACHE).header('access-control-allow-origin', '*');
  if (lastModified) reply.header('last-modified', lastModified.toUTCString());
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return ifNoneMatch(inm, etag);
  return lastModified ? notModifiedSince(req.headers['if-modified-since'], lastModified) : false;
}

/**
 * Whole public pages for anonymous visitors. An anonymous page holds nothing per request (no session, no CSRF
 * token: the language switch needs none), so it is rendered once per (URL, version, language) and sent with a
 * public cache lifetime and an ETag. Signed-in visitors get their own page (their name, their logout token),
 * no-store. No cookie is set on these answers (viewContext would set the CSRF secret cookie: not called).
 */
type CachedPage = { body: Buffer; etag: string };

const PUBLIC_PAGE_CACHE = 'public, max-age=300';

function isAnonymous(req: FastifyRequest): boolean {
  return req.actor.kind === 'anonymous';
}

/** The view context of an anonymous visitor: no CSRF token (and no CSRF secret cookie). */
function anonymousView(req: FastifyRequest): ViewContext {
  return {
    locale: req.locale,
    t: req.t,
    actor: req.actor,
    timeZone: req.timeZone,
    csrfToken: '',
    path: req.url.split('?')[0] ?? '/',
  };
}

function cachedPage(html: string): CachedPage {
  // kept as UTF-8 bytes: encoded once here, not for the ETag's hash and again for the socket at every request
  const body = Buffer.from(html, 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function sendCachedPage(req: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  // the language comes from the locale cookie or Accept-Language; a session cookie gives another page
  reply
    .header('etag', page.etag)
    .header('cache-control', PUBLIC_PAGE_CACHE)
    .header('vary', 'Cookie, Accept-Language');
  if (ifNoneMatch(req.headers['if-none-match'], page.etag)) return reply.code(304).send();
  return reply.header('content-type', 'text/html; charset=utf-8').send(page.body);
}

export const vulndbRoutes: Feature = (app, ctx: AppContext) => {
  const db = () => publicDb(ctx.db);

  /** Main content of the latest-advisories list, per public version (a few pages and both languages). */
  const latestMains = new VersionCache<string>(32);
  /** The whole latest-list page for anonymous visitors, per public version, language and URL. */
  const latestPages = new VersionCache<CachedPage>(32);

  app.get('/advisories', { schema: { hide: true } }, async (req, reply) => {
    mayRead(req);
    // an anonymous visitor's page has no token (nothing needs one), so no CSRF secret cookie is set
    const v = isAnonymous(req) ? anonymousView(req) : viewContext(req, reply);
    const values = typedValues(req.query);
    const parsed = parseListQuery(req.query, req.locale, {
      defaultPerPage: PAGE_SIZE,
      maxPerPage: MAX_PAGE_SIZE,
      perPageParam: false,
    });
    if (!parsed.ok) {
      return sendPage(
        reply,
        <AdvisoriesPage
          v={v}
          result={null}
          filter={{}}
          values={values}
          errors={parsed.errors}
          heading={req.t('vulndb.title')}
          action="/advisories"
          withDeveloper
        />,
        400,
      );
    }
    const main = (result: Awaited<ReturnType<typeof searchAdvisories>>) => (
      <AdvisoriesMain
        v={v}
        result={result}
        filter={parsed.data.filter}
        values={values}
        errors={undefined}
        heading={req.t('vulndb.title')}
        action="/advisories"
        withDeveloper
      />
    );
    if (isUnfiltered(parsed.data.filter)) {
      // the latest advisories (the most visited list): rendered once per public version, language and URL
      const { version } = await readPublicState(db());
      if (isAnonymous(req)) {
        const page = await latestPages.get(version, `${v.locale} ${req.url}`, async () =>
          cachedPage(
            renderPage(
              <AdvisoriesPageWithMain
                v={v}
                heading={req.t('vulndb.title')}
                mainHtml={renderToString(main(await searchAdvisories(db(), parsed.data.filter, parsed.data)))}
              />,
            ),
          ),
        );
        return sendCachedPage(req, reply, page);
      }
      const mainHtml = await latestMains.get(version, `${v.locale} ${req.url}`, async () =>
        renderToString(main(await searchAdvisories(db(), parsed.data.filter, parsed.data))),
      );
      return sendPage(
        reply,
        <AdvisoriesPageWithMain v={v} heading={req.t('vulndb.title')} mainHtml={mainHtml} />,
      );
    }
    const result = await searchAdvisories(db(), parsed.data.filter, parsed.data);
    return sendPage(
      reply,
      <Layout v={v} title={req.t('vulndb.title')} alternates={feedAlternates(v)}>
        {main(result)}
      </Layout>,
    );
  });

  // The main content of advisory pages, rendered once per (advisory, revision, language): rendering a whole
  // advisory costs far more than the rest of the request. Bounded (entries and characters) and keyed by the
  // revision, so a new revision is rendered afresh and the old one ages out. Only the main content is kept:
  // the layout around it (the signed-in viewer, their CSRF token for logging out) is rendered per request, and
  // their page is sent no-store. Anonymous visitors get the whole page from advisoryPages, keyed by the URL
  // path, the public version and the language: a hit costs one read of the one-row public_state, not the
  // document; any publication (a new revision, a new or withdrawn advisory) is a new version, so a new key,
  // served at once, and pages of older versions age out.
  const advisoryMains = new Lru<string>(5_000, 64 * 1024 * 1024, (html) => html.length);
  const advisoryPages = new Lru<CachedPage>(5_000, 128 * 1024 * 1024, (p) => p.body.length);

  app.get<{ Params: { slug: string } }>(
    '/advisories/:slug',
    { schema: { hide: true } },
    async (req, reply) => {
      mayRead(req);
      const anonymous = isAnonymous(req);
      let pageKey = '';
      if (anonymous) {
        const { version } = await readPublicState(db());
        pageKey = `${req.url.split('?')[0]}@${version}@${req.locale}`;
        const hit = advisoryPages.get(pageKey);
        if (hit) return sendCachedPage(req, reply, hit);
      }
      // one query: the document comes with the row (a few KB; a second round trip for it cost more)
      const found = await findAdvisory(db(), req.params.slug);
      if (!found) throw notFound();
      const v = anonymous ? anonymousView(req) : viewContext(req, reply);
      const key = `${found.doc.id}@${found.revision}@${v.locale}`;
      let mainHtml = advisoryMains.get(key);
      if (mainHtml === undefined) {
        // preact-render-to-string escapes every text of the document: the string is safe to inject as is
        mainHtml = renderToString(<AdvisoryMain v={v} doc={found.doc} slug={found.slug} />);
        advisoryMains.set(key, mainHtml);
      }
      if (anonymous) {
        const page = cachedPage(
          renderPage(
            <AdvisoryPageWithMain v={v} id={found.doc.id} title={found.doc.title} mainHtml={mainHtml} />,
          ),
        );
        advisoryPages.set(pageKey, page);
        return sendCachedPage(req, reply, page);
      }
      return sendPage(
        reply,
        <AdvisoryPageWithMain v={v} id={found.doc.id} title={found.doc.title} mainHtml={mainHtml} />,
      );
    },
  );

  async function revisionPage(req: FastifyRequest, reply: FastifyReply, slug: string, revision: number) {
    const found = await findRevision(db(), slug, revision);
    if (!found) throw notFound();
    const entry = found.doc.revisions.find((r) => r.revision === revision);
    return sendPage(
      reply,
      <AdvisoryPage
        v={viewContext(req, reply)}
        doc={found.doc}
        slug={found.current.slug}
        revisionView={{
          revision,
          publishedAt: entry?.publishedAt ?? found.doc.lastUpdatedAt,
          currentRevision: found.current.revision,
        }}
      />,
    );
  }

  app.get<{ Params: { slug: string }; Querystring: { revision?: string } }>(
    '/advisories/:slug/revisions',
    { schema: { hide: true } },
    async (req, reply) => {
      mayRead(req);
      if (req.query.revision !== undefined) {
        const n = positiveInt(req.query.revision);
        if (n === null) throw notFound();
        return revisionPage(req, reply, req.params.slug, n);
      }
      const found = await listRevisions(db(), req.params.slug);
      if (!found) throw notFound();
      return sendPage(
        reply,
        <RevisionsPage
          v={viewContext(req, reply)}
          doc={found.current.doc}
          slug={found.current.slug}
          revisions={found.revisions}
        />,
      );
    },
  );

  app.get<{ Params: { slug: string; n: string } }>(
    '/advisories/:slug/revisions/:n',
    { schema: { hide: true } },
    async (req, reply) => {
      mayRead(req);
      const n = positiveInt(req.params.n);
      if (n === null) throw notFound();
      return revisionPage(req, reply, req.params.slug, n);
    },
  );

  app.get<{ Querystring: { page?: string } }>(
    '/developers',
    { schema: { hide: true } },
    async (req, reply) => {
      mayRead(req);
      const page = req.query.page === undefined ? 1 : positiveInt(req.query.page);
      if (page === null) throw notFound();
      const r = await listDevelopers(db(), { page, perPage: DEVELOPERS_PAGE_SIZE });
      return sendPage(
        reply,
        <DevelopersPage
          v={viewContext(req, reply)}
          items={r.items}
          page={page}
          hasNext={page * DEVELOPERS_PAGE_SIZE < r.total}
        />,
      );
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/developers/:slug',
    { schema: { hide: true } },
    async (req, reply) => {
      mayRead(req);
      const developer = await findDeveloper(db(), req.params.slug);
      if (!developer) throw notFound();
      const v = viewContext(req, reply);
      const action = `/developers/${developer.slug}`;
      const values = typedValues(req.query);
      const heading = <Bi v={v} value={developer.name} fallback={developer.slug} />;
      const headingText = req.locale === 'ja' ? developer.name.ja : developer.name.en || developer.name.ja;
      const parsed = parseListQuery(req.query, req.locale, {
        defaultPerPage: PAGE_SIZE,
        maxPerPage: MAX_PAGE_SIZE,
        perPageParam: false,
      });
      const common = {
        v,
        values,
        heading: req.t('vulndb.developers.advisoriesOf', { name: headingText }),
        action,
        withDeveloper: false,
        intro: (
          <p>
            <a href="/developers">{req.t('vulndb.developers.title')}</a> › {heading}
          </p>
        ),
      };
      if (!parsed.ok) {
        return sendPage(
          reply,
          <AdvisoriesPage {...common} result={null} filter={{}} errors={parsed.errors} />,
          400,
        );
      }
      const filter = { ...parsed.data.filter, developer: developer.slug };
      const result = await searchAdvisories(db(), filter, parsed.data);
      // the pager keeps the visitor's own filters; the developer is in the path already
      return sendPage(
        reply,
        <AdvisoriesPage
          {...common}
          result={result}
          filter={{ ...filter, developer: undefined }}
          errors={undefined}
        />,
      );
    },
  );

  // The sitemap of the current public version: its plan (counts, where each part starts) and each file built
  // once per version and kept (the index and a few parts: a part of 50,000 URLs is ~5 MB), so a crawler
  // walking the parts does not make every request walk the table.
  const sitemapPlans = new VersionCache<Awaited<ReturnType<typeof sitemapPlan>>>(1);
  const sitemapFiles = new VersionCache<string | null>(4);
  app.get<{ Querystring: { part?: string } }>(
    '/sitemap.xml',
    { schema: { hide: true } },
    async (req, reply) => {
      mayRead(req);
      const base = ctx.config.publicUrl;
      const part =
        req.query.part === undefined ? -1 : req.query.part === '0' ? 0 : positiveInt(req.query.part);
      if (part === null) throw notFound();
      const { version } = await readPublicState(db());
      const xml = await sitemapFiles.get(version, String(part), async () => {
        const plan = await sitemapPlans.get(version, 'plan', () => sitemapPlan(db()));
        const parts = plan.starts.length;
        const advisories = async (p: number): Promise<SitemapUrl[]> => {
          const from = plan.starts[p - 1];
          if (!from) return [];
          return (await sitemapAdvisories(db(), { from, limit: SITEMAP_MAX })).map((a) => ({
            loc: `${base}/advisories/${a.slug}`,
            lastmod: a.lastUpdatedAt,
          }));
        };
        const developers = async (): Promise<SitemapUrl[]> => [
          { loc: `${base}/advisories` },
          { loc: `${base}/developers` },
          ...(await sitemapDevelopers(db())).map((d) => ({
            loc: `${base}/developers/${d.slug}`,
            lastmod: d.updatedAt,
          })),
        ];
        if (part === -1) {
          if (plan.advisories + plan.developers + 2 <= SITEMAP_MAX) {
            return urlsetXml([...(await developers()), ...(await advisories(1))]);
          }
          // too many URLs for one file: an index of parts (0: the developers, 1…: advisories)
          return sitemapIndexXml(
            Array.from({ length: parts + 1 }, (_, p) => `${base}/sitemap.xml?part=${p}`),
          );
        }
        if (part > parts) return null;
        return urlsetXml(part === 0 ? await developers() : await advisories(part));
      });
      if (xml === null) throw notFound();
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(xml);
    },
  );

  // --- JSON API -------------------------------------------------------------------------------------------

  /** Serialized latest-advisories pages of the API, per public version. */
  const latestLists = new VersionCache<{ etag: string; json: Buffer }>(16);

  app.get(
    '/api/v1/advisories',
    {
      schema: {
        tags: ['public-advisories'],
        summary: 'Search published advisories / 脆弱性対策情報の検索',
        description:
          'The latest published advisories, or those matching the search and filters, newest first. No authentication. Cache-Control: public, max-age=300; send If-None-Match with the ETag for a 304.',
        querystring: listQuery,
        response: { 200: advisoryList, ...errors },
      },
    },
    async (req, reply) => {
      mayRead(req);
      reply.header('access-control-allow-origin', '*');
      const parsed = parseListQuery(req.query, req.locale, {
        defaultPerPage: API_PAGE_SIZE,
        maxPerPage: MAX_PAGE_SIZE,
        perPageParam: true,
      });
      if (!parsed.ok) throw new AppError('validation', 'errors.validation', parsed.errors);
      const { filter, page, perPage } = parsed.data;
      const build = async () => {
        const result = await searchAdvisories(db(), filter, { page, perPage });
        const base = `${ctx.config.publicUrl}/api/v1/advisories`;
        const link = (p: number) => {
          const params = filterParams(filter);
          if (p > 1) params.set('page', String(p));
          if (perPage !== API_PAGE_SIZE) params.set('per_page', String(perPage));
          const s = params.toString();
          return s ? `${base}?${s}` : base;
        };
        const body = {
          items: result.items.map((a) => summaryJson(a, ctx.config.publicUrl)),
          page,
          perPage,
          total: result.total,
          totalCapped: result.totalCapped,
          links: {
            self: link(page),
            first: link(1),
            prev: page > 1 ? link(page - 1) : null,
            next: page * perPage < result.total ? link(page + 1) : null,
          },
        };
        // the page's ids, revisions and names and the parameters identify the answer: hashing them is cheap
        const etag = strongEtag([
          'list-v1',
          link(page),
          result.total,
          String(result.totalCapped),
          ...result.items.map(
            (a) =>
              `${a.id}@${a.revision}:${a.developers.map((d) => `${d.slug}=${d.name.ja}/${d.name.en}`).join(';')}`,
          ),
        ]);
        return { etag, body };
      };
      if (isUnfiltered(filter)) {
        // the latest advisories: built and serialized (as the response schema would) once per public version
        const { version } = await readPublicState(db());
        const latest = await latestLists.get(version, `${page}/${perPage}`, async () => {
          const { etag, body } = await build();
          // as UTF-8 bytes: encoded once, not for every request (a list of 50 is ~25 KB)
          return { etag, json: Buffer.from(JSON.stringify(advisoryList.parse(body)), 'utf8') };
        });
        if (conditional(req, reply, latest.etag)) return reply.code(304).send(undefined as never);
        return reply.header('content-type', 'application/json; charset=utf-8').send(latest.json as never);
      }
      const { etag, body } = await build();
      if (conditional(req, reply, etag)) return reply.code(304).send(undefined as never);
      return body;
    },
  );

  // The JSON of each advisory revision, serialized once (checked against the response schema, as the
  // serializer does) as UTF-8 bytes: bounded like the pages. And whole answers per (id or slug as asked, public
  // version), the same bytes with their ETag: a hit costs one read of the one-row public_state, not the document
  // (which the ETag's revision would otherwise be read for); any publication is a new version, so a new key,
  // and the revision's bytes are found again without serializing.
  const advisoryJson = new Lru<Buffer>(5_000, 64 * 1024 * 1024, (json) => json.length);
  type Answer = { body: Buffer; etag: string; lastModified: Date };
  const advisoryAnswers = new Lru<Answer>(5_000, 64 * 1024 * 1024, (a) => a.body.length);

  app.get(
    '/api/v1/advisories/:id',
    {
      schema: {
        tags: ['public-advisories'],
        summary: 'One published advisory / 脆弱性対策情報',
        description:
          'The advisory as published at its current revision, by slug (JVN12345678) or id (JVN%2312345678). No authentication. ETag and Last-Modified for conditional requests.',
        params: idParams,
        response: { 200: advisoryDocument, ...errors },
      },
    },
    async (req, reply) => {
      mayRead(req);
      reply.header('access-control-allow-origin', '*');
      const { version } = await readPublicState(db());
      const answerKey = `${req.params.id}@${version}`;
      let answer = advisoryAnswers.get(answerKey);
      if (!answer) {
        const found = await findAdvisory(db(), req.params.id);
        if (!found) throw notFound();
        const key = `${found.doc.id}@${found.revision}`;
        let json = advisoryJson.get(key);
        if (json === undefined) {
          // what the response schema's serializer would send (it checks the shape, and drops unknown keys)
          json = Buffer.from(JSON.stringify(advisoryDocument.parse(found.doc)), 'utf8');
          advisoryJson.set(key, json);
        }
        answer = {
          body: json,
          // a published revision never changes, so the id and revision identify the document
          etag: strongEtag(['advisory-v1', found.doc.id, found.revision]),
          lastModified: found.lastUpdatedAt,
        };
        advisoryAnswers.set(answerKey, answer);
      }
      if (conditional(req, reply, answer.etag, answer.lastModified))
        return reply.code(304).send(undefined as never);
      // bytes with a JSON content type are sent as they are (the serializer runs on objects only)
      return reply.header('content-type', 'application/json; charset=utf-8').send(answer.body as never);
    },
  );
};
