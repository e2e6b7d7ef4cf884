import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';

describe('operations surface', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('answers liveness and readiness', async () => {
    const live = await t.app.inject({ url: '/healthz' });
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
  });

  it('serves an OpenAPI 3 document that lists the operations routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/healthz']);
    assert.ok(doc.paths['/readyz']);
  });

  it('sends strict security headers and a CSP without inline script', async () => {
    const res = await t.app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['x-frame-options'] ?? ''), /DENY|SAMEORIGIN/);
  });

  it('answers an unknown page with a 404 page in Japanese, or English when asked', async () => {
    const ja = await t.app.inject({ url: '/no-such-page' });
    assert.equal(ja.statusCode, 404);
    assert.match(ja.body, /ページが見つかりません/);
    const en = await t.app.inject({ url: '/no-such-page', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.match(en.body, /Page not found/);
    assert.match(en.body, /<html lang="en"/);
  });

  it('rejects a form post without a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/locale',
      payload: 'locale=en',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /フォームの有効期限/);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/locale',
      payload: `locale=${'x'.repeat(2_000_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 413);
  });
});
