// A history file of N random but valid cases (docs/statistics-history-format.md) for the statistics bench:
// 2004-07-08 … 2026-09-30, about a quarter software, realistic outcome mixes, every category list used.
//
//   node --import tsx bench/statistics/generate.ts --out /tmp/history.jsonl --count 1000000
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CAUSES,
  OPERATOR_TYPES,
  PRIORITY_SECTORS,
  PRODUCT_TYPES,
  THREATS,
  WEBSITE_VULNERABILITY_TYPES,
} from '../../src/domain/statistics-categories.js';

const START = Date.UTC(2004, 6, 8);
const END = Date.UTC(2026, 8, 30);
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th of `count` lines (deterministic for a seed). */
export function historyLines(count: number, seed = 7): Generator<string> {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const later = (ms: number, lo: number, hi: number) => Math.min(END, ms + int(lo, hi) * DAY);
  return (function* () {
    for (let i = 0; i < count; i++) {
      const received = START + Math.floor(((i + rnd()) * (END - START)) / count / DAY) * DAY;
      const software = rnd() < 0.27;
      const line: Record<string, unknown> = {
        id: `BENCH-${i}`,
        track: software ? 'software' : 'website',
        receivedOn: day(received),
      };
      const r = rnd();
      if (software && r < 0.05) {
        line.origin = 'overseas_csirt';
        line.publishedOn = day(later(received, 0, 30));
      } else if (r < 0.12) {
        line.notAcceptedOn = day(later(received, 1, 10));
      } else {
        const accepted = later(received, 0, 5);
        line.acceptedOn = day(accepted);
        const o = rnd();
        if (software) {
          line.productType = pick(PRODUCT_TYPES);
          line.cause = pick(CAUSES);
          line.oss = rnd() < 0.3;
          line.startOn = day(later(accepted, 1, 14));
          if (o < 0.47) {
            line.publishedOn = day(later(accepted, 15, 400));
            if (rnd() < 0.01)
              line.priorityDisclosures = [{ sector: pick(PRIORITY_SECTORS), disclosedOn: line.publishedOn }];
          } else if (o < 0.49) {
            line.origin = 'developer_self';
            line.outcome = 'handled_individually';
            line.outcomeOn = day(later(accepted, 10, 200));
          } else if (o < 0.54) {
            line.outcome = 'not_vulnerable';
            line.outcomeOn = day(later(accepted, 10, 200));
          }
          if (rnd() < 0.02) line.unreachableListedOn = day(later(accepted, 60, 300));
        } else {
          line.websiteVulnerabilityType = pick(WEBSITE_VULNERABILITY_TYPES);
          line.threat = pick(THREATS);
          line.operatorType = pick(OPERATOR_TYPES);
          const notified = later(accepted, 0, 10);
          line.notifiedOn = day(notified);
          if (o < 0.68) {
            line.outcome = 'fixed';
            line.outcomeOn = day(later(notified, 0, 400));
            line.fixAction = rnd() < 0.1 ? 'page_deleted' : rnd() < 0.01 ? 'operational_workaround' : 'fixed';
          } else if (o < 0.74) {
            line.outcome = 'not_vulnerable';
            line.outcomeOn = day(later(notified, 0, 200));
          } else if (o < 0.76) {
            line.outcome = 'unreachable';
            line.outcomeOn = day(later(notified, 30, 300));
          } else if (o < 0.85) {
            line.outcome = 'stopped_after_alert';
            line.outcomeOn = day(later(notified, 0, 100));
          }
        }
      }
      yield JSON.stringify(line);
    }
  })();
}

export async function writeHistoryFile(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  let chunk: string[] = [];
  for (const line of historyLines(count)) {
    chunk.push(line);
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  if (chunk.length) out.write(`${chunk.join('\n')}\n`);
  await new Promise<void>((resolveFn, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolveFn())),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, count: { type: 'string' } } });
  if (!values.out) throw new Error('--out FILE is required');
  writeHistoryFile(values.out, Number(values.count ?? 1_000_000)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
