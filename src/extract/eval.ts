/**
 * `npm run eval:extract`: extraction quality on ../shared — AEB body F1 (the benchmark's metric),
 * title/byline/date accuracy on the Readability test pages and WCXB dev articles, and page kind.
 * Pass `-v` to list the misses. Skips cleanly when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { extract } from './index.js';
import { aebPages, extractionRoot, fmt, readabilityMeta, scoreAeb, wcxbMeta } from './evalsets.js';

function main(): void {
  const root = extractionRoot();
  if (!root) {
    console.log('eval:extract: no ../shared/data/extraction, skipping');
    return;
  }
  const verbose = process.argv.includes('-v');
  const pages = aebPages(root);
  const pred = new Map<string, string>();
  for (const p of pages) {
    const r = extract({ bytes: readFileSync(p.file), source: p.key, url: p.url });
    pred.set(p.key, r.ok ? r.value.text.slice(0, r.value.bodyEnd) : '');
  }
  const s = scoreAeb(pages, pred);
  console.log(
    `AEB (${pages.length} pages)         F1 ${s.f1.toFixed(3)}  P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}   (bar: F1 >= 0.970)`,
  );
  const rm = readabilityMeta(root);
  console.log(`Readability pages     title ${fmt(rm.title)}  byline ${fmt(rm.byline)}  date ${fmt(rm.date)}`);
  console.log(
    `  page kind: not-readerable -> not article ${fmt(rm.kind)};  readerable -> article ${fmt(rm.kindReaderable)}`,
  );
  const wm = wcxbMeta(root);
  console.log(
    `WCXB dev articles     title ${fmt(wm.title)}  author ${fmt(wm.author)}  date ${fmt(wm.date)}   (bars: title, date >= 90%)`,
  );
  wm.halves.forEach((h, i) =>
    console.log(`  ${i ? 'odd (check) ' : 'even (tune) '} half: title ${fmt(h.title)}  date ${fmt(h.date)}`),
  );
  console.log(`  body F1 ${wm.body.f1.toFixed(3)}  P ${wm.body.p.toFixed(3)}  R ${wm.body.r.toFixed(3)}`);
  if (verbose) for (const m of [...rm.misses, ...wm.misses]) console.log('  miss', m);
}

main();
