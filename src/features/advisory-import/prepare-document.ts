// One CSAF file's content → what the import writes for it, everything but its JVNDB id (allocated in the
// batch's transaction): parse, check (CSAF 2.0, TLP, optionally the validator), map, and optionally the row's
// costly parts (publicRowParts: the document's JSON and its search vector). No database, no I/O but the
// validator's modules: it runs in the import's worker thread for a folder's files (prepare-worker.ts) and in
// the import's own thread for a URL, a single file, or a file too large for the worker's batch.
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import { type PublicRowParts, publicRowParts } from '../publication/public-writer.js';
import { CsafMappingError, csafKey, csafToDocument, nonPublicTlp } from './csaf-to-document.js';

export type FailureCode = 'read' | 'notJson' | 'notCsaf' | 'invalid' | 'notPublic' | 'unmappable';
/** One file or URL not imported, and why (advisoryImport.failure.<code>, with entry and detail). */
export type ImportFailure = { entry: string; code: FailureCode; detail: string };

export type PreparedDocument = {
  doc: AdvisoryDocument;
  /** the publisher's namespace and the document's tracking id: how a later import knows it again */
  namespace: string;
  trackingId: string;
  /** the row's costly parts, when built ahead (the writer builds them otherwise) */
  parts?: PublicRowParts;
};

// the CSAF validator's modules take seconds to load: only when a document is to be checked. They run in the
// thread that prepares (validateCsafHere), not in validateCsaf's worker: an import has no pages to stall
// while they load, and sending each document to that worker and back cost ~0.5 ms of CPU per document, five
// times the validation itself (10,000 unchanged documents: 6.8–8.2 s of CPU with the worker, 2.3–2.9 without)
let validatorModule: Promise<typeof import('../../exports/csaf-validate.js')> | null = null;
const validator = () => {
  validatorModule ??= import('../../exports/csaf-validate.js');
  return validatorModule;
};

export async function prepareDocument(
  /** the file's name in its folder, or the URL: how a failure names it */
  entry: string,
  url: string | null,
  body: Uint8Array,
  opts: { validate: boolean; parts: boolean },
): Promise<PreparedDocument | ImportFailure> {
  const fail = (code: FailureCode, detail = ''): ImportFailure => ({ entry, code, detail });
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(body.buffer, body.byteOffset, body.byteLength)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch (err) {
    return fail('notJson', (err as Error).message);
  }
  const document = (json as { document?: { csaf_version?: unknown } } | null)?.document;
  if (typeof json !== 'object' || json === null || document?.csaf_version !== '2.0') return fail('notCsaf');
  const tlp = nonPublicTlp(json);
  if (tlp) return fail('notPublic', tlp);
  if (opts.validate) {
    const { validateCsafHere } = await validator();
    const r = await validateCsafHere(json);
    if (!r.valid) {
      const shown = r.errors
        .slice(0, 3)
        .map((e) => `${e.test ?? ''} ${e.instancePath || '/'}: ${e.message}`.trim());
      const more = r.errors.length > 3 ? ` (+${r.errors.length - 3})` : '';
      return fail('invalid', shown.join('; ') + more);
    }
  }
  try {
    const { namespace, trackingId } = csafKey(json);
    const doc = csafToDocument(json, { id: '', url });
    checkFits(doc);
    return opts.parts
      ? { doc, namespace, trackingId, parts: publicRowParts(doc) }
      : { doc, namespace, trackingId };
  } catch (err) {
    if (err instanceof CsafMappingError) return fail('unmappable', err.message);
    throw err;
  }
}

export const isFailure = <T extends object>(p: T | ImportFailure): p is ImportFailure => 'code' in p;

/** The public tables' length limits (migration 0012), checked here so one long text cannot fail a batch. */
function checkFits(doc: AdvisoryDocument) {
  if (doc.title.ja.length > 1000) throw new CsafMappingError('the title is longer than 1,000 characters');
  for (const d of doc.developers) {
    if (d.name.ja.length > 300) throw new CsafMappingError('a vendor name is longer than 300 characters');
  }
  for (const r of doc.revisions) {
    if (r.note.ja.length > 2000)
      throw new CsafMappingError('a revision summary is longer than 2,000 characters');
  }
  if (doc.source!.trackingId.length > 1000) throw new CsafMappingError('document.tracking.id is too long');
}
