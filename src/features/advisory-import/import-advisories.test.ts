// Importing CSAF into the public database against a real PostgreSQL: folders and files, idempotency, a newer
// revision, bad files (nothing written for them, the run goes on), resuming after a crash, a provider's
// provider-metadata.json on a loopback server, and allocateIds.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { toTsQuery } from '../../domain/search-tokens.js';
import { anonymous } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { allocateId, allocateIds } from '../../platform/ids.js';
import { startTestServer, type TestServer } from '../../platform/outbound/testing.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { englishAdvisory, japaneseAdvisory } from './fixtures.js';
import {
  type ImportProgress,
  ImportSourceError,
  importAdvisories,
  mergePendingIndexEntries,
} from './import-advisories.js';

const system = { kind: 'system' as const, label: 'test' };

/** A copy of the Japanese fixture with its own tracking id and title (another advisory of the same CSIRT). */
function another(n: number, revision: 1 | 2 = 1) {
  const d = japaneseAdvisory({ revision, trackingId: `ECJ-2026-${String(1000 + n)}` });
  d.document.title = `${d.document.title}（その${n}）`;
  d.document.references[0]!.url = `https://csirt.example.jp/advisories/ECJ-2026-${1000 + n}.json`;
  return d;
}

describe('importing advisories from CSAF', () => {
  let t: TestApp;
  let site: TestServer;
  let dir: string;
  const served: Record<string, unknown> = {};

  const folder = (name: string, files: Record<string, unknown>) => {
    const path = join(dir, name);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(join(path, file, '..'), { recursive: true });
      writeFileSync(
        join(path, file),
        typeof content === 'string' ? content : JSON.stringify(content, null, 2),
      );
    }
    return path;
  };
  const advisories = () => t.ctx.db.selectFrom('public_advisories').selectAll().orderBy('id').execute();

  before(async () => {
    site = await startTestServer((req, res: ServerResponse) => {
      const body = served[req.url ?? ''];
      if (body === undefined) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
    t = await startTestApp({ env: { KEIKAI_OUTBOUND_ALLOW_HOSTS: site.hostPort } });
    dir = mkdtempSync(join(tmpdir(), 'keikai-import-test-'));
  });
  after(async () => {
    await t.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a folder of CSAF documents as JVNDB entries, in file order, and finishes the run', async () => {
    const source = folder('first', {
      'a/ecj-2026-0042.json': japaneseAdvisory(),
      'b/acme-sa-2026-007.json': englishAdvisory(),
      'provider-metadata.json': { not: 'an advisory' },
    });
    const progress: ImportProgress[] = [];
    const r = await importAdvisories(t.ctx, system, source, { onProgress: (p) => void progress.push(p) });
    assert.deepEqual(
      [r.total, r.done, r.imported, r.updated, r.unchanged, r.failed],
      [2, 2, 2, 0, 0, 0],
      JSON.stringify(r.failures),
    );
    assert.deepEqual(progress.at(-1), { total: 2, done: 2, imported: 2, unchanged: 0, failed: 0 });
    const rows = await advisories();
    assert.deepEqual(
      rows.map((a) => [a.id, a.origin, a.source_tracking_id, a.revision, a.kind]),
      [
        ['JVNDB-2026-000001', 'import', 'ECJ-2026-0042', 1, 'jvndb'],
        ['JVNDB-2026-000002', 'import', 'ACME-SA-2026-007', 2, 'jvndb'],
      ],
    );
    assert.equal(
      rows[0]!.title_ja,
      'サンプル電機製ルータ管理画面におけるクロスサイトスクリプティングの脆弱性',
    );
    assert.deepEqual(rows[1]!.cve_ids.sort(), ['CVE-2026-20001', 'CVE-2026-20002']);
    const run = await t.ctx.db
      .selectFrom('advisory_import_runs')
      .selectAll()
      .where('id', '=', r.runId)
      .executeTakeFirstOrThrow();
    assert.ok(run.finished_at);
    assert.deepEqual([run.total, run.done, run.imported, run.failed], [2, 2, 2, 0]);
    assert.equal(run.cursor, 'b/acme-sa-2026-007.json');
    // searchable at once (CJK bigrams of the writer)
    const hit = await t.ctx.db
      .selectFrom('public_advisories')
      .select('id')
      .where('search', '@@', (eb) => eb.val("'認証' | 'スク'").$castTo<string>())
      .execute();
    assert.ok(hit.length >= 1);
    // the GIN indexes gathered their new entries unmerged during the run (a larger list than by default):
    // merged before the run ended, so nothing is left pending — a search does not read them one by one
    assert.equal(await mergePendingIndexEntries(t.ctx.db), 0, 'a second merge finds nothing pending');
  });

  it('is idempotent: the same documents again are unchanged and nothing is written', async () => {
    const before = await t.ctx.db.selectFrom('public_advisory_revisions').select('advisory_id').execute();
    const r = await importAdvisories(t.ctx, system, join(dir, 'first'));
    assert.deepEqual([r.imported, r.unchanged, r.failed], [0, 2, 0]);
    assert.equal(r.resumed, null, 'the last run had finished: a new run, not a resumption');
    const after = await t.ctx.db.selectFrom('public_advisory_revisions').select('advisory_id').execute();
    assert.equal(after.length, before.length);
    assert.equal((await advisories()).length, 2);
  });

  it('imports a newer revision as a new revision of the same JVNDB id; an older one stays unchanged', async () => {
    const file = join(
      folder('newer', { 'ecj-2026-0042.json': japaneseAdvisory({ revision: 2 }) }),
      'ecj-2026-0042.json',
    );
    const r = await importAdvisories(t.ctx, system, file);
    assert.deepEqual([r.imported, r.updated, r.unchanged], [1, 1, 0]);
    const row = await t.ctx.db
      .selectFrom('public_advisories')
      .selectAll()
      .where('source_tracking_id', '=', 'ECJ-2026-0042')
      .executeTakeFirstOrThrow();
    assert.equal(row.id, 'JVNDB-2026-000001');
    assert.equal(row.revision, 2);
    const revs = await t.ctx.db
      .selectFrom('public_advisory_revisions')
      .select(['revision', 'note_ja'])
      .where('advisory_id', '=', row.id)
      .orderBy('revision')
      .execute();
    assert.deepEqual(revs, [
      { revision: 1, note_ja: '初版' },
      { revision: 2, note_ja: '修正版の情報を更新' },
    ]);
    const older = await importAdvisories(t.ctx, system, join(dir, 'first', 'a', 'ecj-2026-0042.json'));
    assert.deepEqual([older.imported, older.unchanged], [0, 1]);
    const still = await t.ctx.db
      .selectFrom('public_advisories')
      .select('revision')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.revision, 2);
  });

  it('reports bad files by name and reason, writes nothing for them and imports the rest', async () => {
    const missingProduct = another(1);
    missingProduct.vulnerabilities[0]!.product_status.known_affected.push('NO-SUCH-PRODUCT');
    const amber = another(2);
    amber.document.distribution.tlp.label = 'AMBER';
    const source = folder('bad', {
      '1-not-json.json': '{ "document": ',
      '2-not-csaf.json': { hello: 'world' },
      '3-fails-6-1-1.json': missingProduct,
      '4-amber.json': amber,
      '5-good.json': another(3),
    });
    const r = await importAdvisories(t.ctx, system, source);
    assert.deepEqual([r.imported, r.failed], [1, 4]);
    assert.deepEqual(
      r.failures.map((f) => [f.entry, f.code]),
      [
        ['1-not-json.json', 'notJson'],
        ['2-not-csaf.json', 'notCsaf'],
        ['3-fails-6-1-1.json', 'invalid'],
        ['4-amber.json', 'notPublic'],
      ],
    );
    assert.match(r.failures[2]!.detail, /mandatoryTest_6_1_1/);
    assert.match(r.failures[2]!.detail, /vulnerabilities\/0\/product_status\/known_affected/);
    const ids = (await advisories()).map((a) => a.source_tracking_id);
    assert.ok(ids.includes('ECJ-2026-1003'));
    assert.ok(!ids.includes('ECJ-2026-1001') && !ids.includes('ECJ-2026-1002'), 'nothing of the bad files');
  });

  it('reports a file it cannot read as such, whether read in a worker (several batches) or on its own', async () => {
    // several batches: the files are read and prepared in worker threads, a batch at a time
    const files: Record<string, unknown> = {};
    for (let n = 30; n < 35; n++) files[`r-${n}.json`] = another(n);
    const source = folder('unreadable', files);
    symlinkSync(join(source, 'gone-away.json'), join(source, 'r-32a.json')); // listed, cannot be read
    const ahead = await importAdvisories(t.ctx, system, source, { batchSize: 2, validate: false });
    assert.deepEqual([ahead.total, ahead.imported, ahead.failed], [6, 5, 1]);
    assert.deepEqual(
      ahead.failures.map((f) => [f.entry, f.code]),
      [['r-32a.json', 'read']],
    );
    assert.match(ahead.failures[0]!.detail, /ENOENT/);
    const imported = (await advisories()).map((a) => a.source_tracking_id);
    for (let n = 30; n < 35; n++) assert.ok(imported.includes(`ECJ-2026-${1000 + n}`), `r-${n}.json`);
    // one batch: read where it is prepared
    const single = join(dir, 'unreadable-one');
    mkdirSync(single);
    symlinkSync(join(single, 'gone-away.json'), join(single, 'only.json'));
    const one = await importAdvisories(t.ctx, system, single);
    assert.deepEqual(
      one.failures.map((f) => [f.entry, f.code]),
      [['only.json', 'read']],
    );
  });

  it('resumes an interrupted run after its cursor, having lost only the batch in flight', async () => {
    const files: Record<string, unknown> = {};
    for (let n = 10; n < 17; n++) files[`ecj-${n}.json`] = another(n);
    const source = folder('crash', files);
    // batch 1 (2 files) commits, then the process "dies" in batch 2 before its commit
    await assert.rejects(
      importAdvisories(t.ctx, system, source, {
        batchSize: 2,
        beforeCommit: (n) => {
          if (n === 2) throw new Error('power cut');
        },
      }),
      /power cut/,
    );
    const count = async () =>
      (await advisories()).filter((a) => /^ECJ-2026-101\d$/.test(a.source_tracking_id ?? '')).length;
    assert.equal(await count(), 2, 'the first batch only');
    // a crash after the second batch committed (the progress callback throws)
    let resumedAfter: string | null = null;
    await assert.rejects(
      importAdvisories(t.ctx, system, source, {
        batchSize: 2,
        onResume: (x) => {
          resumedAfter = x.after;
        },
        onProgress: (p) => {
          if (p.done === 4) throw new Error('killed');
        },
      }),
      /killed/,
    );
    assert.equal(resumedAfter, 'ecj-11.json');
    assert.equal(await count(), 4);
    const r = await importAdvisories(t.ctx, system, source, { batchSize: 2 });
    assert.deepEqual(r.resumed?.after, 'ecj-13.json');
    assert.deepEqual([r.total, r.done, r.imported, r.unchanged, r.failed], [7, 7, 7, 0, 0]);
    assert.equal(await count(), 7);
    const runs = await t.ctx.db
      .selectFrom('advisory_import_runs')
      .selectAll()
      .where('source', '=', source)
      .execute();
    assert.equal(runs.length, 1, 'one run, resumed twice');
    assert.ok(runs[0]!.finished_at);
    // and a fresh run of the same folder afterwards finds everything unchanged
    const again = await importAdvisories(t.ctx, system, source, { batchSize: 2 });
    assert.deepEqual([again.imported, again.unchanged, again.resumed], [0, 7, null]);
  });

  it('writes a folder imported again in several batches: changed and new documents after unchanged ones', async () => {
    // several batches, so the documents are prepared in the worker threads; after the first batch (all
    // unchanged) they come without their search vectors, which the import then builds for what it writes
    const files: Record<string, unknown> = {};
    for (let n = 50; n < 56; n++) files[`p-${n}.json`] = another(n);
    const source = folder('again', files);
    const first = await importAdvisories(t.ctx, system, source, { batchSize: 2, validate: false });
    assert.deepEqual([first.imported, first.unchanged], [6, 0]);
    const changed = another(54, 2);
    changed.document.title = `${changed.document.title} 改訂版キーワード`;
    folder('again', { 'p-54.json': changed, 'p-56.json': another(56) });
    // (checked by the validator this time, in the preparing thread)
    const r = await importAdvisories(t.ctx, system, source, { batchSize: 2 });
    assert.deepEqual([r.imported, r.updated, r.unchanged, r.failed], [2, 1, 5, 0]);
    const found = async (q: string) =>
      (
        await t.ctx.db
          .selectFrom('public_advisories')
          .select(['source_tracking_id', 'revision'])
          .where(sql<boolean>`search @@ ${toTsQuery(q)}::tsquery`)
          .execute()
      ).map((a) => [a.source_tracking_id, a.revision]);
    assert.deepEqual(
      await found('改訂版キーワード'),
      [['ECJ-2026-1054', 2]],
      'the new revision is searchable',
    );
    assert.deepEqual(await found('その56'), [['ECJ-2026-1056', 1]], 'and the new document');
  });

  it('lets two imports of the same documents run at once: one imports them, the other finds them unchanged', async () => {
    const files: Record<string, unknown> = {};
    for (let n = 40; n < 44; n++) files[`ecj-${n}.json`] = another(n);
    const a = folder('twice-a', files);
    const b = folder('twice-b', files);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inBatch = new Promise<void>((r) => {
      entered = r;
    });
    // the first holds its batch open (looked up, ids allocated, rows written, not committed) …
    const first = importAdvisories(t.ctx, system, a, {
      beforeCommit: async () => {
        entered();
        await gate;
      },
    });
    await inBatch;
    // … while the second reaches its own batch and has to wait for it
    const second = importAdvisories(t.ctx, system, b);
    const waiting = async () =>
      Number(
        (
          await sql<{ n: string }>`
            select count(*) as n from pg_locks where locktype = 'advisory' and not granted`.execute(t.ctx.db)
        ).rows[0]!.n,
      );
    const deadline = Date.now() + 30_000;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await waiting(), 1, "the second import waits for the first one's batch");
    release();
    const [ra, rb] = await Promise.all([first, second]);
    assert.deepEqual([ra.imported, ra.failed, rb.imported, rb.unchanged, rb.failed], [4, 0, 0, 4, 0]);
    const rows = (await advisories()).filter((x) => /^ECJ-2026-104\d$/.test(x.source_tracking_id ?? ''));
    assert.equal(rows.length, 4);
    assert.equal(new Set(rows.map((x) => x.id)).size, 4, 'one JVNDB id each');
  });

  it("follows a provider's provider-metadata.json: the directory's index.txt and the ROLIE feed", async () => {
    const o = site.origin;
    served['/.well-known/csaf/provider-metadata.json'] = {
      canonical_url: `${o}/.well-known/csaf/provider-metadata.json`,
      distributions: [
        { directory_url: `${o}/.well-known/csaf/white/` },
        {
          rolie: {
            feeds: [
              {
                summary: 'WHITE',
                tlp_label: 'WHITE',
                url: `${o}/.well-known/csaf/white/feed-tlp-white.json`,
              },
              {
                summary: 'AMBER',
                tlp_label: 'AMBER',
                url: `${o}/.well-known/csaf/amber/feed-tlp-amber.json`,
              },
            ],
          },
        },
      ],
      metadata_version: '2.0',
      publisher: {
        category: 'coordinator',
        name: 'Example CSIRT Japan',
        namespace: 'https://csirt.example.jp',
      },
      role: 'csaf_trusted_provider',
    };
    served['/.well-known/csaf/white/index.txt'] = '2026/ecj-2026-1020.json\n2026/ecj-2026-1021.json\n';
    served['/.well-known/csaf/white/2026/ecj-2026-1020.json'] = another(20);
    served['/.well-known/csaf/white/2026/ecj-2026-1021.json'] = another(21);
    served['/.well-known/csaf/white/feed-tlp-white.json'] = {
      feed: {
        id: 'example-white',
        entry: [
          { id: 'ECJ-2026-1021', content: { src: `${o}/.well-known/csaf/white/2026/ecj-2026-1021.json` } },
          { id: 'ECJ-2026-1022', content: { src: `${o}/.well-known/csaf/white/2026/ecj-2026-1022.json` } },
        ],
      },
    };
    served['/.well-known/csaf/white/2026/ecj-2026-1022.json'] = another(22);
    const r = await importAdvisories(t.ctx, system, `${o}/.well-known/csaf/provider-metadata.json`);
    assert.deepEqual([r.total, r.imported, r.failed], [3, 3, 0], JSON.stringify(r.failures));
    assert.ok(!site.requests.some((x) => x.includes('/amber/')), 'the AMBER feed is never fetched');
    // an index.txt directly, again: unchanged
    const again = await importAdvisories(t.ctx, system, `${o}/.well-known/csaf/white/index.txt`);
    assert.deepEqual([again.total, again.unchanged], [2, 2]);
  });

  it('refuses a source that does not exist, plain http to a host not exempted, and callers other than the system', async () => {
    await assert.rejects(importAdvisories(t.ctx, system, join(dir, 'nowhere')), (e) => {
      return e instanceof ImportSourceError && e.code === 'notFound';
    });
    await assert.rejects(
      importAdvisories(t.ctx, system, 'http://csaf.example/provider-metadata.json'),
      (e) => {
        return e instanceof ImportSourceError && e.code === 'insecure';
      },
    );
    await assert.rejects(importAdvisories(t.ctx, anonymous, join(dir, 'first')), AppError);
  });
});

describe('allocateIds', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('takes n consecutive IDs in one statement, continuing the counter allocateId uses', async () => {
    const pattern = 'TEST-{yyyy}-{seq:4}';
    const at = new Date('2026-06-01T00:00:00Z');
    await t.ctx.db.transaction().execute(async (trx) => {
      assert.deepEqual(await allocateIds(trx, pattern, at, 3), [
        'TEST-2026-0001',
        'TEST-2026-0002',
        'TEST-2026-0003',
      ]);
      assert.equal(await allocateId(trx, pattern, at), 'TEST-2026-0004');
      assert.deepEqual(await allocateIds(trx, pattern, at, 2), ['TEST-2026-0005', 'TEST-2026-0006']);
      assert.deepEqual(await allocateIds(trx, pattern, at, 0), []);
      // another year has its own counter (JST: 2026-12-31T15:00Z is 2027)
      assert.deepEqual(await allocateIds(trx, pattern, new Date('2026-12-31T15:00:00Z'), 1), [
        'TEST-2027-0001',
      ]);
    });
    // a rolled-back allocation gives its numbers back
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await allocateIds(trx, pattern, at, 10);
        throw new Error('rollback');
      }),
    );
    await t.ctx.db.transaction().execute(async (trx) => {
      assert.deepEqual(await allocateIds(trx, pattern, at, 1), ['TEST-2026-0007']);
    });
  });
});
