// Types for @secvisogram/csaf-validator-lib (BSI's CSAF 2.0 validator), which ships JavaScript only. Only the
// modules keikai imports are declared: strict validation, the schema, mandatory and optional (recommended) test
// sets, and the CWE catalogue its test 6.1.11 checks names against.
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export type CsafTestMessage = { instancePath: string; message: string };
  export type CsafDocumentTest = (doc: unknown) => unknown;
  export type CsafTestResult = {
    name: string;
    isValid: boolean;
    errors: CsafTestMessage[];
    warnings: CsafTestMessage[];
    infos: CsafTestMessage[];
  };
  /** Runs the given tests (only the library's own: it throws on any other function). */
  export default function validateStrict(
    tests: readonly CsafDocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/validate.js' {
  import type { CsafDocumentTest, CsafTestResult } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  /** Runs the given tests (any function: pass only the library's own). */
  export default function validate(
    tests: readonly CsafDocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  export const csaf_2_0: CsafDocumentTest;
  export const csaf_2_0_strict: CsafDocumentTest;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';

  const tests: Readonly<Record<string, CsafDocumentTest>>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/optionalTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';

  const tests: Readonly<Record<string, CsafDocumentTest>>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: ReadonlyArray<{ id: string; name: string }>;
}
