// The advisory page keeps the rendered main content per (advisory, revision, language) and injects it into the
// layout, and the API keeps each revision's JSON: hostile text in a document is still escaped through the
// cache, the layout's per-viewer parts (CSRF token, navigation) are never cached for a signed-in viewer, an
// anonymous visitor gets the same whole page every time (public, ETag, no cookie), a new revision or another
// language is rendered afresh, and the cached JSON is the document as the schema serializes it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { sessionOf } from '../../testing/world.js';
import { Lru, VersionCache } from './public-state.js';
import { sampleDocument, seedPublic } from './testing.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

describe('advisory page and API caches', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const doc = (revision: number, solution: string) =>
    sampleDocument({
      id: 'JVN#40000001',
      revision,
      firstPublishedAt: '2026-11-01T01:00:00.000Z',
      lastUpdatedAt: revision === 1 ? '2026-11-01T01:00:00.000Z' : '2026-11-20T01:00:00.000Z',
      title: { ja: `題名 ${HOSTILE}`, en: `Title ${HOSTILE}` },
      overview: { ja: `概要 ${HOSTILE}`, en: '' },
      solution: { ja: solution, en: solution },
      developers: [{ slug: 'evil-corp', name: { ja: `悪 ${HOSTILE}`, en: '' } }],
      credits: [{ ja: HOSTILE, en: HOSTILE }],
    });

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    await seedPublic(t.ctx, [doc(1, '第1版の対策')]);
  });
  after(() => t?.close());

  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

  it('escapes hostile text on the first (rendered) and the next (cached) answer alike', async () => {
    const first = await get('/advisories/JVN40000001');
    const second = await get('/advisories/JVN40000001');
    for (const res of [first, second]) {
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      assert.ok(!res.body.includes('<script>alert'), 'no live script');
      assert.ok(!res.body.includes('<img src=x'), 'no live element');
      assert.ok(res.body.includes('&lt;script>alert(&quot;x&quot;)&lt;/script>'), 'escaped as text');
      assert.match(res.body, /<title>JVN#40000001: 題名 &lt;script>/);
    }
    const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    assert.equal(main(first.body), main(second.body), 'the cached main content is the rendered one');
  });

  it('serves anonymous visitors one whole page: identical, public, no cookie, no token, with an ETag and 304', async () => {
    const first = await get('/advisories/JVN40000001');
    const second = await get('/advisories/JVN40000001');
    assert.equal(first.body, second.body, 'nothing per request in the page');
    assert.equal(first.headers['cache-control'], 'public, max-age=300');
    assert.equal(first.headers['set-cookie'], undefined, 'no CSRF secret (or any) cookie');
    assert.equal(second.headers['set-cookie'], undefined);
    assert.equal(csrfOf(first.body), undefined, 'no CSRF token in the page');
    assert.match(first.body, /action="\/preferences\/locale"/, 'the language switch is there');
    assert.ok(first.headers.etag && first.headers.etag === second.headers.etag);
    assert.match(String(first.headers.vary), /Cookie/);
    const notModified = await get('/advisories/JVN40000001', { 'if-none-match': String(first.headers.etag) });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
    const en = await get('/advisories/JVN40000001', { 'accept-language': 'en' });
    assert.notEqual(en.headers.etag, first.headers.etag, 'another language, another tag');
  });

  it('renders the layout per signed-in viewer: their own name and CSRF token, no-store', async () => {
    const org = await makeOrganization(t.ctx, 'product_developer', 'Cache Test');
    const user = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
    const other = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
    const b = await sessionOf(t, user.userId);
    const c = await sessionOf(t, other.userId);
    const signedIn = await b.get('/advisories/JVN40000001');
    const otherPage = await c.get('/advisories/JVN40000001');
    for (const res of [signedIn, otherPage]) {
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers.etag, undefined);
      assert.ok(res.body.includes('第1版の対策'));
    }
    assert.ok(signedIn.body.includes(user.email) && !signedIn.body.includes(other.email), 'their own name');
    assert.ok(otherPage.body.includes(other.email));
    const s = csrfOf(signedIn.body);
    const o = csrfOf(otherPage.body);
    assert.ok(s && o && s !== o, 'each viewer gets their own token');
  });

  it('accepts a language POST without a token, and it does nothing but set the language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/preferences/locale',
      payload: 'locale=en&returnTo=https://evil.example/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/', 'never a redirect elsewhere');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    assert.equal(cookies.length, 1);
    assert.match(cookies[0] ?? '', /^keikai_lang=en;/);
    // other form posts still need their token
    const logout = await t.app.inject({ method: 'POST', url: '/logout', payload: {} });
    assert.equal(logout.statusCode, 403);
  });

  it('renders another language and a new revision afresh', async () => {
    const en = await get('/advisories/JVN40000001', { 'accept-language': 'en' });
    assert.match(en.body, /<h1>Title &lt;script>/);
    assert.match(en.body, /<div lang="ja"><p>概要 &lt;script>/, 'ja fallback marked for the English reader');
    const ja = await get('/advisories/JVN40000001');
    assert.match(ja.body, /<h1>題名 &lt;script>/);

    await seedPublic(t.ctx, [doc(2, '第2版の対策')]);
    const after2 = await get('/advisories/JVN40000001');
    assert.ok(after2.body.includes('第2版の対策') && !after2.body.includes('第1版の対策'));
    const en2 = await get('/advisories/JVN40000001', { 'accept-language': 'en' });
    assert.ok(en2.body.includes('第2版の対策'));
  });

  it('serves the API document from its cache as the schema serializes it, with a new ETag per revision', async () => {
    const first = await get('/api/v1/advisories/JVN40000001');
    const second = await get('/api/v1/advisories/JVN%2340000001');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['content-type']), /^application\/json; charset=utf-8$/);
    assert.equal(first.body, second.body);
    assert.equal(first.headers.etag, second.headers.etag);
    const body = first.json();
    assert.equal(body.revision, 2);
    assert.equal(body.title.ja, `題名 ${HOSTILE}`);
    assert.equal(body.solution.ja, '第2版の対策');
    const again = await get('/api/v1/advisories/JVN40000001', {
      'if-none-match': String(first.headers.etag),
    });
    assert.equal(again.statusCode, 304);
    await seedPublic(t.ctx, [doc(3, '第3版の対策')]);
    const third = await get('/api/v1/advisories/JVN40000001', {
      'if-none-match': String(first.headers.etag),
    });
    assert.equal(third.statusCode, 200);
    assert.notEqual(third.headers.etag, first.headers.etag);
    assert.equal(third.json().solution.ja, '第3版の対策');
  });

  it('keeps the latest list per public version: escaped, and new advisories show at once', async () => {
    const first = await get('/advisories');
    const again = await get('/advisories');
    for (const res of [first, again]) {
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      assert.equal(res.headers['set-cookie'], undefined);
      assert.ok(!res.body.includes('<script>alert'));
      assert.ok(res.body.includes('題名 &lt;script>'));
    }
    const apiBefore = await get('/api/v1/advisories');
    assert.equal(
      (await get('/api/v1/advisories', { 'if-none-match': String(apiBefore.headers.etag) })).statusCode,
      304,
    );
    assert.ok(!apiBefore.json().items.some((i: { id: string }) => i.id === 'JVN#40000002'));
    await seedPublic(t.ctx, [sampleDocument({ id: 'JVN#40000002', title: { ja: '新しい題名', en: 'New' } })]);
    const apiAfter = await get('/api/v1/advisories', { 'if-none-match': String(apiBefore.headers.etag) });
    assert.equal(apiAfter.statusCode, 200, 'a new version: the list is built again');
    assert.ok(apiAfter.json().items.some((i: { id: string }) => i.id === 'JVN#40000002'));
    const after = await get('/advisories');
    assert.ok(after.body.includes('新しい題名'));
    assert.ok((await get('/advisories', { 'accept-language': 'en' })).body.includes('>New<'));
  });

  it('keeps caches bounded: least recently used out first, by count and size; one version at a time', async () => {
    const lru = new Lru<string>(2, 10, (s) => s.length);
    lru.set('a', 'aaa');
    lru.set('b', 'bbb');
    assert.equal(lru.get('a'), 'aaa');
    lru.set('c', 'ccc');
    assert.equal(lru.get('b'), undefined, 'b was the least recently used');
    lru.set('d', 'dddddddd');
    assert.equal(lru.size, 1, 'size cap: only d fits with nothing else');
    lru.set('e', 'e'.repeat(11));
    assert.equal(lru.get('e'), undefined, 'larger than the cap: not kept');

    const cache = new VersionCache<number>(2);
    let builds = 0;
    const build = async () => ++builds;
    assert.equal(await cache.get('1', 'x', build), 1);
    assert.equal(await cache.get('1', 'x', build), 1, 'kept for the version');
    await cache.get('1', 'y', build);
    await cache.get('1', 'z', build);
    assert.equal(cache.size, 2);
    assert.equal(await cache.get('2', 'x', build), 4, 'another version: built again');
    assert.equal(cache.size, 1, 'the old version is dropped');
    await assert.rejects(cache.get('2', 'bad', async () => Promise.reject(new Error('no'))));
    assert.equal(await cache.get('2', 'bad', build), 5, 'a failed build is not kept');
  });
});
