// The public data's version and size (public_state, migration 0015, kept by writePublicAdvisories in the writer's
// transaction): one primary-key read, whatever the number of advisories. Every ETag, every in-memory cache of a
// rendered list and every count of the public surfaces keys on it, so a 304 or a cached answer never touches
// the big tables; VersionCache keeps what was built for the current version only, with a size cap.
import type { PublicDatabase } from './public-db.js';

export type PublicState = {
  /** raised by every write of the public tables (decimal string: bigint) */
  version: string;
  /** rows of public_advisories (samples included) */
  advisories: number;
  updatedAt: Date;
};

// Concurrent readers share the read in flight (a busy public site asks for the state with every request: one
// read per round trip instead of one per request). A reader that joins may get a state as old as that read,
// i.e. one round trip — never a newer one: nothing unpublished can show early through this.
const inFlight = new WeakMap<PublicDatabase, Promise<PublicState>>();

export function readPublicState(db: PublicDatabase): Promise<PublicState> {
  let read = inFlight.get(db);
  if (!read) {
    const started = readNow(db).finally(() => {
      if (inFlight.get(db) === started) inFlight.delete(db);
    });
    inFlight.set(db, started);
    read = started;
  }
  return read;
}

async function readNow(db: PublicDatabase): Promise<PublicState> {
  const row = await db
    .selectFrom('public_state')
    .select(['version', 'advisory_count', 'updated_at'])
    .executeTakeFirst();
  // the migration inserts the row; without it (never in practice) everything reads as empty and uncached
  if (!row) return { version: '0', advisories: 0, updatedAt: new Date(0) };
  return { version: String(row.version), advisories: row.advisory_count, updatedAt: row.updated_at };
}

/**
 * Values built for one public version: a lookup under another version empties the cache first (what was built
 * for an older version is never served again, and never kept), and at most `max` entries are kept, the least
 * recently used dropped first. Concurrent misses of one key share one build.
 */
export class VersionCache<V> {
  #version: string | null = null;
  readonly #entries = new Map<string, Promise<V>>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(version: string, key: string, build: () => Promise<V>): Promise<V> {
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const value = build();
    this.#entries.set(key, value);
    // a failed build is not kept
    value.catch(() => {
      if (this.#entries.get(key) === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }
}

/**
 * A least-recently-used map of at most `maxEntries` entries and `maxSize` in total (size of a value: sizeOf,
 * e.g. a string's length), for values whose key already names their version (advisory id and revision).
 */
export class Lru<V> {
  readonly #entries = new Map<string, { value: V; size: number }>();
  #size = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxSize = Number.POSITIVE_INFINITY,
    readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const hit = this.#entries.get(key);
    if (hit === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    this.delete(key);
    if (size > this.maxSize) return;
    this.#entries.set(key, { value, size });
    this.#size += size;
    while (this.#entries.size > this.maxEntries || this.#size > this.maxSize) {
      this.delete(this.#entries.keys().next().value as string);
    }
  }

  delete(key: string): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#entries.delete(key);
    this.#size -= old.size;
  }
}
