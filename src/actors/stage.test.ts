import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedRoot } from '../doc/resources.js';
import { docFromText } from './testdoc.js';
import { findMentions, actorsStage } from './stage.js';
import type { Mention } from '../doc/index.js';

const at = (text: string, ms: Mention[], s: string, nth = 0): Mention | undefined => {
  let from = 0;
  let idx = -1;
  for (let k = 0; k <= nth; k++) {
    idx = text.indexOf(s, from);
    from = idx + 1;
  }
  return ms.find((m) => m.start <= idx && idx < m.end);
};

test('title + name, apposition, metonym, compound, pronoun (own sentences)', () => {
  const text =
    'Spanish Foreign Minister Ana Ortiz met her Greek counterpart, Nikos Dimas, in Athens. ' +
    'Athens said it would send troops. Kenya and Uganda agreed to share intelligence. ' +
    'Somali rebels attacked a convoy. She said the talks went well.';
  const doc = docFromText(text, '2021-03-02');
  const ms = findMentions(doc);
  const ortiz = at(text, ms, 'Ana Ortiz')!;
  assert.equal(ortiz.code, 'ESPGOV');
  assert.equal(ortiz.name, 'Ana Ortiz');
  const counterpart = at(text, ms, 'Greek counterpart')!;
  assert.equal(counterpart.country, 'GRC');
  const dimas = at(text, ms, 'Nikos Dimas')!;
  assert.equal(dimas.code, 'GRCGOV');
  assert.equal(counterpart.antecedent, dimas.id);
  // "in Athens" is a place; "Athens said" is the Greek government.
  assert.equal(at(text, ms, 'Athens', 0), undefined);
  assert.equal(at(text, ms, 'Athens', 1)?.code, 'GRCGOV');
  assert.equal(at(text, ms, 'Kenya')?.country, 'KEN');
  assert.equal(at(text, ms, 'Uganda')?.country, 'UGA');
  assert.equal(at(text, ms, 'Somali rebels')?.code, 'SOMREB');
  const she = at(text, ms, 'She')!;
  assert.equal(she.kind, 'pronoun');
  assert.ok(she.antecedent);
});

test('organisation descriptions refer back', () => {
  const text = 'NATO warned Moscow. The alliance will send jets. The group of friends met later.';
  const ms = findMentions(docFromText(text, '2022-01-01'));
  const nato = at(text, ms, 'NATO')!;
  const alliance = at(text, ms, 'alliance')!;
  assert.equal(alliance.code, nato.code);
  assert.equal(alliance.antecedent, nato.id);
  assert.equal(at(text, ms, 'group'), undefined);
  const t2 = "Kenya held elections. Later the country's army deployed.";
  const m2 = findMentions(docFromText(t2, '2020-01-01'));
  assert.equal(at(t2, m2, 'country')?.code, 'KENMIL');
});

test('sector-only words, unknown entities and wire credits', () => {
  const text = 'Jane Roe, AFP | Protesters clashed with police. Acme Holdings denied it.';
  const doc = docFromText(text, '2020-01-01', [
    { start: 0, end: 8, label: 'PER' },
    { start: text.indexOf('Acme'), end: text.indexOf('Acme') + 13, label: 'ORG' },
  ]);
  const ms = findMentions(doc);
  assert.equal(at(text, ms, 'Jane Roe'), undefined);
  assert.equal(at(text, ms, 'AFP'), undefined);
  assert.equal(at(text, ms, 'Protesters')?.sector, 'CVL');
  assert.equal(at(text, ms, 'police')?.code, 'COP');
  const acme = at(text, ms, 'Acme')!;
  assert.equal(acme.sector, 'UNK');
  assert.equal(acme.kind, 'unknown');
});

test('an organisation named after its country is one actor of that country', () => {
  const text = 'The Kenya Anti-Corruption Board questioned two officials.';
  const s = text.indexOf('Kenya');
  const ms = findMentions(
    docFromText(text, '2020-01-01', [{ start: s, end: s + 'Kenya Anti-Corruption Board'.length, label: 'ORG' }]),
  );
  const m = at(text, ms, 'Kenya')!;
  assert.equal(m.country, 'KEN');
  assert.equal(m.end - m.start, 'Kenya Anti-Corruption Board'.length);
  assert.equal(m.kind, 'unknown');
});

test('they and the rebels refer back to a group', () => {
  const text = 'Syrian rebels shelled a town. They said it was revenge. Later the rebels withdrew.';
  const ms = findMentions(docFromText(text, '2016-01-01'));
  const rebels = at(text, ms, 'Syrian rebels')!;
  assert.equal(at(text, ms, 'They')?.antecedent, rebels.id);
  assert.equal(at(text, ms, 'rebels', 1)?.code, 'SYRREB');
});

test('a role holds only inside its dates', () => {
  const a = findMentions(docFromText('Medvedev spoke.', '2010-06-01'))[0];
  const b = findMentions(docFromText('Medvedev spoke.', '2015-06-01'))[0];
  assert.equal(a.code, 'RUSGOV');
  assert.match(a.evidence.join(' '), /HOS/);
  assert.match(b.evidence.join(' '), /HOG/);
});

test('stage contract', () => {
  const s = actorsStage();
  assert.deepEqual([...s.requires], ['tokens', 'sentences', 'entities']);
  assert.deepEqual([...s.assigns], ['mentions']);
  const doc = docFromText('Syrian rebels shelled Aleppo.');
  s.run(doc);
  assert.equal(doc.layers.mentions![0].id, 'm0');
});

const SEED = sharedRoot() && join(sharedRoot()!, 'seed', '000_c552f0d34fe51c66.txt');

test('seed page expectations', { skip: !(SEED && existsSync(SEED)) && 'no ../shared seed page' }, () => {
  const text = readFileSync(SEED!, 'utf8');
  const doc = docFromText(text, '2015-11-26', [
    { start: text.indexOf('Yuri'), end: text.indexOf('Yuri') + 'Yuri Kadobnov'.length, label: 'PER' },
  ]);
  const ms = findMentions(doc);
  const codeOf = (s: string, nth = 0): string | undefined => at(text, ms, s, nth)?.code;
  assert.equal(codeOf('Hollande'), 'FRAGOV');
  assert.equal(codeOf('Vladimir Putin'), 'RUSGOV');
  assert.equal(codeOf('Bashar al-Assad'), 'SYRGOV');
  assert.equal(codeOf('David Cameron'), 'GBRGOV');
  assert.equal(codeOf('Barack Obama'), 'USAGOV');
  for (const m of ms.filter((m) => /^(Hollande|Putin|Assad|Obama)$/.test(text.slice(m.start, m.end))))
    assert.ok(['FRAGOV', 'RUSGOV', 'SYRGOV', 'USAGOV'].includes(m.code));
  const moscow = text.indexOf('He said Moscow was ready') + 'He said '.length;
  assert.equal(ms.find((m) => m.start === moscow)?.code, 'RUSGOV');
  const is = ms.filter((m) =>
    /^(IS|IS group|Islamic State|Islamic State group|Daesh|jihadist group)$/.test(text.slice(m.start, m.end)),
  );
  assert.ok(is.length >= 5);
  assert.equal(new Set(is.map((m) => m.code)).size, 1);
  assert.equal(at(text, ms, 'the jihadist group'.slice(4))?.antecedent !== undefined, true);
  assert.equal(at(text, ms, 'Yuri Kadobnov'), undefined);
  assert.equal(at(text, ms, 'AFP'), undefined);
});

test('calendar words are never a listed person by surname alone ("ruled Friday", "since October")', () => {
  const text = 'The court ruled Friday against the law. Protests have continued since October.';
  const doc = docFromText(text, '2026-01-05');
  const ms = findMentions(doc);
  assert.equal(at(text, ms, 'Friday'), undefined, 'a weekday, not a prime minister named Friday');
  assert.equal(at(text, ms, 'October'), undefined);
  assert.ok(!ms.some((m) => m.country), 'nothing here names a country');
});
