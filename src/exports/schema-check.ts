// Test helpers: ajv validators for the CVE Record and OSV schemas in ./schemas (see its README).
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import cveSchema from './schemas/cve-record-5.schema.json' with { type: 'json' };
import osvSchema from './schemas/osv.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

const cve: ValidateFunction = ajv.compile(cveSchema);
const osv: ValidateFunction = ajv.compile(osvSchema);

function check(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The schema errors of a CVE Record ([] when valid). */
export const cveErrors = (record: unknown): string[] => check(cve, record);
/** The schema errors of an OSV record ([] when valid). */
export const osvErrors = (record: unknown): string[] => check(osv, record);
