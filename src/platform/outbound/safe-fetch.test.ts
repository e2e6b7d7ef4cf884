import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { after, before, describe, it } from 'node:test';
import {
  guardedLookup,
  guardedLookupWith,
  type SafeFetchResult,
  safeFetch,
  USER_AGENT,
} from './safe-fetch.js';
import { eventually, selfSignedCertificate, startTestServer, type TestServer } from './testing.js';

function failed(r: SafeFetchResult) {
  assert.equal(r.ok, false, `expected a failure, got ${JSON.stringify(r)}`);
  return r as Extract<SafeFetchResult, { ok: false }>;
}

describe('safeFetch', () => {
  let site: TestServer; // the allowed test site
  let inner: TestServer; // a second server on 127.0.0.1 that must never be reached
  let inner2: TestServer; // a server on 127.0.0.2 that must never be reached
  let lastUserAgent = '';

  before(async () => {
    inner = await startTestServer((_req, res) => res.end('SECRET internal'));
    inner2 = await startTestServer((_req, res) => res.end('SECRET internal'), { host: '127.0.0.2' });
    site = await startTestServer((req, res) => {
      lastUserAgent = req.headers['user-agent'] ?? '';
      const path = req.url ?? '/';
      const redirect = (to: string, status = 302) => {
        res.writeHead(status, { location: to });
        res.end();
      };
      if (path === '/ok') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('hello');
      }
      if (path === '/to-inner-127.0.0.2') return redirect(`${inner2.origin}/`);
      if (path === '/to-localhost') return redirect(`http://localhost:${inner.port}/`);
      if (path === '/to-10') return redirect('http://10.0.0.1/');
      if (path === '/to-metadata') return redirect('http://169.254.169.254/latest/meta-data/', 301);
      if (path === '/to-mapped') return redirect(`http://[::ffff:127.0.0.1]:${inner.port}/`, 307);
      if (path === '/relative') return redirect('/ok', 308);
      if (path.startsWith('/loop/')) return redirect(`/loop/${Number(path.slice(6)) + 1}`);
      if (path === '/to-file') return redirect('file:///etc/passwd');
      if (path === '/to-userinfo') return redirect(`http://user:pw@${site.hostPort}/ok`);
      if (path === '/no-location') return redirect('');
      if (path === '/missing') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not here');
      }
      if (path === '/endless') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        const pump = () => {
          while (res.write(chunk)) {
            if (res.destroyed) return;
          }
          res.once('drain', pump);
        };
        res.on('error', () => {});
        return pump();
      }
      if (path === '/declared-large') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10_000_000) });
        return res.write('a'); // and then nothing: the client must not wait for the rest
      }
      if (path === '/exact') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(Buffer.alloc(1000, 'b'));
      }
      if (path === '/silent') return; // never answers
      if (path === '/drip') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const t = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(t));
        return;
      }
      res.writeHead(500);
      res.end();
    });
  });

  after(async () => {
    await Promise.all([site.close(), inner.close(), inner2.close()]);
  });

  const allow = () => [site.hostPort];

  it('fetches from an allowed test host, naming keikai in the User-Agent', async () => {
    const r = await safeFetch(`${site.origin}/ok`, { allowHosts: allow() });
    assert.ok(r.ok);
    assert.equal(r.status, 200);
    assert.equal(r.body.toString(), 'hello');
    assert.equal(r.contentType, 'text/plain; charset=utf-8');
    assert.equal(r.finalUrl, `${site.origin}/ok`);
    assert.deepEqual(r.redirects, []);
    assert.equal(lastUserAgent, USER_AGENT);
    assert.match(USER_AGENT, /keikai/);
  });

  it('refuses the same loopback server when it is not in allowHosts, with no request made', async () => {
    const before = site.connections;
    const r = failed(await safeFetch(`${site.origin}/ok`));
    assert.equal(r.error, 'blocked-address');
    assert.equal(site.connections, before);
  });

  it('refuses a host name that resolves to loopback (localhost), in the lookup, before connecting', async () => {
    const r = failed(await safeFetch(`http://localhost:${inner.port}/`));
    assert.equal(r.error, 'blocked-address');
    assert.match(r.detail ?? '', /localhost → 127\.0\.0\.1: loopback/);
    assert.equal(inner.connections, 0);
  });

  it('refuses private and special IP literals in every spelling, without a request', async () => {
    const urls = [
      `http://127.0.0.2:${inner2.port}/`,
      `http://[::1]:${inner.port}/`,
      `http://[::ffff:127.0.0.1]:${inner.port}/`,
      `http://[::ffff:7f00:1]:${inner.port}/`,
      `http://2130706433:${inner.port}/`, // the URL parser reads it as 127.0.0.1
      `http://0x7f.1:${inner.port}/`,
      `http://0177.0.0.1:${inner.port}/`,
      `http://127.1:${inner.port}/`,
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
      'http://255.255.255.255/',
      'http://224.0.0.1/',
      'https://[fd00::1]/',
      'https://[fe80::1]/',
      'https://[::]/',
      'https://[ff02::1]/',
      'http://[64:ff9b::a00:1]/',
    ];
    for (const url of urls) {
      const started = Date.now();
      const r = failed(await safeFetch(url, { allowHosts: allow() }));
      assert.equal(r.error, 'blocked-address', url);
      assert.ok(Date.now() - started < 2000, `${url} refused at once, not after a connection attempt`);
    }
    assert.equal(inner.connections, 0);
    assert.equal(inner2.connections, 0);
  });

  it('refuses a redirect to another loopback address and never reaches it', async () => {
    const r = failed(await safeFetch(`${site.origin}/to-inner-127.0.0.2`, { allowHosts: allow() }));
    assert.equal(r.error, 'blocked-address');
    assert.equal(r.url, `${inner2.origin}/`);
    assert.deepEqual(r.redirects, [`${inner2.origin}/`]);
    assert.equal(inner2.connections, 0);
    assert.deepEqual(inner2.requests, []);
  });

  it('…and the same redirect does reach it when it is allowed (so the check above is meaningful)', async () => {
    const r = await safeFetch(`${site.origin}/to-inner-127.0.0.2`, {
      allowHosts: [site.hostPort, inner2.hostPort],
    });
    assert.ok(r.ok);
    assert.equal(r.body.toString(), 'SECRET internal');
    assert.equal(inner2.requests.length, 1);
  });

  it('refuses redirects to a name resolving to loopback, to RFC 1918, to link-local metadata and to IPv4-mapped loopback', async () => {
    const before = inner.connections;
    for (const path of ['/to-localhost', '/to-10', '/to-metadata', '/to-mapped']) {
      const r = failed(await safeFetch(`${site.origin}${path}`, { allowHosts: allow() }));
      assert.equal(r.error, 'blocked-address', path);
      assert.equal(r.redirects.length, 1, path);
    }
    assert.equal(inner.connections, before);
  });

  it('follows a relative redirect and reports the hops', async () => {
    const r = await safeFetch(`${site.origin}/relative`, { allowHosts: allow() });
    assert.ok(r.ok);
    assert.equal(r.finalUrl, `${site.origin}/ok`);
    assert.deepEqual(r.redirects, [`${site.origin}/ok`]);
  });

  it('stops after maxRedirects hops', async () => {
    const count = site.requests.length;
    const r = failed(await safeFetch(`${site.origin}/loop/0`, { allowHosts: allow() }));
    assert.equal(r.error, 'too-many-redirects');
    assert.equal(r.redirects.length, 3);
    assert.equal(site.requests.length - count, 4, 'the first request and three redirects');
    const one = failed(await safeFetch(`${site.origin}/loop/0`, { allowHosts: allow(), maxRedirects: 1 }));
    assert.equal(one.error, 'too-many-redirects');
    assert.equal(one.redirects.length, 1);
  });

  it('refuses a redirect to another scheme, to a URL with credentials, and one with no Location', async () => {
    assert.equal(failed(await safeFetch(`${site.origin}/to-file`, { allowHosts: allow() })).error, 'bad-url');
    assert.equal(
      failed(await safeFetch(`${site.origin}/to-userinfo`, { allowHosts: allow() })).error,
      'bad-url',
    );
    const r = failed(await safeFetch(`${site.origin}/no-location`, { allowHosts: allow() }));
    assert.equal(r.error, 'http-status');
    assert.equal(r.status, 302);
  });

  it('reports an error status with its number', async () => {
    const r = failed(await safeFetch(`${site.origin}/missing`, { allowHosts: allow() }));
    assert.equal(r.error, 'http-status');
    assert.equal(r.status, 404);
  });

  it('cuts off a body that streams past maxBytes, closing the connection', async () => {
    const closed = site.closedConnections;
    const r = failed(await safeFetch(`${site.origin}/endless`, { allowHosts: allow(), maxBytes: 100_000 }));
    assert.equal(r.error, 'too-large');
    await eventually(() => site.closedConnections > closed);
  });

  it('refuses a declared Content-Length past maxBytes without waiting for the body', async () => {
    const r = failed(
      await safeFetch(`${site.origin}/declared-large`, { allowHosts: allow(), timeoutMs: 2000 }),
    );
    assert.equal(r.error, 'too-large');
  });

  it('accepts a body of exactly maxBytes and refuses one byte less of allowance', async () => {
    assert.ok((await safeFetch(`${site.origin}/exact`, { allowHosts: allow(), maxBytes: 1000 })).ok);
    const r = failed(await safeFetch(`${site.origin}/exact`, { allowHosts: allow(), maxBytes: 999 }));
    assert.equal(r.error, 'too-large');
  });

  it('gives up on a server whose headers never come, within the time limit, and hangs up', async () => {
    const closed = site.closedConnections;
    const started = Date.now();
    const r = failed(await safeFetch(`${site.origin}/silent`, { allowHosts: allow(), timeoutMs: 300 }));
    const took = Date.now() - started;
    assert.equal(r.error, 'timeout');
    assert.ok(took >= 290 && took < 2500, `took ${took} ms`);
    await eventually(() => site.closedConnections > closed);
  });

  it('counts the time limit over the whole body, not per chunk (a dripping server)', async () => {
    const started = Date.now();
    const r = failed(await safeFetch(`${site.origin}/drip`, { allowHosts: allow(), timeoutMs: 400 }));
    assert.equal(r.error, 'timeout');
    assert.ok(Date.now() - started < 2500);
  });

  it('refuses URLs that are not plain http(s) to a host', async () => {
    for (const url of [
      'not a url',
      '',
      'ftp://example.jp/security.txt',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/plain,Contact:%20mailto:x@example.jp',
      'http://user:secret@example.jp/',
      'http://user@example.jp/',
      `https://example.jp/${'a'.repeat(3000)}`,
      'http://exa mple.jp/',
      'https://[::1/',
    ]) {
      assert.equal(failed(await safeFetch(url)).error, 'bad-url', url);
    }
  });

  it('reports an unknown host as a network failure', async () => {
    const r = failed(
      await safeFetch('https://no-such-host.invalid/.well-known/security.txt', { timeoutMs: 3000 }),
    );
    assert.ok(r.error === 'network' || r.error === 'timeout', r.error);
  });
});

describe('safeFetch over https', () => {
  let secure: TestServer;
  let plain: TestServer;
  let tls: { key: string; cert: string };

  before(async () => {
    tls = selfSignedCertificate();
    plain = await startTestServer((_req, res) => res.end('plain'));
    secure = await startTestServer(
      (req, res) => {
        if (req.url === '/down') {
          res.writeHead(301, { location: `${plain.origin}/` });
          return res.end();
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('secure');
      },
      { tls },
    );
  });

  after(async () => {
    await Promise.all([secure.close(), plain.close()]);
  });

  it('fetches over https with the trusted test CA', async () => {
    const r = await safeFetch(`${secure.origin}/`, { allowHosts: [secure.hostPort], tlsCa: tls.cert });
    assert.ok(r.ok);
    assert.equal(r.body.toString(), 'secure');
  });

  it('checks the looked-up addresses for https connections too', async () => {
    const before = secure.connections;
    const r = failed(await safeFetch(`https://localhost:${secure.port}/`, { tlsCa: tls.cert }));
    assert.equal(r.error, 'blocked-address');
    assert.match(r.detail ?? '', /^localhost → /);
    assert.equal(secure.connections, before);
  });

  it('refuses a certificate it does not trust', async () => {
    const r = failed(await safeFetch(`${secure.origin}/`, { allowHosts: [secure.hostPort] }));
    assert.equal(r.error, 'network');
  });

  it('refuses a redirect from https down to http, even to an allowed host, without requesting it', async () => {
    const r = failed(
      await safeFetch(`${secure.origin}/down`, {
        allowHosts: [secure.hostPort, plain.hostPort],
        tlsCa: tls.cert,
      }),
    );
    assert.equal(r.error, 'downgrade');
    assert.equal(r.url, `${plain.origin}/`);
    assert.equal(plain.connections, 0);
  });
});

describe('guardedLookup (the lookup the socket uses)', () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>((resolve) =>
      guardedLookup(host, { all }, (err, address) => resolve({ err, address })),
    );

  it('refuses a name with a loopback address, in both calling conventions', async () => {
    for (const all of [false, true]) {
      const { err } = await lookup('localhost', all);
      assert.equal(err?.code, 'EKEIKAIBLOCKED');
    }
  });

  it('refuses a name if any one of its addresses is private, and asks again on every connection', async () => {
    const answers: LookupAddress[][] = [
      [{ address: '93.184.215.14', family: 4 }],
      [
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
      [{ address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }],
      [{ address: '::ffff:192.168.0.1', family: 6 }],
    ];
    let calls = 0;
    const rebinding = guardedLookupWith((_host, _opts, cb) => cb(null, answers[calls++]!));
    const connect = (all: boolean) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>(
        (resolve) =>
          rebinding('rebind.example', { all }, (err, address, family) => resolve({ err, address, family })),
      );
    assert.deepEqual(await connect(false), { err: null, address: '93.184.215.14', family: 4 });
    const second = await connect(true);
    assert.equal(second.err?.code, 'EKEIKAIBLOCKED');
    assert.match(second.err?.message ?? '', /10\.0\.0\.7: private/);
    assert.deepEqual((await connect(true)).address, answers[2]);
    assert.equal((await connect(false)).err?.code, 'EKEIKAIBLOCKED');
    assert.equal(calls, 4, 'one resolution per connection, none cached');
  });

  it('treats an empty answer as a name that does not resolve', async () => {
    const none = guardedLookupWith((_host, _opts, cb) => cb(null, []));
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      none('empty.example', { all: false }, (e) => resolve(e)),
    );
    assert.equal(err?.code, 'ENOTFOUND');
  });

  it('passes DNS failures through', async () => {
    const { err } = await lookup('no-such-host.invalid', false);
    assert.ok(err);
    assert.notEqual(err.code, 'EKEIKAIBLOCKED');
  });
});
