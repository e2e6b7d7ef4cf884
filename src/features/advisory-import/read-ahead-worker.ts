// The worker thread behind readAhead (read-ahead.ts): reads a batch of files synchronously — here the waits on
// the disk block only this thread — and sends them back as one buffer, moved, not copied. Messages in:
// { id, paths, maxBytes }; out: { id, buffer, ends, errors } (file i is buffer[ends[i-1] .. ends[i]), or
// errors[i], or neither — errors[i] undefined — when it did not fit in maxBytes: the import reads it itself).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('read-ahead-worker.ts runs as a worker thread of read-ahead.ts');
const port = parentPort;
port.on('message', (m: { id: number; paths: string[]; maxBytes: number }) => {
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
  port.postMessage({ id: m.id, buffer, ends, errors }, [buffer]);
});
