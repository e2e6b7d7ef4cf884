// Test helpers: ajv validators for the CVE Record and OSV schemas in ./schemas (written for keikai; see its
// README), and for the CVE Program's own "published CNA container" schema, read from Debian's python3-cvelib.
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * The CVE Program's official schema of the `cna` container of a PUBLISHED record, CVE JSON 5.0.0 (draft-07),
 * as Debian's package python3-cvelib ships it (extracted by cvelib from CVEProject/cve-schema v5.0.0's
 * CVE_JSON_5.0_bundled.json). .ci/run installs the package.
 */
export const OFFICIAL_CNA_SCHEMA =
  '/usr/lib/python3/dist-packages/cvelib/schemas/published_cna_container_5.0.0.json';

/** Why the official check cannot run here, or null. Throws under CI, where a missing schema is a broken build. */
export function officialCnaSchemaMissing(): string | null {
  if (existsSync(OFFICIAL_CNA_SCHEMA)) return null;
  const message = `${OFFICIAL_CNA_SCHEMA} is missing: install Debian's python3-cvelib (apt-get install -y python3-cvelib) to check CVE records against the official CVE JSON 5.0 schema`;
  if (process.env.CI) throw new Error(`${message}. Under CI this is a failure, not a skip.`);
  return message;
}

let official: ValidateFunction | undefined;
function officialValidator(): ValidateFunction {
  if (!official) {
    // ajv's default strictness, less strictRequired: the schema's `required` inside anyOf branches names
    // properties defined beside the anyOf (product: vendor/product or collectionURL/packageName), which is
    // valid JSON Schema that strictRequired reports. Its other quirks need no option: the root has no $id;
    // the CVSS 2.0/3.0 sub-schemas carry "$schema": draft-04 and two tag enums carry their own $id and
    // "$schema": draft-07 — ajv ignores a nested $schema, and those sub-schemas use no draft-04-only keyword
    // nor any $ref that their $id would re-base.
    const strictAjv = new Ajv({ allErrors: true, strictRequired: false });
    addFormats.default(strictAjv);
    official = strictAjv.compile(JSON.parse(readFileSync(OFFICIAL_CNA_SCHEMA, 'utf8')));
  }
  return official;
}

const CVSS_IN_5_0 = ['cvssV3_1', 'cvssV3_0', 'cvssV2_0', 'other'];

/**
 * The errors of a record's `cna` container against the official CVE JSON 5.0.0 schema ([] when valid), or
 * null when the schema is not installed (outside CI; see officialCnaSchemaMissing).
 *
 * One thing is left out, on a copy: metrics items that carry only `cvssV4_0`. CVSS 4.0 came with CVE Record
 * Format 5.1, after 5.0.0, whose metrics items must contain one of cvssV3_1, cvssV3_0, cvssV2_0 or other — so a
 * v4-only item fails 5.0.0 although 5.1 (which keikai writes, dataVersion '5.1') allows it. Those items are
 * checked by the keikai-written 5.1 schema (cveErrors, on the whole record, CVSS 4.0 vector pattern included).
 * Everything else of the container, the other metrics items included, is checked as is.
 */
export function officialCnaErrors(cna: unknown): string[] | null {
  if (officialCnaSchemaMissing()) return null;
  return check(officialValidator(), withoutCvss4OnlyMetrics(cna));
}

function withoutCvss4OnlyMetrics(cna: unknown): unknown {
  if (!cna || typeof cna !== 'object' || !Array.isArray((cna as { metrics?: unknown }).metrics)) return cna;
  const copy = structuredClone(cna) as { metrics?: unknown[] };
  const kept = copy.metrics!.filter(
    (m) => !(m && typeof m === 'object' && 'cvssV4_0' in m && !CVSS_IN_5_0.some((k) => k in (m as object))),
  );
  if (kept.length > 0) copy.metrics = kept;
  else delete copy.metrics; // 5.0.0 wants at least one item; a container of v4 scores only has none left
  return copy;
}
