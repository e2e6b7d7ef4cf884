import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import { parseSecurityTxt } from '../../domain/security-txt.js';
import { csafFilename } from '../../exports/csaf.js';
import { validateCsaf } from '../../exports/csaf-validate.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { writePublicAdvisories } from '../publication/public-writer.js';
import { storeCsafDocument, warmCsafStore } from './store-csaf.js';
import {
  fixedVersionsAdvisory,
  importedAdvisory,
  minimalAdvisory,
  notAffectedAdvisory,
  richAdvisory,
} from './testing.js';

const BASE = 'https://keikai.example.jp';
const WHITE = '/.well-known/csaf/white';

let t: TestApp;

async function publish(docs: AdvisoryDocument[], opts: { csaf?: boolean } = {}) {
  await t.ctx.db.transaction().execute(async (trx) => {
    await writePublicAdvisories(
      trx,
      docs.map((doc) => ({ doc, origin: doc.source ? ('import' as const) : ('keikai' as const) })),
    );
    if (opts.csaf !== false) for (const doc of docs) await storeCsafDocument(trx, t.ctx, doc);
  });
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** The second revision of the minimal advisory (a correction). */
function minimalRevision2(): AdvisoryDocument {
  const doc = minimalAdvisory();
  return {
    ...doc,
    revision: 2,
    lastUpdatedAt: '2026-04-01T00:00:00.000Z',
    revisions: [
      ...doc.revisions,
      { revision: 2, publishedAt: '2026-04-01T00:00:00.000Z', note: { ja: '対策を追記', en: 'Added a fix' } },
    ],
  };
}

const published = () => [richAdvisory(), minimalRevision2(), fixedVersionsAdvisory(), notAffectedAdvisory()];
const pathOf = (doc: AdvisoryDocument) =>
  `${new Date(doc.firstPublishedAt).getUTCFullYear()}/${csafFilename(doc.id)}`;

describe('CSAF trusted provider', () => {
  before(async () => {
    t = await startTestApp({
      env: {
        PUBLIC_URL: BASE,
        KEIKAI_CSAF_PUBLISHER_NAME: 'keikai test desk',
        KEIKAI_CSAF_PUBLISHER_NAMESPACE: 'https://csirt.example.jp',
      },
      now: '2026-05-01T00:00:00.000Z',
    });
  });
  after(() => t.close());

  describe('before anything is published', () => {
    it('lists nothing and serves nothing', async () => {
      assert.equal((await get(`${WHITE}/index.txt`)).body, '');
      assert.equal((await get(`${WHITE}/changes.csv`)).body, '');
      assert.deepEqual((await get(`${WHITE}/feed-tlp-white.json`)).json().feed.entry, []);
      assert.equal((await get(`${WHITE}/2026/jvn_10000001.json`)).statusCode, 404);
      assert.equal((await get('/advisories/JVN10000001/csaf.json')).statusCode, 404);
      assert.equal((await get(`${WHITE}/2026/`)).statusCode, 404);
    });
  });

  describe('after publication', () => {
    before(async () => {
      // the first revision of the minimal advisory, then the rest with its correction; the imported one
      // without a stored document
      await publish([minimalAdvisory()]);
      await publish(published());
      await publish([importedAdvisory()], { csaf: false });
    });

    it('serves each document as stored, with matching hashes and a signature the published key verifies', async () => {
      const metadata = (await get('/.well-known/csaf/provider-metadata.json')).json();
      const keyUrl = new URL(metadata.public_openpgp_keys[0].url);
      const keyResponse = await get(keyUrl.pathname);
      assert.equal(keyResponse.statusCode, 200);
      const publicKey = await openpgp.readKey({ armoredKey: keyResponse.body });
      assert.equal(publicKey.getFingerprint().toUpperCase(), metadata.public_openpgp_keys[0].fingerprint);

      for (const doc of published()) {
        const path = `${WHITE}/${pathOf(doc)}`;
        const file = await get(path);
        assert.equal(file.statusCode, 200, path);
        assert.match(String(file.headers['content-type']), /^application\/json/);
        const bytes = file.rawPayload;
        const stored = await t.ctx.db
          .selectFrom('public_csaf_documents')
          .select('body')
          .where('advisory_id', '=', doc.id)
          .orderBy('revision', 'desc')
          .executeTakeFirstOrThrow();
        assert.equal(bytes.toString('utf8'), stored.body, 'the stored bytes exactly');
        const csaf = JSON.parse(bytes.toString('utf8'));
        assert.deepEqual((await validateCsaf(csaf)).errors, []);
        assert.equal(csaf.document.tracking.version, String(doc.revision), 'the latest revision');

        const filename = csafFilename(doc.id);
        for (const alg of ['sha256', 'sha512'] as const) {
          const hash = await get(`${path}.${alg}`);
          assert.equal(hash.statusCode, 200);
          assert.equal(hash.body, `${createHash(alg).update(bytes).digest('hex')}  ${filename}\n`);
        }
        const asc = await get(`${path}.asc`);
        assert.equal(asc.statusCode, 200);
        const verification = await openpgp.verify({
          message: await openpgp.createMessage({ binary: new Uint8Array(bytes) }),
          signature: await openpgp.readSignature({ armoredSignature: asc.body }),
          verificationKeys: publicKey,
        });
        await verification.signatures[0]!.verified; // throws when the signature does not verify
      }
    });

    it('lists exactly the published files, once each, in index.txt, changes.csv (newest first) and the ROLIE feed', async () => {
      const expected = published()
        .sort(
          (a, b) =>
            b.lastUpdatedAt.localeCompare(a.lastUpdatedAt) ||
            csafFilename(a.id).localeCompare(csafFilename(b.id)),
        )
        .map((d) => ({ path: pathOf(d), updated: new Date(d.lastUpdatedAt).toISOString(), doc: d }));

      const index = (await get(`${WHITE}/index.txt`)).body;
      assert.deepEqual(index.trimEnd().split('\n').sort(), expected.map((e) => e.path).sort());

      const changes = (await get(`${WHITE}/changes.csv`)).body;
      assert.deepEqual(
        changes.trimEnd().split('\n'),
        expected.map((e) => `"${e.path}","${e.updated}"`),
      );

      const feedResponse = await get(`${WHITE}/feed-tlp-white.json`);
      assert.match(String(feedResponse.headers['content-type']), /^application\/json/);
      const { feed } = feedResponse.json();
      assert.equal(feed.id, 'csaf-feed-tlp-white');
      assert.ok(feed.title.length > 0);
      assert.deepEqual(feed.link, [{ rel: 'self', href: `${BASE}${WHITE}/feed-tlp-white.json` }]);
      assert.deepEqual(feed.category, [
        { scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' },
      ]);
      assert.equal(feed.updated, expected[0]!.updated);
      assert.deepEqual(
        feed.entry.map((e: { id: string }) => e.id),
        expected.map((e) => e.doc.id),
      );
      const first = feed.entry[0];
      const url = `${BASE}${WHITE}/${expected[0]!.path}`;
      assert.deepEqual(first.link, [
        { rel: 'self', href: url },
        { rel: 'hash', href: `${url}.sha256` },
        { rel: 'hash', href: `${url}.sha512` },
        { rel: 'signature', href: `${url}.asc` },
      ]);
      assert.equal(first.title, expected[0]!.doc.title.ja);
      assert.equal(first.published, expected[0]!.doc.firstPublishedAt);
      assert.equal(first.updated, expected[0]!.updated);
      assert.deepEqual(first.content, { type: 'application/json', src: url });
      assert.deepEqual(first.format, {
        schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json',
        version: '2.0',
      });
      for (const e of feed.entry) assert.equal((await get(new URL(e.content.src).pathname)).statusCode, 200);
    });

    it('describes the provider in provider-metadata.json', async () => {
      const res = await get('/.well-known/csaf/provider-metadata.json');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const m = res.json();
      assert.deepEqual(Object.keys(m).sort(), [
        'canonical_url',
        'distributions',
        'last_updated',
        'list_on_CSAF_aggregators',
        'metadata_version',
        'mirror_on_CSAF_aggregators',
        'public_openpgp_keys',
        'publisher',
        'role',
      ]);
      assert.equal(m.role, 'csaf_trusted_provider');
      assert.equal(m.metadata_version, '2.0');
      assert.equal(m.canonical_url, `${BASE}/.well-known/csaf/provider-metadata.json`);
      assert.deepEqual(m.distributions, [
        {
          directory_url: `${BASE}${WHITE}/`,
          rolie: {
            feeds: [
              {
                summary: 'All TLP:WHITE advisories of keikai test desk.',
                tlp_label: 'WHITE',
                url: `${BASE}${WHITE}/feed-tlp-white.json`,
              },
            ],
          },
        },
      ]);
      assert.deepEqual(m.publisher, {
        category: 'coordinator',
        name: 'keikai test desk',
        namespace: 'https://csirt.example.jp',
      });
      assert.equal(m.list_on_CSAF_aggregators, true);
      assert.equal(m.mirror_on_CSAF_aggregators, true);
      assert.equal(m.last_updated, '2026-04-01T00:00:00.000Z', 'the newest release');
      assert.match(m.public_openpgp_keys[0].fingerprint, /^[0-9A-F]{40}$/);
    });

    it('has directory listings of the folder and of each year', async () => {
      const white = await get(`${WHITE}/`);
      assert.equal(white.statusCode, 200);
      assert.match(String(white.headers['content-type']), /^text\/html/);
      for (const href of ['2026/', '2025/', 'index.txt', 'changes.csv', 'feed-tlp-white.json']) {
        assert.ok(white.body.includes(`href="${href}"`), href);
      }
      const year = await get(`${WHITE}/2026/`);
      assert.equal(year.statusCode, 200);
      for (const f of ['jvn_10000001.json', 'jvn_10000001.json.asc', 'jvn_10000005.json.sha512']) {
        assert.ok(year.body.includes(`href="${f}"`), f);
      }
      assert.ok(!year.body.includes('jvnvu_20000002'), 'a 2025 file is not in 2026');
      const redirect = await get(`${WHITE}/2026`);
      assert.equal(redirect.statusCode, 301);
      assert.equal(redirect.headers.location, `${WHITE}/2026/`);
      assert.equal((await get(`${WHITE}/1999/`)).statusCode, 404);
    });

    it('answers 404 to unknown files, other shapes of names and path traversal', async () => {
      for (const url of [
        `${WHITE}/2026/jvn_99999999.json`,
        `${WHITE}/2026/jvn_10000001.json.md5`,
        `${WHITE}/2026/JVN_10000001.json`,
        `${WHITE}/2025/jvn_10000001.json`,
        `${WHITE}/2026/..%2F..%2F..%2Fetc%2Fpasswd`,
        `${WHITE}/2026/..%2Findex.txt`,
        `${WHITE}/..%2F2026/jvn_10000001.json`,
        `${WHITE}/abcd/`,
        `${WHITE}/20260/jvn_10000001.json`,
        '/.well-known/csaf/openpgp/0000000000000000000000000000000000000000.asc',
        '/.well-known/csaf/openpgp/..%2F..%2Fsecret.asc',
      ]) {
        assert.equal((await get(url)).statusCode, 404, url);
      }
    });

    it('gives ETag and Cache-Control everywhere and 304 to a client that has the version', async () => {
      for (const url of [
        '/.well-known/csaf/provider-metadata.json',
        `${WHITE}/index.txt`,
        `${WHITE}/changes.csv`,
        `${WHITE}/feed-tlp-white.json`,
        `${WHITE}/`,
        `${WHITE}/2026/`,
        `${WHITE}/2026/jvn_10000001.json`,
        `${WHITE}/2026/jvn_10000001.json.sha256`,
        `${WHITE}/2026/jvn_10000001.json.asc`,
        '/advisories/JVNVU20000002/csaf.json?lang=en',
        '/.well-known/security.txt',
      ]) {
        const first = await get(url);
        assert.equal(first.statusCode, 200, url);
        assert.ok(first.headers.etag, `${url} has an ETag`);
        assert.match(String(first.headers['cache-control']), /^public, max-age=\d+$/, url);
        const again = await get(url, { 'if-none-match': String(first.headers.etag) });
        assert.equal(again.statusCode, 304, url);
        assert.equal(again.body, '');
      }
    });

    it('changes the lists when a correction is published', async () => {
      const before = await get(`${WHITE}/index.txt`);
      const doc = notAffectedAdvisory();
      const corrected: AdvisoryDocument = {
        ...doc,
        revision: 2,
        lastUpdatedAt: '2026-04-20T00:00:00.000Z',
        revisions: [
          ...doc.revisions,
          { revision: 2, publishedAt: '2026-04-20T00:00:00.000Z', note: { ja: '訂正', en: 'Corrected' } },
        ],
      };
      await publish([corrected]);
      const stale = await get(`${WHITE}/changes.csv`, { 'if-none-match': String(before.headers.etag) });
      assert.equal(stale.statusCode, 200);
      assert.equal(stale.body.split('\n')[0], `"${pathOf(doc)}","2026-04-20T00:00:00.000Z"`);
      const file = (await get(`${WHITE}/${pathOf(doc)}`)).json();
      assert.equal(file.document.tracking.version, '2');
      assert.equal(
        (await get(`${WHITE}/index.txt`)).body.split('\n').filter((l) => l === pathOf(doc)).length,
        1,
        'listed once',
      );
    });

    it('sends /advisories/:slug/csaf.json to the signed document, and ?lang=en to the English rendition', async () => {
      const res = await get('/advisories/JVNVU20000002/csaf.json');
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, `${WHITE}/2025/jvnvu_20000002.json`);
      assert.equal((await get('/advisories/JVNVU20000002/csaf.json?lang=ja')).statusCode, 302);

      const en = await get('/advisories/JVNVU20000002/csaf.json?lang=en');
      assert.equal(en.statusCode, 200);
      const csaf = en.json();
      assert.equal(csaf.document.lang, 'en');
      assert.equal(csaf.document.source_lang, 'ja');
      assert.equal(csaf.document.title, 'Multiple vulnerabilities in multiple OSS libraries');
      assert.deepEqual((await validateCsaf(csaf)).errors, []);
    });

    it('says clearly when an advisory has no English, and renders the Japanese one when none was stored', async () => {
      const en = await get('/advisories/JVNDB-2024-000123/csaf.json?lang=en');
      assert.equal(en.statusCode, 404);
      assert.equal(en.json().error, 'no_english');
      assert.match(en.json().message.en, /no English/);
      assert.match(en.json().message.ja, /英語版がありません/);

      const ja = await get('/advisories/JVNDB-2024-000123/csaf.json');
      assert.equal(ja.statusCode, 200);
      assert.equal(ja.json().document.lang, 'ja');
      assert.deepEqual((await validateCsaf(ja.json())).errors, []);

      assert.equal((await get('/advisories/JVN99999999/csaf.json')).statusCode, 404);
      assert.equal((await get('/advisories/..%2F..%2Fx/csaf.json')).statusCode, 404);
      assert.equal((await get('/advisories/JVNVU20000002/csaf.json?lang=fr')).statusCode, 400);
    });

    it('serves security.txt with the CSAF line pointing to provider-metadata.json', async () => {
      const res = await get('/.well-known/security.txt');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      const parsed = parseSecurityTxt(res.body, {
        now: new Date('2026-05-01T00:00:00.000Z'),
        url: `${BASE}/.well-known/security.txt`,
      });
      assert.deepEqual(parsed.issues, []);
      assert.deepEqual(parsed.csaf, [`${BASE}/.well-known/csaf/provider-metadata.json`]);
      assert.deepEqual(parsed.contacts, [`${BASE}/reports/new`]);
      assert.deepEqual(parsed.preferredLanguages, ['ja', 'en']);
      assert.equal(parsed.expires?.toISOString(), '2026-10-28T00:00:00.000Z');
    });
  });

  describe('storing', () => {
    it('keeps the first stored document of a revision when the same revision is stored again', async () => {
      const doc = fixedVersionsAdvisory();
      const before = await t.ctx.db
        .selectFrom('public_csaf_documents')
        .select(['body', 'signature_asc'])
        .where('advisory_id', '=', doc.id)
        .executeTakeFirstOrThrow();
      await publish([doc]);
      const rows = await t.ctx.db
        .selectFrom('public_csaf_documents')
        .select(['body', 'signature_asc'])
        .where('advisory_id', '=', doc.id)
        .execute();
      assert.deepEqual(rows, [before]);
    });

    it('refuses an advisory whose CSAF cannot be made, and nothing of it is published', async () => {
      const doc: AdvisoryDocument = {
        ...minimalAdvisory({ id: 'JVN#10000099' }),
        developers: [],
        products: [],
        vendorStatuses: [],
      };
      await assert.rejects(publish([doc]), { name: 'CsafMappingError', code: 'no-products' });
      const left = await t.ctx.db
        .selectFrom('public_advisories')
        .select('id')
        .where('id', '=', 'JVN#10000099')
        .executeTakeFirst();
      assert.equal(left, undefined);
    });

    it('stores a document in a few milliseconds (measured)', async (c) => {
      await warmCsafStore(t.ctx.config);
      const n = 40;
      const docs = Array.from({ length: n }, (_, i) => {
        const doc = richAdvisory();
        return { ...doc, id: `JVNVU#3${String(i).padStart(7, '0')}` };
      });
      await t.ctx.db.transaction().execute(async (trx) => {
        await writePublicAdvisories(
          trx,
          docs.map((doc) => ({ doc, origin: 'keikai' as const })),
        );
        const started = performance.now();
        for (const doc of docs) await storeCsafDocument(trx, t.ctx, doc);
        const perDocument = (performance.now() - started) / n;
        c.diagnostic(
          `storeCsafDocument: ${perDocument.toFixed(1)} ms per document (rich advisory, ${n} documents)`,
        );
        assert.ok(perDocument < 100, `${perDocument} ms per document`);
      });
    });
  });
});
