// The CSAF trusted provider (/.well-known/csaf/, CSAF 2.0 §7): provider-metadata.json, the public OpenPGP key, the
// TLP:WHITE folder with its year folders and directory listings, index.txt, changes.csv, the ROLIE feed, each
// document (the latest revision's stored bytes) with its .sha256, .sha512 and .asc; /advisories/:slug/csaf.json
// (a redirect to the signed document, or the English rendition with ?lang=en); and /.well-known/security.txt with
// its CSAF: line. Public (publication.read, which everyone holds) and read only through publicDb: the public tables
// hold published advisories only, so nothing under embargo can appear (ARCHITECTURE.md invariant 2).
//
// Every answer has an ETag and Cache-Control; the lists key on the public data's version (public_state, one
// primary-key read, raised by every write of the public tables — the publish step stores the CSAF document in the
// same transaction) and are kept in memory for that version only (a few entries at most), so 250,000 documents
// are not re-read, and a 304 reads nothing else, per request.
// Names are checked against the only shapes that exist (a four-digit year, the §5.1 file name, a 40-digit
// fingerprint) before any query: anything else, path traversal included, is a 404.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import {
  CSAF_WHITE_PATH,
  csafEnglishAvailable,
  csafEnglishUrl,
  csafJson,
  toCsaf,
} from '../../exports/csaf.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { App, Feature } from '../../platform/http/server.js';
import { renderPage } from '../../platform/views/render.js';
import { ifNoneMatch } from '../vulndb/http-cache.js';
import { type PublicDatabase, publicDb } from '../vulndb/public-db.js';
import { readPublicState, VersionCache } from '../vulndb/public-state.js';
import { csafSigningKey } from './signing-key.js';
import { csafProviderOf } from './store-csaf.js';

export const PROVIDER_METADATA_PATH = '/.well-known/csaf/provider-metadata.json';
export const ROLIE_FEED_FILE = 'feed-tlp-white.json';
const CSAF_SCHEMA = 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json';
const LIST_CACHE = 'public, max-age=60';
const FILE_CACHE = 'public, max-age=300';
const KEY_CACHE = 'public, max-age=3600';

const YEAR = /^[0-9]{4}$/;
const FILE = /^([+a-z0-9_-]+\.json)(\.sha256|\.sha512|\.asc)?$/;
const KEY_FILE = /^([0-9A-F]{40})\.asc$/;
const SLUG = /^[A-Za-z0-9._-]{3,100}$/;

type Bi = { ja: string; en: string };
const MESSAGES = {
  noEnglish: {
    ja: 'この脆弱性対策情報には英語版がありません。日本語の CSAF 文書をご利用ください。',
    en: 'This advisory has no English text; use the Japanese CSAF document.',
  },
} satisfies Record<string, Bi>;

/** Sets ETag and Cache-Control; true (and a 304 sent) when the client already has this version. */
function notModified(req: FastifyRequest, reply: FastifyReply, etag: string, cache: string): boolean {
  reply.header('etag', etag).header('cache-control', cache);
  if (ifNoneMatch(req.headers['if-none-match'], etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

const quoted = (s: string) => `"${s}"`;
const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

type FileEntry = {
  advisoryId: string;
  year: number;
  filename: string;
  title: string;
  publishedAt: Date;
  releasedAt: Date;
};

/** The latest revision of every file, newest release first. */
async function latestFiles(db: PublicDatabase, year?: number): Promise<FileEntry[]> {
  let q = db
    .selectFrom('public_csaf_documents as c')
    .innerJoin('public_advisories as a', 'a.id', 'c.advisory_id')
    .distinctOn(['c.year', 'c.filename'])
    .select(['c.advisory_id', 'c.year', 'c.filename', 'c.released_at', 'a.title_ja', 'a.first_published_at'])
    .orderBy('c.year')
    .orderBy('c.filename')
    .orderBy('c.revision', 'desc');
  if (year !== undefined) q = q.where('c.year', '=', year);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      advisoryId: r.advisory_id,
      year: r.year,
      filename: r.filename,
      title: r.title_ja.trim(),
      publishedAt: new Date(r.first_published_at),
      releasedAt: new Date(r.released_at),
    }))
    .sort((a, b) => b.releasedAt.getTime() - a.releasedAt.getTime() || a.filename.localeCompare(b.filename));
}

function newestRelease(files: readonly FileEntry[]): Date | null {
  let newest: Date | null = null;
  for (const f of files) if (!newest || f.releasedAt > newest) newest = f.releasedAt;
  return newest;
}

/** The newest release of all documents: one step down public_csaf_documents_released_idx. */
async function newestReleaseOf(db: PublicDatabase): Promise<Date | null> {
  const row = await db
    .selectFrom('public_csaf_documents')
    .select('released_at')
    .orderBy('released_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.released_at) : null;
}

async function latestDocument(db: PublicDatabase, year: number, filename: string) {
  return db
    .selectFrom('public_csaf_documents')
    .select(['body', 'sha256', 'sha512', 'signature_asc'])
    .where('year', '=', year)
    .where('filename', '=', filename)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function Listing({ path, entries }: { path: string; entries: string[] }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{path}</title>
      </head>
      <body>
        <main>
          <h1>{path}</h1>
          <ul>
            {entries.map((e) => (
              <li key={e}>
                {/* a paragraph's margins keep the links 24 px apart (WCAG 2.2 target size) without a stylesheet */}
                <p>
                  <a href={e}>{e}</a>
                </p>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}

/** security.txt (RFC 9116) of this site: the reception's contact and key, and the CSAF provider (CSAF §7.1.8). */
export function securityTxt(ctx: AppContext, now: Date): string {
  const base = ctx.config.publicUrl;
  // a year ahead at most (RFC 9116 §2.5.5): 180 days from today, fixed for the day so the file is cacheable
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const expires = new Date(day.getTime() + 180 * 86_400_000).toISOString().replace('.000Z', 'Z');
  return [
    `# ${ctx.config.orgName.ja} / ${ctx.config.orgName.en}`,
    `Contact: ${base}/reports/new`,
    `Expires: ${expires}`,
    `Encryption: ${base}/.well-known/keikai-reception.asc`,
    'Preferred-Languages: ja, en',
    `Canonical: ${base}/.well-known/security.txt`,
    `CSAF: ${base}${PROVIDER_METADATA_PATH}`,
    '',
  ].join('\n');
}

export const csafProviderRoutes: Feature = (app: App, ctx: AppContext) => {
  const db = publicDb(ctx.db);
  const base = ctx.config.publicUrl;
  const provider = csafProviderOf(ctx.config);
  const whiteUrl = `${base}${CSAF_WHITE_PATH}`;
  const hide = { schema: { hide: true } };

  /** Lists built from every file, rebuilt only when the public data changed (the current version's only). */
  const lists = new VersionCache<string>(4);
  async function fromFolder(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: string,
    contentType: string,
    build: (files: FileEntry[], newest: Date | null) => Promise<string> | string,
  ) {
    const { version } = await readPublicState(db);
    const etag = quoted(`${kind}-v${version}`);
    if (notModified(req, reply, etag, LIST_CACHE)) return reply;
    const body = await lists.get(version, kind, async () => {
      const files = await latestFiles(db);
      return build(files, newestRelease(files));
    });
    return reply.header('content-type', contentType).send(body);
  }

  /** provider-metadata.json of the current version (its last_updated is the newest release). */
  const metadataBodies = new VersionCache<string>(2);

  app.get(PROVIDER_METADATA_PATH, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    const key = await csafSigningKey(ctx.config);
    const { version } = await readPublicState(db);
    const etag = quoted(`pm-${key.fingerprint}-v${version}`);
    if (notModified(req, reply, etag, LIST_CACHE)) return reply;
    const body = await metadataBodies.get(version, key.fingerprint, async () => {
      const newest = await newestReleaseOf(db);
      const metadata = {
        canonical_url: `${base}${PROVIDER_METADATA_PATH}`,
        distributions: [
          {
            directory_url: `${whiteUrl}/`,
            rolie: {
              feeds: [
                {
                  summary: `All TLP:WHITE advisories of ${provider.name}.`,
                  tlp_label: 'WHITE',
                  url: `${whiteUrl}/${ROLIE_FEED_FILE}`,
                },
              ],
            },
          },
        ],
        last_updated: (newest ?? key.createdAt).toISOString(),
        list_on_CSAF_aggregators: true,
        metadata_version: '2.0',
        mirror_on_CSAF_aggregators: true,
        public_openpgp_keys: [
          { fingerprint: key.fingerprint, url: `${base}/.well-known/csaf/openpgp/${key.fingerprint}.asc` },
        ],
        publisher: { category: 'coordinator', name: provider.name, namespace: provider.namespace },
        role: 'csaf_trusted_provider',
      };
      return `${JSON.stringify(metadata, null, 2)}\n`;
    });
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });

  app.get('/.well-known/csaf/openpgp/:file', hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    const { file } = req.params as { file: string };
    const key = await csafSigningKey(ctx.config);
    if (KEY_FILE.exec(file)?.[1] !== key.fingerprint) throw notFound();
    if (notModified(req, reply, quoted(key.fingerprint), KEY_CACHE)) return reply;
    return reply.header('content-type', 'application/pgp-keys').send(key.publicKeyArmored);
  });

  app.get(`${CSAF_WHITE_PATH}/`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    return fromFolder(req, reply, 'white', 'text/html; charset=utf-8', (files) => {
      const years = [...new Set(files.map((f) => f.year))].sort((a, b) => b - a).map((y) => `${y}/`);
      return renderPage(
        <Listing
          path={`${CSAF_WHITE_PATH}/`}
          entries={['../', ...years, 'changes.csv', ROLIE_FEED_FILE, 'index.txt']}
        />,
      );
    });
  });

  app.get(`${CSAF_WHITE_PATH}/index.txt`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    return fromFolder(req, reply, 'index', 'text/plain; charset=utf-8', (files) =>
      files.map((f) => `${f.year}/${f.filename}\n`).join(''),
    );
  });

  app.get(`${CSAF_WHITE_PATH}/changes.csv`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    return fromFolder(req, reply, 'changes', 'text/csv; charset=utf-8', (files) =>
      files.map((f) => `"${f.year}/${f.filename}","${f.releasedAt.toISOString()}"\n`).join(''),
    );
  });

  app.get(`${CSAF_WHITE_PATH}/${ROLIE_FEED_FILE}`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    return fromFolder(req, reply, 'rolie', 'application/json; charset=utf-8', async (files, newest) => {
      const key = await csafSigningKey(ctx.config);
      const feed = {
        feed: {
          id: 'csaf-feed-tlp-white',
          title: `${provider.name} CSAF feed (TLP:WHITE)`,
          link: [{ rel: 'self', href: `${whiteUrl}/${ROLIE_FEED_FILE}` }],
          category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
          updated: (newest ?? key.createdAt).toISOString(),
          entry: files.map((f) => {
            const url = `${whiteUrl}/${f.year}/${f.filename}`;
            return {
              id: f.advisoryId,
              title: f.title,
              link: [
                { rel: 'self', href: url },
                { rel: 'hash', href: `${url}.sha256` },
                { rel: 'hash', href: `${url}.sha512` },
                { rel: 'signature', href: `${url}.asc` },
              ],
              published: f.publishedAt.toISOString(),
              updated: f.releasedAt.toISOString(),
              content: { type: 'application/json', src: url },
              format: { schema: CSAF_SCHEMA, version: '2.0' },
            };
          }),
        },
      };
      return `${JSON.stringify(feed, null, 2)}\n`;
    });
  });

  // a year folder without its slash: to the folder
  app.get(`${CSAF_WHITE_PATH}/:year`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    const { year } = req.params as { year: string };
    if (!YEAR.test(year)) throw notFound();
    return reply.header('cache-control', LIST_CACHE).redirect(`${CSAF_WHITE_PATH}/${year}/`, 301);
  });

  /** Year listings of the current version: ~20,000 files (80,000 links) a year at 250,000 documents. */
  const yearListings = new VersionCache<string | null>(4);

  app.get(`${CSAF_WHITE_PATH}/:year/`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    const { year } = req.params as { year: string };
    if (!YEAR.test(year)) throw notFound();
    const { version } = await readPublicState(db);
    // a client holds this tag only if the year had files at this version, and still has them
    if (notModified(req, reply, quoted(`y${year}-v${version}`), LIST_CACHE)) return reply;
    const body = await yearListings.get(version, year, async () => {
      const files = await latestFiles(db, Number(year));
      if (files.length === 0) return null;
      const names = files.map((f) => f.filename).sort();
      const entries = ['../', ...names.flatMap((n) => [n, `${n}.asc`, `${n}.sha256`, `${n}.sha512`])];
      return renderPage(<Listing path={`${CSAF_WHITE_PATH}/${year}/`} entries={entries} />);
    });
    if (body === null) {
      reply.removeHeader('etag').removeHeader('cache-control');
      throw notFound();
    }
    return reply.header('content-type', 'text/html; charset=utf-8').send(body);
  });

  app.get(`${CSAF_WHITE_PATH}/:year/:file`, hide, async (req, reply) => {
    authorize(req.actor, 'publication.read');
    const { year, file } = req.params as { year: string; file: string };
    const m = FILE.exec(file);
    if (!YEAR.test(year) || !m) throw notFound();
    const filename = m[1]!;
    const suffix = m[2] ?? '';
    const doc = await latestDocument(db, Number(year), filename);
    if (!doc) throw notFound();
    if (notModified(req, reply, quoted(`${doc.sha256.slice(0, 32)}${suffix}`), FILE_CACHE)) return reply;
    switch (suffix) {
      case '.sha256':
        return reply.header('content-type', 'text/plain; charset=utf-8').send(`${doc.sha256}  ${filename}\n`);
      case '.sha512':
        return reply.header('content-type', 'text/plain; charset=utf-8').send(`${doc.sha512}  ${filename}\n`);
      case '.asc':
        return reply.header('content-type', 'application/pgp-signature').send(doc.signature_asc);
      default:
        return reply.header('content-type', 'application/json; charset=utf-8').send(doc.body);
    }
  });

  app.get(
    '/advisories/:slug/csaf.json',
    { schema: { hide: true, querystring: z.object({ lang: z.enum(['ja', 'en']).optional() }) } },
    async (req, reply) => {
      authorize(req.actor, 'publication.read');
      const { slug } = req.params as { slug: string };
      if (!SLUG.test(slug)) throw notFound();
      const advisory = await db
        .selectFrom('public_advisories')
        .select(['id', 'revision', 'document'])
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (!advisory) throw notFound();
      const lang = req.query.lang ?? 'ja';
      if (lang === 'ja') {
        const stored = await db
          .selectFrom('public_csaf_documents')
          .select(['year', 'filename', 'sha256'])
          .where('advisory_id', '=', advisory.id)
          .orderBy('revision', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (stored) {
          reply.header('etag', quoted(`r-${stored.sha256.slice(0, 32)}`)).header('cache-control', FILE_CACHE);
          return reply.redirect(`${CSAF_WHITE_PATH}/${stored.year}/${stored.filename}`, 302);
        }
      }
      // the English rendition, or (an advisory published without a stored document) the Japanese one, unsigned
      const doc = advisory.document as AdvisoryDocument;
      if (lang === 'en' && !csafEnglishAvailable(doc)) {
        return reply
          .code(404)
          .header('cache-control', FILE_CACHE)
          .send({
            error: 'no_english',
            message: MESSAGES.noEnglish,
            japanese: `${base}/advisories/${slug}/csaf.json`,
          });
      }
      const body = csafJson(toCsaf(doc, provider, { lang }));
      if (notModified(req, reply, quoted(`${lang}-${digest(body)}`), FILE_CACHE)) return reply;
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-location', lang === 'en' ? csafEnglishUrl(base, doc.id) : req.url)
        .send(body);
    },
  );

  app.get('/.well-known/security.txt', hide, async (req, reply) => {
    const body = securityTxt(ctx, ctx.clock.now());
    if (notModified(req, reply, quoted(digest(body)), KEY_CACHE)) return reply;
    return reply.header('content-type', 'text/plain; charset=utf-8').send(body);
  });
};
