// `keikai import-history FILE.jsonl [--batch N]`: the command line around importHistory — a progress bar on
// stderr (a line every few seconds when stderr is not a terminal), a summary on stdout, the invalid lines on
// stderr, and the exit code: 0 imported (or nothing to change), 1 invalid lines (nothing was written),
// 2 bad arguments or a file that cannot be read.
import { type CommandIo, defaultCommandIo, parseSourceAndBatch } from '../../platform/cli/command-line.js';
import { type ProgressView, progressPct, progressReporter } from '../../platform/cli/progress.js';
import type { AppContext } from '../../platform/context.js';
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

export async function importHistoryCommand(
  args: string[],
  withContext: <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>,
  io: CommandIo = defaultCommandIo(),
): Promise<number> {
  const m = MESSAGES[io.locale === 'ja' ? 'ja' : 'en'];
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\nusage: ${IMPORT_HISTORY_USAGE}\n`);
    return 2;
  };
  const parsed = parseSourceAndBatch(args, {
    needs: 'import-history needs exactly one file',
    defaultBatch: 5000,
    maxBatch: 50_000,
  });
  if ('error' in parsed) return usage(parsed.error);
  const { source: file, batch } = parsed;

  return withContext(async (ctx) => {
    const progress = progressReporter(io.stderr, progressView(m));
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

/** What the progress says: the check's share, then the rows written so far. */
function progressView(m: (typeof MESSAGES)['en' | 'ja']): ProgressView<HistoryImportProgress> {
  return {
    bar: (p) =>
      p.phase === 'check'
        ? `${m.checking} {bar} {percentage}% | ETA {eta_formatted}`
        : `${m.writing} {bar} {percentage}% {value}/{total} | new {inserted} updated {updated} unchanged {unchanged} | ETA {eta_formatted}`,
    line: (p) =>
      p.phase === 'check'
        ? `${m.checking} ${progressPct(p)}%`
        : `${m.writing} ${p.done}/${p.total} (${progressPct(p)}%) new ${p.inserted}, updated ${p.updated}, unchanged ${p.unchanged}`,
  };
}
