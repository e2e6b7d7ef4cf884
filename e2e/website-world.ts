// The world of the website-track browser test (issue 6): everything the intake world has — a keikai on loopback
// whose mail worker delivers to a test SMTP server, PUBLIC_URL set to its own address, one watched Chromium — plus
// a test website on loopback that serves a security.txt, with keikai's outbound client allowed to reach that one
// host:port (KEIKAI_OUTBOUND_ALLOW_HOSTS; every other private address stays refused).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type StepSuite, stepSuite } from './harness.js';
import { IntakeWorld } from './intake-world.js';

/**
 * A website on 127.0.0.1: an HTML page for any path, and /.well-known/security.txt (text/plain) with one
 * Contact: mailto: line and an Expires a year ahead. Every request is kept, so a test can show keikai asked.
 */
export class TestSite {
  readonly requests: string[] = [];
  port = 0;
  readonly #server: Server;

  constructor(readonly contact: string) {
    this.#server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.requests.push(`${req.method} ${path}`);
      if (path === '/.well-known/security.txt') {
        const expires = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(
          [
            `Contact: mailto:${this.contact}`,
            `Expires: ${expires}`,
            'Preferred-Languages: ja, en',
            `Canonical: ${this.origin}/.well-known/security.txt`,
            '',
          ].join('\n'),
        );
        return;
      }
      if (path === '/security.txt') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="ja"><title>例示ショップ</title><h1>例示ショップ</h1></html>');
    });
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** host:port, as KEIKAI_OUTBOUND_ALLOW_HOSTS spells it */
  get hostPort(): string {
    return `127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** The intake world with a test website, and keikai allowed to fetch from it (and from nowhere else private). */
export class WebsiteWorld extends IntakeWorld {
  readonly site = new TestSite('security@narukami-shop.example');

  override async start(): Promise<void> {
    await this.site.listen();
    await super.start({ env: { KEIKAI_OUTBOUND_ALLOW_HOSTS: this.site.hostPort } });
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.site.close();
  }
}

/** The website world in a suite of ordered steps (harness.ts's stepSuite). */
export function websiteSuite(): StepSuite<WebsiteWorld> {
  return stepSuite(new WebsiteWorld());
}
