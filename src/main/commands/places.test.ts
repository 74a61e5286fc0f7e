/** `dateline places`: one line per toponym with offsets into the given text; bad lines are error lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../doc/index.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'dateline.js');

test('places --texts: fields, ISO3 countries and offsets into each text; a bad line is reported and skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-places-'));
  const file = join(dir, 'texts.jsonl');
  const a = 'CAIRO, March 4 (Reuters) - Egyptian police closed roads near Alexandria.';
  const b = 'Farmers in Iowa met state officials in Des Moines.';
  writeFileSync(
    file,
    [JSON.stringify({ id: 'a', text: a }), '{not json', JSON.stringify({ id: 'b', text: b })].join('\n'),
  );
  const r = spawnSync(process.execPath, [BIN, 'places', '--jsonl', '--texts', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /error: .*texts\.jsonl:2: bad-input \(read\)/);
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const row of rows) {
    for (const k of ['id', 'text', 'start', 'end', 'name', 'country', 'lat', 'lon', 'feature'])
      assert.ok(k in row, `${k} in ${JSON.stringify(row)}`);
    const text = row.id === 'a' ? a : b;
    assert.equal(text.slice(row.start, row.end), row.text);
    assert.ok(['country', 'admin1', 'admin2', 'city', 'other'].includes(row.feature));
  }
  const by = (id: string, t: string) => rows.find((x) => x.id === id && x.text === t);
  assert.equal(by('a', 'CAIRO')?.country, 'EGY');
  assert.equal(by('a', 'CAIRO')?.dateline, true);
  assert.equal(by('a', 'Alexandria')?.country, 'EGY', 'Alexandria in Egypt, not Virginia, beside Cairo');
  assert.equal(by('a', 'Egyptian')?.feature, 'country');
  assert.equal(by('b', 'Iowa')?.feature, 'admin1');
  assert.equal(by('b', 'Des Moines')?.admin1, 'Iowa');
});
