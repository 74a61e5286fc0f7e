import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titlePersons } from './titles.js';

const given = (w: string): boolean => ['antony', 'mark'].includes(w.toLowerCase());

test('a proper-noun run after a title becomes PER; "<title> of X" starts at a given name', () => {
  const forms = ['Secretary', 'of', 'State', 'Antony', 'Blinken', 'met', 'Gen.', 'Mark', 'Milley', '.'];
  const upos = ['NOUN', 'ADP', 'PROPN', 'PROPN', 'PROPN', 'VERB', 'PROPN', 'PROPN', 'PROPN', 'PUNCT'];
  const ner = forms.map(() => 'O');
  titlePersons(forms, upos, ner, given);
  assert.deepEqual(ner, ['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'O', 'B-PER', 'I-PER', 'O']);
});

test('spans the statistical NER already tagged are left alone', () => {
  const forms = ['President', 'Lula', 'visited', 'Minister', 'of', 'Defence', 'Headquarters'];
  const upos = ['PROPN', 'PROPN', 'VERB', 'PROPN', 'ADP', 'PROPN', 'PROPN'];
  const ner = ['O', 'B-ORG', 'O', 'O', 'O', 'O', 'O'];
  titlePersons(forms, upos, ner, given);
  assert.deepEqual(ner, ['O', 'B-ORG', 'O', 'O', 'O', 'O', 'O']);
});
