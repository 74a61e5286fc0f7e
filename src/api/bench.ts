/**
 * `npm run bench:api`: p95 latency of the API's store reads on a generated store of 1,000,000 events (override with
 * `--events N`; `--db FILE` keeps the generated store in FILE and reuses it when it already holds the events). The generator writes synthetic documents through the store's own save path (SqliteStore.saveDocument
 * inside batched transactions), so the read model is maintained exactly as in ingestion. Baseline, measured in the
 * same run: the pre-API query path (`Store.queryEvents`, EXISTS over arguments) for the same actor filter.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDoc, type Doc, type EventRecord, type Mention } from '../doc/index.js';
import { openSqliteStore, type EventQuery, type SqliteStore } from '../store/index.js';

const EVENTS_PER_DOC = 10;
const RUNS = 40;
const COUNTRIES = ['USA', 'RUS', 'FRA', 'DEU', 'CHN', 'IRN', 'UKR', 'GBR', 'ISR', 'TUR', 'IND', 'BRA', 'JPN', 'KOR'];
const SECTORS = ['GOV', 'MIL', 'REB', 'CVL', 'BUS', 'MED', 'OPP', 'JUD'];
const TYPES = ['CONSULT', 'AGREE', 'SUPPORT', 'ACCUSE', 'ASSAULT', 'COERCE', 'REJECT', 'THREATEN', 'AID', 'PROTEST'];
const QUAD = [1, 1, 1, 3, 4, 4, 3, 3, 2, 4];
const WORDS = ['talks', 'border', 'sanctions', 'ceasefire', 'summit', 'strike', 'aid', 'election', 'trade', 'nuclear'];
const DAYS = 3650;

/** A small deterministic PRNG (mulberry32), so every run builds the same store. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One synthetic document: a sentence per event, four actor mentions, events between them. */
function makeDoc(i: number, r: () => number): Doc {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * DAYS) * 86_400_000).toISOString().slice(0, 10);
  const sentences: string[] = [];
  for (let k = 0; k < EVENTS_PER_DOC; k++)
    sentences.push(`Report ${i}.${k}: officials held ${pick(WORDS)} about ${pick(WORDS)} and ${pick(WORDS)}.`);
  const text = sentences.join(' ');
  const doc = createDoc(text, { source: { source: `bench:${i}` }, meta: { status: 'article' } });
  doc.meta.published = { value: day, from: 'bench' };
  let at = 0;
  const spans = sentences.map((s) => {
    const span = { start: at, end: at + s.length, tokenStart: 0, tokenEnd: 0 };
    at += s.length + 1;
    return span;
  });
  doc.layers.sentences = spans;
  const mentions: Mention[] = [0, 1, 2, 3].map((m) => {
    const country = pick(COUNTRIES);
    const sector = pick(SECTORS);
    return {
      id: `m${m}`,
      start: spans[m].start,
      end: spans[m].start + 6,
      name: `${country} ${sector}`,
      country,
      sector,
      code: country + sector,
      kind: 'bench',
      confidence: 1,
      evidence: [],
    };
  });
  doc.layers.mentions = mentions;
  doc.layers.sentenceTone = Float32Array.from(spans, () => r() * 2 - 1);
  doc.layers.events = spans.map((s, k): EventRecord => {
    const t = Math.floor(r() * TYPES.length);
    const a = Math.floor(r() * 4);
    return {
      id: `v${k}`,
      sentence: k,
      trigger: { start: s.start, end: s.start + 6 },
      type: TYPES[t],
      mode: '',
      contexts: [],
      cameo: '040',
      quad: QUAD[t],
      goldstein: 1,
      actor: [`m${a}`],
      recipient: r() < 0.8 ? [`m${(a + 1 + Math.floor(r() * 3)) % 4}`] : [],
      date: r() < 0.95 ? day : null,
      negated: false,
      modality: 'happened',
      historical: false,
      decidedBy: ['bench'],
      confidence: Math.round(r() * 100) / 100,
    };
  });
  return doc;
}

/** Write `events` events (in documents of ten) through the store's save path. */
function generate(store: SqliteStore, events: number): number {
  const r = rng(42);
  const docs = Math.ceil(events / EVENTS_PER_DOC);
  const t0 = performance.now();
  const BATCH = 2000;
  for (let i = 0; i < docs; i += BATCH)
    store.batch(() => {
      for (let j = i; j < Math.min(docs, i + BATCH); j++) store.saveDocumentSync(makeDoc(j, r), ['bench']);
    });
  return (performance.now() - t0) / 1000;
}

/** p50/p95 in ms of `fn` run RUNS times with the i-th argument. */
async function measure(
  name: string,
  fn: (i: number) => Promise<unknown>,
): Promise<{ name: string; p50: number; p95: number }> {
  await fn(0);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  return { name, p50: q(0.5), p95: q(0.95) };
}

/** A one-year window starting in year `i` of the generated span. */
const year = (i: number): EventQuery => ({ since: `${2015 + (i % 9)}-01-01`, until: `${2015 + (i % 9)}-12-31` });

/** About a year that starts and ends inside a month: the month tiers answer the middle, the days the edges. */
const offYear = (i: number): EventQuery => ({
  since: `${2015 + (i % 9)}-02-15`,
  until: `${2016 + (i % 9)}-01-10`,
});

/** The value after `--name` on the command line, if given. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Open the bench store: a kept file (`--db`) reused when it was built for this many events, else a new one. */
async function openBenchStore(events: number): Promise<{ store: SqliteStore; cleanup: () => void }> {
  const kept = option('db');
  const dir = kept ? '' : mkdtempSync(join(tmpdir(), 'dateline-bench-api-'));
  const path = kept ?? join(dir, 'bench.db');
  const reuse = kept !== undefined && existsSync(kept);
  const store = openSqliteStore(path);
  const cleanup = () => dir && rmSync(dir, { recursive: true, force: true });
  const have = (store.db.prepare('SELECT count(*) n FROM events').get() as { n: number }).n;
  if (reuse && have === events) {
    console.log(`reusing ${path}: ${have} events`);
  } else {
    if (have) throw new Error(`${path} holds ${have} events, not ${events}: remove it or pass --events ${have}`);
    const secs = generate(store, events);
    console.log(
      `generated ${events} events in ${secs.toFixed(1)} s (${Math.round(events / secs)} events/s, through saveDocument)`,
    );
  }
  store.db.exec('ANALYZE');
  return { store, cleanup };
}

async function main(): Promise<void> {
  const events = Number(option('events') ?? 1_000_000);
  const { store, cleanup } = await openBenchStore(events);
  try {
    const R = store.read;
    const c = (i: number) => COUNTRIES[i % COUNTRIES.length];
    // The cursor to each type's 20th page, walked to before timing: the timed query is the one page request.
    const deep: (string | undefined)[] = [];
    for (const type of TYPES) {
      let cursor: string | undefined;
      for (let p = 0; p < 19; p++) cursor = (await R.eventPage({ type: [type] }, 'date', 50, cursor)).next ?? undefined;
      deep.push(cursor);
    }
    const results = [
      await measure('baseline: queryEvents actor=XXX limit 50 (pre-API path)', (i) =>
        store.queryEvents({ actor: c(i) + 'GOV', limit: 50 }),
      ),
      await measure('events: type, sort -date, limit 50', (i) => R.eventPage({ type: [TYPES[i % 10]] }, '-date', 50)),
      await measure('events: actor prefix + one year, limit 50', (i) =>
        R.eventPage({ actor: c(i), ...year(i) }, 'date', 50),
      ),
      await measure('events: party + quad, sort -confidence', (i) =>
        R.eventPage({ party: c(i) + 'MIL', quad: [4] }, '-confidence', 50),
      ),
      await measure('events: text search + country', (i) =>
        R.eventPage({ q: WORDS[i % 10] + ' ' + WORDS[(i + 3) % 10], country: c(i) }, '-date', 50),
      ),
      await measure('events: 20th page by cursor (type filter)', (i) =>
        R.eventPage({ type: [TYPES[i % 10]] }, 'date', 50, deep[i % 10]),
      ),
      await measure('dyads: one year', (i) => R.dyads(year(i), 'quad', 300)),
      await measure('dyads: mid-Feb to mid-Jan (not month-aligned)', (i) => R.dyads(offYear(i), 'quad', 300)),
      await measure('dyads: actor prefix', (i) => R.dyads({ actor: c(i) }, 'type', 300)),
      await measure('dyads: whole store (unfiltered)', () => R.dyads({}, 'quad', 300)),
      await measure('series: whole store by month, quad (rollup)', () => R.series({}, 'month', 'quad')),
      await measure('series: one year by week, type (rollup)', (i) => R.series(year(i), 'week', 'type')),
      await measure('series: actor prefix by month, quad', (i) => R.series({ actor: c(i) + 'GOV' }, 'month', 'quad')),
    ];
    console.log(`\n${'query'.padEnd(58)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
    for (const x of results)
      console.log(`${x.name.padEnd(58)} ${x.p50.toFixed(1).padStart(8)} ${x.p95.toFixed(1).padStart(8)}`);
  } finally {
    await store.close();
    cleanup();
  }
}

main();
