import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from './list.js';

test('each listed command loads the module of that name, with the summary the help text shows', async () => {
  const names = new Set<string>();
  for (const entry of COMMANDS) {
    const cmd = await entry.load();
    assert.equal(cmd.name, entry.name);
    assert.equal(cmd.summary, entry.summary, `summary of ${entry.name}`);
    assert.ok(!names.has(entry.name), `${entry.name} listed twice`);
    names.add(entry.name);
  }
});
