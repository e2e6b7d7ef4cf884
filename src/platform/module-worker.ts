// Starting a worker thread on one of our own modules, the same way compiled and in development.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (no extension) beside `base` (the caller's import.meta.url): the
 * compiled .js beside it, or under tsx (development, tests) the .ts source, with tsx's loader registered in the
 * worker first (a worker thread does not inherit the main thread's --import hooks). `options` as for a Worker
 * (workerData and its transferList, say); not `eval`.
 */
export function startModuleWorker(
  base: string,
  name: string,
  options: Omit<WorkerOptions, 'eval'> = {},
): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), options);
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); ` +
      `return import(${JSON.stringify(new URL(`./${name}.ts`, base).href)}); })`,
    { ...options, eval: true },
  );
}
