// validateCsaf runs the CSAF validator in a worker thread: loading the library (seconds of synchronous module
// evaluation) must not stall this thread's event loop; what cannot be sent is refused without breaking the
// worker; the idle worker does not keep the process alive (or this test file would never end).
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { validateCsaf } from './csaf-validate.js';

describe('validateCsaf in its worker thread', () => {
  it('loads and runs the validator without blocking this thread for more than a moment', async () => {
    const delay = monitorEventLoopDelay({ resolution: 20 });
    delay.enable();
    const r = await validateCsaf({});
    delay.disable();
    assert.equal(r.valid, false);
    assert.ok(r.errors.length > 0);
    // in-thread, the first load blocked 1.4–10 s on this machine; the worker leaves only the message handling
    assert.ok(delay.max / 1e6 < 1000, `longest block ${(delay.max / 1e6).toFixed(0)} ms`);
  });

  it('refuses a value that cannot be copied to the worker, and goes on validating', async () => {
    await assert.rejects(validateCsaf({ document: { f: () => 1 } }), /could not be cloned/);
    const results = await Promise.all([validateCsaf({}), validateCsaf({ document: {} })]);
    assert.deepEqual(
      results.map((r) => r.valid),
      [false, false],
    );
  });
});
