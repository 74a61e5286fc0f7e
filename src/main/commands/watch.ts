/** `dateline watch`: re-read feeds and sitemaps on a schedule and ingest only what is new or changed, until stopped. */
import type { Command } from '../args.js';
import { loadAnalysis } from '../engine.js';
import { ingestSources } from '../ingest-run.js';
import { readSmallText } from '../inputs.js';
import { Progress } from '../io.js';
import { printable } from '../printable.js';
import type { Store } from '../../store/index.js';
import { withStore } from './shared.js';
import { stopOnSignals, workersOf } from './ingest.js';
import { crawlFrom, WEB_OPTIONS, WEB_USAGE } from './web.js';

/** `15m`, `30s`, `2h`, `1d` or plain seconds, in milliseconds; null when it is none of these. */
export function parseEvery(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$/i.exec(s);
  if (!m) return null;
  const unit = { s: 1000, m: 60000, h: 3600000, d: 86400000 }[(m[2] ?? 's').toLowerCase() as 's'];
  const ms = Number(m[1]) * unit;
  return ms >= 1000 && ms <= 7 * 86400000 ? ms : null;
}

/** Sources in a file: one a line, `#` comments and blank lines skipped. */
export function parseSourcesFile(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** Wait `ms`, or less when `stop` is set. */
function pause(ms: number, stop: { stopped: boolean; wake?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    stop.wake = () => {
      clearTimeout(t);
      resolve();
    };
  });
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** One cycle: read the sources again, ingest what is new, print one line. */
async function cycle(store: Store, v: Values, positionals: string[], n: number, stop: { stopped: boolean }) {
  const started = Date.now();
  let sources = positionals;
  if (v.sources) {
    try {
      sources = [...positionals, ...parseSourcesFile(readSmallText(v.sources as string))];
    } catch (e) {
      process.stderr.write(`error: ${printable(v.sources as string)}: not-found (read): ${(e as Error).message}\n`);
    }
  }
  const web = crawlFrom(v, store);
  if (typeof web === 'string') throw new Error(web);
  try {
    const s = await ingestSources(store, sources, {
      crawl: web.crawl,
      maxBytes: web.maxBytes,
      workers: workersOf(v.workers) as number,
      stop,
      progress: new Progress(0, false),
    });
    const c = web.fetcher.counters;
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `watch: cycle ${n} at ${new Date(started).toISOString()}: ${s.stored} stored, ${s.unchanged} unchanged, ` +
        `${s.duplicates} already stored, ${s.errors} errors, ${s.events} events; ${c.requests} requests ` +
        `(${c.conditional} conditional) in ${secs} s\n`,
    );
  } finally {
    await web.fetcher.close();
  }
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 're-read feeds and sitemaps on a schedule, ingesting only what is new or changed',
  usage: `
Usage: dateline watch [--db FILE] [--every 15m] [--sources FILE] [fetch options] SOURCE...

Every --every (default 15m; 30s, 2h, 1d or seconds), read each source again — feeds and sitemaps are asked
for conditionally — and ingest only pages that are new or whose text changed. One line per cycle on stdout.
SIGINT/SIGTERM finish the document in hand, then exit 0. Run it as a service: see docs/ingest.md.

Options:
  --db FILE          SQLite file (default ./dateline.db)
  --every D          time between the starts of two cycles (default 15m)
  --sources FILE     more sources, one a line, # comments (read again every cycle)
  --once             run one cycle and exit
  --workers N        worker threads (default: every core)
${WEB_USAGE}
  -h, --help         this help`,
  options: {
    db: { type: 'string' },
    every: { type: 'string' },
    sources: { type: 'string' },
    once: { type: 'boolean' },
    workers: { type: 'string' },
    ...WEB_OPTIONS,
  },
  async run(v, positionals) {
    const every = parseEvery((v.every as string | undefined) ?? '15m');
    if (every === null) {
      process.stderr.write(`dateline watch: --every wants a duration from 1s to 7d (15m, 30s, 2h), not '${v.every}'\n`);
      return 2;
    }
    if (typeof workersOf(v.workers) === 'string') {
      process.stderr.write(`dateline watch: ${workersOf(v.workers)}\n`);
      return 2;
    }
    if (!positionals.length && !v.sources) {
      process.stderr.write('dateline watch: no sources (see --help)\n');
      return 2;
    }
    return withStore(v.db as string | undefined, {}, async (store) => {
      const bad = crawlFrom(v, store);
      if (typeof bad === 'string') {
        process.stderr.write(`dateline watch: ${bad}\n`);
        return 2;
      }
      await bad.fetcher.close();
      await loadAnalysis();
      const stop: { stopped: boolean; wake?: () => void } = { stopped: false };
      const off = stopOnSignals(stop, () => stop.wake?.());
      try {
        for (let n = 1; !stop.stopped; n++) {
          const t0 = Date.now();
          await cycle(store, v, positionals, n, stop);
          if (v.once || stop.stopped) break;
          await pause(Math.max(0, every - (Date.now() - t0)), stop);
        }
        process.stdout.write('watch: stopped\n');
        return 0;
      } finally {
        off();
      }
    });
  },
};
