import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc, PACKAGE_ROOT, type Doc } from '../doc/index.js';
import { withSlowClock } from '../pipeline/slow-clock.js';
import { recordsFromDoc } from '../record/from-doc.js';
import { analysisLimit, gate, MAX_ANALYSED_CHARS, MAX_ANALYSED_TOKENS, MAX_WORD_CHARS } from './gate.js';
import { loadAnalysis, processItem, type Outcome } from './engine.js';

const article = (text: string): Doc => {
  const doc = createDoc(text);
  doc.meta.status = 'article';
  return doc;
};

test('the gate refuses by counts: empty text, noise, too many characters, a too-long word', () => {
  assert.equal(gate(article(''))?.code, 'empty');
  assert.equal(gate(article('#$%^&*()_+=-{}[]|\\:;<>?,./~`'.repeat(50)))?.code, 'not-text');
  const prose = 'Delegates from both sides met in Geneva on Monday. ';
  assert.equal(gate(article(prose.repeat(100))), null);
  const long = gate(article(prose.repeat(Math.ceil((MAX_ANALYSED_CHARS + 1) / prose.length))));
  assert.equal(long?.code, 'too-large');
  assert.equal(long?.stage, 'analyse');
  assert.equal(gate(article(prose + 'x'.repeat(MAX_WORD_CHARS + 1) + ' ' + prose.repeat(40)))?.code, 'too-large');
});

test('the analysis limit is a token count', () => {
  const doc = article('w');
  assert.equal(analysisLimit(doc, 'nlp'), null);
  doc.layers.tokens = { count: MAX_ANALYSED_TOKENS } as NonNullable<Doc['layers']['tokens']>;
  assert.equal(analysisLimit(doc, 'nlp'), null);
  doc.layers.tokens.count++;
  assert.match(analysisLimit(doc, 'nlp') ?? '', /token analysis budget/);
});

/** What a run leaves: the error, or the text and the event records. */
const result = (o: Outcome) => ({
  error: o.ok ? null : o.code,
  text: o.ok ? o.doc.text : null,
  events: o.ok ? recordsFromDoc(o.doc) : [],
});

test('a page gives the same document and events under a clock that jumps an hour a read', async () => {
  await loadAnalysis();
  const bytes = readFileSync(join(PACKAGE_ROOT, 'examples', '2020-01-03-baghdad-strike.html'));
  const item = { ok: true as const, source: 'b.html', url: null, bytes };
  const fast = result(processItem(item));
  const slow = withSlowClock(() => result(processItem(item)));
  assert.ok(fast.events.length > 0, JSON.stringify(fast).slice(0, 200));
  assert.deepEqual(slow, fast);
});
