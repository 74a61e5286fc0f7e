/**
 * `npm run eval:dedup`: the wire-copy check. One story (our own example page) and 20 lightly edited copies of it from
 * 20 other sites, mixed with 200 real pages from ../shared/data/extraction (read at run time, never copied into the
 * repository), ingested through the whole pipeline into a temporary store. Pass: every copy is in the story's
 * near-duplicate group and no other page is; the story's event clusters have articles = 21 and sources = 21 (sites).
 * Skips cleanly when ../shared is absent.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aebPages, extractionRoot } from '../extract/evalsets.js';
import { loadAnalysis } from '../main/engine.js';
import { ingestInto } from '../main/commands/ingest.js';
import { openSqliteStore, type StoredDocument } from '../store/index.js';
import { checkExports } from '../export/check.js';

const COPIES = 20;
const OTHERS = 200;
const STORY = new URL('../../examples/2015-11-26-hollande-moscow.html', import.meta.url);

/** Word-level edits a syndicating site makes; copy i applies two of them. */
const SWAPS: [string, string][] = [
  ['the latest stop in a week', 'the latest stop on a week'],
  ['a broad coalition', 'a wide coalition'],
  ['a joint news conference', 'a joint press conference'],
  ['near the Syrian border', 'close to the Syrian border'],
  ["the country's future", "the nation's future"],
  ['Hollande had visited Washington', 'Hollande had earlier visited Washington'],
];

/** Copy i of the story: another site's URL, name, headline, byline, time, chrome, two word swaps and a credit line. */
function editedCopy(html: string, i: number): { html: string; url: string } {
  const site = `site${String(i).padStart(2, '0')}.example`;
  const url = `https://www.${site}/world/hollande-putin-${i}`;
  let h = html
    .replace(/https:\/\/example\.org\/world\/2015\/11\/26\/hollande-putin-moscow/, url)
    .replace(/The Dateline Example Post/g, `The ${site} Courier`)
    .replace(
      /Hollande and Putin agree to coordinate strikes in Syria/g,
      `Hollande, Putin to coordinate Syria strikes (${i})`,
    )
    .replace('By Claire Dumont', `By ${site} staff and agencies`)
    .replace(
      /2015-11-26T18:40:00\+01:00/g,
      `2015-11-26T${String(19 + (i % 4)).padStart(2, '0')}:${String(i * 2).padStart(2, '0')}:00+01:00`,
    )
    .replace('<li><a href="/sport">Sport</a></li>', `<li><a href="/local">Local ${i}</a></li>`)
    .replace('</article>', `<p>This story was distributed by a news agency and edited by ${site}.</p>\n</article>`);
  for (const [from, to] of [SWAPS[i % SWAPS.length], SWAPS[(i * 5 + 1) % SWAPS.length]]) h = h.replace(from, to);
  return { html: h, url };
}

/** The 200 other pages: AEB's 181, then WCXB dev articles in name order. */
function otherPages(root: string): { path: string; url: string | null }[] {
  const pages: { path: string; url: string | null }[] = aebPages(root).map((p) => ({ path: p.file, url: p.url }));
  const wcxb = join(root, 'wcxb-dev-articles', 'html');
  for (const name of readdirSync(wcxb).sort()) {
    if (pages.length >= OTHERS) break;
    pages.push({ path: join(wcxb, name), url: null });
  }
  return pages.slice(0, OTHERS);
}

async function main(): Promise<void> {
  const root = extractionRoot();
  if (!root) {
    console.log('eval:dedup: no ../shared/data/extraction, skipping');
    return;
  }
  await loadAnalysis();
  const dir = mkdtempSync(join(tmpdir(), 'dateline-dedup-'));
  try {
    const html = readFileSync(STORY, 'utf8');
    const list: { path: string; url: string | null }[] = [];
    const storyPath = join(dir, 'story.html');
    writeFileSync(storyPath, html);
    const copies = Array.from({ length: COPIES }, (_, i) => editedCopy(html, i + 1));
    copies.forEach((c, i) => {
      const p = join(dir, `copy-${i + 1}.html`);
      writeFileSync(p, c.html);
      list.push({ path: p, url: c.url });
    });
    const others = otherPages(root);
    // Interleave the copies among the other pages, so the story is not ingested as one block.
    const mixed = [...others];
    list.forEach((c, i) => mixed.splice(Math.floor(((i + 1) * others.length) / (COPIES + 1)) + i, 0, c));
    mixed.splice(others.length >> 1, 0, {
      path: storyPath,
      url: 'https://example.org/world/2015/11/26/hollande-putin-moscow',
    });
    const listPath = join(dir, 'inputs.jsonl');
    writeFileSync(listPath, mixed.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const store = openSqliteStore(join(dir, 'eval.db'));
    const t0 = Date.now();
    const s = await ingestInto(store, [], { inputList: listPath });
    const secs = (Date.now() - t0) / 1000;
    const pass = await report(store, new Set([storyPath, ...list.map((c) => c.path)]), s, secs);
    const exportsOk = await exportReport(store, dir);
    await store.close();
    console.log(pass && exportsOk ? 'PASS' : 'FAIL');
    process.exitCode = pass && exportsOk ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Print the check's figures and PASS/FAIL. */
async function report(
  store: ReturnType<typeof openSqliteStore>,
  storyPaths: Set<string>,
  s: Awaited<ReturnType<typeof ingestInto>>,
  secs: number,
): Promise<boolean> {
  const docs: StoredDocument[] = [];
  for await (const d of store.eachDocument()) docs.push(d);
  const story = docs.filter((d) => storyPaths.has(d.source));
  const groups = new Set(story.map((d) => d.dup_group));
  const group = story[0]?.dup_group ?? null;
  const intruders = docs.filter((d) => !storyPaths.has(d.source) && group !== null && d.dup_group === group);
  const otherGroups = new Set(docs.filter((d) => !storyPaths.has(d.source) && d.dup_group).map((d) => d.dup_group));
  console.log(
    `ingested ${s.seen} pages (${s.stored} stored, ${s.duplicates} exact duplicates, ${s.errors} errors) in ${secs.toFixed(1)} s`,
  );
  console.log(
    `story + copies stored: ${story.length} of ${COPIES + 1}; their groups: ${groups.size} (${[...groups].join(', ')})`,
  );
  console.log(
    `other pages in the story's group: ${intruders.length}; other groups among the 200 pages: ${otherGroups.size}`,
  );
  const storyDocs = new Set(story.map((d) => d.id));
  const original = story.find((d) => d.url?.startsWith('https://example.org/'));
  const events = (await store.queryEvents({})).filter((e) => original && e.doc === original.id);
  const sites = new Set(story.map((d) => d.site)).size;
  let good = 0;
  for (const e of events) {
    const members = (await store.queryEvents({ cluster: e.cluster })).filter((m) => storyDocs.has(m.doc)).length;
    const ok = e.articles === COPIES + 1 && e.sources === sites;
    if (ok) good++;
    console.log(
      `  ${ok ? 'ok  ' : 'MISS'} ${e.type.padEnd(9)} ${e.trigger.text.padEnd(12)} cluster ${e.cluster}  mentions ${e.mentions}  articles ${e.articles}  sources ${e.sources}  (story members ${members})`,
    );
  }
  const pass =
    story.length === COPIES + 1 &&
    groups.size === 1 &&
    group !== null &&
    !intruders.length &&
    events.length > 0 &&
    good === events.length;
  console.log(
    `story events: ${events.length}; clusters with articles = ${COPIES + 1} and sources = ${sites} (sites): ${good}`,
  );
  console.log(`wire-copy check: ${pass ? 'pass' : 'FAIL'}`);
  return pass;
}

/** Every export format against query over this store of real pages, with and without filters. */
async function exportReport(store: ReturnType<typeof openSqliteStore>, dir: string): Promise<boolean> {
  const filters = [
    {},
    { type: 'CONSULT' },
    { actor: 'USA' },
    { since: '2015-01-01', until: '2019-12-31' },
    { limit: 50 },
  ];
  let ok = true;
  console.log('exports (jsonl, csv via python3 csv, gdelt conventions, parquet via parquet-wasm) vs query:');
  for (const f of filters) {
    const c = await checkExports(store, f, dir);
    ok &&= c.problems.length === 0;
    console.log(
      `  ${JSON.stringify(f).padEnd(44)} ${String(c.events).padStart(5)} events  ${c.problems.length ? c.problems.join('; ') : 'all formats match'}`,
    );
  }
  return ok;
}

void main();
