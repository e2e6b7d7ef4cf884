// The first of the import's two worker threads (prepare-ahead.ts): reads a batch of files synchronously — here
// the waits on the disk block only this thread — and hands them to the preparing thread (prepare-worker.ts) on
// the port it was given (workerData.port), as one buffer, moved, not copied. Messages in:
// { id, paths, maxBytes, meta }; out: { id, buffer, ends, errors, meta } (file i is buffer[ends[i-1] .. ends[i]),
// or errors[i], or neither — errors[i] undefined — when it did not fit in maxBytes; meta as it came).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';

export type ReadRequest<Meta> = { id: number; paths: string[]; maxBytes: number; meta: Meta };
export type ReadBatch<Meta> = {
  id: number;
  buffer: ArrayBuffer;
  ends: number[];
  errors: (string | null | undefined)[];
  meta: Meta;
};

if (!parentPort) throw new Error('read-worker.ts runs as a worker thread of prepare-ahead.ts');
const out = (workerData as { port: MessagePort }).port;
parentPort.on('message', (m: ReadRequest<unknown>) => {
  const bodies: (Buffer | null)[] = [];
  const errors: (string | null | undefined)[] = [];
  let total = 0;
  for (const path of m.paths) {
    let fd: number | null = null;
    try {
      fd = openSync(path, 'r');
      // a file past the budget is not read here at all (the import reads it once, itself); its size is checked
      // again after the read, in case it grew meanwhile
      const body = total + fstatSync(fd).size <= m.maxBytes ? readFileSync(fd) : null;
      const fits = body !== null && total + body.length <= m.maxBytes;
      bodies.push(fits ? body : null);
      errors.push(fits ? null : undefined);
      if (fits) total += body.length;
    } catch (err) {
      bodies.push(null);
      errors.push((err as Error).message);
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
  // files under 4 KB come from Node's shared buffer pool and cannot be moved one by one: one buffer for all
  const buffer = new ArrayBuffer(total);
  const all = new Uint8Array(buffer);
  const ends: number[] = [];
  let at = 0;
  for (const body of bodies) {
    if (body) {
      all.set(body, at);
      at += body.length;
    }
    ends.push(at);
  }
  const batch: ReadBatch<unknown> = { id: m.id, buffer, ends, errors, meta: m.meta };
  out.postMessage(batch, [buffer]);
});
