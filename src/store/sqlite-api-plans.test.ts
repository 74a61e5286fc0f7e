/**
 * The SQLite reader's plan choices give the rows the plain plan gives: a page with search words read by walking the
 * sort order (many matches) equals the page read by looking up the matches (few), for every sort, filter and cursor.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDoc } from './fixture.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';
import { SqliteReader } from './sqlite-read.js';
import { eventsAfter } from './sqlite-api-events.js';
import { EVENT_SORTS, type EventQuery } from './api-reader.js';

const WORDS = ['talks', 'border', 'sanctions', 'ceasefire', 'summit'];
const CODES = ['FRAGOV', 'RUSGOV', 'UKRMIL', 'DEUGOV', 'USAMIL'];

let dir = '';
let store: SqliteStore;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-plans-'));
  store = openSqliteStore(join(dir, 'p.db'));
  // 24 documents of three sentences; words, codes, dates (some undated) and goldstein values vary by position.
  for (let i = 0; i < 24; i++) {
    const lines = [0, 1, 2].map(
      (k) => `Envoy${i}x${k} held${k} ${WORDS[(i + k) % 5]} about ${WORDS[(i * k + 1) % 5]} with Minister${i}x${k}.`,
    );
    const events = lines.map((_, k) => ({
      type: k === 1 ? 'ACCUSE' : 'CONSULT',
      cameo: '040',
      quad: k === 1 ? 3 : 1,
      goldstein: ((i * 7 + k * 3) % 11) - 5,
      trigger: `held${k}`,
      actor: [[`Envoy${i}x${k}`, CODES[(i + k) % 5]]] as [string, string][],
      recipient: [[`Minister${i}x${k}`, CODES[(i + 2 * k + 1) % 5]]] as [string, string][],
      date: (i + k) % 7 === 0 ? null : `2024-0${1 + (i % 9)}-1${k}`,
    }));
    await store.saveDocument(fixtureDoc(lines.join('\n'), { published: `2024-01-${10 + (i % 19)}`, events }), ['test']);
  }
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page of `q` in `sort` order, two events a page, as event ids. */
function allPages(q: EventQuery, sort: (typeof EVENT_SORTS)[number], walkMatches: number): string[][] {
  const records = new SqliteReader(store.db);
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = eventsAfter(store.db, records, q, sort, 2, cursor, walkMatches);
    pages.push(page.events.map((e) => `${e.doc}:${e.id}`));
    cursor = page.next ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

test('walking the sort order with search words gives the pages looking up the matches gives', () => {
  const queries: EventQuery[] = [
    { q: 'talks' },
    { q: 'talks sanctions', country: 'FRA' },
    { q: 'border', sector: 'GOV' },
    { q: 'summit', country: 'UKR', type: ['CONSULT'] },
    { q: 'ceasefire', actor: 'RUS', since: '2024-03-01' },
    { q: 'talks', party: 'DEU', until: '2024-06-30' },
  ];
  let rows = 0;
  for (const q of queries)
    for (const sort of EVENT_SORTS) {
      const walked = allPages(q, sort, 0);
      assert.deepEqual(walked, allPages(q, sort, Number.MAX_SAFE_INTEGER), `${JSON.stringify(q)} ${sort}`);
      rows += walked.flat().length;
    }
  assert.ok(rows > 100, `the queries find events (${rows})`);
});
