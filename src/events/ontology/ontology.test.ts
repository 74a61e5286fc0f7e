/** The ontology: 16 types, 37 contexts, old labels mapped to v2, CAMEO ↔ PLOVER both ways. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cameoCode,
  cameoToPlover,
  goldstein,
  intensity,
  normalizeLabel,
  ploverContexts,
  ploverToCameo,
  ploverTypes,
  quadOf,
} from './index.js';

test('PLOVER v2 has 16 types and 37 contexts, each type a quad class', () => {
  assert.equal(ploverTypes().length, 16);
  assert.equal(ploverContexts().length, 37);
  for (const t of ploverTypes()) assert.ok(quadOf(t) >= 1 && quadOf(t) <= 4, t);
  assert.equal(quadOf('SANCTION'), 3);
  assert.equal(intensity('CONSULT', 'visit'), 4);
  assert.equal(intensity('ASSAULT', 'unconventional'), -10);
});

test('older labels map to v2', () => {
  assert.deepEqual(normalizeLabel('DEMAND'), { type: 'REQUEST', mode: '' });
  assert.deepEqual(normalizeLabel('DISAPPROVE'), { type: 'ACCUSE', mode: 'disapprove' });
  assert.deepEqual(normalizeLabel('INVESTIGATE'), { type: 'ACCUSE', mode: 'investigate' });
  assert.deepEqual(normalizeLabel('FIGHT'), { type: 'ASSAULT', mode: '' });
  assert.equal(normalizeLabel('YIELD', 'withdraw')?.type, 'RETREAT');
  assert.equal(normalizeLabel('YIELD', '')?.type, 'CONCEDE');
  assert.equal(normalizeLabel('DOCUMENT'), null);
});

test('CAMEO codes carry names, Goldstein values and PLOVER mappings both ways', () => {
  assert.equal(cameoCode('042')?.name, 'Make a visit');
  assert.equal(goldstein('190'), -10);
  assert.equal(goldstein('18299'), goldstein('182'), 'unknown leaves fall back to their parent');
  assert.equal(cameoToPlover('042')?.mode, 'visit');
  assert.equal(cameoToPlover('173')?.type, 'COERCE');
  assert.equal(cameoToPlover('010'), null, 'public statements are not PLOVER events');
  assert.equal(ploverToCameo('CONSULT', 'visit'), '042');
  assert.equal(ploverToCameo('ASSAULT'), '18');
  for (const t of ploverTypes()) assert.equal(cameoToPlover(ploverToCameo(t))?.type, t, `round trip ${t}`);
});
