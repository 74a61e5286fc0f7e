/** Tuning options: defaults, overrides, and that an override reaches the heuristics. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TUNING, resolveTuning } from './options.js';
import { extract } from './index.js';

test('resolveTuning keeps defaults and applies overrides per group', () => {
  assert.equal(resolveTuning(undefined), DEFAULT_TUNING);
  const t = resolveTuning({ content: { teaserMinCount: 9 } });
  assert.equal(t.content.teaserMinCount, 9);
  assert.equal(t.content.decay, DEFAULT_TUNING.content.decay);
  assert.equal(t.meta.shownMaxWords, DEFAULT_TUNING.meta.shownMaxWords);
});

test('the script-date option switches the script-data date fallback', () => {
  const html =
    '<html><head><title>Quarry plan</title><script>window.__DATA__={"datePublished":"2024-04-08T06:59:34Z"}</script></head>' +
    '<body><h1>Quarry plan</h1><p>' +
    'The county approved the quarry extension on a split vote after a long public hearing at the town hall. '.repeat(
      4,
    ) +
    '</p></body></html>';
  const run = (scriptDates: boolean) => {
    const r = extract({ bytes: Buffer.from(html), source: 't.html' }, { tuning: { meta: { scriptDates } } });
    assert.ok(r.ok);
    return r.value.meta.published;
  };
  assert.equal(run(true)?.from, 'script-data');
  assert.notEqual(run(false)?.from, 'script-data');
});
