/** A death by accident or nature is no one's assault. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventCandidates } from './index.js';
import { accidental } from './gate.js';
import { buildDoc } from './testdoc.js';

const SOLDIERS = [{ from: 2, to: 2, country: 'GBR', sector: 'MIL' }];

test('"killed in a helicopter crash" is accidental; "killed in an air strike" is not', () => {
  const crash = buildDoc(
    'Two/NUM/2/nummod soldiers|soldier/NOUN/4/nsubj:pass were|be/AUX/4/aux:pass killed|kill/VERB/0/root in/ADP/8/case ' +
      'a/DET/8/det helicopter/NOUN/8/compound crash/NOUN/4/obl ./PUNCT/4/punct',
    SOLDIERS,
  );
  const c = eventCandidates(crash, { model: false }).find((x) => x.record.type === 'ASSAULT');
  assert.ok(c, 'the coder proposes an ASSAULT');
  assert.equal(accidental(c), true);
  const strike = buildDoc(
    'Two/NUM/2/nummod soldiers|soldier/NOUN/4/nsubj:pass were|be/AUX/4/aux:pass killed|kill/VERB/0/root in/ADP/8/case ' +
      'an/DET/8/det air/NOUN/8/compound strike/NOUN/4/obl ./PUNCT/4/punct',
    SOLDIERS,
  );
  const s = eventCandidates(strike, { model: false }).find((x) => x.record.type === 'ASSAULT');
  assert.ok(s);
  assert.equal(accidental(s), false);
});

test('"killed in Afghanistan helicopter crash": the crash the parser left unmarked after the place is still the cause', () => {
  const doc = buildDoc(
    'US/PROPN/3/compound service/NOUN/3/compound members|member/NOUN/4/nsubj killed|kill/VERB/0/root in/ADP/6/case ' +
      'Afghanistan/PROPN/4/obl helicopter/NOUN/8/compound crash/NOUN/4/obl',
    [
      { from: 1, to: 3, country: 'USA', sector: 'MIL' },
      { from: 6, to: 6, country: 'AFG' },
    ],
  );
  const c = eventCandidates(doc, { model: false }).find((x) => x.record.type === 'ASSAULT');
  assert.ok(c, 'the coder proposes an ASSAULT');
  assert.equal(accidental(c), true);
});
