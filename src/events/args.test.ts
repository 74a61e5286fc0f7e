/** Argument rules on hand-built parses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nounActorCandidates, relativeClauseOwner, subjectOf } from './args.js';
import { SentenceView } from './syntax.js';
import { buildDoc } from './testdoc.js';

// "Ellis, who worked in Chile and Peru, praised the plan ." parsed as the parser misreads it: the main verb hangs
// on "Peru" as a modifier, and the sentence's root is the name.
const MISREAD =
  'Ellis/PROPN/0/root ,/PUNCT/4/punct who/PRON/4/nsubj worked|work/VERB/1/acl:relcl in/ADP/6/case Chile/PROPN/4/obl ' +
  'and/CCONJ/8/cc Peru/PROPN/6/conj ,/PUNCT/10/punct praised|praise/VERB/8/acl the/DET/12/det plan/NOUN/10/obj ./PUNCT/1/punct';

test('a verb the parser hung on a relative clause belongs to the noun the clause describes', () => {
  const doc = buildDoc(MISREAD);
  const v = new SentenceView(doc, 0);
  assert.equal(relativeClauseOwner(v, 7), 0);
  const s = subjectOf(v, 9);
  assert.equal(s.actor.rule, 'acl:relcl-owner');
  assert.deepEqual(s.actor.tokens, [0]);
});

test('an ordinary participle modifier still takes the noun it modifies ("forces fighting the rebels")', () => {
  const doc = buildDoc(
    'forces|force/NOUN/0/root fighting|fight/VERB/1/acl the/DET/4/det rebels|rebel/NOUN/2/obj ./PUNCT/1/punct',
  );
  const v = new SentenceView(doc, 0);
  assert.equal(relativeClauseOwner(v, 0), -1);
  assert.equal(subjectOf(v, 1).actor.rule, 'acl:head');
});

test('a main verb the parser hung on a nominal root after an apposition takes the root phrase as its actor', () => {
  // "Schiff , the top Democrat , called on Obama ." with "Schiff" as root and "called" as its clause.
  const doc = buildDoc(
    'Schiff/PROPN/0/root ,/PUNCT/5/punct the/DET/5/det top/ADJ/5/amod Democrat/PROPN/1/appos ,/PUNCT/7/punct ' +
      'called|call/VERB/1/acl on/ADP/9/case Obama/PROPN/7/obl ./PUNCT/1/punct',
  );
  const v = new SentenceView(doc, 0);
  const s = subjectOf(v, 6);
  assert.equal(s.actor.rule, 'acl:nominal-root');
  assert.deepEqual(s.actor.tokens.slice(0, 1), [0]);
  // Without the comma it is a modifier of the noun ("officials called to testify"), not a main verb.
  const plain = buildDoc('officials|official/NOUN/0/root called|call/VERB/1/acl ./PUNCT/1/punct');
  assert.notEqual(subjectOf(new SentenceView(plain, 0), 1).actor.rule, 'acl:nominal-root');
});

test('a conjoined nationality modifier of a nominal event is its actor ("international and Palestinian criticism")', () => {
  const doc = buildDoc(
    'stiff/ADJ/5/amod international/ADJ/5/amod and/CCONJ/4/cc Palestinian/ADJ/2/conj criticism/NOUN/0/root ./PUNCT/5/punct',
  );
  const v = new SentenceView(doc, 0);
  const picks = nounActorCandidates(v, 4, 'ACCUSE', (t) => t === 3);
  assert.deepEqual(picks.at(-1), { tokens: [3], rule: 'modifier' });
  // A lower-case conjoined adjective is no name: nothing to pick.
  const plain = buildDoc('harsh/ADJ/4/amod and/CCONJ/3/cc loud/ADJ/1/conj criticism/NOUN/0/root ./PUNCT/4/punct');
  assert.deepEqual(
    nounActorCandidates(new SentenceView(plain, 0), 3, 'ACCUSE', () => false),
    [],
  );
});

test('the parties of a meeting hung under the phrase before them still act ("a meeting on Monday between X and Y")', () => {
  const doc = buildDoc(
    'a/DET/2/det meeting/NOUN/0/root on/ADP/4/case Monday/PROPN/2/nmod between/ADP/6/case Obama/PROPN/4/nmod ' +
      'and/CCONJ/8/cc Putin/PROPN/6/conj ./PUNCT/2/punct',
  );
  const v = new SentenceView(doc, 0);
  const pick = nounActorCandidates(v, 1, 'CONSULT', (t) => t === 5 || t === 7).find((p) =>
    p.rule.startsWith('nmod:between'),
  );
  assert.equal(pick?.rule, 'nmod:between(deep)');
  assert.ok(pick && pick.tokens.includes(5) && pick.tokens.includes(7));
});

test('a finite verb hung on a name root right after it has the name as its actor ("Rep. Adam Schiff called on Obama")', () => {
  const doc = buildDoc(
    'Rep./PROPN/3/compound Adam/PROPN/1/flat Schiff/NOUN/0/root called|call/VERB/3/acl on/ADP/6/case ' +
      'Obama/PROPN/4/obl ./PUNCT/3/punct',
  );
  const s = subjectOf(new SentenceView(doc, 0), 3);
  assert.equal(s.actor.rule, 'acl:nominal-root');
  assert.ok(s.actor.tokens.includes(2));
});

test('a subjectless verb after a dash parenthesis takes the phrase before the opening dash ("X - which … - called")', () => {
  const doc = buildDoc(
    'The/DET/2/det Authority/NOUN/0/root -/PUNCT/5/punct which/PRON/5/nsubj rejected|reject/VERB/2/acl:relcl ' +
      'talks/NOUN/5/obj -/PUNCT/8/punct called|call/VERB/6/acl for/ADP/10/case help/NOUN/8/obl ./PUNCT/2/punct',
  );
  const s = subjectOf(new SentenceView(doc, 0), 7);
  assert.equal(s.actor.rule, 'dash-parenthesis');
  assert.ok(s.actor.tokens.includes(1));
  // Without the opening dash there is no parenthesis to skip.
  const plain = buildDoc('talks/NOUN/0/root -/PUNCT/3/punct called|call/VERB/1/acl ./PUNCT/1/punct');
  assert.notEqual(subjectOf(new SentenceView(plain, 0), 2).actor.rule, 'dash-parenthesis');
});

test('a "passive subject" of a verb with an object and no passive auxiliary acts ("Egypt criticised the shift")', () => {
  const doc = buildDoc(
    'Egypt/PROPN/2/nsubj:pass criticised|criticise/VERB/0/root the/DET/4/det shift/NOUN/2/obj ./PUNCT/2/punct',
  );
  assert.equal(subjectOf(new SentenceView(doc, 0), 1).actor.rule, 'nsubj(unmarked)');
  // A real passive keeps its patient: "Egypt was criticised".
  const pass = buildDoc(
    'Egypt/PROPN/3/nsubj:pass was|be/AUX/3/aux:pass criticised|criticise/VERB/0/root ./PUNCT/3/punct',
  );
  assert.equal(subjectOf(new SentenceView(pass, 0), 2).patient.rule, 'nsubj:pass');
});
