import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUpToOutput } from './read.js';
import { PERSON_REPAIRS, personResult } from './person.js';

test('person: the repairs run in a fixed, named order', () => {
  assert.deepEqual(
    PERSON_REPAIRS.map((r) => r.name),
    ['ambiguous-name', 'officer-of-organisation', 'title-evidence', 'text-country-wins'],
  );
});

test('person: a known person with a title gets the title as evidence', () => {
  const s = readUpToOutput('French President Emmanuel Macron arrived.', 'French');
  const r = personResult(s);
  assert.equal(r.cands.length, 1);
  const c = r.cands[0];
  assert.equal(c.person, true);
  assert.equal(c.kind, 'name');
  assert.equal(c.ident?.country, 'FRA');
  assert.ok(c.ident!.evidence.some((e) => e.startsWith('title "')));
});

test("person: the text's country wins over a same-name person's country", () => {
  const s = readUpToOutput('Kenyan President Emmanuel Macron arrived.', 'Kenyan');
  const c = personResult(s).cands[0];
  assert.equal(c.ident?.country, 'KEN');
  assert.ok(c.ident!.evidence.includes('text says KEN'));
});

test("person: a sector word after the person names the person's side", () => {
  const s = readUpToOutput("Emmanuel Macron's government resigned.", 'Emmanuel');
  const r = personResult(s);
  assert.equal(r.cands[0].kind, 'person+sector');
  assert.equal(r.cands[0].person, false);
  assert.equal(r.cands[0].ident?.code, 'FRAGOV');
});
