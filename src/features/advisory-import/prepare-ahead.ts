// Preparing a folder's files ahead of the import, in two worker threads: read-worker.ts reads a batch's files,
// prepare-worker.ts parses, checks and maps each document and builds its row's parts (its JSON and search
// vector). That is most of the import's work in Node, and in the import's own thread it took turns with
// building and sending the batches' statements — PostgreSQL waited while Node prepared, Node while PostgreSQL
// wrote. In workers the two go on side by side; the import's thread only allocates ids and writes
// (bench/README.md). Reading in a thread of its own keeps the waits on the disk (~170–200 µs a file not in
// the OS cache on the bench's machines: ~30 of 158 s for 250,000 files) from holding up the preparing.
import { MessageChannel } from 'node:worker_threads';
import { startModuleWorker } from '../../platform/module-worker.js';
import { type ImportFailure, isFailure, type PreparedDocument } from './prepare-document.js';
import type { PreparedParts, PrepareMeta, PrepareReply } from './prepare-worker.js';
import type { ReadRequest } from './read-worker.js';

/** A prepared document, why it was not, or null: it did not fit in the batch's bytes (prepare it yourself). */
export type AheadResult = PreparedDocument | ImportFailure | null;

/**
 * The most bytes of file content read for one batch: a batch's documents are held until it is written, so a
 * folder of unusually large documents would otherwise need them all in memory at once (CSAF files are KBs).
 */
export const PREPARE_AHEAD_MAX_BYTES = 256 * 1024 * 1024;

export type PrepareAhead = {
  /**
   * each file prepared, in the order given; batches are prepared one after another, in the order asked. With
   * `parts` false, the documents come without their rows' parts (the import builds those it writes).
   */
  prepare(
    files: readonly { entry: string; path: string }[],
    opts?: { parts: boolean },
  ): Promise<AheadResult[]>;
  /** stops the workers; batches not answered yet fail */
  close(): Promise<void>;
};

/** The document back from its JSON (the one the row stores), with the id still to be given. */
function fromWorker({ namespace, trackingId, documentWithoutId, search }: PreparedParts): PreparedDocument {
  const doc = { id: '', ...(JSON.parse(documentWithoutId) as Omit<PreparedDocument['doc'], 'id'>) };
  return search
    ? { doc, namespace, trackingId, parts: { documentWithoutId, ...search } }
    : { doc, namespace, trackingId };
}

export function startPrepareAhead(opts: { validate: boolean; maxBytes?: number }): PrepareAhead {
  const maxBytes = opts.maxBytes ?? PREPARE_AHEAD_MAX_BYTES;
  // the reader hands each batch straight to the preparer (the buffer moved, not copied), which answers here
  const { port1, port2 } = new MessageChannel();
  const reader = startModuleWorker(import.meta.url, 'read-worker', {
    workerData: { port: port1 },
    transferList: [port1],
  });
  const preparer = startModuleWorker(import.meta.url, 'prepare-worker', {
    workerData: { port: port2 },
    transferList: [port2],
  });
  // held only while a batch is awaited: idle workers never keep the process alive
  const hold = (on: boolean) => {
    for (const w of [reader, preparer]) on ? w.ref() : w.unref();
  };
  hold(false);
  let nextId = 0;
  let stopped: Error | null = null;
  const pending = new Map<number, { resolve: (r: AheadResult[]) => void; reject: (e: Error) => void }>();
  preparer.on('message', (m: PrepareReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) hold(false);
    if ('error' in m) p.reject(new Error(`preparing the import's documents failed: ${m.error}`));
    else p.resolve(m.results.map((r) => (r === null || isFailure(r) ? r : fromWorker(r))));
  });
  const fail = (err: Error) => {
    stopped ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  for (const [w, what] of [
    [reader, 'reading'],
    [preparer, 'preparing'],
  ] as const) {
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the import's ${what} thread stopped (exit code ${code})`)));
  }
  return {
    prepare(files, { parts } = { parts: true }) {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        hold(true);
        const request: ReadRequest<PrepareMeta> = {
          id,
          paths: files.map((f) => f.path),
          maxBytes,
          meta: { entries: files.map((f) => f.entry), validate: opts.validate, parts },
        };
        reader.postMessage(request);
      });
    },
    async close() {
      await Promise.all([reader.terminate(), preparer.terminate()]);
    },
  };
}
