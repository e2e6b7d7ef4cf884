import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { pgRateLimitStore } from './rate-limit-store.js';

function incr(store: FastifyRateLimitStore, key: string, windowMs: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), windowMs, 10),
  );
}

describe('rate limits kept in PostgreSQL', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const route = { path: '/login', prefix: '', method: 'POST' } as never;

  it('counts one key across two app nodes, as one window', async () => {
    const Store = pgRateLimitStore(t.ctx.db);
    const nodeA = new Store({} as never).child(route);
    const nodeB = new Store({} as never).child(route);
    assert.equal((await incr(nodeA, '192.0.2.1', 60_000)).current, 1);
    assert.equal((await incr(nodeB, '192.0.2.1', 60_000)).current, 2);
    const third = await incr(nodeA, '192.0.2.1', 60_000);
    assert.equal(third.current, 3);
    assert.ok(third.ttl > 50_000 && third.ttl <= 60_000, `ttl ${third.ttl}`);
  });

  it('keeps routes and keys apart', async () => {
    const Store = pgRateLimitStore(t.ctx.db);
    const login = new Store({} as never).child(route);
    const reports = new Store({} as never).child({ path: '/reports', prefix: '', method: 'POST' } as never);
    assert.equal((await incr(login, '198.51.100.7', 60_000)).current, 1);
    assert.equal((await incr(reports, '198.51.100.7', 60_000)).current, 1);
    assert.equal((await incr(login, '198.51.100.8', 60_000)).current, 1);
  });

  it('starts a new window once the old one has ended', async () => {
    const store = new (pgRateLimitStore(t.ctx.db))({} as never).child(route);
    await incr(store, '203.0.113.9', 200);
    assert.equal((await incr(store, '203.0.113.9', 200)).current, 2);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await incr(store, '203.0.113.9', 200)).current, 1);
  });
});
