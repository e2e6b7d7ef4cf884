// Embargo by construction (ARCHITECTURE.md invariant 2), checked statically: the code that serves the public —
// the vulnerability database, the feeds, the CSAF provider and the exports — reads through publicDb() only. No
// file there imports the full Database (platform/db/database.js) or createDatabase, queries ctx.db directly, or
// names a table that is not public (cases, reports, advisories being written, coordination_*, website_*,
// events …: every table the migrations create except public_*), whether through Kysely or in raw SQL.
// The folders are walked at test time, so a file added later is checked too; the non-public tables come from
// the migrations, so a table added later is covered as well.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PUBLIC_CODE = [
  'src/features/vulndb',
  'src/features/feeds',
  'src/features/csaf-provider',
  'src/exports',
];

/** Files allowed to break a rule, each with why. */
const EXEMPT: Record<string, string> = {
  // the one place the full Database is narrowed to PublicDatabase
  'src/features/vulndb/public-db.ts': 'defines publicDb(): takes the full Database to narrow its type',
  // called by the publish step inside its own transaction (features/publication), never by a public route
  'src/features/csaf-provider/store-csaf.ts':
    'part of the publish step: writes the CSAF document inside the publishing transaction, with the full Database',
};

/** Test files are never served; they may create embargoed rows to prove they do not leak. */
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
/** Test fixtures (testing.ts) seed the public tables through the publish step's writer, in a transaction. */
const isFixture = (path: string) => /(^|\/)testing\.tsx?$/.test(path);

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return []; // a folder not created yet
  }
  return entries.flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function nonPublicTables(): Set<string> {
  const dir = join(ROOT, 'src/platform/db/migrations');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(
      /create\s+(?:unlogged\s+)?(?:table|(?:materialized\s+)?view)\s+(?:if\s+not\s+exists\s+)?"?([a-z_0-9]+)"?/gi,
    ))
      names.add(m[1]!.toLowerCase());
  }
  for (const n of [...names]) if (n.startsWith('public_')) names.delete(n);
  return names;
}

/** Comments removed (a comment may well say "never reads cases"), strings kept. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')))
    .join('\n');
}

/** What a file does wrong, as messages (empty when it keeps the rules). */
export function violations(source: string, tables: Set<string>, opts: { fixture: boolean }): string[] {
  const text = code(source);
  const out: string[] = [];
  if (
    /\bfrom\s+['"][^'"]*db\/database(\.js)?['"]/.test(text) ||
    /import\(\s*['"][^'"]*db\/database(\.js)?['"]/.test(text)
  )
    out.push('imports platform/db/database.js (use publicDb(ctx.db))');
  if (/\bcreateDatabase\b/.test(text)) out.push('mentions createDatabase');
  if (
    !opts.fixture &&
    /\.db\s*\.\s*(selectFrom|insertInto|updateTable|deleteFrom|transaction|with|executeQuery|connection)\b/.test(
      text,
    )
  )
    out.push('queries ctx.db directly (use publicDb(ctx.db))');
  // string literals naming a table: 'cases', "cases.id", `reports as r`
  for (const m of text.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
    // table names are lower-case; 'Advisories' is a word of English text
    const named = /^\s*([a-z_0-9]+)(?:\.[a-z_0-9*]+|\s+as\s+[a-z_0-9]+)?\s*$/.exec(m[2]!);
    if (named && tables.has(named[1]!)) out.push(`names the table ${named[1]} ('${m[2]}')`);
  }
  // raw SQL in sql`…` templates
  for (const m of text.matchAll(/\bsql\b[^`;]{0,80}`([^`]*)`/g)) {
    for (const r of m[1]!.matchAll(/\b(?:from|join|into|update|table)\s+"?([a-z_0-9]+)"?/gi))
      if (tables.has(r[1]!.toLowerCase())) out.push(`raw SQL names the table ${r[1]}`);
  }
  return out;
}

describe('embargo by construction (static)', () => {
  const tables = nonPublicTables();

  it('knows the non-public tables from the migrations', () => {
    for (const t of ['cases', 'reports', 'advisories', 'events', 'coordination_cases', 'website_cases'])
      assert.ok(tables.has(t), t);
    assert.ok(![...tables].some((t) => t.startsWith('public_')));
  });

  it('catches each kind of breach (the checker itself)', () => {
    const v = (s: string, fixture = false) => violations(s, tables, { fixture });
    assert.equal(v("import type { Database } from '../../platform/db/database.js';").length, 1);
    assert.equal(v("const { createDatabase } = await import('x');").length, 1);
    assert.equal(v("await ctx.db.selectFrom('public_advisories').selectAll().execute();").length, 1);
    assert.equal(v("db.selectFrom('cases').select('cases.id')").length, 2);
    assert.equal(v('db.selectFrom("advisories as a")').length, 1);
    assert.equal(v('sql`select * from coordination_parties p join events e on true`').length, 2);
    assert.equal(v('sql<number>`select count(*) from website_cases`').length, 1);
    // what public code legitimately says
    assert.deepEqual(v("db.selectFrom('public_advisories').select(['slug', 'public_advisories.id'])"), []);
    assert.deepEqual(v("app.get('/advisories/:slug', …); t('vulndb.advisory.cases')"), []);
    assert.deepEqual(v('// never reads cases or reports\nconst x = 1;'), []);
    assert.deepEqual(v('sql`select 1 from public_developers`'), []);
    assert.deepEqual(
      v('await ctx.db.transaction().execute(…)', true),
      [],
      'a fixture seeds through the writer',
    );
  });

  it('finds no breach in the public code: vulndb, feeds, csaf-provider, exports', () => {
    const files = PUBLIC_CODE.flatMap(filesUnder);
    assert.ok(
      files.filter((f) => f.startsWith('src/features/vulndb/')).length >= 5,
      `the walk finds the vulndb files (${files.length} in all)`,
    );
    const found: string[] = [];
    for (const path of files) {
      if (path in EXEMPT || isTest(path)) continue;
      const source = readFileSync(join(ROOT, path), 'utf8');
      for (const msg of violations(source, tables, { fixture: isFixture(path) }))
        found.push(`${relative(ROOT, join(ROOT, path))}: ${msg}`);
    }
    assert.deepEqual(found, []);
  });

  it('lists only exemptions that exist', () => {
    for (const path of Object.keys(EXEMPT)) assert.ok(statSync(join(ROOT, path)).isFile(), path);
  });
});
