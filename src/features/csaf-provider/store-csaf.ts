// Fixing an advisory revision's CSAF 2.0 document at publication: the exact bytes served under
// /.well-known/csaf/, their sha-256 and sha-512, and the detached OpenPGP signature (trusted provider,
// requirements 18–19), written into public_csaf_documents in the publish step's transaction.
//
// Runs inside that transaction, so it does no network I/O: the mapping is pure, the key is read once per process
// (signing-key.ts), hashing and an Ed25519 signature take milliseconds. The validator's first load takes seconds:
// warmCsafStore before the transaction avoids spending them inside it. The document is validated (schema
// and every mandatory test) before it is stored; an advisory whose CSAF would be invalid is not published, and
// the error says which test failed (the editor can run checkCsaf before approval to find out earlier).
// The text is pretty-printed (two spaces) with sorted keys and a final newline: people read these files, the
// size difference is small, and the same revision always gives the same bytes.
import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import { type CsafProvider, csafFilename, csafJson, csafYear, toCsaf } from '../../exports/csaf.js';
import { type CsafValidationError, formatCsafErrors, validateCsaf } from '../../exports/csaf-validate.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { csafSigningKey, signDetached } from './signing-key.js';

/** The publisher every document of this deployment names. */
export function csafProviderOf(config: Config): CsafProvider {
  return {
    name: config.publication.csaf.publisherName,
    namespace: config.publication.csaf.publisherNamespace,
    publicUrl: config.publicUrl,
  };
}

export class CsafInvalidError extends Error {
  constructor(
    readonly advisoryId: string,
    readonly errors: readonly CsafValidationError[],
  ) {
    super(`the CSAF document of ${advisoryId} is not valid:\n${formatCsafErrors(errors)}`);
    this.name = 'CsafInvalidError';
  }
}

/** The problems of the advisory's CSAF document (none: it can be published). Throws CsafMappingError too. */
export async function checkCsaf(config: Config, doc: AdvisoryDocument): Promise<CsafValidationError[]> {
  return (await validateCsaf(toCsaf(doc, csafProviderOf(config)))).errors;
}

export type CsafRow = {
  advisory_id: string;
  revision: number;
  year: number;
  filename: string;
  body: string;
  sha256: string;
  sha512: string;
  signature_asc: string;
  released_at: string;
};

/** The row for one revision: document text, hashes and signature (no database). */
export async function prepareCsafDocument(config: Config, doc: AdvisoryDocument): Promise<CsafRow> {
  const csaf = toCsaf(doc, csafProviderOf(config));
  const validation = await validateCsaf(csaf);
  if (!validation.valid) throw new CsafInvalidError(doc.id, validation.errors);
  const body = csafJson(csaf);
  const bytes = Buffer.from(body, 'utf8');
  const key = await csafSigningKey(config);
  return {
    advisory_id: doc.id,
    revision: doc.revision,
    year: csafYear(doc),
    filename: csafFilename(doc.id),
    body,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sha512: createHash('sha512').update(bytes).digest('hex'),
    signature_asc: await signDetached(key, bytes),
    released_at: doc.lastUpdatedAt,
  };
}

/** Loads the validator only (checkCsaf's first call takes seconds): call it before a transaction that checks. */
export async function warmCsafCheck(): Promise<void> {
  await validateCsaf({});
}

/**
 * Loads the validator (several seconds the first time in a process) and the signing key, so that the first
 * publication does not spend that time inside its transaction: call it before opening the transaction.
 */
export async function warmCsafStore(config: Config): Promise<void> {
  await Promise.all([warmCsafCheck(), csafSigningKey(config)]);
}

export async function storeCsafDocument(
  trx: Database,
  ctx: AppContext,
  doc: AdvisoryDocument,
): Promise<void> {
  const row = await prepareCsafDocument(ctx.config, doc);
  await trx
    .insertInto('public_csaf_documents')
    .values(row)
    .onConflict((oc) => oc.columns(['advisory_id', 'revision']).doNothing())
    .execute();
}
