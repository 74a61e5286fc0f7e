/** Ingestion for `POST /api/ingest`: pages as given or fetched URLs, each through the engine into the store. */
import type { IngestFn, IngestInput, IngestReport } from '../../api/index.js';
import type { Store } from '../../store/index.js';
import { processItem, stageNames } from '../engine.js';
import type { InputItem } from '../inputs.js';

/** Largest page fetched for a URL, and how long a fetch may take. */
const MAX_FETCH_BYTES = 16 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

/** Fetch one http(s) URL to bytes, or a failed item naming it. */
async function fetchItem(url: string): Promise<InputItem> {
  const fail = (reason: string): InputItem => ({ ok: false, source: url, code: 'bad-input', reason });
  if (!/^https?:\/\//i.test(url)) return fail('only http and https URLs are fetched');
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!res.ok) return fail(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_FETCH_BYTES)
      return { ok: false, source: url, code: 'too-large', reason: `${bytes.length} bytes` };
    return { ok: true, source: url, url: res.url || url, bytes };
  } catch (e) {
    return fail((e as Error).message);
  }
}

/** The input as an item the engine reads. */
async function toItem(x: IngestInput): Promise<InputItem> {
  if (x.kind === 'url') return fetchItem(x.url);
  return { ok: true, source: x.name, url: x.url, bytes: new TextEncoder().encode(x.content) };
}

/** An ingest function writing into `store` (the analysis pipeline must be loaded). */
export function storeIngest(store: Store): IngestFn {
  return async (inputs) => {
    const r: IngestReport = { seen: 0, stored: 0, duplicates: 0, errors: [], events: 0 };
    const names = stageNames();
    for (const input of inputs) {
      r.seen++;
      const o = processItem(await toItem(input));
      if (!o.ok) {
        r.errors.push({ source: o.source, code: o.code, stage: o.stage, reason: o.reason });
        await store.saveError({ source: o.source, code: o.code, stage: o.stage, message: o.reason });
        continue;
      }
      try {
        if (await store.saveDocument(o.doc, names)) {
          r.stored++;
          r.events += o.doc.layers.events?.length ?? 0;
        } else r.duplicates++;
      } catch (e) {
        const reason = (e as Error).message;
        r.errors.push({ source: o.source, code: 'store-failed', stage: 'store', reason });
        await store.saveError({ source: o.source, code: 'store-failed', stage: 'store', message: reason });
      }
    }
    return r;
  };
}
