/**
 * Done-when check for bad input at scale (not a unit test): generates N hostile inputs of every class the issue
 * lists, mixed with good pages made from ../shared/data/extraction/aeb, ingests them in one `dateline ingest`
 * run, and checks: every hostile input has exactly one error line or is stored whole, every good page is stored,
 * the process exits normally, and its peak RSS (--json) stays under 2 GB.
 * Usage: node dist/main/hostile-check.js [--hostile 1000] [--good 100] [--workers 2]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../doc/index.js';
import { articleHtml } from '../fetch/testsite.js';
import { openSqliteStore } from '../store/index.js';
import { distinctCopy } from '../pipeline/corpus.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const AEB = join(PACKAGE_ROOT, '..', 'shared', 'data', 'extraction', 'aeb', 'html');

let seed = 17;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const randBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
const printable = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(rnd() * 94))).join('');

/** The hostile classes: name → a generator of one input (file name suffix, bytes). */
const CLASSES: [string, (i: number) => [string, Buffer]][] = [
  ['random-bytes', (i) => ['.html', randBytes(2000 + (i % 50) * 100)]],
  ['printable-noise', () => ['.txt', Buffer.from(printable(20000))]],
  [
    'base64-lines',
    () => [
      '.txt',
      Buffer.from(
        randBytes(30000)
          .toString('base64')
          .replace(/(.{76})/g, '$1\n'),
      ),
    ],
  ],
  ['one-word-line-5mb', () => ['.txt', Buffer.from('Word'.repeat(1_300_000))]],
  ['lines-1mb', () => ['.txt', Buffer.from(('Talks went on in Geneva and ' + 'x'.repeat(1_000_000) + '\n').repeat(2))]],
  [
    'text-page-30mb',
    () => ['.txt', Buffer.from('Delegates from both sides met in Geneva on Monday. '.repeat(600_000))],
  ],
  [
    'sentence-20000-words',
    (i) => [
      '.txt',
      Buffer.from(
        Array.from({ length: 20000 }, (_, k) => (k % 7 ? 'talks' : 'Minister') + (k % 13 === 0 ? ',' : '')).join(' ') +
          ` ${i}.`,
      ),
    ],
  ],
  ['punctuation-runs', () => ['.txt', Buffer.from('Talks resumed. ' + '!?.,;:'.repeat(100_000))]],
  ['quotes-and-said', (i) => ['.txt', Buffer.from(`"x," said Mr. Smith ${i}. `.repeat(40_000))]],
  ['nesting-100000', () => ['.html', Buffer.from('<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000))]],
  [
    'invalid-utf8',
    (i) => [
      '.html',
      Buffer.concat([
        Buffer.from('<html><body><p>'),
        ...Array.from({ length: 400 }, () => Buffer.from([0xc3, 0x28, 0xff, 0x41 + (i % 20)])),
        Buffer.from('</p></body></html>'),
      ]),
    ],
  ],
  ['truncated-gzip', (i) => ['.html.gz', gzipSync(articleHtml(5000 + i)).subarray(0, 60)]],
  ['gzip-bomb', () => ['.html.gz', gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x41))]],
  ['gzip-trailing-junk', (i) => ['.html.gz', Buffer.concat([gzipSync(articleHtml(7000 + i)), Buffer.from('JUNK')])]],
  [
    'long-capitalised-token',
    () => ['.txt', Buffer.from('Talks with ' + 'Q' + 'abcdefghij'.repeat(40_000) + ' resumed.\n')],
  ],
  ['empty', () => ['.txt', Buffer.alloc(0)]],
  [
    'doc-page-js-words',
    (i) => [
      '.html',
      Buffer.from(
        `<html><body><article><p>The constructor calls toString and valueOf on __proto__; hasOwnProperty and isPrototypeOf follow ${i}.</p><pre>constructor() { return this.__proto__; }</pre></article></body></html>`,
      ),
    ],
  ],
];
/** Classes so big only a few are made (disk and time), the rest many times. */
const BIG = new Set(['one-word-line-5mb', 'text-page-30mb', 'gzip-bomb', 'lines-1mb']);

function main(): number {
  if (!existsSync(AEB)) {
    console.log('skip: ../shared/data/extraction/aeb is absent');
    return 0;
  }
  const nHostile = arg('hostile', 1000);
  const nGood = arg('good', 100);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-hostile-'));
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const hostile: string[] = [];
  const small = CLASSES.filter(([c]) => !BIG.has(c));
  for (const [c, gen] of CLASSES.filter(([c]) => BIG.has(c))) {
    for (let i = 0; i < 3; i++) hostile.push(write(pages, `h-${c}-${i}`, gen(i)));
  }
  for (let i = hostile.length; i < nHostile; i++) {
    const [c, gen] = small[i % small.length];
    hostile.push(write(pages, `h-${c}-${i}`, gen(i)));
  }
  const aeb = readdirSync(AEB)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  const good: string[] = [];
  for (let i = 0; i < nGood; i++) {
    // A sentence per paragraph, different in each copy, so every good page is its own document.
    const html = gunzipSync(readFileSync(join(AEB, aeb[i % aeb.length]))).toString('utf8');
    good.push(write(pages, `g-${String(i).padStart(4, '0')}`, ['.html', Buffer.from(distinctCopy(html, i))]));
  }
  const db = join(dir, 'h.db');
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      join(PACKAGE_ROOT, 'bin', 'dateline.js'),
      'ingest',
      '--db',
      db,
      '--json',
      '--workers',
      String(arg('workers', 2)),
      pages,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const secs = (Date.now() - t0) / 1000;
  const errLines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  const perSource = new Map<string, number>();
  for (const l of errLines) {
    const src = /^error: (.*?): [\w-]+ \(/.exec(l)?.[1] ?? '?';
    perSource.set(src, (perSource.get(src) ?? 0) + 1);
  }
  const store = openSqliteStore(db, { readonly: true });
  const stored = new Set(
    (store.db.prepare('SELECT source FROM documents').all() as { source: string }[]).map((x) => x.source),
  );
  const summary = r.stdout ? JSON.parse(r.stdout.trim().split('\n').pop()!) : null;
  let bad = 0;
  const byClass = new Map<string, { error: number; stored: number; wrong: number }>();
  for (const h of hostile) {
    const c = /h-(.*)-\d+\./.exec(h)![1];
    const k = byClass.get(c) ?? { error: 0, stored: 0, wrong: 0 };
    const n = perSource.get(h) ?? 0;
    const isStored = stored.has(h);
    if (n === 1 && !isStored) k.error++;
    else if (n === 0 && isStored) k.stored++;
    else {
      k.wrong++;
      bad++;
    }
    byClass.set(c, k);
  }
  const goodMissing = good.filter((g) => !stored.has(g));
  console.log(`exit code ${r.status} (signal ${r.signal}), ${secs.toFixed(0)} s, peak RSS ${summary?.peakRssMB} MB`);
  for (const [c, k] of [...byClass].sort())
    console.log(`  ${c.padEnd(24)} error ${k.error}  stored ${k.stored}  WRONG ${k.wrong}`);
  console.log(
    `hostile ${hostile.length}: ${hostile.length - bad} with exactly one error line or stored whole, ${bad} not`,
  );
  console.log(
    `good ${good.length}: ${good.length - goodMissing.length} stored, ${goodMissing.length} missing ${goodMissing.slice(0, 5).join(' ')}`,
  );
  const pass =
    r.status !== null &&
    r.signal === null &&
    bad === 0 &&
    goodMissing.length === 0 &&
    (summary?.peakRssMB ?? 1e9) < 2048;
  console.log(pass ? 'PASS' : 'FAIL');
  return pass ? 0 : 1;
}

function write(dir: string, name: string, [ext, bytes]: [string, Buffer]): string {
  const p = join(dir, name + ext);
  writeFileSync(p, bytes);
  return p;
}

process.exitCode = main();
