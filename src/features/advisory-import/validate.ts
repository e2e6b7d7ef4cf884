// The CSAF check an import runs on each document before mapping it. Until src/exports/csaf-validate.ts
// (validateCsaf, shared with the CSAF export) exists, this calls @secvisogram/csaf-validator-lib directly with
// the same contract: the strict CSAF 2.0 schema and every mandatory test (§6.1).
export type CsafValidation = {
  valid: boolean;
  errors: { instancePath: string; message: string; test?: string }[];
};

type LibResult = {
  isValid: boolean;
  tests: { name: string; isValid: boolean; errors: { instancePath: string; message: string }[] }[];
};
type Validate = (tests: unknown[], doc: unknown) => Promise<LibResult>;

const LIB = '@secvisogram/csaf-validator-lib';
let loaded: Promise<{ validate: Validate; tests: unknown[] }> | null = null;

function load() {
  // specifiers built at run time: the library ships no type declarations. validate.js, not validateStrict.js:
  // the tests passed are the library's own, and validateStrict.js loads every optional and informative test
  // as well (hunspell included), ~15 s of start-up for nothing here
  loaded ??= Promise.all([
    import(`${LIB}/validate.js`),
    import(`${LIB}/schemaTests.js`),
    import(`${LIB}/mandatoryTests.js`),
  ]).then(([strict, schema, mandatory]) => ({
    validate: strict.default as Validate,
    tests: [schema.csaf_2_0_strict, ...Object.values(mandatory as Record<string, unknown>)],
  }));
  return loaded;
}

export async function validateCsaf(doc: unknown): Promise<CsafValidation> {
  const { validate, tests } = await load();
  const r = await validate(tests, doc);
  return {
    valid: r.isValid,
    errors: r.tests.flatMap((t) => t.errors.map((e) => ({ ...e, test: t.name }))),
  };
}
