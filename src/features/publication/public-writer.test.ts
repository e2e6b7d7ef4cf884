// The writer keeps public_state (version, advisory count) and each developer's advisory count in its own
// transaction: they always agree with the rows, whatever mix of new advisories, new revisions that change the
// developer list, repeats and older revisions a call brings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type AdvisoryDocument, advisorySlug } from '../../domain/advisory-document.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { publicDb } from '../vulndb/public-db.js';
import { findRevision } from '../vulndb/queries.js';
import { sampleDocument } from '../vulndb/testing.js';
import { countChanges, type PublicEntry, writePublicAdvisories } from './public-writer.js';

const bi = (ja: string, en: string) => ({ ja, en });
const dev = (slug: string) => ({ slug, name: bi(`${slug} 社`, slug) });

describe('public writer: kept counts and version', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
  });
  after(() => t.close());

  const write = (docs: AdvisoryDocument[]) =>
    t.ctx.db.transaction().execute((trx) =>
      writePublicAdvisories(
        trx,
        docs.map((doc) => ({ doc, origin: 'keikai' as const })),
      ),
    );
  const state = async () => {
    const s = await t.ctx.db.selectFrom('public_state').selectAll().executeTakeFirstOrThrow();
    return { version: Number(s.version), advisories: s.advisory_count };
  };
  const kept = async () =>
    Object.fromEntries(
      (
        await t.ctx.db
          .selectFrom('public_developers')
          .select(['slug', 'advisory_count'])
          .orderBy('slug')
          .execute()
      ).map((r) => [r.slug, r.advisory_count]),
    );
  /** What the counts must be: counted from the rows. */
  const counted = async () => {
    const rows = await sql<{ slug: string; n: number }>`
      select d.slug, (select count(*)::int from public_advisories a where d.slug = any(a.developer_slugs)) as n
      from public_developers d order by d.slug`.execute(t.ctx.db);
    const total = await t.ctx.db
      .selectFrom('public_advisories')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      developers: Object.fromEntries(rows.rows.map((r) => [r.slug, r.n])),
      advisories: Number(total.n),
    };
  };

  it('counts new advisories and their developers, and raises the version once per call', async () => {
    const before = await state();
    await write([
      sampleDocument({ id: 'JVN#71000001', developers: [dev('alpha'), dev('beta')] }),
      sampleDocument({ id: 'JVN#71000002', developers: [dev('alpha')] }),
    ]);
    const after1 = await state();
    assert.equal(after1.version, before.version + 1);
    assert.equal(after1.advisories, before.advisories + 2);
    assert.deepEqual(await kept(), (await counted()).developers);
    assert.equal((await kept()).alpha, 2);
  });

  it('moves the counts when a newer revision changes the developer list; ignores repeats and older ones', async () => {
    const base = { id: 'JVN#71000001', firstPublishedAt: '2026-11-10T06:00:00.000Z' };
    const r2 = sampleDocument({
      ...base,
      revision: 2,
      lastUpdatedAt: '2026-11-20T06:00:00.000Z',
      developers: [dev('beta'), dev('gamma')],
    });
    await write([r2]);
    assert.deepEqual(await kept(), { ...(await counted()).developers });
    assert.equal((await kept()).alpha, 1, 'alpha left the advisory');
    assert.equal((await kept()).gamma, 1);
    const s2 = await state();

    // the same revision again, and an older one: rows unchanged, so are the counts; the version still moves
    await write([r2]);
    await write([sampleDocument({ ...base, revision: 1, developers: [dev('alpha'), dev('delta')] })]);
    assert.deepEqual(await kept(), (await counted()).developers);
    assert.equal((await kept()).delta, 0, 'a developer only named by an ignored revision counts nothing');
    const s3 = await state();
    assert.equal(s3.advisories, s2.advisories);
    assert.equal(s3.version, s2.version + 2);
    assert.equal(s3.advisories, (await counted()).advisories);
  });

  it('keeps each document once: the current one in the advisory row, a replaced one in its revision row', async () => {
    const id = 'JVN#71000020';
    const base = { id, firstPublishedAt: '2026-11-10T06:00:00.000Z' };
    const first = sampleDocument({ ...base, title: bi('初版の題', 'First') });
    const second = sampleDocument({
      ...base,
      revision: 2,
      lastUpdatedAt: '2026-11-20T06:00:00.000Z',
      title: bi('第2版の題', 'Second'),
    });
    const revisions = async () =>
      (
        await sql<{ revision: number; own: boolean; title: string }>`
          select r.revision, r.document is not null as own,
            coalesce(r.document, a.document)->'title'->>'ja' as title
          from public_advisory_revisions r join public_advisories a on a.id = r.advisory_id
          where r.advisory_id = ${id} order by r.revision`.execute(t.ctx.db)
      ).rows;
    const page = async (revision: number) =>
      (await findRevision(publicDb(t.ctx.db), advisorySlug(id), revision))?.doc.title.ja;

    await write([first]);
    assert.deepEqual(await revisions(), [{ revision: 1, own: false, title: '初版の題' }]);
    assert.equal(await page(1), '初版の題');
    await write([second]);
    const expected = [
      { revision: 1, own: true, title: '初版の題' },
      { revision: 2, own: false, title: '第2版の題' },
    ];
    assert.deepEqual(await revisions(), expected);
    assert.deepEqual([await page(1), await page(2), await page(3)], ['初版の題', '第2版の題', undefined]);
    // a repeat of either revision changes nothing
    await write([second]);
    await write([first]);
    assert.deepEqual(await revisions(), expected);

    // an advisory whose first write brings an older revision after the newer one (in separate calls)
    const other = 'JVN#71000021';
    await write([sampleDocument({ ...second, id: other })]);
    await write([sampleDocument({ ...first, id: other })]);
    const rows = await t.ctx.db
      .selectFrom('public_advisory_revisions')
      .select(['revision', (eb) => eb('document', 'is not', null).as('own')])
      .where('advisory_id', '=', other)
      .orderBy('revision')
      .execute();
    assert.deepEqual(rows, [
      { revision: 1, own: true },
      { revision: 2, own: false },
    ]);
  });

  it('stores each document as the JSON text it wrote, id first, out of line and uncompressed', async () => {
    const id = 'JVN#71000030';
    const doc = sampleDocument({ id, title: bi('保存の題 "引用" \\ ', 'Stored "quoted"') });
    await write([doc]);
    const { rows } = await sql<{ type: string; text: string; storage: string }>`
      select pg_typeof(a.document)::text as type, a.document::text as text,
        (select attstorage from pg_attribute
          where attrelid = 'public_advisories'::regclass and attname = 'document') as storage
      from public_advisories a where a.id = ${id}`.execute(t.ctx.db);
    const { id: _id, ...rest } = doc;
    // json keeps the text: the key order, and no re-serialisation on the way out (migration 0019)
    assert.deepEqual(rows, [{ type: 'json', text: JSON.stringify({ id, ...rest }), storage: 'e' }]);
    const revision = await t.ctx.db
      .selectFrom('public_advisory_revisions')
      .select(sql<string>`pg_typeof(document)::text`.as('type'))
      .where('advisory_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(revision.type, 'json');
    assert.equal((await findRevision(publicDb(t.ctx.db), advisorySlug(id), 1))?.doc.title.ja, doc.title.ja);
  });

  it('leaves nothing changed when the transaction fails', async () => {
    const s = await state();
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await writePublicAdvisories(trx, [
          { doc: sampleDocument({ id: 'JVN#71000009', developers: [dev('alpha')] }), origin: 'keikai' },
        ]);
        throw new Error('crash after the write');
      }),
    );
    assert.deepEqual(await state(), s);
    assert.deepEqual(await kept(), (await counted()).developers);
  });

  it('rewrites a developer row only when its names or its organization change', async () => {
    const row = () =>
      t.ctx.db
        .selectFrom('public_developers')
        .select(['name_ja', 'name_en', 'organization_id', 'updated_at'])
        .where('slug', '=', 'gamma')
        .executeTakeFirstOrThrow();
    const org = '0b3c2f3e-8d1a-4c55-9a57-1f6d2e0c7a01';
    const other = '5f0e9b1c-2a47-4e3d-8c61-7b9a0d4e2f10';
    const put = (id: string, name: { ja: string; en: string }, organization?: string) =>
      t.ctx.db.transaction().execute((trx) =>
        writePublicAdvisories(trx, [
          {
            doc: sampleDocument({ id, developers: [{ slug: 'gamma', name }] }),
            origin: 'keikai',
            ...(organization ? { developerOrganizations: { gamma: organization } } : {}),
          },
        ]),
      );
    await put('JVN#72000001', bi('ガンマ社', 'Gamma'), org);
    const first = await row();
    assert.equal(first.organization_id, org);
    await new Promise((r) => setTimeout(r, 5));
    await put('JVN#72000002', bi('ガンマ社', 'Gamma')); // the same names, no organization given: untouched
    assert.deepEqual(await row(), first);
    await put('JVN#72000003', bi('ガンマ株式会社', 'Gamma Inc.'));
    const renamed = await row();
    assert.deepEqual(
      [renamed.name_ja, renamed.name_en, renamed.organization_id],
      ['ガンマ株式会社', 'Gamma Inc.', org],
    );
    assert.ok(renamed.updated_at > first.updated_at);
    await put('JVN#72000004', bi('ガンマ株式会社', 'Gamma Inc.'), other);
    assert.equal((await row()).organization_id, other, 'a different organization is taken');
    assert.deepEqual(await kept(), (await counted()).developers);
  });

  it('computes the changes of a batch from the rows it replaces (pure)', () => {
    const entry = (id: string, revision: number, slugs: string[]): PublicEntry => ({
      doc: { ...sampleDocument({ id, revision }), developers: slugs.map(dev) },
      origin: 'import',
    });
    const previous = new Map([
      ['A', { revision: 1, developerSlugs: ['x', 'y'] }],
      ['B', { revision: 3, developerSlugs: ['x'] }],
    ]);
    const c = countChanges(
      [entry('A', 2, ['y', 'z', 'z']), entry('B', 2, ['w']), entry('C', 1, ['x', 'w'])],
      previous,
    );
    assert.equal(c.newAdvisories, 1);
    // A: x left (−1), z came (+1, once); B: an older revision, ignored; C: new, x and w (+1 each)
    assert.deepEqual(Object.fromEntries(c.developers), { z: 1, w: 1 });
  });
});
