// Fixing an advisory revision's CSAF 2.0 document at publication: the exact bytes served under
// /.well-known/csaf/, their sha-256 and sha-512, and the detached OpenPGP signature (trusted provider,
// requirements 18–19), written into public_csaf_documents in the publish step's transaction.
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';

export async function storeCsafDocument(
  _trx: Database,
  _ctx: AppContext,
  _doc: AdvisoryDocument,
): Promise<void> {
  // filled in by the CSAF provider work (issue 5); the publish step already calls it
}
