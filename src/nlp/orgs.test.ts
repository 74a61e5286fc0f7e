import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headedOrgs } from './orgs.js';

test('an untagged run with an organisation head becomes ORG, without the leading article', () => {
  const forms = ['She', 'joined', 'the', 'Lakeside', 'Dairy', 'Corporation', 'in', 'May', '.'];
  const ner = forms.map(() => 'O');
  headedOrgs(forms, ner);
  assert.deepEqual(ner, ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']);
});

test('a place inside an organisation name is overridden; a person run is kept', () => {
  const forms = ['the', 'Water', 'Authority', 'of', 'Port', 'Elm', 'met', 'Tom', 'Reed'];
  const ner = ['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-PER', 'I-PER'];
  headedOrgs(forms, ner);
  assert.deepEqual(ner, ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'B-PER', 'I-PER']);
});

test('a lone head word is left to the model', () => {
  const forms = ['Congress', 'voted', '.'];
  const ner = forms.map(() => 'O');
  headedOrgs(forms, ner);
  assert.deepEqual(ner, ['O', 'O', 'O']);
});
