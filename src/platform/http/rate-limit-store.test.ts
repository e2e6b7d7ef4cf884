import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import Fastify from 'fastify';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { pgRateLimitStore } from './rate-limit-store.js';

function incr(store: FastifyRateLimitStore, key: string, windowMs: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), windowMs, 10),
  );
}

// what the plugin passes to child(): its merged limit settings, the route under `routeInfo`
const route = (method: string, url: string, groupId?: string) =>
  ({ routeInfo: { method, url }, ...(groupId ? { groupId } : {}) }) as never;

describe('rate limits kept in PostgreSQL', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('counts one key across two app nodes, as one window', async () => {
    const Store = pgRateLimitStore(t.ctx.db);
    const nodeA = new Store({} as never).child(route('POST', '/login'));
    const nodeB = new Store({} as never).child(route('POST', '/login'));
    assert.equal((await incr(nodeA, '192.0.2.1', 60_000)).current, 1);
    assert.equal((await incr(nodeB, '192.0.2.1', 60_000)).current, 2);
    const third = await incr(nodeA, '192.0.2.1', 60_000);
    assert.equal(third.current, 3);
    assert.ok(third.ttl > 50_000 && third.ttl <= 60_000, `ttl ${third.ttl}`);
  });

  it('keeps routes and keys apart, unless routes share a group', async () => {
    const Store = pgRateLimitStore(t.ctx.db);
    const login = new Store({} as never).child(route('POST', '/login'));
    const reports = new Store({} as never).child(route('POST', '/reports/new/software'));
    assert.equal((await incr(login, '198.51.100.7', 60_000)).current, 1);
    assert.equal((await incr(reports, '198.51.100.7', 60_000)).current, 1);
    assert.equal((await incr(login, '198.51.100.8', 60_000)).current, 1);
    const formA = new Store({} as never).child(route('POST', '/a', 'submissions'));
    const formB = new Store({} as never).child(route('POST', '/b', 'submissions'));
    assert.equal((await incr(formA, '198.51.100.9', 60_000)).current, 1);
    assert.equal((await incr(formB, '198.51.100.9', 60_000)).current, 2);
  });

  it('starts a new window once the old one has ended', async () => {
    const store = new (pgRateLimitStore(t.ctx.db))({} as never).child(route('POST', '/login'));
    await incr(store, '203.0.113.9', 200);
    assert.equal((await incr(store, '203.0.113.9', 200)).current, 2);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await incr(store, '203.0.113.9', 200)).current, 1);
  });

  it('gives each route its own bucket when used through the plugin itself', async () => {
    const app = Fastify();
    await app.register(rateLimit, { global: false, store: pgRateLimitStore(t.ctx.db) });
    app.get('/one', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => 'one');
    app.get('/two', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => 'two');
    await app.ready();
    try {
      const codes = [];
      for (const url of ['/one', '/one', '/one', '/two', '/two'])
        codes.push((await app.inject({ url })).statusCode);
      assert.deepEqual(codes, [200, 200, 429, 200, 200]);
    } finally {
      await app.close();
    }
  });
});
