// Reading a folder's files ahead of the import, in a worker thread (read-ahead-worker.ts). The import reads,
// parses and maps one batch while PostgreSQL writes the previous one; a synchronous read of a file that is not
// in the OS cache blocks that thread for the disk (~170 µs a file on the bench's machine: ~30 of 158 s for
// 250,000 files), and the promise API costs the import's thread more CPU than the reads themselves. So the
// worker reads the next batch synchronously while this thread prepares the current one, and sends it as one
// buffer (bench/README.md).
import { startModuleWorker } from '../../platform/module-worker.js';

/** A file's content, why it could not be read, or null: it did not fit in the batch's bytes (read it yourself). */
export type ReadResult = { body: Buffer } | { error: string } | null;

/**
 * The most bytes of file content sent back for one batch: the files of a batch travel as one buffer, so a
 * folder of unusually large documents would otherwise need them all in memory at once (CSAF files are KBs).
 */
export const READ_AHEAD_MAX_BYTES = 256 * 1024 * 1024;

export type ReadAhead = {
  /** the files' contents in the order given; batches are read one after another, in the order asked */
  read(paths: readonly string[]): Promise<ReadResult[]>;
  /** stops the worker; reads not answered yet fail */
  close(): Promise<void>;
};

type Reply = { id: number; buffer: ArrayBuffer; ends: number[]; errors: (string | null | undefined)[] };

export function startReadAhead(maxBytes = READ_AHEAD_MAX_BYTES): ReadAhead {
  const worker = startModuleWorker(import.meta.url, 'read-ahead-worker');
  // held only while a read is awaited: an idle reader never keeps the process alive
  worker.unref();
  let nextId = 0;
  let stopped: Error | null = null;
  const pending = new Map<number, { resolve: (r: ReadResult[]) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    const all = Buffer.from(m.buffer);
    p.resolve(
      m.errors.map((error, i) =>
        error === null
          ? { body: all.subarray(m.ends[i - 1] ?? 0, m.ends[i]) }
          : error === undefined
            ? null
            : { error },
      ),
    );
  });
  const fail = (err: Error) => {
    stopped ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the import's file reader stopped (exit code ${code})`)));
  return {
    read(paths) {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, paths, maxBytes });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
