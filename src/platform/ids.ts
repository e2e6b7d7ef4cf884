// Allocating identifiers (受付番号, advisory IDs) from the patterns of src/domain/id-format.ts: one counter row
// per (pattern, year), advanced in the caller's transaction. The row lock serialises concurrent allocations
// across app nodes; a rolled-back transaction gives its number back, so IDs are unique and gapless.
import { sql } from 'kysely';
import { counterKey, formatId } from '../domain/id-format.js';
import type { Database } from './db/database.js';

export async function allocateId(trx: Database, pattern: string, date: Date): Promise<string> {
  const key = counterKey(pattern, date);
  const r = await sql<{ last_value: string }>`
    insert into id_counters (pattern, year, last_value) values (${key.pattern}, ${key.year}, 1)
    on conflict (pattern, year) do update set last_value = id_counters.last_value + 1
    returning last_value`.execute(trx);
  return formatId(pattern, { seq: Number(r.rows[0]!.last_value), date });
}
