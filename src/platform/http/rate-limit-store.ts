// A store for @fastify/rate-limit in PostgreSQL, so limits hold across app nodes (the default store counts
// per process). One upsert per limited request: a fixed window per key, reset when it has expired.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';

export function pgRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  class PgRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'global',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const k = `${this.prefix}|${key}`;
      const windowMs = Math.max(1, Math.round(timeWindow));
      sql<{ count: number; ttl: number }>`
        insert into rate_limits as r (key, count, expires_at)
        values (${k}, 1, now() + make_interval(secs => ${windowMs} / 1000.0))
        on conflict (key) do update set
          count = case when r.expires_at <= now() then 1 else r.count + 1 end,
          expires_at = case when r.expires_at <= now() then excluded.expires_at else r.expires_at end
        returning count, greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::int as ttl`
        .execute(db)
        .then((res) => {
          const row = res.rows[0]!;
          callback(null, { current: row.count, ttl: row.ttl });
          // now and then, forget windows that ended long ago
          if (Math.random() < 0.01) {
            sql`delete from rate_limits where expires_at < now() - interval '1 hour'`
              .execute(db)
              .catch(() => {});
          }
        })
        .catch((err: Error) => callback(err));
    }

    /**
     * The plugin calls this once per limited route with the merged limit settings (not the route options):
     * the route is in `routeInfo`. Routes that name a `groupId` share one bucket; every other route has its own.
     */
    child(options: unknown): FastifyRateLimitStore {
      // typed by the plugin as route options; at run time it is the merged settings with `routeInfo`
      const params = options as { groupId?: string; routeInfo?: { method?: unknown; url?: string } };
      const route = params.routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : String(route.method ?? '');
      return new PgRateLimitStore(
        params,
        params.groupId ? `group:${params.groupId}` : `${method} ${route.url ?? ''}`,
      );
    }
  }
  return PgRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
