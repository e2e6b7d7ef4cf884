// The built command line as a person runs it: `keikai …` in a child process, with only the environment it is
// given (nothing inherited can point it at another database), its exit code, stdout and stderr.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export type CliRun = { code: number | null; stdout: string; stderr: string };
export type CliOptions = { env?: Record<string, string>; stdin?: string };

/** The environment a CLI test run needs: its own database and data folder, quiet logs. */
export function cliEnv(databaseUrl: string, dataDir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    KEIKAI_SECRET: 's'.repeat(40),
    KEIKAI_LOG_LEVEL: 'silent',
    KEIKAI_DATA_DIR: dataDir,
  };
}

/** Runs `keikai <args>` (src/cli.ts) to its end; stdin gets `opts.stdin` or nothing. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolveFn, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolveFn({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

/**
 * Runs every planned command, `parallel` at a time (each starts a Node process that loads the whole app: more
 * only makes them compete for the CPU), and gives each run under its plan's name.
 */
export async function runCliAll(
  plan: Record<string, [args: string[], opts: CliOptions]>,
  parallel = 3,
): Promise<Record<string, CliRun>> {
  const queue = Object.entries(plan);
  const runs: Record<string, CliRun> = {};
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [name, [args, opts]] = next;
        runs[name] = await runCli(args, opts);
      }
    }),
  );
  return runs;
}
