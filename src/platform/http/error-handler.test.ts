import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { type App, buildServer } from './server.js';

describe('errors from JSON routes validated by zod', () => {
  let t: TestApp;
  let app: App;
  before(async () => {
    t = await startTestApp();
    app = await buildServer(t.ctx, [
      (a) => {
        a.post(
          '/api/v1/echo',
          { schema: { body: z.object({ name: z.string().min(3), age: z.number().int() }) } },
          async (req) => req.body,
        );
      },
    ]);
    await app.ready();
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  it('answers bad JSON fields with 400 and a message per field in English', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { name: 'x', age: 'old' },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'validation');
    assert.deepEqual(Object.keys(body.error.fields).sort(), ['age', 'name']);
    assert.match(body.error.fields.name[0], /3/);
  });

  it('words the same errors in Japanese when asked', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { name: 'x', age: 1 },
      headers: { 'accept-language': 'ja' },
    });
    assert.equal(res.statusCode, 400);
    const msg: string = res.json().error.fields.name[0];
    assert.match(msg, /[\u3040-\u30ff\u4e00-\u9fff]/, `expected Japanese, got ${msg}`);
  });
});
