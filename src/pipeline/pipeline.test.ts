import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc } from '../doc/index.js';
import { Pipeline, type Limit } from './pipeline.js';
import type { Stage } from './stage.js';
import { withSlowClock } from './slow-clock.js';

/** A stage that adds one "token" per word it sees, to a count kept in the tokens layer. */
const counting = (name: string, times: number): Stage => ({
  name,
  requires: [],
  assigns: [],
  run(doc: Doc) {
    const t = (doc.layers.tokens ??= { count: 0 } as NonNullable<Doc['layers']['tokens']>);
    t.count += times * doc.text.split(' ').length;
  },
});
const tooMany: Limit = (doc) => ((doc.layers.tokens?.count ?? 0) > 100 ? 'over 100' : null);
const stages = () => new Pipeline([counting('a', 1), counting('b', 10), counting('c', 100)]);

test('a work limit stops a document at the stage that crossed it, whatever the clock says', () => {
  const run = (words: number) => stages().run(createDoc(Array(words).fill('w').join(' ')), tooMany);
  const fast = [run(1), run(5), run(50)].map((r) => (r.ok ? 'ok' : `${r.stage}: ${r.reason} ${r.overLimit}`));
  const slow = withSlowClock(() => [run(1), run(5), run(50)]).map((r) =>
    r.ok ? 'ok' : `${r.stage}: ${r.reason} ${r.overLimit}`,
  );
  assert.deepEqual(fast, ['c: over 100 true', 'c: over 100 true', 'b: over 100 true']);
  assert.deepEqual(slow, fast);
  const none = withSlowClock(() => stages().run(createDoc('w')));
  assert.ok(none.ok, 'no limit, no stop: time is never a reason');
});

test('a stage that throws fails the document at that stage', () => {
  const bad: Stage = { name: 'bad', requires: [], assigns: [], run: () => JSON.parse('{') as void };
  const r = new Pipeline([counting('a', 1), bad]).run(createDoc('w'));
  assert.equal(!r.ok && r.stage, 'bad');
  assert.equal(!r.ok && r.overLimit, undefined);
});
