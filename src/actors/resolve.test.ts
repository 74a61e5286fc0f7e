import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveMention } from './resolve.js';

const r = (text: string, context?: string, date?: string) => resolveMention({ text, context, date });

test('countries, demonyms, metonyms and organisations', () => {
  assert.equal(r('Côte d’Ivoire')?.country, 'CIV');
  assert.equal(r('the Kremlin')?.code, 'RUSGOV');
  assert.equal(r('Pentagon')?.code, 'USAMIL');
  assert.equal(r('Daesh')?.country, 'IMG');
  assert.equal(r('Hezbollah fighters')?.code, 'LBNREBHEZ');
  assert.equal(r('NATO')?.country, 'IGO');
  assert.equal(r('U.N. refugee agency')?.sector, 'REF');
});

test('titles, people and dates', () => {
  assert.equal(r('Medvedev', undefined, '2010-01-01')?.code, 'RUSGOV');
  assert.equal(r('French President Jean Dupont')?.code, 'FRAGOV');
  assert.equal(r('former President Mohamed Morsi', undefined, '2016-01-01')?.sector, 'ELI');
  const undated = r('Putin');
  assert.equal(undated?.country, 'RUS');
  assert.ok(undated!.confidence < r('Putin', undefined, '2020-01-01')!.confidence);
});

test('phrases: sector words, compounds, gaps and context', () => {
  assert.equal(r('Syrian rebels')?.code, 'SYRREB');
  assert.equal(r('rebels')?.code, 'REB');
  assert.equal(r('rebels in Darfur')?.country, 'SDN');
  assert.equal(r('Kenyan ... police')?.code, 'KENCOP');
  const ctx = 'Senior Chilean and Peruvian officials met on Friday.';
  assert.equal(r('Peruvian', ctx)?.code, 'PERGOV');
  assert.equal(r('kidnappers', 'Kidnappers seized two engineers in Nigeria on Monday.')?.country, 'NGA');
  assert.equal(r('Iran-backed militias')?.country, null);
  assert.equal(r('NATO-member Norway')?.country, 'NOR');
  assert.equal(r('ethnic Hungarians in northern Romania')?.code, 'ROUCVL');
  assert.equal(r('Bosnian Croats')?.code, 'BIHCVL');
});

test('unknowns and non-actors', () => {
  assert.equal(r('Zorblax Qwerty')?.sector, 'UNK');
  assert.equal(r('the weather'), null);
  assert.equal(r(''), null);
});
