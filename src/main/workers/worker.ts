/**
 * A pipeline worker thread: loads the analysis stages once (models load on its first sentence), then turns each
 * input item it is sent into an outcome and posts it back with the item's sequence number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalysis, processItem, type AnalysisOptions } from '../engine.js';
import type { InputItem } from '../inputs.js';
import type { Job, Reply } from './pool.js';

async function serve(): Promise<void> {
  if (!parentPort) throw new Error('workers/worker.js must run as a worker thread');
  const port = parentPort;
  await loadAnalysis((workerData as AnalysisOptions | null) ?? {});
  port.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { seq: job.seq, outcome: processItem(job.item as InputItem) };
    } catch (e) {
      // processItem returns failures as values; this is a bug in it, kept to this document.
      const reason = e instanceof Error ? e.message : String(e);
      reply = {
        seq: job.seq,
        outcome: { ok: false, source: job.item.source, code: 'crashed', stage: 'worker', reason },
      };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}

void serve();
