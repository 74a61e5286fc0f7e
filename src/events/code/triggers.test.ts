import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { MentionIndex } from '../mentions.js';
import { grammar } from '../grammar.js';
import { SentenceView } from '../syntax.js';
import { findTriggers, lexiconTriggers } from './triggers.js';
import type { Doc } from '../../doc/index.js';

/** Trigger entry ids by surface word, for sentence 0 of doc. */
function triggers(doc: Doc, generic = true): Record<string, string> {
  const v = new SentenceView(doc, 0);
  const { matches } = findTriggers(v, new MentionIndex(doc), grammar(), generic);
  const out: Record<string, string> = {};
  for (const [i, m] of matches) out[doc.text.slice(v.t.start[i], v.t.end[i])] = m.entry.id;
  return out;
}

test('lexicon triggers: a pattern word it consumes ("imposed sanctions") triggers nothing itself', () => {
  const doc = buildDoc(
    'Ottawa/PROPN/2/nsubj imposed|impose/VERB/0/root sanctions|sanction/NOUN/2/obj on/ADP/5/case Minsk/PROPN/2/obl ./PUNCT/2/punct',
  );
  const v = new SentenceView(doc, 0);
  const t = lexiconTriggers(v);
  assert.deepEqual([...t.matches.keys()], [1], 'only "imposed" is a trigger');
  assert.equal(t.consumedBy.get(2), 1, '"sanctions" is consumed by "imposed"');
  assert.deepEqual(t.matches.get(1)!.consumed, [2]);
});

test('lexicon triggers: an adjectival participle is a description, a finite verb misattached as amod is not', () => {
  const desc = buildDoc('the/DET/3/det requested|request/VERB/3/amod content/NOUN/0/root ./PUNCT/3/punct');
  assert.deepEqual(triggers(desc), {});
  const after = buildDoc(
    'Khomeini/PROPN/0/root rejected|reject/VERB/1/amod the/DET/4/det offer/NOUN/1/obj ./PUNCT/1/punct',
  );
  assert.ok('rejected' in triggers(after), 'a verb "modifier" right after a noun is a missed predicate');
});

test('generic triggers: an unknown verb with subject and object, only when asked for, never a non-event verb', () => {
  const doc = buildDoc(
    'Lisbon/PROPN/2/nsubj purchased|purchase/VERB/0/root frigates|frigate/NOUN/2/obj from/ADP/5/case Oslo/PROPN/2/obl ./PUNCT/2/punct',
  );
  assert.deepEqual(triggers(doc, true), { purchased: 'GEN' });
  assert.deepEqual(triggers(doc, false), {});
  const have = buildDoc('Lisbon/PROPN/2/nsubj has|have/VERB/0/root frigates|frigate/NOUN/2/obj ./PUNCT/2/punct');
  assert.deepEqual(triggers(have, true), {});
});

test('phone calls: "called" a named party is CONSULT by phone; "called him a liar" is not', () => {
  const call = buildDoc('Merkel/PROPN/2/nsubj called|call/VERB/0/root Macron/PROPN/2/obj ./PUNCT/2/punct', [
    { from: 1, to: 1, country: 'DEU' },
    { from: 3, to: 3, country: 'FRA' },
  ]);
  assert.deepEqual(triggers(call, false), { called: 'PHONE' });
  const liar = buildDoc(
    'Merkel/PROPN/2/nsubj called|call/VERB/0/root Macron/PROPN/2/obj a/DET/5/det liar/NOUN/2/xcomp ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'DEU' },
      { from: 3, to: 3, country: 'FRA' },
    ],
  );
  assert.deepEqual(triggers(liar, false), {});
});

test('must-do triggers: a reported "Y must do Z" is a demand; unreported or negated it is not', () => {
  const said = buildDoc(
    'Rome/PROPN/2/nsubj said|say/VERB/0/root Vienna/PROPN/5/nsubj must/AUX/5/aux recount/VERB/2/ccomp ballots|ballot/NOUN/5/obj ./PUNCT/2/punct',
  );
  assert.deepEqual(triggers(said, false), { recount: 'MUST' });
  const bare = buildDoc(
    'Vienna/PROPN/3/nsubj must/AUX/3/aux recount/VERB/0/root ballots|ballot/NOUN/3/obj ./PUNCT/3/punct',
  );
  assert.deepEqual(triggers(bare, false), {});
  const neg = buildDoc(
    'Rome/PROPN/2/nsubj said|say/VERB/0/root Vienna/PROPN/6/nsubj must/AUX/6/aux not/PART/6/advmod recount/VERB/2/ccomp ballots|ballot/NOUN/6/obj ./PUNCT/2/punct',
  );
  assert.deepEqual(triggers(neg, false), {});
});

test('lexicon triggers: a court "ruled against" a policy is a SANCTION; "ruled on" it is no lexicon event', () => {
  const against = buildDoc(
    'Court/PROPN/2/nsubj ruled|rule/VERB/0/root against/ADP/4/case purges|purge/NOUN/2/obl ./PUNCT/2/punct',
  );
  const v = new SentenceView(against, 0);
  const m = lexiconTriggers(v).matches.get(1);
  assert.equal(m?.entry.type, 'SANCTION');
  const on = buildDoc(
    'Court/PROPN/2/nsubj ruled|rule/VERB/0/root on/ADP/4/case purges|purge/NOUN/2/obl ./PUNCT/2/punct',
  );
  assert.equal(lexiconTriggers(new SentenceView(on, 0)).matches.get(1), undefined);
});

test('"X wants Y to do Z" is a demand on Y; "X wants to do Z" is X\'s own plan', () => {
  const party = [
    { from: 1, to: 1, country: 'DEU' },
    { from: 3, to: 3, country: 'GRC' },
  ];
  const other = buildDoc(
    'Berlin/PROPN/2/nsubj wants|want/VERB/0/root Athens/PROPN/2/obj to/PART/5/mark pay|pay/VERB/2/xcomp ./PUNCT/2/punct',
    party,
  );
  assert.equal(triggers(other, false).wants, 'WANT');
  const own = buildDoc(
    'Berlin/PROPN/2/nsubj wants|want/VERB/0/root to/PART/4/mark leave|leave/VERB/2/xcomp ./PUNCT/2/punct',
    [party[0]],
  );
  assert.equal(triggers(own, false).wants, undefined);
});
