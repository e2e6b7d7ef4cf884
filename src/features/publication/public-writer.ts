// The only writer of the public database (migration 0012): the publish step and the import of advisories from
// elsewhere both call writePublicAdvisories inside their own transaction. It upserts the developers, the
// advisory row (current revision, filter columns, search vector, document) and appends the revision; a revision
// that is already there is left alone, so a retried or repeated write changes nothing (idempotent).
// Batched: one statement per table for a whole batch, which is what makes importing 250,000 advisories fast.
//
// It also keeps public_state (migration 0015) and public_developers.advisory_count, in the same transaction:
// the version goes up by one per call (every ETag and in-memory cache of the public surfaces keys on it), the
// advisory count by the ids that are new, and each developer's count by the advisories that newly list it
// (or no longer do, when a newer revision changes the developer list). The public_state row is updated first:
// its row lock serializes concurrent writers, so the previous rows read next are the committed ones.
//
// Each document is stored once (migration 0016): the current revision's in public_advisories.document only,
// its public_advisory_revisions row with document null. When a newer revision replaces it, the replaced
// document is first copied into its revision row. So a revision's document is coalesce(r.document, a.document).
import { sql } from 'kysely';
import { type AdvisoryDocument, advisorySlug, highestScore } from '../../domain/advisory-document.js';
import { toTsVectorFrom } from '../../domain/search-tokens.js';
import type { Database } from '../../platform/db/database.js';

export type PublicEntry = {
  doc: AdvisoryDocument;
  origin: 'keikai' | 'import';
  /** the directory organization behind each developer slug (publish step only), to keep slugs stable */
  developerOrganizations?: Readonly<Record<string, string>>;
  /** publicRowParts(doc), when the caller built it ahead (the import does, while the previous batch is written) */
  parts?: PublicRowParts;
};

/**
 * The costly parts of an advisory's row that do not depend on its id: the document as JSON without the id and
 * the search vector of everything but the id. The import builds them before it knows the JVNDB id (which is
 * allocated inside the batch's transaction), so this work overlaps the database's; the writer adds the id
 * (withId, and searchWithId: the id's tokens at the positions after the text's).
 */
export type PublicRowParts = { documentWithoutId: string; searchWithoutId: string; searchTokens: number };

export function publicRowParts(doc: AdvisoryDocument): PublicRowParts {
  const search = toTsVectorFrom(searchText(doc), 1);
  return {
    documentWithoutId: documentWithoutId(doc),
    searchWithoutId: search.literal,
    searchTokens: search.tokens,
  };
}

/** The document's JSON without its id (PublicRowParts.documentWithoutId). */
export function documentWithoutId(doc: AdvisoryDocument): string {
  const { id: _id, ...rest } = doc;
  return JSON.stringify(rest);
}

/** The search vector's literal with the id's tokens after the text's (searching for the id finds it). */
function searchWithId(parts: PublicRowParts, id: string): string {
  const idTokens = toTsVectorFrom(id, parts.searchTokens + 1).literal;
  if (parts.searchWithoutId === '') return idTokens;
  return idTokens === '' ? parts.searchWithoutId : `${parts.searchWithoutId} ${idTokens}`;
}

/** The document's JSON with its id first, from publicRowParts' JSON without it. */
function withId(documentWithoutId: string, id: string): string {
  const rest = documentWithoutId.slice(1);
  return `{"id":${JSON.stringify(id)}${rest === '}' ? '' : ','}${rest}`;
}

/** Everything searchable of an advisory but its id, both languages, as one text for the tokenizer. */
export function searchText(doc: AdvisoryDocument): string {
  const parts: string[] = [doc.title.ja, doc.title.en, doc.overview.ja, doc.overview.en];
  parts.push(doc.description.ja, doc.description.en, doc.impact.ja, doc.impact.en);
  for (const d of doc.developers) parts.push(d.name.ja, d.name.en);
  for (const p of doc.products) parts.push(p.name.ja, p.name.en, p.versions.ja, p.versions.en);
  for (const v of doc.vulnerabilities) {
    parts.push(v.title.ja, v.title.en, v.cveId ?? '', v.cweId ?? '');
  }
  return parts.filter((p) => p.length > 0).join('\n');
}

/** The first revision note of a document, or the one for its current revision. */
function currentNote(doc: AdvisoryDocument) {
  const r = doc.revisions.find((x) => x.revision === doc.revision);
  if (!r) throw new Error(`advisory ${doc.id}: revision ${doc.revision} has no entry in revisions`);
  if (!r.note.ja.trim()) throw new Error(`advisory ${doc.id}: revision ${doc.revision} has no change note`);
  return r;
}

/** How the advisory count and the developers' counts change when these entries are written over `previous`. */
export function countChanges(
  entries: readonly PublicEntry[],
  previous: ReadonlyMap<string, { revision: number; developerSlugs: readonly string[] }>,
): { newAdvisories: number; developers: Map<string, number> } {
  let newAdvisories = 0;
  const developers = new Map<string, number>();
  const add = (slug: string, by: number) => developers.set(slug, (developers.get(slug) ?? 0) + by);
  const seen = new Map<string, { revision: number; developerSlugs: readonly string[] }>();
  for (const { doc } of entries) {
    const before = seen.get(doc.id) ?? previous.get(doc.id);
    const slugs = [...new Set(doc.developers.map((d) => d.slug))];
    if (!before) {
      newAdvisories++;
      for (const slug of slugs) add(slug, 1);
    } else if (before.revision < doc.revision) {
      const old = new Set(before.developerSlugs);
      for (const slug of slugs) if (!old.delete(slug)) add(slug, 1);
      for (const slug of old) add(slug, -1);
    } else {
      continue; // an older or the same revision: the row stays as it is
    }
    seen.set(doc.id, { revision: doc.revision, developerSlugs: slugs });
  }
  for (const [slug, by] of developers) if (by === 0) developers.delete(slug);
  return { newAdvisories, developers };
}

export async function writePublicAdvisories(trx: Database, entries: readonly PublicEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = new Date();

  // first: lock the state row (writers queue here), then read what the batch replaces
  await trx.updateTable('public_state').set({ version: sql<string>`version + 1`, updated_at: now }).execute();
  const ids = [...new Set(entries.map((e) => e.doc.id))];
  const previousRows = await trx
    .selectFrom('public_advisories')
    .select(['id', 'revision', 'developer_slugs'])
    .where('id', 'in', ids)
    .execute();
  const changes = countChanges(
    entries,
    new Map(previousRows.map((r) => [r.id, { revision: r.revision, developerSlugs: r.developer_slugs }])),
  );
  // the revision each advisory has after this call: only that one's revision row goes without a document
  const finalRevision = new Map(previousRows.map((r) => [r.id, r.revision]));
  for (const { doc } of entries) {
    finalRevision.set(doc.id, Math.max(finalRevision.get(doc.id) ?? 0, doc.revision));
  }
  const previousRevision = new Map(previousRows.map((r) => [r.id, r.revision]));
  const superseded = previousRows
    .filter((r) => finalRevision.get(r.id)! > r.revision)
    .map((r) => [r.id, r.revision] as const);

  // developers: insert new slugs, refresh names of known ones
  const developers = new Map<string, { name_ja: string; name_en: string; organization_id: string | null }>();
  for (const { doc, developerOrganizations } of entries) {
    for (const d of doc.developers) {
      developers.set(d.slug, {
        name_ja: d.name.ja,
        name_en: d.name.en,
        organization_id: developerOrganizations?.[d.slug] ?? null,
      });
    }
  }
  if (developers.size > 0) {
    await trx
      .insertInto('public_developers')
      .values([...developers].map(([slug, d]) => ({ slug, ...d, created_at: now, updated_at: now })))
      .onConflict((oc) =>
        oc
          .column('slug')
          .doUpdateSet((eb) => ({
            name_ja: eb.ref('excluded.name_ja'),
            name_en: eb.ref('excluded.name_en'),
            organization_id: sql<
              string | null
            >`coalesce(excluded.organization_id, public_developers.organization_id)`,
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where((eb) =>
            // a developer whose names and organization are as they were is left alone: an import of many batches
            // would otherwise write a new version of the same few hundred rows (and their index entries) in each
            eb.or([
              eb('public_developers.name_ja', 'is distinct from', eb.ref('excluded.name_ja')),
              eb('public_developers.name_en', 'is distinct from', eb.ref('excluded.name_en')),
              eb.and([
                eb('excluded.organization_id', 'is not', null),
                eb(
                  'public_developers.organization_id',
                  'is distinct from',
                  eb.ref('excluded.organization_id'),
                ),
              ]),
            ]),
          ),
      )
      .execute();
  }

  // the documents a newer revision replaces keep their place in their revision rows
  if (superseded.length > 0) {
    await sql`
      update public_advisory_revisions as r
      set document = a.document
      from public_advisories as a,
        unnest(${superseded.map(([id]) => id)}::text[], ${superseded.map(([, rev]) => rev)}::integer[])
          as s(id, revision)
      where a.id = s.id and a.revision = s.revision
        and r.advisory_id = s.id and r.revision = s.revision and r.document is null`.execute(trx);
  }

  // the advisory row: a newer revision replaces the current one, an older or equal one is ignored
  const built = entries.map((e) => e.parts ?? publicRowParts(e.doc));
  const json = entries.map(({ doc }, i) => withId(built[i]!.documentWithoutId, doc.id));
  const rows = entries.map(({ doc, origin }, i) => {
    const top = highestScore(doc);
    return {
      id: doc.id,
      slug: advisorySlug(doc.id),
      kind: doc.kind,
      origin,
      source_namespace: doc.source?.namespace ?? null,
      source_tracking_id: doc.source?.trackingId ?? null,
      revision: doc.revision,
      title_ja: doc.title.ja,
      title_en: doc.title.en,
      first_published_at: doc.firstPublishedAt,
      last_updated_at: doc.lastUpdatedAt,
      severity: top?.severity ?? null,
      max_score: top?.score ?? null,
      cwe_ids: [...new Set(doc.vulnerabilities.flatMap((v) => (v.cweId ? [v.cweId] : [])))],
      cve_ids: [...new Set(doc.vulnerabilities.flatMap((v) => (v.cveId ? [v.cveId] : [])))],
      developer_slugs: doc.developers.map((d) => d.slug),
      product_names: [
        ...new Set(
          doc.products
            .flatMap((p) => [p.name.ja, p.name.en])
            .filter(Boolean)
            .map((n) => n.toLowerCase()),
        ),
      ],
      sample: doc.sample,
      document: json[i]!,
      search: searchWithId(built[i]!, doc.id),
      created_at: now,
      updated_at: now,
    };
  });
  await trx
    .insertInto('public_advisories')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          title_ja: eb.ref('excluded.title_ja'),
          title_en: eb.ref('excluded.title_en'),
          last_updated_at: eb.ref('excluded.last_updated_at'),
          severity: eb.ref('excluded.severity'),
          max_score: eb.ref('excluded.max_score'),
          cwe_ids: eb.ref('excluded.cwe_ids'),
          cve_ids: eb.ref('excluded.cve_ids'),
          developer_slugs: eb.ref('excluded.developer_slugs'),
          product_names: eb.ref('excluded.product_names'),
          sample: eb.ref('excluded.sample'),
          document: eb.ref('excluded.document'),
          search: eb.ref('excluded.search'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('public_advisories.revision', '<', (eb) => eb.ref('excluded.revision')),
    )
    .execute();

  await trx
    .insertInto('public_advisory_revisions')
    .values(
      entries.map(({ doc }, i) => {
        const r = currentNote(doc);
        // the current revision's document is public_advisories.document; an older revision written late
        // (after a newer one) keeps its own
        const current =
          doc.revision === finalRevision.get(doc.id) && doc.revision > (previousRevision.get(doc.id) ?? 0);
        return {
          advisory_id: doc.id,
          revision: doc.revision,
          published_at: r.publishedAt,
          note_ja: r.note.ja,
          note_en: r.note.en,
          document: current ? null : json[i]!,
        };
      }),
    )
    .onConflict((oc) => oc.columns(['advisory_id', 'revision']).doNothing())
    .execute();

  if (changes.developers.size > 0) {
    const deltas = [...changes.developers];
    await sql`
      update public_developers as d
      set advisory_count = greatest(0, d.advisory_count + c.delta)
      from unnest(${deltas.map(([slug]) => slug)}::text[], ${deltas.map(([, by]) => by)}::integer[])
        as c(slug, delta)
      where d.slug = c.slug`.execute(trx);
  }
  if (changes.newAdvisories > 0) {
    await trx
      .updateTable('public_state')
      .set((eb) => ({ advisory_count: eb('advisory_count', '+', changes.newAdvisories) }))
      .execute();
  }
}
