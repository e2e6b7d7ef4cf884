import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, describe, it } from 'node:test';
import { discoverSecurityTxt } from './security-txt-client.js';
import { eventually, startTestServer, type TestServer } from './testing.js';

const now = new Date('2026-12-01T00:00:00Z');
const WK = '/.well-known/security.txt';
const GOOD =
  'Contact: mailto:psirt@example.jp\nContact: https://example.jp/report\nExpires: 2027-06-30T15:00:00Z\nPreferred-Languages: ja, en\n';

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const text =
  (body: string | Buffer, type = 'text/plain; charset=utf-8'): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
const redirect =
  (to: () => string): Route =>
  (_req, res) => {
    res.writeHead(302, { location: to() });
    res.end();
  };

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A test site on 127.0.0.1 serving the given paths (anything else: 404). */
async function site(routes: Record<string, Route>, host?: string): Promise<TestServer> {
  const s = await startTestServer(
    (req, res) => {
      const route = routes[req.url ?? ''];
      if (route) return route(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    },
    host ? { host } : {},
  );
  servers.push(s);
  return s;
}

describe('discoverSecurityTxt', () => {
  it('finds the contact in /.well-known/security.txt of an allowed test site', async () => {
    const s = await site({ [WK]: text(GOOD) });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'found');
    assert.deepEqual(d.emails, ['psirt@example.jp']);
    assert.equal(d.url, `${s.origin}${WK}`);
    assert.deepEqual(d.tried, [`${s.origin}${WK}`]);
    assert.deepEqual(d.securityTxt?.preferredLanguages, ['ja', 'en']);
    assert.deepEqual(d.securityTxt?.issues, []);
  });

  it('falls back to the legacy /security.txt', async () => {
    const s = await site({ '/security.txt': text(GOOD) });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'found');
    assert.equal(d.url, `${s.origin}/security.txt`);
    assert.deepEqual(
      d.attempts.map((a) => [a.result, a.status]),
      [
        ['http-status', 404],
        ['parsed', 200],
      ],
    );
  });

  it('accepts a bare host:port: https is tried first, then plain http for the allowed test host', async () => {
    const s = await site({ [WK]: text(GOOD) });
    const d = await discoverSecurityTxt(s.hostPort, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'found');
    assert.deepEqual(d.tried, [
      `https://${s.hostPort}${WK}`,
      `https://${s.hostPort}/security.txt`,
      `http://${s.hostPort}${WK}`,
    ]);
    assert.deepEqual(
      d.attempts.map((a) => a.result),
      ['network', 'network', 'parsed'],
    );
  });

  it('reports an expired file, with its contacts kept for staff to judge', async () => {
    const s = await site({ [WK]: text('Contact: mailto:old@example.jp\nExpires: 2025-01-01T00:00:00Z\n') });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'expired');
    assert.equal(d.detail, '2025-01-01T00:00:00.000Z');
    assert.deepEqual(d.emails, ['old@example.jp']);
  });

  it('reports a file without Contact', async () => {
    const s = await site({
      [WK]: text('Expires: 2027-01-01T00:00:00Z\nPolicy: https://example.jp/policy\n'),
    });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'no-contact');
    assert.deepEqual(d.emails, []);
    assert.ok(d.securityTxt);
  });

  it('reports text/plain that is not a security.txt as malformed, after trying both paths', async () => {
    const junk = text('<html><body>Welcome!</body></html>\nlorem ipsum\n');
    const s = await site({ [WK]: junk, '/security.txt': junk });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'malformed');
    assert.equal(d.tried.length, 2);
    assert.ok(d.securityTxt?.issues.some((i) => i.code === 'bad-line'));
  });

  it('does not parse an HTML answer (a "soft 404") and calls it not found', async () => {
    const html = text(`<html>${GOOD}</html>`, 'text/html; charset=utf-8');
    const s = await site({ [WK]: html, '/security.txt': html });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'not-found');
    assert.deepEqual(
      d.attempts.map((a) => a.result),
      ['not-text-plain', 'not-text-plain'],
    );
    assert.equal(d.securityTxt, null);
  });

  it('reports not-found when neither path exists', async () => {
    const s = await site({});
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'not-found');
    assert.equal(d.url, null);
  });

  it('cuts off an oversized answer (too-large) and closes the connection', async () => {
    const s = await site({
      [WK]: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(8192, '#');
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {}
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('error', () => {});
        pump();
      },
    });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort], maxBytes: 65_536 });
    assert.equal(d.outcome, 'too-large');
    await eventually(() => s.closedConnections >= 1);
  });

  it('reports a file within the byte limit but over RFC 9116 size (32 KiB) as too-large', async () => {
    const s = await site({ [WK]: text(`${GOOD}${'# padding\n'.repeat(4000)}`) });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort], maxBytes: 65_536 });
    assert.equal(d.outcome, 'too-large');
  });

  it('refuses a redirect to another loopback address, and that server receives no request', async () => {
    const internal = await site({ [WK]: text(GOOD) }, '127.0.0.2');
    const s = await site({ [WK]: redirect(() => `${internal.origin}${WK}`) });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'blocked-address');
    assert.equal(d.tried.length, 1, 'no second path tried after a refusal');
    assert.equal(internal.connections, 0);
    assert.deepEqual(internal.requests, []);
  });

  it('refuses a redirect to a name that resolves to loopback (localhost), with no request', async () => {
    const internal = await site({ [WK]: text(GOOD) });
    const s = await site({ [WK]: redirect(() => `http://localhost:${internal.port}${WK}`) });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'blocked-address');
    assert.match(d.detail ?? '', /loopback/);
    assert.equal(internal.connections, 0);
  });

  it('refuses a redirect to a private RFC 1918 address', async () => {
    const s = await site({ [WK]: redirect(() => 'http://10.0.0.1/.well-known/security.txt') });
    const started = Date.now();
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'blocked-address');
    assert.ok(Date.now() - started < 2500, 'refused, not attempted');
  });

  it('refuses a site given as a private or loopback address in any spelling, without a request', async () => {
    const s = await site({ [WK]: text(GOOD) });
    for (const input of [
      s.origin, // loopback, not in allowHosts
      `http://[::1]:${s.port}/`,
      `http://[::ffff:127.0.0.1]:${s.port}/`,
      `http://2130706433:${s.port}/`,
      `localhost:${s.port}`,
      '10.0.0.1',
      '169.254.169.254',
      '[fd00::1]',
    ]) {
      const d = await discoverSecurityTxt(input, { now });
      assert.equal(d.outcome, 'blocked-address', input);
    }
    assert.equal(s.connections, 0);
  });

  it('gives up on a server whose headers never come, within the time limit', async () => {
    const s = await site({ [WK]: () => {} });
    const started = Date.now();
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort], timeoutMs: 300 });
    const took = Date.now() - started;
    assert.equal(d.outcome, 'timeout');
    assert.ok(took < 2500, `took ${took} ms`);
    assert.equal(d.tried.length, 1, 'the legacy path is not tried after a timeout');
  });

  it('reports too many redirects as unreachable, naming the reason', async () => {
    const s = await site({
      [WK]: redirect(() => `${s.origin}/a`),
      '/a': redirect(() => `${s.origin}/b`),
      '/b': redirect(() => `${s.origin}/c`),
      '/c': redirect(() => `${s.origin}/d`),
      '/security.txt': redirect(() => `${s.origin}/a`),
    });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'unreachable');
    assert.deepEqual(
      d.attempts.map((a) => a.result),
      ['too-many-redirects', 'too-many-redirects'],
    );
  });

  it('reports a host where nothing listens as unreachable', async () => {
    const gone = await startTestServer(() => {});
    const { hostPort, origin } = gone;
    await gone.close();
    const d = await discoverSecurityTxt(origin, { now, allowHosts: [hostPort] });
    assert.equal(d.outcome, 'unreachable');
    assert.match(d.detail ?? '', /network/);
  });

  it('keeps a Canonical mismatch as an issue for staff while using the contact', async () => {
    const s = await site({ [WK]: text(`${GOOD}Canonical: https://www.example.jp${WK}\n`) });
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort] });
    assert.equal(d.outcome, 'found');
    assert.deepEqual(
      d.securityTxt?.issues.map((i) => i.code),
      ['canonical-mismatch'],
    );
  });

  it('refuses what is not a host name or an http(s) URL, before any request', async () => {
    for (const input of [
      '',
      '   ',
      'ftp://example.jp/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@example.jp/',
      'exa mple.jp',
      'https://[::1/',
    ]) {
      const d = await discoverSecurityTxt(input, { now });
      assert.equal(d.outcome, 'bad-url', input);
      assert.deepEqual(d.tried, [], input);
    }
  });
});

describe('discoverSecurityTxt: one time limit for every path', () => {
  it('shares timeoutMs between the paths it tries', async () => {
    const slow404: Route = (_req, res) => {
      setTimeout(() => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }, 250);
    };
    const s = await site({ [WK]: slow404, '/security.txt': slow404 });
    const started = Date.now();
    const d = await discoverSecurityTxt(s.origin, { now, allowHosts: [s.hostPort], timeoutMs: 400 });
    const took = Date.now() - started;
    assert.equal(d.outcome, 'timeout');
    assert.ok(took < 1500, `took ${took} ms for a 400 ms limit`);
    assert.deepEqual(
      d.attempts.map((a) => a.result),
      ['http-status', 'timeout'],
    );
  });
});
