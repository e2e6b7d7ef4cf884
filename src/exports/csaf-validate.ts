// Validating CSAF 2.0 documents with BSI's @secvisogram/csaf-validator-lib, at runtime (the export's tests, the
// publish step's safety net, the import of other providers' files): the strict JSON schema plus every mandatory
// test (§6.1) — a "basic" validator in the standard's conformance terms. The recommended tests (§6.2) are run
// separately and only warn (docs/decisions/0007-csaf-language.md says which ones our documents trip and why).
// The informative tests (§6.3) are never run here: two of them fetch URLs and spawn hunspell.
//
// The library is loaded on first use, not at start-up: its mandatory tests take seconds to load (CWE catalogues),
// the optional ones more, and validateStrict.js would load the informative ones as well. Only the library's own
// test functions are ever passed to its validate(), so the strict wrapper's guard is not needed.
import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';

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

/** Schema (strict: no unknown properties) and all mandatory tests. `valid` is false when any fails. */
export async function validateCsaf(doc: unknown): Promise<CsafValidation> {
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
