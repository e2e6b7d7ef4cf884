// `keikai import-advisories <file|folder|url> [--batch N]`: the command line around importAdvisories — a
// progress bar on stderr (a line every few seconds when stderr is not a terminal), a summary on stdout, and
// the exit code: 0 nothing failed, 1 some documents failed (listed), 2 bad arguments or a source that cannot
// be imported at all.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { translator } from '../../platform/i18n/i18n.js';
import { type ImportProgress, ImportSourceError, importAdvisories } from './import-advisories.js';

export const IMPORT_USAGE =
  'keikai import-advisories <file|folder|url> [--batch N]   import CSAF 2.0 advisories into the public database';

type Io = {
  stdout: (s: string) => void;
  stderr: NodeJS.WriteStream;
  locale: Locale;
};

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: process.stderr,
  locale: /^ja/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ja' : 'en',
});

export async function importAdvisoriesCommand(
  args: string[],
  withContext: <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>,
  io: Io = defaultIo(),
): Promise<number> {
  const t = translator(io.locale);
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\nusage: ${IMPORT_USAGE}\n`);
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    return usage((err as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) return usage('import-advisories needs exactly one file, folder or URL');
  const batch = values.batch === undefined ? 500 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
    return usage('--batch must be a whole number from 1 to 10000');
  }
  const source = positionals[0]!;

  return withContext(async (ctx) => {
    const progress = reporter(io.stderr);
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

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { batch: { type: 'string' } } });
}

/** A bar on a terminal; elsewhere (a log, a pipe) one line every 5 s and one at the end. */
function reporter(stream: NodeJS.WriteStream) {
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = 0;
  let last: ImportProgress | null = null;
  const line = (p: ImportProgress) =>
    stream.write(
      `${p.done}/${p.total} (${p.total ? Math.floor((100 * p.done) / p.total) : 100}%) imported ${p.imported}, ` +
        `unchanged ${p.unchanged}, failed ${p.failed}\n`,
    );
  return {
    update: (p: ImportProgress) => {
      last = p;
      if (stream.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format:
                '{bar} {percentage}% {value}/{total} | imported {imported} unchanged {unchanged} failed {failed} | ETA {eta_formatted}',
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
