/** The worker's pipeline thread: loads the stages once, then answers each posted page with its outcome. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalysis, processItem, stageNames, type AnalysisOptions, type Outcome } from '../main/engine.js';
import type { InputItem } from '../main/inputs.js';
import type { ThreadMessage } from './analyser.js';

/** A few sentences in our own words that reach every stage (names, places, a quote, an event). */
const WARM_UP = `Warm-up headline
The French foreign minister met Russian officials in Geneva on Monday, the ministry said.
"We will keep talking," the minister told reporters after the meeting in Switzerland.`;

/**
 * CPU to spend warming up before the first claim. The first pages a fresh process analyses run before V8 has
 * optimised the hot code: in bench:workers (2026-12-03, quiet machine) one worker's first 150 pages cost 87 ms of
 * CPU each against 63 ms over 2,000 pages, so short runs and freshly started workers paid ~3.6 s of warm-up in jobs.
 */
const WARM_UP_BUDGET_MS = 2500;

/** The bundled example pages (our own words; HTML, gzip and text), or the built-in passage when not installed. */
function warmUpItems(): InputItem[] {
  const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /\.(html|html\.gz|txt)$/.test(n));
  } catch {
    // Not installed with its examples: the built-in passage still loads every model.
  }
  const items = names.map((n) => ({ ok: true as const, source: n, url: null, bytes: readFileSync(dir + n) }));
  return [{ ok: true, source: 'warm-up.txt', url: null, bytes: new TextEncoder().encode(WARM_UP) }, ...items];
}

/** Load the models (first sentence) and let the JIT optimise the pipeline, within WARM_UP_BUDGET_MS of CPU. */
function warmUp(): void {
  const items = warmUpItems();
  const start = process.cpuUsage();
  const spent = () => {
    const u = process.cpuUsage(start);
    return (u.user + u.system) / 1000;
  };
  for (let round = 0; round === 0 || spent() < WARM_UP_BUDGET_MS; round++) for (const item of items) processItem(item);
}

async function serve(): Promise<void> {
  if (!parentPort) throw new Error('queue/analyser-thread.js must run as a worker thread');
  const port = parentPort;
  await loadAnalysis((workerData as AnalysisOptions | null) ?? {});
  // Models load on their first sentence and code is optimised after many: take that cost before saying ready, so
  // no job's lease or timing pays it.
  warmUp();
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
