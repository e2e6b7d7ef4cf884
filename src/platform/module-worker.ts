// Starting a worker thread on one of our own modules, the same way compiled and in development.
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (no extension) beside `base` (the caller's import.meta.url): the
 * compiled .js beside it, or under tsx (development, tests) the .ts source, with tsx's loader registered in the
 * worker first (a worker thread does not inherit the main thread's --import hooks).
 */
export function startModuleWorker(base: string, name: string): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base));
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); ` +
      `return import(${JSON.stringify(new URL(`./${name}.ts`, base).href)}); })`,
    { eval: true },
  );
}
