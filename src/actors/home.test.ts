import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homeCountry, homeOf } from './home.js';
import type { Placed } from './coref.js';
import type { Candidate } from './assemble.js';

const cand = (kind: string, country: string | null, sector: string, extra: Partial<Candidate> = {}): Candidate =>
  ({
    i: 0,
    j: 1,
    kind,
    ident: { name: kind, country, sector, code: (country ?? '') + sector, confidence: 0.8, evidence: [] },
    ...extra,
  }) as Candidate;
const at = (sentence: number, c: Candidate): Placed => ({ c, sentence });
const never = () => false;

test('one dominant country gives bare sector mentions and unknown persons its code, with the reason', () => {
  const police = cand('sector', null, 'COP');
  const person = cand('unknown', null, 'UNK', { person: true });
  const placed = [
    at(0, cand('country', 'KEN', '')),
    at(1, cand('demonym', 'KEN', 'GOV')),
    at(5, police),
    at(6, person),
  ];
  homeCountry(placed, never);
  assert.equal(police.ident!.code, 'KENCOP');
  assert.equal(person.ident!.country, 'KEN');
  assert.match(police.ident!.evidence.at(-1)!, /home country KEN/);
  assert.ok(police.ident!.confidence < 0.8, 'a country from the document is less sure than one in the phrase');
});

test('no home when countries are balanced; IGOs and named organisations never take one', () => {
  const judge = cand('sector', null, 'JUD');
  homeCountry([at(0, cand('country', 'KEN', '')), at(0, cand('country', 'UGA', '')), at(4, judge)], never);
  assert.equal(judge.ident!.country, null);
  const un = cand('org', null, 'IGO');
  homeCountry([at(0, cand('country', 'KEN', '')), at(1, cand('country', 'KEN', '')), at(2, un)], never);
  assert.equal(un.ident!.country, null);
});

test('the lead and a wire dateline outweigh mentions further down the page', () => {
  const late = [3, 4, 5, 6].map((s) => at(s + 10, cand('country', 'UGA', '')));
  const dateline = at(0, cand('place', 'KEN', ''));
  assert.equal(homeOf([dateline, at(1, cand('country', 'KEN', '')), ...late], (x) => x === dateline)?.home, 'KEN');
  assert.equal(homeOf([dateline, at(1, cand('country', 'KEN', '')), ...late], never), null);
});
