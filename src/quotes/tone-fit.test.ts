import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossValidate, fitTone, type RatedText } from './tone-fit.js';

// Sentences written for this test: a neutral frame with one content word whose rating the lexicon does not know.
function rows(): RatedText[] {
  const out: RatedText[] = [];
  const words: [string, number][] = [
    ['zorblat', 2],
    ['quenty', -2],
    ['mivvle', 0],
  ];
  for (let g = 0; g < 20; g++) {
    for (const [w, r] of words) out.push({ text: `The report on the ${w} came out on day ${g}.`, rating: r, group: g });
  }
  return out;
}

test('fitting learns corrections for words the lexicon lacks, deterministically', () => {
  const a = fitTone(rows());
  const b = fitTone(rows());
  assert.deepEqual(a, b);
  assert.ok(a.adjust.zorblat > 0.5);
  assert.ok(a.adjust.quenty < -0.5);
  assert.ok(Math.abs(a.adjust.mivvle ?? 0) < 0.3);
});

test('article-grouped cross-validation scores held-out groups', () => {
  const { r } = crossValidate(rows());
  assert.ok(r > 0.9, `r ${r}`);
});
