/**
 * A stand-in pipeline worker for the pool's tests (speaks the pool's protocol, loads no models): a job whose
 * source contains `stall` never ends, `crash` kills the worker, any other is answered at once with code `fake`.
 */
import { parentPort } from 'node:worker_threads';
import type { Job, Reply } from './pool.js';

const port = parentPort!;
port.on('message', (job: Job) => {
  if (job.item.source.includes('stall')) for (;;);
  if (job.item.source.includes('crash')) {
    // Long enough for the answers already posted to arrive first.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    process.exit(3);
  }
  const reply: Reply = {
    seq: job.seq,
    outcome: { ok: false, source: job.item.source, code: 'fake', stage: 'fake', reason: '' },
  };
  port.postMessage(reply);
});
port.postMessage({ ready: true });
