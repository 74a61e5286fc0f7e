import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMarkedQuotes } from './marks.js';

const texts = (t: string): string[] => findMarkedQuotes(t).map((q) => t.slice(q.start, q.end));

test('curly, straight, guillemet and low-high marks', () => {
  assert.deepEqual(texts('She said “we will stay” and left.'), ['“we will stay”']);
  assert.deepEqual(texts('He said "no deal" twice.'), ['"no deal"']);
  assert.deepEqual(texts('Le ministre a dit «jamais» hier.'), ['«jamais»']);
  assert.deepEqual(texts('Er sagte „niemals“ dazu.'), ['„niemals“']);
});

test('apostrophes do not close single quotes; nested quotes stay inside the outer one', () => {
  assert.deepEqual(texts('The ministers’ talks were ‘useful’ for both.'), ['‘useful’']);
  assert.deepEqual(texts('“They called it ‘a farce’, and we won’t accept that,” he said.'), [
    '“They called it ‘a farce’, and we won’t accept that,”',
  ]);
});

test('a quote reopened in the next paragraph is one quotation', () => {
  const t = '“The first part ends here.\n\n“The second part follows,” the mayor said.';
  const qs = findMarkedQuotes(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0].inner.length, 2);
  assert.equal(t.slice(qs[0].inner[1].start, qs[0].inner[1].end), 'The second part follows,');
});

test('a quote left open at a paragraph end that is not reopened stops there', () => {
  const qs = findMarkedQuotes('He called it “a mistake\n\nThen the vote came.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0].unclosed, true);
});

test("two apostrophes ('') work as a double quote mark, as some papers print them", () => {
  const t = "''This is not a combat mission,'' one official said. ''First.\n\n''Second,'' she said.";
  const qs = findMarkedQuotes(t);
  assert.deepEqual(
    qs.map((q) => q.inner.map((p) => t.slice(p.start, p.end))),
    [['This is not a combat mission,'], ['First.', 'Second,']],
  );
});

test('a right double mark opening a paragraph is read as an opening mark', () => {
  const t = 'Intro.\n\n”He has empowered them,” one reader wrote.';
  assert.deepEqual(texts(t), ['”He has empowered them,”']);
});
