// The worker thread behind validateCsaf (csaf-validate.ts): the CSAF validator's modules are loaded and run
// here, so their seconds of synchronous module evaluation never block the main event loop. Messages in:
// { id, doc }; out: { id, result } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { validateCsafHere } from './csaf-validate.js';

if (!parentPort) throw new Error('csaf-validate-worker.ts runs as a worker thread of csaf-validate.ts');
const port = parentPort;
port.on('message', (m: { id: number; doc: unknown }) => {
  validateCsafHere(m.doc).then(
    (result) => port.postMessage({ id: m.id, result }),
    (err: unknown) => port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
