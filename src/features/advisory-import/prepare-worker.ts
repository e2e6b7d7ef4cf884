// The second of the import's two worker threads (prepare-ahead.ts): takes each batch of files the reading thread
// (read-worker.ts) sends on workerData.port and prepares every file (prepare-document.ts: parse, check, map,
// the row's parts), one batch after another in the order they come, and answers the import's thread:
// { id, results } (PreparedParts, an ImportFailure, or null for a file past the batch's bytes: the import
// prepares that one itself), or { id, error } when preparing failed in a way no file explains (a bug).
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { documentWithoutId, type PublicRowParts } from '../publication/public-writer.js';
import { type ImportFailure, isFailure, type PreparedDocument, prepareDocument } from './prepare-document.js';
import type { ReadBatch } from './read-worker.js';

/** parts: whether to build the rows' parts (the tokenizer), for documents likely to be written */
export type PrepareMeta = { entries: string[]; validate: boolean; parts: boolean };
/**
 * A prepared document as it travels back: as its JSON (without the id), which the import's thread parses
 * (prepare-ahead.ts) — sending the objects (structured clone) cost both threads about twice the CPU — and,
 * when asked for, its search vector (the rest of its row's parts). Not asked for after a batch that was all
 * unchanged (a provider's folder imported again): the import then builds it only for what it writes.
 */
export type PreparedParts = Pick<PreparedDocument, 'namespace' | 'trackingId'> &
  Pick<PublicRowParts, 'documentWithoutId'> & {
    search: Omit<PublicRowParts, 'documentWithoutId'> | null;
  };
export type PrepareReply =
  | { id: number; results: (PreparedParts | ImportFailure | null)[] }
  | { id: number; error: string };

if (!parentPort) throw new Error('prepare-worker.ts runs as a worker thread of prepare-ahead.ts');
const port = parentPort;
const input = (workerData as { port: MessagePort }).port;

async function prepareBatch(m: ReadBatch<PrepareMeta>): Promise<PrepareReply> {
  const all = new Uint8Array(m.buffer);
  const results: (PreparedParts | ImportFailure | null)[] = [];
  for (let i = 0; i < m.errors.length; i++) {
    const entry = m.meta.entries[i]!;
    const error = m.errors[i];
    if (error === undefined) results.push(null);
    else if (error !== null) results.push({ entry, code: 'read', detail: error });
    else {
      const body = all.subarray(m.ends[i - 1] ?? 0, m.ends[i]);
      const { validate, parts } = m.meta;
      const p = await prepareDocument(entry, null, body, { validate, parts });
      if (isFailure(p)) results.push(p);
      else {
        const { namespace, trackingId } = p;
        if (!p.parts)
          results.push({ namespace, trackingId, documentWithoutId: documentWithoutId(p.doc), search: null });
        else {
          const { documentWithoutId: json, ...search } = p.parts;
          results.push({ namespace, trackingId, documentWithoutId: json, search });
        }
      }
    }
  }
  return { id: m.id, results };
}

// one batch at a time (preparing one may wait on the validator's modules): each waits for the one before
let queue: Promise<void> = Promise.resolve();
input.on('message', (m: ReadBatch<PrepareMeta>) => {
  queue = queue.then(async () => {
    let reply: PrepareReply;
    try {
      reply = await prepareBatch(m);
    } catch (err) {
      reply = { id: m.id, error: (err as Error).stack ?? String(err) };
    }
    port.postMessage(reply);
  });
});
