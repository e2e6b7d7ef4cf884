// Tests only: real HTTP(S) servers on loopback that count what reached them, for the outbound client's tests
// ("the second server received no request") — no mocks of node:http.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TestServer = {
  /** e.g. http://127.0.0.1:40123 (no trailing slash) */
  origin: string;
  /** 'host:port', as allowHosts wants it */
  hostPort: string;
  port: number;
  /** requests that reached the handler, in order (method and path) */
  requests: string[];
  /** connections accepted, including ones that never sent a full request */
  connections: number;
  /** connections the client has closed */
  closedConnections: number;
  close(): Promise<void>;
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startTestServer(
  handler: Handler,
  opts: { host?: string; tls?: { key: string; cert: string } } = {},
): Promise<TestServer> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const state = { requests: [] as string[], connections: 0, closedConnections: 0 };
  const onRequest: Handler = (req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  };
  const server = opts.tls ? https.createServer(opts.tls, onRequest) : http.createServer(onRequest);
  const track = (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => {
      state.closedConnections++;
      sockets.delete(socket);
    });
  };
  server.on(opts.tls ? 'secureConnection' : 'connection', track);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const result: TestServer = {
    origin: `${opts.tls ? 'https' : 'http'}://${hostInUrl}:${port}`,
    hostPort: `${hostInUrl}:${port}`,
    port,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    get closedConnections() {
      return state.closedConnections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return result;
}

/** A throwaway self-signed certificate for 127.0.0.1 (made with the openssl command line tool). */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'keikai-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves once `check()` holds, or rejects after `ms` (for "the server saw the connection close"). */
export async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
