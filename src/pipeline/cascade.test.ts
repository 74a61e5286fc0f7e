import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc, type Doc } from '../doc/index.js';
import { PACKAGE_ROOT } from '../doc/resources.js';
import type { Candidate } from '../events/coder.js';
import { gateContext, hardGate } from '../events/gate.js';
import { annotateDoc } from '../nlp/index.js';
import { relevanceStage } from '../relevance/index.js';
import { Pipeline } from './pipeline.js';
import {
  cascadePlanOf,
  cascadeStage,
  documentCanYieldEvents,
  eventsWhenPlanned,
  parseWanted,
  planCascade,
  sentenceSignals,
  triggerKeys,
} from './cascade.js';

/** A Doc of one paragraph per sentence, tagged (not parsed), with the relevance scores set by hand. */
function tagged(sentences: string[], relevance: number | null): Doc {
  const text = sentences.join('\n\n');
  const doc = createDoc(text);
  let at = 0;
  doc.layers.blocks = sentences.map((s) => {
    const b = { start: at, end: at + s.length, kind: 'paragraph' as const };
    at += s.length + 2;
    return b;
  });
  annotateDoc(doc, { parse: false });
  if (relevance !== null)
    doc.layers.relevance = { score: relevance, sentences: new Float32Array(doc.layers.sentences!.length) };
  return doc;
}

test('the document rule is the event gate’s: events are skipped exactly where the gate rejects every candidate', () => {
  for (const n of [1, 2, 3, 6])
    for (const r of [null, 0, 0.2, 0.49, 0.5, 0.9]) {
      const doc = tagged(
        Array.from({ length: n }, (_, k) => `The minister spoke on day ${k + 1}.`),
        r,
      );
      const c = {
        record: { sentence: 0, trigger: { start: 4, end: 12 }, actor: [], recipient: [] },
      } as unknown as Candidate;
      const gated = hardGate(c, gateContext(doc, [c])) === 'non-political-document';
      assert.equal(documentCanYieldEvents(r, doc.layers.sentences!.length), !gated, `n=${n} r=${r}`);
    }
});

test('trigger keys undo the inflections the lexicon matcher undoes', () => {
  assert.ok(triggerKeys('stopped').includes('stop'));
  assert.ok(triggerKeys('agencies').includes('agency'));
  assert.ok(triggerKeys('attacks').includes('attack'));
  assert.ok(triggerKeys('closing').includes('close'));
  assert.deepEqual(triggerKeys('met'), ['met']);
});

test('a sentence is parsed for a quote on any page, for an event only on a page that can yield events', () => {
  const none = { trigger: false, verb: false, party: false, quote: false };
  assert.equal(parseWanted({ ...none, quote: true }, false), true);
  assert.equal(parseWanted({ ...none, trigger: true }, false), false);
  assert.equal(parseWanted({ ...none, trigger: true }, true), true);
  assert.equal(parseWanted({ ...none, verb: true }, true), true);
  assert.equal(parseWanted({ ...none, party: true }, true), true);
  assert.equal(parseWanted({ ...none, verb: true, party: true }, false), false);
  assert.equal(parseWanted(none, true), false);
});

test('signals come from lemmas, tags, entities and the text', () => {
  const doc = tagged(
    [
      'Freedonia condemned the attack on its embassy.',
      'Warm nights and clear mornings.',
      '“We will not give up,” the coach said.',
    ],
    0.9,
  );
  const [a, b, c] = [0, 1, 2].map((si) => sentenceSignals(doc, si));
  assert.equal(a.trigger, true);
  assert.equal(a.party, true);
  assert.equal(b.trigger || b.verb || b.quote, false);
  assert.equal(c.quote, true);
  assert.deepEqual([...planCascade(doc).parse], [1, 0, 1]);
  assert.deepEqual(
    [
      ...planCascade({
        ...doc,
        layers: { ...doc.layers, relevance: { score: 0.1, sentences: new Float32Array(3) } },
      } as Doc).parse,
    ],
    [0, 0, 1],
  );
});

test('the cascade stage parses the planned sentences only, and the events stage runs only where events can come', () => {
  const doc = tagged(
    ['Freedonia condemned the attack on its embassy.', 'Warm nights and clear mornings.', 'More to come.'],
    0.9,
  );
  let ran = 0;
  const events = eventsWhenPlanned({ name: 'e', requires: [], assigns: ['events'], run: () => void ran++ });
  cascadeStage().run(doc);
  const t = doc.layers.tokens!;
  const s = doc.layers.sentences!;
  const parsed = (si: number) => t.deprel.slice(s[si].tokenStart, s[si].tokenEnd).some((d) => d !== '');
  assert.equal(parsed(0), true);
  assert.equal(parsed(1), false);
  events.run(doc);
  assert.equal(ran, 1);
  const dull = tagged(['Blue skies all week.', 'Light winds.', 'Warm nights.'], 0.1);
  cascadeStage().run(dull);
  assert.equal(cascadePlanOf(dull)?.events, false);
  events.run(dull);
  assert.equal(ran, 1);
  assert.deepEqual(dull.layers.events, []);
});

test('on a bundled political page the cascade gives the same parse and events as parsing everything', async () => {
  const [{ extract }, actors, quotes, ev, { nlpStage }] = await Promise.all([
    import('../extract/index.js'),
    import('../actors/index.js'),
    import('../quotes/index.js'),
    import('../events/index.js'),
    import('../nlp/index.js'),
  ]);
  const bytes = readFileSync(join(PACKAGE_ROOT, 'examples', '2015-11-26-hollande-moscow.html'));
  const rest = [actors.actorsStage(), quotes.quotesStage()];
  const run = (stages: ReturnType<typeof cascadeStage>[]) => {
    const r = extract({ bytes, source: 'x.html' });
    assert.ok(r.ok);
    new Pipeline(stages, ['blocks']).run(r.value);
    return r.value;
  };
  const full = run([nlpStage(), relevanceStage(), ...rest, ev.eventsStage()]);
  const cas = run([
    nlpStage({ parse: false }),
    relevanceStage(),
    cascadeStage(),
    ...rest,
    eventsWhenPlanned(ev.eventsStage()),
  ]);
  const plan = cascadePlanOf(cas)!;
  assert.ok(plan.events);
  // Parsing later, sentence by sentence, gives the same trees as parsing in the nlp stage.
  const t = cas.layers.tokens!;
  for (let i = 0; i < t.count; i++)
    if (plan.parse[t.sentence[i]]) assert.equal(t.head[i], full.layers.tokens!.head[i], `token ${i}`);
  const strip = (d: Doc) => JSON.stringify(d.layers.events);
  assert.ok(full.layers.events!.length > 0);
  assert.equal(strip(cas), strip(full));
});
