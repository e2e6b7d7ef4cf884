// `keikai import-history FILE.jsonl [--batch N]`: the command line around importHistory — a progress bar on
// stderr (a line every few seconds when stderr is not a terminal), a summary on stdout, the invalid lines on
// stderr, and the exit code: 0 imported (or nothing to change), 1 invalid lines (nothing was written),
// 2 bad arguments or a file that cannot be read.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { formatLineError } from './history-line.js';
import {
  HistoryFileError,
  type HistoryImportProgress,
  InvalidHistoryError,
  importHistory,
} from './import-history.js';

export const IMPORT_HISTORY_USAGE =
  'keikai import-history FILE.jsonl [--batch N]   import past cases into the statistics (docs/statistics-history-format.md)';

// the command's own few sentences, in both languages (the statistics catalogue belongs to the pages)
const MESSAGES = {
  en: {
    summary: (r: { lines: number; inserted: number; updated: number; unchanged: number; seconds: string }) =>
      `${r.lines} cases: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged (${r.seconds} s)`,
    invalid: (r: { invalid: number; lines: number }) =>
      `${r.invalid} of ${r.lines} lines are invalid — nothing was imported. Fix them and run the import again:`,
    more: (n: number) => `… and ${n} more errors`,
    unreadable: (f: string, d: string) => `cannot read ${f}: ${d}`,
    checking: 'checking',
    writing: 'writing',
  },
  ja: {
    summary: (r: { lines: number; inserted: number; updated: number; unchanged: number; seconds: string }) =>
      `${r.lines} 件: 新規 ${r.inserted}、更新 ${r.updated}、変更なし ${r.unchanged}（${r.seconds} 秒）`,
    invalid: (r: { invalid: number; lines: number }) =>
      `${r.lines} 行のうち ${r.invalid} 行が不正です。何も取り込んでいません。修正してから取り込み直してください:`,
    more: (n: number) => `… ほか ${n} 件のエラー`,
    unreadable: (f: string, d: string) => `${f} を読めません: ${d}`,
    checking: '検査中',
    writing: '書込み中',
  },
} as const;

type Io = { stdout: (s: string) => void; stderr: NodeJS.WriteStream; locale: Locale };

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: process.stderr,
  locale: /^ja/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ja' : 'en',
});

export async function importHistoryCommand(
  args: string[],
  withContext: <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>,
  io: Io = defaultIo(),
): Promise<number> {
  const m = MESSAGES[io.locale === 'ja' ? 'ja' : 'en'];
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\nusage: ${IMPORT_HISTORY_USAGE}\n`);
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    return usage((err as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) return usage('import-history needs exactly one file');
  const batch = values.batch === undefined ? 5000 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 50_000)
    return usage('--batch must be a whole number from 1 to 50000');
  const file = positionals[0]!;

  return withContext(async (ctx) => {
    const progress = reporter(io.stderr, m);
    try {
      const r = await importHistory(ctx, file, { batchSize: batch, onProgress: progress.update });
      progress.stop();
      io.stdout(`${m.summary({ ...r, seconds: (r.ms / 1000).toFixed(1) })}\n`);
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof InvalidHistoryError) {
        io.stderr.write(`keikai: ${m.invalid({ invalid: err.invalidLines, lines: err.lines })}\n`);
        for (const e of err.errors) io.stderr.write(`  ${formatLineError(e, io.locale)}\n`);
        const more = err.invalidLines - new Set(err.errors.map((e) => e.line)).size;
        if (more > 0) io.stderr.write(`  ${m.more(more)}\n`);
        return 1;
      }
      if (err instanceof HistoryFileError) {
        io.stderr.write(`keikai: ${m.unreadable(err.file, err.detail)}\n`);
        return 2;
      }
      throw err;
    }
  });
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { batch: { type: 'string' } } });
}

/** A bar on a terminal; elsewhere (a log, a pipe) one line every 5 s and one at the end. */
function reporter(stream: NodeJS.WriteStream, m: (typeof MESSAGES)['en' | 'ja']) {
  let bar: cliProgress.SingleBar | null = null;
  let barPhase: string | null = null;
  let lastLine = 0;
  let last: HistoryImportProgress | null = null;
  const pct = (p: HistoryImportProgress) => (p.total ? Math.floor((100 * p.done) / p.total) : 100);
  const line = (p: HistoryImportProgress) =>
    stream.write(
      p.phase === 'check'
        ? `${m.checking} ${pct(p)}%\n`
        : `${m.writing} ${p.done}/${p.total} (${pct(p)}%) new ${p.inserted}, updated ${p.updated}, unchanged ${p.unchanged}\n`,
    );
  return {
    update: (p: HistoryImportProgress) => {
      last = p;
      if (stream.isTTY) {
        if (bar && barPhase !== p.phase) {
          bar.update(bar.getTotal());
          bar.stop();
          bar = null;
        }
        if (!bar) {
          barPhase = p.phase;
          bar = new cliProgress.SingleBar(
            {
              stream,
              format:
                p.phase === 'check'
                  ? `${m.checking} {bar} {percentage}% | ETA {eta_formatted}`
                  : `${m.writing} {bar} {percentage}% {value}/{total} | new {inserted} updated {updated} unchanged {unchanged} | ETA {eta_formatted}`,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done, p);
        } else bar.update(p.done, p);
        return;
      }
      if (Date.now() - lastLine >= 5000) {
        lastLine = Date.now();
        line(p);
      }
    },
    stop: () => {
      if (bar) bar.stop();
      else if (last && lastLine !== 0) line(last);
    },
  };
}
