/** The worker's pipeline thread: loads the stages once, then answers each posted page with its outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalysis, processItem, stageNames, type AnalysisOptions, type Outcome } from '../main/engine.js';
import type { InputItem } from '../main/inputs.js';
import type { ThreadMessage } from './analyser.js';

/** A few sentences in our own words that reach every stage (names, places, a quote, an event). */
const WARM_UP = `Warm-up headline
The French foreign minister met Russian officials in Geneva on Monday, the ministry said.
"We will keep talking," the minister told reporters after the meeting in Switzerland.`;

async function serve(): Promise<void> {
  if (!parentPort) throw new Error('queue/analyser-thread.js must run as a worker thread');
  const port = parentPort;
  await loadAnalysis((workerData as AnalysisOptions | null) ?? {});
  // Models load on their first sentence: take that cost before saying ready, so no job's lease or timing pays it.
  processItem({ ok: true, source: 'warm-up.txt', url: null, bytes: new TextEncoder().encode(WARM_UP) });
  port.on('message', (item: InputItem) => {
    let outcome: Outcome;
    try {
      outcome = processItem(item);
    } catch (e) {
      // processItem returns failures as values; a throw is a bug in it, kept to this page.
      const reason = e instanceof Error ? e.message : String(e);
      outcome = { ok: false, source: item.source, code: 'crashed', stage: 'worker', reason };
    }
    port.postMessage({ outcome } satisfies ThreadMessage);
  });
  port.postMessage({ ready: true, names: stageNames() } satisfies ThreadMessage);
}

void serve();
