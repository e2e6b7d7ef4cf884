// HTTP throughput and latency of one keikai process on loopback: /healthz (the floor: routing, hooks,
// security headers) and / (the home page: i18n, CSRF token, server-rendered JSX), each under 50 connections
// for ~8 s after a 2 s warm-up. The load comes from autocannon in a separate process, so it does not share
// the server's event loop. Bounded: every run has a fixed duration and a hard kill after it.
//
//   node --import tsx bench/http.ts                 (from an npm script: Node 24, as in production)
//   BENCH_DURATION=20 BENCH_CONNECTIONS=100 node --import tsx bench/http.ts
//
// The app runs as `keikai serve` does: production mode, an embedded PostgreSQL in a temporary folder,
// migrations, the job worker in-process, and every request logged at `info` (to /dev/null, so the cost of
// logging is measured but the output is not shown).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createRuntime, createServer } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/platform/db/connect.js';
import { migrate } from '../src/platform/db/database.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2);

interface Result {
  path: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

/** Runs autocannon in its own process and returns its JSON summary; killed if it overruns. */
function autocannon(url: string, seconds: number): Promise<Record<string, unknown>> {
  return new Promise((resolveFn, reject) => {
    const child = spawn(
      process.execPath,
      [autocannonCli, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), '-t', '10', url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`autocannon failed (${code ?? signal}): ${err.slice(-1000)}`));
        return;
      }
      resolveFn(JSON.parse(line) as Record<string, unknown>);
    });
  });
}

async function measure(base: string, path: string): Promise<Result> {
  const url = `${base}${path}`;
  await autocannon(url, WARMUP_S);
  const r = (await autocannon(url, DURATION_S)) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    path,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keikai-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    KEIKAI_DATA_DIR: dataDir,
    KEIKAI_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    KEIKAI_LOG_LEVEL: 'info',
    KEIKAI_DEMO: 'false',
    PORT: '0',
  });
  const log = pino({ level: 'info' }, pino.destination('/dev/null'));
  const handle = await connectDatabase(config, () => {});
  try {
    const runtime = await createRuntime(config, handle.url, { log });
    await migrate(runtime.ctx.db);
    await runtime.jobs.start();
    await runtime.jobs.work();
    const app = await createServer(runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      process.stdout.write(
        `keikai HTTP bench — ${new Date().toISOString()}, Node ${process.versions.node}, ` +
          `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
          `c=${CONNECTIONS}, ${DURATION_S} s after ${WARMUP_S} s warm-up, loopback, ` +
          `load average before: ${loadavg()[0]!.toFixed(2)}\n`,
      );
      if (Number(process.versions.node.split('.')[0]) < 24) {
        process.stdout.write(`note: keikai targets Node 24; run this with ./node_modules/.bin/node\n`);
      }
      const results: Result[] = [];
      for (const path of ['/healthz', '/']) {
        const r = await measure(base, path);
        results.push(r);
        process.stdout.write(
          `${path.padEnd(9)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   ` +
            `p99 ${String(r.p99).padStart(4)} ms   (${r.requests} requests, ${r.non2xx} non-2xx, ` +
            `${r.errors} errors, ${r.timeouts} timeouts)\n`,
        );
      }
      const [health, home] = results as [Result, Result];
      process.stdout.write(`page/healthz throughput ratio: ${(home.rps / health.rps).toFixed(2)}\n`);
      const bad = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0);
      if (bad.length) {
        process.stdout.write(
          `FAILED: some requests did not succeed on ${bad.map((r) => r.path).join(', ')}\n`,
        );
        return 1;
      }
      return 0;
    } finally {
      await app.close();
      await runtime.close();
    }
  } finally {
    await handle.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
