// `keikai import-advisories <file|folder|url> [--batch N]`: the command line around importAdvisories — a
// progress bar on stderr (a line every few seconds when stderr is not a terminal), a summary on stdout, and
// the exit code: 0 nothing failed, 1 some documents failed (listed), 2 bad arguments or a source that cannot
// be imported at all.
import { type CommandIo, defaultCommandIo, parseSourceAndBatch } from '../../platform/cli/command-line.js';
import { type ProgressView, progressPct, progressReporter } from '../../platform/cli/progress.js';
import type { AppContext } from '../../platform/context.js';
import { translator } from '../../platform/i18n/i18n.js';
import { type ImportProgress, ImportSourceError, importAdvisories } from './import-advisories.js';

export const IMPORT_USAGE =
  'keikai import-advisories <file|folder|url> [--batch N]   import CSAF 2.0 advisories into the public database';

export async function importAdvisoriesCommand(
  args: string[],
  withContext: <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>,
  io: CommandIo = defaultCommandIo(),
): Promise<number> {
  const t = translator(io.locale);
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\nusage: ${IMPORT_USAGE}\n`);
    return 2;
  };
  const parsed = parseSourceAndBatch(args, {
    needs: 'import-advisories needs exactly one file, folder or URL',
    defaultBatch: 500,
    maxBatch: 10_000,
  });
  if ('error' in parsed) return usage(parsed.error);
  const { source, batch } = parsed;

  return withContext(async (ctx) => {
    const progress = progressReporter(io.stderr, progressView);
    try {
      const r = await importAdvisories(ctx, { kind: 'system', label: 'cli' }, source, {
        batchSize: batch,
        onResume: (x) =>
          io.stderr.write(
            `${t('advisoryImport.resumed', { source, started: x.startedAt.toISOString(), cursor: x.after })}\n`,
          ),
        onProgress: progress.update,
      });
      progress.stop();
      io.stdout(
        `${t('advisoryImport.summary', {
          imported: r.imported,
          updated: r.updated,
          unchanged: r.unchanged,
          failed: r.failed,
          seconds: (r.ms / 1000).toFixed(1),
        })}\n`,
      );
      if (r.failures.length > 0) {
        io.stdout(`${t('advisoryImport.failedList')}\n`);
        for (const f of r.failures) {
          io.stdout(`  ${t(`advisoryImport.failure.${f.code}`, { entry: f.entry, detail: f.detail })}\n`);
        }
      }
      if (r.failedBeforeResume > 0) {
        io.stdout(`${t('advisoryImport.earlierFailures', { count: r.failedBeforeResume })}\n`);
      }
      return r.failed > 0 ? 1 : 0;
    } catch (err) {
      progress.stop();
      if (err instanceof ImportSourceError) {
        io.stderr.write(
          `keikai: ${t(`advisoryImport.source.${err.code}`, { source: err.source, detail: err.detail })}\n`,
        );
        return err.code === 'unreachable' ? 1 : 2;
      }
      throw err;
    }
  });
}

/** What the progress says: imported, unchanged and failed so far. */
const progressView: ProgressView<ImportProgress> = {
  bar: () =>
    '{bar} {percentage}% {value}/{total} | imported {imported} unchanged {unchanged} failed {failed} | ETA {eta_formatted}',
  line: (p) =>
    `${p.done}/${p.total} (${progressPct(p)}%) imported ${p.imported}, unchanged ${p.unchanged}, failed ${p.failed}`,
};
