import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths, isItem, readBounded } from './inputs.js';

const page = 'Talks resumed in Geneva on Monday between the two delegations.\n';

test('a folder walk survives symlink loops, dangling links, FIFOs and non-UTF-8 names, one error item each', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-walk-'));
  writeFileSync(join(dir, 'a.txt'), page);
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.html'), `<p>${page}</p>`);
  symlinkSync(dir, join(dir, 'sub', 'loop')); // a folder loop
  symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt')); // a link to itself
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  writeFileSync(Buffer.from(join(dir, 'bad-\xff-name.txt'), 'latin1'), page);
  const out = expandPaths([dir]);
  const refs = out.filter((x) => !isItem(x)).map((x) => (x as { path: string }).path);
  const errs = out.filter(isItem).map((x) => `${x.source.slice(dir.length + 1)}: ${x.ok ? '' : x.reason}`);
  assert.deepEqual(refs, [join(dir, 'a.txt'), join(dir, 'sub', 'b.html')]);
  assert.equal(errs.length, 5, errs.join('\n'));
  assert.ok(
    errs.some((e) => /^bad-.*name\.txt: file name is not valid UTF-8/.test(e)),
    errs.join('\n'),
  );
  assert.ok(errs.some((e) => /^dangling\.txt: dangling symlink/.test(e)));
  assert.ok(errs.some((e) => /^self\.txt: symlink loop/.test(e)));
  assert.ok(errs.some((e) => /^pipe\.txt: a FIFO, not a regular file/.test(e)));
  assert.ok(errs.some((e) => /^sub\/loop: folder loop/.test(e)));
});

test('devices and FIFOs named explicitly are refused unopened; reads are capped', () => {
  const z = readBounded('/dev/zero', 1024);
  assert.equal(z.ok, false);
  assert.match(z.ok ? '' : z.reason, /character device, not a regular file/);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-read-'));
  const fifo = join(dir, 'p');
  execFileSync('mkfifo', [fifo]);
  const f = readBounded(fifo, 1024);
  assert.match(f.ok ? '' : f.reason, /FIFO/);
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(5000));
  const big = readBounded(join(dir, 'big.txt'), 1000);
  assert.equal(big.ok ? '' : big.code, 'too-large');
});

test('stdin is read with a cap too, stopping as soon as it is passed', () => {
  const script = `import('${new URL('./inputs.js', import.meta.url).href}').then((m) => {
    const r = m.readBounded('-', 1000);
    process.stdout.write(JSON.stringify({ ok: r.ok, code: r.code, n: r.ok ? r.bytes.length : 0 }));
  })`;
  const big = spawnSync(process.execPath, ['-e', script], { input: 'y'.repeat(50000), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(big.stdout), { ok: false, code: 'too-large', n: 0 });
  const small = spawnSync(process.execPath, ['-e', script], { input: 'y'.repeat(900), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(small.stdout), { ok: true, n: 900 });
});
