/** Runs the actors stage after the real NLP stage (imported here only, never by src/actors code). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc } from '../doc/index.js';
import { sharedRoot } from '../doc/resources.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from './stage.js';

function nlpDoc(text: string, date: string) {
  const doc = createDoc(text, { meta: { published: { value: date, from: 'test' } } });
  // Paragraphs as blocks, as extraction would give them.
  const blocks: { start: number; end: number; kind: 'paragraph' }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g))
    blocks.push({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' });
  doc.layers.blocks = blocks;
  try {
    nlpStage().run(doc);
  } catch {
    return null; // the NLP stage or its models are not usable in this checkout
  }
  return doc;
}

test('actors after the NLP stage', (t) => {
  const text =
    'German Chancellor Angela Merkel met Turkish President Recep Tayyip Erdogan in Ankara on Monday. ' +
    'Merkel said Berlin would give more aid to Syrian refugees. She also criticised Islamic State.';
  const doc = nlpDoc(text, '2016-02-08');
  if (!doc) return t.skip('the NLP stage is not usable in this checkout');
  actorsStage().run(doc);
  const ms = doc.layers.mentions!;
  const code = (s: string) => ms.find((m) => m.start <= text.indexOf(s) && text.indexOf(s) < m.end)?.code;
  assert.equal(code('Angela Merkel'), 'DEUGOV');
  assert.equal(code('Recep Tayyip Erdogan'), 'TURGOV');
  assert.equal(code('Ankara'), undefined);
  assert.equal(code('Berlin'), 'DEUGOV');
  assert.equal(code('Syrian refugees'), 'SYRREF');
  assert.equal(code('She'), 'DEUGOV');
  assert.equal(code('Islamic State'), 'IMGMOSISI');
});

const SEED = sharedRoot() && join(sharedRoot()!, 'seed', '000_c552f0d34fe51c66.txt');

test('seed page after the NLP stage', { skip: !(SEED && existsSync(SEED)) && 'no ../shared seed page' }, (t) => {
  const text = readFileSync(SEED!, 'utf8');
  const doc = nlpDoc(text, '2015-11-26');
  if (!doc) return t.skip('the NLP stage is not usable in this checkout');
  actorsStage().run(doc);
  const ms = doc.layers.mentions!;
  const codeAt = (s: string, from = 0) => {
    const i = text.indexOf(s, from);
    return ms.find((m) => m.start <= i && i < m.end)?.code;
  };
  assert.equal(codeAt('Francois Hollande'), 'FRAGOV');
  assert.equal(codeAt('Vladimir Putin'), 'RUSGOV');
  assert.equal(codeAt('Bashar al-Assad'), 'SYRGOV');
  assert.equal(codeAt('David Cameron'), 'GBRGOV');
  assert.equal(codeAt('Barack Obama'), 'USAGOV');
  assert.equal(codeAt('Moscow was ready'), 'RUSGOV');
  assert.equal(codeAt('Daesh'), 'IMGMOSISI');
  assert.equal(codeAt('jihadist group'), 'IMGMOSISI');
  assert.equal(codeAt('Yuri Kadobnov'), undefined);
  assert.equal(codeAt('AFP'), undefined);
});

/** Codes of the mentions covering each phrase, after the NLP and actors stages (null when the NLP is not usable). */
function codesAfterNlp(text: string, date: string): ((s: string) => string | undefined) | null {
  const doc = nlpDoc(text, date);
  if (!doc) return null;
  actorsStage().run(doc);
  const ms = doc.layers.mentions!;
  return (s) => ms.find((m) => m.start <= text.indexOf(s) && text.indexOf(s) < m.end)?.code;
}

test('place phrases make the home country; a linked name takes its chain country afterwards', (t) => {
  const code = codesAfterNlp(
    'Protests spread in Iran.\n\nIn Tehran, security forces fired on crowds, witnesses said. ' +
      'Police arrested students near Shiraz. Azerbaijan said nothing. The judge was not named.',
    '2019-11-20',
  );
  if (!code) return t.skip('the NLP stage is not usable in this checkout');
  assert.equal(code('security forces'), 'IRNMIL');
  assert.equal(code('Police'), 'IRNCOP');
});

test('a possessor country and an apposition naming an organisation give the mention its identity', (t) => {
  const code = codesAfterNlp(
    "France's far-right National Front party leader, Marine Le Pen, spoke in Paris. " +
      'Philip Luther, Research and Advocacy Director for the Middle East at Amnesty International, said the ' +
      'crackdown must end. Jim Poe met Bob Roe at the United Nations.',
    '2016-08-31',
  );
  if (!code) return t.skip('the NLP stage is not usable in this checkout');
  assert.equal(code('party leader'), 'FRAPTY');
  assert.equal(code('Philip Luther'), 'NGOHRIAMN');
  assert.notEqual(code('Bob Roe'), 'IGOUNO', '"met X at the UN" is where, not whose');
});
