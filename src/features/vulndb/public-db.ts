// The public side's view of the database: a Kysely typed with the public tables only (PublicDB). Every public
// route, feed and export reads through this, so naming a case, report or draft table is a compile error —
// embargo by construction (ARCHITECTURE.md invariant 2). src/features/vulndb/embargo.test.ts checks that public
// code never imports the full Database type.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { PublicDB } from '../../platform/db/schema/public-database.js';

export type PublicDatabase = Kysely<PublicDB>;

export function publicDb(db: Database): PublicDatabase {
  // the same pool; only the type narrows what can be named
  return db as unknown as PublicDatabase;
}
