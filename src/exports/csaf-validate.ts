// Validating CSAF 2.0 documents with BSI's @secvisogram/csaf-validator-lib, at runtime (the export's tests, the
// publish step's safety net, the import of other providers' files): the strict JSON schema plus every mandatory
// test (§6.1) — a "basic" validator in the standard's conformance terms. The recommended tests (§6.2) are run
// separately and only warn (docs/decisions/0007-csaf-language.md says which ones our documents trip and why).
// The informative tests (§6.3) are never run here: two of them fetch URLs and spawn hunspell.
//
// The library is loaded on first use, not at start-up, and only the schema and the mandatory tests (not
// validateStrict.js, which loads the optional and informative ones too). Even so, evaluating those modules (a
// dozen ajv.compile calls at their top level, the CWE catalogue, the language-subtag registry) is one
// synchronous stretch of 1–10 s depending on the machine's load: in the process serving pages, every request
// stalled for as long. So validateCsaf runs them in a worker thread (csaf-validate-worker.ts, one for the
// process, started on first use): documents go there and results come back by message passing, and the main
// event loop never evaluates the library. The worker does not keep the process alive while idle.
// recommendedCsafWarnings (review only, rare) loads the optional tests in the calling thread, on its own.
// Only the library's own test functions are ever passed to its validate(), so the strict wrapper's guard is
// not needed.
import type { Worker } from 'node:worker_threads';
import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
import { startModuleWorker } from '../platform/module-worker.js';

export type CsafValidationError = { instancePath: string; message: string; test: string };
export type CsafValidation = { valid: boolean; errors: CsafValidationError[] };

const testsOf = (m: Readonly<Record<string, unknown>>): CsafDocumentTest[] =>
  Object.values(m).filter((t): t is CsafDocumentTest => typeof t === 'function');

type Runner = { run: typeof import('@secvisogram/csaf-validator-lib/validate.js').default };
let mandatory: Promise<Runner & { tests: CsafDocumentTest[] }> | null = null;
let recommended: Promise<Runner & { tests: CsafDocumentTest[] }> | null = null;

function loadMandatory() {
  mandatory ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/validate.js'),
    import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
  ]).then(([v, schema, tests]) => ({ run: v.default, tests: [schema.csaf_2_0_strict, ...testsOf(tests)] }));
  return mandatory;
}

function loadRecommended() {
  recommended ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/validate.js'),
    import('@secvisogram/csaf-validator-lib/optionalTests.js'),
  ]).then(([v, tests]) => ({ run: v.default, tests: testsOf(tests) }));
  return recommended;
}

// ---- the worker: one per process, started on first use, restarted after a crash ----

type Reply = { id: number; result?: CsafValidation; error?: string };
let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: CsafValidation) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const w = startModuleWorker(import.meta.url, 'csaf-validate-worker');
  w.unref();
  w.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.error !== undefined) p.reject(new Error(`CSAF validator: ${m.error}`));
    else p.resolve(m.result!);
  });
  const fail = (err: Error) => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the CSAF validator's worker stopped (exit code ${code})`)));
  return w;
}

/**
 * Schema (strict: no unknown properties) and all mandatory tests, in the validator's worker thread. `valid` is
 * false when any fails. The document must be plain JSON data (it is copied to the worker).
 */
export function validateCsaf(doc: unknown): Promise<CsafValidation> {
  return new Promise((resolve, reject) => {
    worker ??= startWorker();
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.ref(); // an answer is awaited: the process stays alive for it
    try {
      worker.postMessage({ id, doc });
    } catch (err) {
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      reject(err);
    }
  });
}

/** validateCsaf in the calling thread (the worker's side; blocks for seconds on first use). */
export async function validateCsafHere(doc: unknown): Promise<CsafValidation> {
  const { run, tests } = await loadMandatory();
  const result = await run(tests, doc);
  const errors = result.tests.flatMap((t) =>
    t.isValid
      ? []
      : t.errors.map((e) => ({ instancePath: e.instancePath, message: e.message, test: t.name })),
  );
  return { valid: result.isValid, errors };
}

/** The recommended (optional) tests' warnings and errors, for review: they never make a document invalid. */
export async function recommendedCsafWarnings(doc: unknown): Promise<CsafValidationError[]> {
  const { run, tests } = await loadRecommended();
  const result = await run(tests, doc);
  return result.tests.flatMap((t) =>
    [...t.errors, ...t.warnings].map((e) => ({
      instancePath: e.instancePath,
      message: e.message,
      test: t.name,
    })),
  );
}

/** One line per error, for logs and command-line output. */
export function formatCsafErrors(errors: readonly CsafValidationError[]): string {
  return errors.map((e) => `${e.test} ${e.instancePath || '/'}: ${e.message}`).join('\n');
}
