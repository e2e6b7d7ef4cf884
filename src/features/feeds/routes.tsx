// Feeds and per-advisory exports: JVNRSS 3.2 (RSS 1.0 with sec:), Atom 1.0, CVE JSON 5 and OSV. Public (the
// policy's publication.read, which everyone holds) and read only through publicDb — the public tables hold
// published advisories only, so nothing under embargo can appear here (ARCHITECTURE.md invariant 2).
//
// Feeds: the 50 most recently updated advisories, `?lang=ja|en` (default ja; anything else is 400), with an ETag
// from the public data's version (public_state: one primary-key read, raised by every write of the public
// tables) and the language; `Cache-Control: public, max-age=300`; 304 for a matching If-None-Match (answered
// before any advisory is read).
// Advisories without English text appear in the English feed in Japanese; samples are flagged in the title.
// Exports: /advisories/:slug/cve/:cveId.json (404 unless the advisory has that CVE; 422 naming the fields when
// English is missing) and /advisories/:slug/osv.json — always a JSON array of OSV records, one per vulnerability
// (404 with the reason when no product is a package of an OSV ecosystem).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import { toAtom } from '../../exports/atom.js';
import type { FeedLang } from '../../exports/common.js';
import { MissingEnglishError, toCve5 } from '../../exports/cve5.js';
import { toJvnRss } from '../../exports/jvnrss.js';
import { isOsvApplicable, toOsv } from '../../exports/osv.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Feature } from '../../platform/http/server.js';
import { ifNoneMatch } from '../vulndb/http-cache.js';
import { type PublicDatabase, publicDb } from '../vulndb/public-db.js';
import { readPublicState, VersionCache } from '../vulndb/public-state.js';

export const FEED_SIZE = 50;
export const JVNRSS_PATH = '/feeds/jvnrss.rdf';
export const ATOM_PATH = '/feeds/atom.xml';
const CACHE = 'public, max-age=300';
const SLUG = /^[A-Za-z0-9._-]{3,100}$/;
const CVE_ID = /^CVE-[0-9]{4}-[0-9]{4,19}$/;

type Bi = { ja: string; en: string };
const MESSAGES = {
  badLang: {
    ja: 'lang には ja か en を指定してください',
    en: 'lang must be ja or en',
  },
  noAdvisory: { ja: 'その脆弱性対策情報はありません', en: 'There is no such advisory' },
  noCve: {
    ja: 'この脆弱性対策情報にはその CVE 番号の脆弱性がありません',
    en: 'This advisory has no vulnerability with that CVE ID',
  },
  notOsv: {
    ja: 'この脆弱性対策情報には OSV のエコシステム（npm, PyPI, Maven など）のパッケージがないため、OSV 形式では提供していません',
    en: 'This advisory names no package of an OSV ecosystem (npm, PyPI, Maven …), so it has no OSV export',
  },
} satisfies Record<string, Bi>;

const titles = (org: Bi): Record<FeedLang, { title: string; description: string }> => ({
  ja: { title: `${org.ja} 脆弱性対策情報`, description: `${org.ja}が公表した脆弱性対策情報の新着・更新` },
  en: {
    title: `${org.en} — vulnerability advisories`,
    description: `Advisories published or updated by ${org.en}`,
  },
});

function problem(reply: FastifyReply, status: number, error: string, message: Bi, extra: object = {}) {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ error, message, ...extra });
}

function feedLang(req: FastifyRequest): FeedLang | null {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  if (lang === undefined) return 'ja';
  return lang === 'ja' || lang === 'en' ? lang : null;
}

async function latest(db: PublicDatabase): Promise<AdvisoryDocument[]> {
  const rows = await db
    .selectFrom('public_advisories')
    .select('document')
    .orderBy('last_updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(FEED_SIZE)
    .execute();
  return rows.map((r) => r.document as AdvisoryDocument);
}

async function sendFeed(
  ctx: AppContext,
  rendered: VersionCache<string>,
  req: FastifyRequest,
  reply: FastifyReply,
  contentType: string,
  kind: string,
  render: (docs: AdvisoryDocument[], lang: FeedLang, modified: string) => string,
) {
  authorize(req.actor, 'publication.read');
  const lang = feedLang(req);
  if (!lang) return problem(reply, 400, 'bad_lang', MESSAGES.badLang);
  const db = publicDb(ctx.db);
  const { version } = await readPublicState(db);
  const etag = `W/"${kind}-${lang}-v${version}"`;
  reply.header('etag', etag).header('cache-control', CACHE).header('vary', 'Accept-Encoding');
  if (ifNoneMatch(req.headers['if-none-match'], etag)) return reply.code(304).send();
  const body = await rendered.get(version, `${kind}-${lang}`, async () => {
    const docs = await latest(db);
    // the newest update of all is the newest of these (latest orders by it)
    const newest = Math.max(0, ...docs.map((d) => Date.parse(d.lastUpdatedAt)));
    return render(docs, lang, new Date(newest).toISOString());
  });
  return reply.header('content-type', contentType).send(body);
}

async function findDocument(ctx: AppContext, slug: string): Promise<AdvisoryDocument | null> {
  if (!SLUG.test(slug)) return null;
  const row = await publicDb(ctx.db)
    .selectFrom('public_advisories')
    .select('document')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? (row.document as AdvisoryDocument) : null;
}

export const feedsRoutes: Feature = (app, ctx) => {
  const base = ctx.config.publicUrl;
  const names = titles(ctx.config.orgName);
  // Rendered feeds of the current public version (which changes whenever an advisory is published, updated or
  // imported): a 50-item JVNRSS takes ~17 ms to build, so this app builds it once per change, not per request.
  const rendered = new VersionCache<string>(4);

  app.get(JVNRSS_PATH, { schema: { hide: true } }, (req, reply) =>
    sendFeed(
      ctx,
      rendered,
      req,
      reply,
      'application/rdf+xml; charset=utf-8',
      'jvnrss',
      (docs, lang, modified) =>
        toJvnRss(docs, {
          ...names[lang],
          link: `${base}/advisories`,
          about: `${base}${JVNRSS_PATH}?lang=${lang}`,
          lang,
          modified,
          publicUrl: base,
        }),
    ),
  );

  app.get(ATOM_PATH, { schema: { hide: true } }, (req, reply) =>
    sendFeed(
      ctx,
      rendered,
      req,
      reply,
      'application/atom+xml; charset=utf-8',
      'atom',
      (docs, lang, updated) =>
        toAtom(docs, {
          ...names[lang],
          self: `${base}${ATOM_PATH}?lang=${lang}`,
          link: `${base}/advisories`,
          lang,
          updated,
          author: ctx.config.orgName[lang] || ctx.config.orgName.ja,
          publicUrl: base,
        }),
    ),
  );

  app.get<{ Params: { slug: string; cveId: string } }>(
    '/advisories/:slug/cve/:cveId.json',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'publication.read');
      const doc = await findDocument(ctx, req.params.slug);
      if (!doc) return problem(reply, 404, 'not_found', MESSAGES.noAdvisory);
      const cveId = req.params.cveId;
      if (!CVE_ID.test(cveId) || !doc.vulnerabilities.some((v) => v.cveId === cveId)) {
        return problem(reply, 404, 'not_found', MESSAGES.noCve);
      }
      try {
        const record = toCve5(doc, cveId, ctx.config.publication.cveAssigner, base);
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('cache-control', CACHE)
          .send(JSON.stringify(record, null, 2));
      } catch (e) {
        if (e instanceof MissingEnglishError) {
          return problem(reply, 422, 'english_required', e.messages, { fields: e.fields });
        }
        throw e;
      }
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/advisories/:slug/osv.json',
    { schema: { hide: true } },
    async (req, reply) => {
      authorize(req.actor, 'publication.read');
      const doc = await findDocument(ctx, req.params.slug);
      if (!doc) return problem(reply, 404, 'not_found', MESSAGES.noAdvisory);
      if (!isOsvApplicable(doc)) return problem(reply, 404, 'not_applicable', MESSAGES.notOsv);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', CACHE)
        .send(JSON.stringify(toOsv(doc, base), null, 2));
    },
  );
};
