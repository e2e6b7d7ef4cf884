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
    // (the language switch is exempt: a forged language choice harms nobody — see server.ts)
    const res = await t.app.inject({
      method: 'POST',
      url: '/subscribe',
      payload: 'email=someone%40example.test&locale=en',
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

  it('answers a malformed JSON body with a 400 page in the user language, never a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/locale',
      payload: '{"broken": ',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /The request is malformed/);
  });

  it('answers an unsupported content type with 415, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/locale',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(res.statusCode, 415);
  });

  it('answers unknown API paths with JSON, not an HTML page', async () => {
    const res = await t.app.inject({ url: '/api/v1/does-not-exist', headers: { 'accept-language': 'ja' } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
    assert.equal(res.json().error.message, 'ページが見つかりません。');
  });

  it('switches the language with a CSRF-protected form and remembers it in a cookie', async () => {
    const page = await t.app.inject({ url: '/' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf);
    const cookies = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/locale',
      payload: new URLSearchParams({ _csrf: csrf, locale: 'en', returnTo: '/no-such' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/no-such');
    const lang = res.cookies.find((c) => c.name === 'keikai_lang');
    assert.equal(lang?.value, 'en');
    const after = await t.app.inject({ url: '/', headers: { cookie: `keikai_lang=en` } });
    assert.match(after.body, /<html lang="en"/);
  });

  it('never redirects the language switch to another site', async () => {
    const page = await t.app.inject({ url: '/' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookies = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/preferences/locale',
        payload: new URLSearchParams({ _csrf: csrf, locale: 'ja', returnTo }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      });
      assert.equal(res.headers.location, '/');
    }
  });
});
