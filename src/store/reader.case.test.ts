/**
 * The reader contract on both backends: the bundled examples (and two project-written pages that report the same
 * talks, so clusters span articles) ingested into a SQLite and a Postgres store, each served by the HTTP API, must
 * answer every endpoint with the same JSON — pages, cursors, filters, search, aggregations, documents, quotes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../api/index.js';
import { PACKAGE_ROOT } from '../doc/index.js';
import { loadAnalysis } from '../main/engine.js';
import { ingestInto } from '../main/commands/ingest.js';
import { storeIngest } from '../main/commands/serve-ingest.js';
import type { EventOut } from '../record/index.js';
import { postgresBackend } from './backends.js';
import { openStore } from './open.js';
import type { StoreReader } from './api-reader.js';
import type { Store } from './store.js';

const TOKEN = 'reader-case-token';

/** Two reports of one meeting, written for this test. */
const TALKS = [
  'LIMA — Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Tuesday to discuss water rights along their shared border.',
  'The two presidents signed an agreement on sharing river water after the talks, their offices said in a joint statement.',
];
const PAGES = [
  [
    'Chile and Peru agree on water sharing',
    'Published 9 May 2023',
    ...TALKS,
    'Farmers in the Tacna region criticised the deal and accused both governments of ignoring their concerns about the drought.',
    'The United Nations welcomed the agreement and said it would help monitor the rivers next year.',
  ],
  [
    'Boric and Boluarte sign river accord',
    'Published 9 May 2023',
    ...TALKS,
    'Engineers from both countries will meet again in Arica in June to agree on how the water is measured.',
    'Opposition lawmakers in Santiago demanded that the government publish the full text of the accord.',
  ],
].map((lines) => lines.join('\n\n'));

/** `ingested_at` (the one clock value the API shows) masked, in JSON and in CSV/JSON-lines text. */
function clock<T>(v: T): T {
  const stamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'ingested_at' ? 'T' : x)).replace(stamp, 'T'));
}

const pgBackend = postgresBackend();

describe('reader contract: Postgres answers the API as SQLite does', { skip: pgBackend.skip }, () => {
  let dir = '';
  const stores: Store[] = [];
  const apis: ReturnType<typeof createApi>[] = [];

  before(async () => {
    await loadAnalysis();
    await pgBackend.start();
    dir = mkdtempSync(join(tmpdir(), 'dateline-reader-'));
    PAGES.slice(0, 1).forEach((text, i) => writeFileSync(join(dir, `talks-${i}.txt`), text));
    const saved = process.stderr.write;
    process.stderr.write = () => true; // the bundled truncated page reports its error line
    try {
      for (const where of [join(dir, 'r.db'), await pgBackend.location()]) {
        const store = await openStore(where);
        await ingestInto(store, [join(PACKAGE_ROOT, 'examples'), dir], { workers: 1 });
        stores.push(store);
        const reader = (store as Store & { read: StoreReader }).read;
        apis.push(createApi({ reader, token: TOKEN, ingest: storeIngest(store) }));
      }
    } finally {
      process.stderr.write = saved;
    }
  });
  after(async () => {
    for (const s of stores) await s.close();
    await pgBackend.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** GET `path` from both; the same status and body, which is returned (parsed when JSON). */
  const same = async (path: string) => {
    const [a, b] = await Promise.all(apis.map((api) => api.request(path)));
    assert.equal(b.status, a.status, `${path}: status`);
    const json = a.headers.get('content-type')?.startsWith('application/json');
    const [x, y] = json
      ? [clock(await a.json()), clock(await b.json())]
      : [clock(await a.text()), clock(await b.text())];
    assert.deepEqual(y, x, `${path}: postgres vs sqlite`);
    return x;
  };

  test('both stores hold the same documents and events', async () => {
    const [s, p] = await Promise.all(stores.map((st) => st.stats()));
    assert.ok(s.events > 20, `examples give events (${s.events})`);
    assert.deepEqual(p, s);
  });

  test('event pages and cursors agree in every sort order', async () => {
    for (const sort of ['date', '-date', 'confidence', '-confidence', 'goldstein', '-goldstein']) {
      let cursor = '';
      let seen = 0;
      for (let i = 0; i < 50; i++) {
        const page = await same(`/api/events?sort=${sort}&limit=7${cursor ? '&cursor=' + cursor : ''}`);
        seen += page.events.length;
        if (!page.next) break;
        cursor = page.next;
      }
      assert.equal(seen, stores.length && (await stores[0].stats()).events, `${sort}: every event`);
    }
    await same('/api/events?cursor=nonsense');
  });

  test('filters, search and exports agree', async () => {
    const all = (await same('/api/events?limit=1000')).events as EventOut[];
    const e = all.find((x) => x.contexts.length && x.actor.length && x.recipient.length)!;
    const filters = [
      'actor=fra',
      'recipient=rus',
      'party=us',
      'country=RUS',
      'sector=GOV',
      'type=ASSAULT,CONSULT',
      'quad=1,4',
      `mode=${e.mode}`,
      `context=${e.contexts[0]}`,
      'q=Kremlin',
      'q=president%20talks',
      'q=!!!',
      'since=2018-01-01&until=2020-12-31',
      'min_confidence=0.8',
      'min_articles=2',
      `doc=${e.doc}`,
      `actor=${e.actor[0].code}&type=${e.type}&sort=-confidence`,
    ];
    for (const f of filters) await same(`/api/events?limit=1000&${f}`);
    assert.ok((await same('/api/events?q=Kremlin')).events.length > 0, 'search finds events');
    await same('/api/events.csv');
    await same('/api/events.jsonl?sort=-date&type=CONSULT');
  });

  test('aggregations, actors, countries and points agree', async () => {
    for (const interval of ['day', 'week', 'month'])
      for (const by of ['type', 'quad']) {
        await same(`/api/series?interval=${interval}&by=${by}`);
        await same(`/api/series?interval=${interval}&by=${by}&since=2015-01-01&type=CONSULT`);
        await same(`/api/series?interval=${interval}&by=${by}&actor=USA`);
      }
    for (const q of ['by=type', 'by=quad', 'by=type&country=USA', 'by=quad&limit=3']) await same(`/api/dyads?${q}`);
    for (const q of ['', '?prefix=rus', '?prefix=USAGOV&limit=2']) await same(`/api/actors${q}`);
    for (const q of ['', '?side=recipient', '?type=ASSAULT']) await same(`/api/countries${q}`);
    const map = await same('/api/countries');
    assert.ok(map.countries.length > 0 && map.points.length > 0, 'countries and located events');
    const series = (await same('/api/series?interval=month&by=type')).series as { tone: number | null }[];
    assert.ok(
      series.some((p) => p.tone !== null),
      'mean tones',
    );
    assert.ok((await same('/api/dyads?by=type')).dyads.length > 0);
  });

  test('documents and quotes agree', async () => {
    const docs = new Set(((await same('/api/events?limit=1000')).events as EventOut[]).map((e) => e.doc));
    for (const id of docs) await same(`/api/documents/${id}`);
    await same('/api/documents/0123456789abcdef');
    for (const q of ['', '?speaker=USA', '?q=said', `?doc=${[...docs][0]}`]) await same(`/api/quotes${q}`);
    assert.ok((await same('/api/quotes')).quotes.length > 0);
  });

  test('a page posted to both is stored and read the same', async () => {
    const post = (api: ReturnType<typeof createApi>) =>
      api.request('/api/ingest', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ pages: [{ content: PAGES[1], name: 'talks-1.txt' }] }),
      });
    const [a, b] = await Promise.all(apis.map(post));
    assert.deepEqual(await b.json(), await a.json());
    const two = (await same('/api/events?min_articles=2&limit=1000')).events as EventOut[];

    assert.ok(new Set(two.map((e) => e.doc)).size >= 2, "the new page joins the first report's clusters");
    await same('/api/series?interval=day&by=type&min_articles=2');
    await same('/api/events?q=river%20water');
  });
});
