// What the import commands (`keikai import-advisories`, `keikai import-history`) share around their use case:
// where they write and in which language, and their arguments `SOURCE [--batch N]`.
import { parseArgs } from 'node:util';
import type { Locale } from '../db/schema.js';

export type CommandIo = { stdout: (s: string) => void; stderr: NodeJS.WriteStream; locale: Locale };

/** The process's stdout and stderr; Japanese when the locale (LC_ALL, LC_MESSAGES, LANG) says ja. */
export const defaultCommandIo = (): CommandIo => ({
  stdout: (s) => process.stdout.write(s),
  stderr: process.stderr,
  locale: /^ja/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ja' : 'en',
});

export type SourceAndBatch = { source: string; batch: number } | { error: string };

/**
 * `SOURCE [--batch N]`: exactly one source and a whole batch size from 1 to `maxBatch` (`defaultBatch` when
 * not given), or what is wrong, to print above the usage.
 */
export function parseSourceAndBatch(
  args: string[],
  rule: { needs: string; defaultBatch: number; maxBatch: number },
): SourceAndBatch {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    return { error: (err as Error).message };
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) return { error: rule.needs };
  const batch = values.batch === undefined ? rule.defaultBatch : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > rule.maxBatch) {
    return { error: `--batch must be a whole number from 1 to ${rule.maxBatch}` };
  }
  return { source: positionals[0]!, batch };
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { batch: { type: 'string' } } });
}
