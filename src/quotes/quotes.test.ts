import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedRoot } from '../doc/index.js';
import type { ActorCode, Doc, Quote } from '../doc/index.js';
import { quotesForCli, quotesStage } from './index.js';
import { plainDoc } from './plain-doc.js';
import { docWithActors } from './doc-fixtures.js';

function run(doc: Doc): Quote[] {
  quotesStage().run(doc);
  return doc.layers.quotes!;
}

const said = (doc: Doc, q: Quote) => ({
  content: doc.text.slice(q.content.start, q.content.end),
  cue: q.cue ? doc.text.slice(q.cue.start, q.cue.end) : null,
  source: q.source ? doc.text.slice(q.source.start, q.source.end) : null,
  direct: q.direct,
});

test('preposed indirect attribution with "that"', () => {
  const doc = plainDoc('The foreign minister warned on Friday that the border would stay closed.');
  const [q] = run(doc).map((x) => said(doc, x));
  assert.equal(q.cue, 'warned');
  assert.equal(q.source, 'The foreign minister');
  assert.equal(q.content, 'that the border would stay closed');
  assert.equal(q.direct, false);
});

test('postposed direct quote and a mixed quote split by its cue', () => {
  const doc = plainDoc(
    '“We will not give in,” the mayor said. “Our city stands,” she added, “and it will stand tomorrow.”',
  );
  const qs = run(doc).map((x) => said(doc, x));
  assert.equal(qs.length, 2);
  assert.deepEqual([qs[0].source, qs[0].cue, qs[0].direct], ['the mayor', 'said', true]);
  assert.equal(qs[1].source, 'she');
  assert.ok(qs[1].content.includes('Our city stands') && qs[1].content.includes('stand tomorrow'));
});

test('inverted cue, "according to" and a multi-paragraph quote', () => {
  const doc = plainDoc(
    'Prices will rise again next year, said Maria Lopez, an economist at the bank.\n\n' +
      'According to the ministry, the new rules take effect in May.\n\n' +
      'The union leader spoke at length. “The first thing to say is that we were ignored.\n\n' +
      '“The second is that we will strike,” she told reporters.',
  );
  const qs = run(doc).map((x) => said(doc, x));
  const inv = qs.find((q) => q.content.startsWith('Prices'));
  assert.equal(inv?.source, 'Maria Lopez');
  const acc = qs.find((q) => q.cue?.toLowerCase() === 'according to');
  assert.equal(acc?.source, 'the ministry');
  assert.equal(acc?.content, 'the new rules take effect in May');
  const multi = qs.find((q) => q.content.includes('first thing'));
  assert.ok(multi && multi.content.includes('we will strike') && multi.direct);
  assert.equal(multi?.source, 'she');
});

test('scare quotes and nouns that look like cues make no quote', () => {
  const doc = plainDoc('The so-called “peace plan” drew claims of fraud. The report was long.');
  assert.equal(run(doc).length, 0);
});

test('speaker is the mention under the source; a relative "who" resolves to its antecedent', () => {
  const actors: Record<string, ActorCode> = {
    'Angela Merkel': { name: 'Angela Merkel', country: 'DEU', sector: 'GOV', code: 'DEUGOV' },
  };
  const doc = docWithActors('Angela Merkel, who met the president on Monday, said the talks had been useful.', actors);
  const [q] = run(doc);
  assert.ok(q.speaker);
  assert.equal(doc.layers.mentions!.find((m) => m.id === q.speaker)?.code, 'DEUGOV');
  const cli = quotesForCli(doc) as { quotes: { speaker: { code: string; text: string } }[] };
  assert.equal(cli.quotes[0].speaker.code, 'DEUGOV');
});

test('stage sets document tone and one score per sentence', () => {
  const doc = plainDoc('The deal is a great success. The attack was a terrible disaster.');
  quotesStage().run(doc);
  assert.equal(doc.layers.sentenceTone!.length, doc.layers.sentences!.length);
  assert.ok(doc.layers.sentenceTone![0] > 0 && doc.layers.sentenceTone![1] < 0);
  assert.equal(doc.layers.tone!.wordCount, 12);
});

const root = sharedRoot();
test('seed page: speakers of the four quotes', { skip: !root && 'no ../shared' }, () => {
  const text = readFileSync(join(root!, 'seed', '000_c552f0d34fe51c66.txt'), 'utf8');
  const gov = (name: string, country: string): ActorCode => ({ name, country, sector: 'GOV', code: `${country}GOV` });
  const doc = docWithActors(text, {
    'François Hollande': gov('François Hollande', 'FRA'),
    'Francois Hollande': gov('François Hollande', 'FRA'),
    Hollande: gov('François Hollande', 'FRA'),
    'French president': gov('François Hollande', 'FRA'),
    'Vladimir Putin': gov('Vladimir Putin', 'RUS'),
    Putin: gov('Vladimir Putin', 'RUS'),
    'David Cameron': gov('David Cameron', 'GBR'),
    'Barack Obama': gov('Barack Obama', 'USA'),
    Obama: gov('Barack Obama', 'USA'),
    'Bashar al-Assad': gov('Bashar al-Assad', 'SYR'),
    Assad: gov('Bashar al-Assad', 'SYR'),
  });
  const qs = run(doc);
  const speakerOf = (needle: string) => {
    const q = qs.find((x) => doc.text.slice(x.content.start, x.content.end).includes(needle));
    assert.ok(q, `no quote containing ${needle}`);
    const m = doc.layers.mentions!.find((x) => x.id === q.speaker);
    return m ? `${m.name} ${m.country} ${m.sector}` : null;
  };
  assert.equal(speakerOf('whom not to hit'), 'François Hollande FRA GOV');
  assert.equal(speakerOf('mutual enemy'), 'Vladimir Putin RUS GOV');
  assert.equal(speakerOf('firmly supported'), 'David Cameron GBR GOV');
  assert.equal(speakerOf('obviously regrettable'), 'François Hollande FRA GOV');
});

test('CLI shape: offsets into the text, speaker with its actor codes, null speaker fields when unresolved', () => {
  const doc = docWithActors(
    'Cameron backs French strikes against the militants. Officials said the talks would resume.',
    {
      Cameron: { name: 'David Cameron', country: 'GBR', sector: 'GOV', code: 'GBRGOV' },
    },
  );
  quotesStage().run(doc);
  const out = quotesForCli(doc) as {
    source: string;
    quotes: {
      content: { start: number; end: number; text: string };
      cue: { text: string } | null;
      speaker: { text: string; name: string | null; code: string | null } | null;
      direct: boolean;
    }[];
  };
  assert.equal(out.source, '-');
  assert.equal(out.quotes.length, 2);
  for (const q of out.quotes) assert.equal(doc.text.slice(q.content.start, q.content.end), q.content.text);
  assert.deepEqual(
    [out.quotes[0].cue?.text, out.quotes[0].speaker?.name, out.quotes[0].speaker?.code],
    ['backs', 'David Cameron', 'GBRGOV'],
  );
  assert.deepEqual([out.quotes[1].speaker?.text, out.quotes[1].speaker?.code], ['Officials', null]);
});

test('headline "Name: words" is an attribution only when the name is an actor mention', () => {
  const actors: Record<string, ActorCode> = {
    Sanders: { name: 'Bernie Sanders', country: 'USA', sector: 'LEG', code: 'USALEG' },
  };
  const doc = docWithActors('Sanders: the vote is far from over.\n\nThe Latest: polls close at eight tonight.', actors);
  const qs = run(doc).map((x) => said(doc, x));
  assert.equal(qs.length, 1);
  assert.deepEqual([qs[0].source, qs[0].cue, qs[0].content], ['Sanders', ':', 'the vote is far from over']);
});

test('"called" is a cue when it names something in quotes or calls for something', () => {
  const doc = plainDoc(
    'The senator called the plan “a reckless gamble.” The mayor called for an immediate ceasefire. Officials called at noon.',
  );
  const cues = run(doc).map((x) => said(doc, x).cue);
  assert.deepEqual(cues, ['called', 'called for']);
});

test('epigraph quotes closed by a dash and a name take that name as source', () => {
  const doc = plainDoc(
    '“The campaign has lost its way entirely.” ― Maria Ortiz\n“We will vote anyway, all of us.” — Sam Reed, teacher',
  );
  const qs = run(doc).map((x) => said(doc, x));
  assert.deepEqual(
    qs.map((q) => [q.source, q.direct]),
    [
      ['Maria Ortiz', true],
      ['Sam Reed', true],
    ],
  );
});

test('one-word direct quotes, "one official familiar with …" and hyphenated descriptions', () => {
  const doc = plainDoc(
    '"Absolutely," he said when asked about it.\n\n' +
      '"It was not convincing," said one aide familiar with the talks, who asked not to be named.\n\n' +
      '"We did not discuss that," a smiling-and-relaxed Trump said.',
  );
  const qs = run(doc).map((x) => said(doc, x));
  assert.deepEqual(qs.find((q) => q.content.includes('Absolutely'))?.source, 'he');
  assert.ok(qs.find((q) => q.content.includes('convincing'))?.source?.startsWith('one aide'));
  assert.ok(qs.find((q) => q.content.includes('discuss'))?.source?.endsWith('Trump'));
});
