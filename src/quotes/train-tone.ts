/**
 * Builds data/tone/lexicon.json: the VADER word valences (vaderSentiment, MIT;
 * read from the vader-sentiment npm port, Apache-2.0) plus our own negators,
 * boosters and scoring constants, then fits the sentence model (slope and per-word
 * corrections, src/quotes/tone-fit.ts) on the NYT editorial sentences rated by
 * people (vaderSentiment data, MIT) when ../shared is present.
 * Deterministic. Run: `npx tsx src/quotes/train-tone.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataPath, sha256, sharedRoot } from '../doc/index.js';
import { crossValidate, fitTone, readNytRatings, SQUASH_ALPHA } from './tone-fit.js';

const NEGATORS =
  "not no never none nobody nothing neither nor nowhere cannot without hardly barely scarcely ain't aint isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt hasnt havent hadnt".split(
    ' ',
  );
/** Intensity shifts, after VADER's empirically derived 0.293. */
const UP = 0.293;
const BOOSTERS: Record<string, number> = {};
for (const w of 'absolutely amazingly awfully completely considerably decidedly deeply enormously entirely especially exceptionally extremely fully greatly highly hugely incredibly intensely largely particularly purely quite really remarkably so substantially thoroughly totally tremendously truly utterly very most more much deeply severely sharply strongly seriously gravely vastly'.split(
  ' ',
))
  BOOSTERS[w] = UP;
for (const w of 'almost barely hardly just kind kinda less little marginally occasionally partly scarcely slightly somewhat sort sorta fairly rather'.split(
  ' ',
))
  BOOSTERS[w] = -UP;

/** Read the VADER lexicon (word → mean valence) from the installed package. */
export function readVaderLexicon(): Map<string, number> {
  const req = createRequire(import.meta.url);
  const dir = dirname(req.resolve('vader-sentiment/package.json'));
  const out = new Map<string, number>();
  for (const line of readFileSync(join(dir, 'vader_lexicon.txt'), 'utf8').split('\n')) {
    const [w, v] = line.split('\t');
    if (!w || v === undefined || !/^[a-z][a-z'\-]*$/.test(w)) continue;
    out.set(w, Number(v));
  }
  return out;
}

function main(): void {
  const words = Object.fromEntries([...readVaderLexicon()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const lex: Record<string, unknown> = {
    version: 'tone-lexicon.v2',
    words,
    negators: NEGATORS,
    boosters: BOOSTERS,
    alpha: 15,
    negation: -0.74,
    butBefore: 0.5,
    butAfter: 1.5,
    // Negative words weigh 1.5× and the feature divides by √words: best of 0.6–2 and powers 0–1 on NYT (r .515 vs .506).
    negWeight: 1.5,
    lengthPower: 0.5,
  };
  writeFileSync(dataPath('tone', 'lexicon.json'), JSON.stringify(lex));
  const root = sharedRoot();
  let trainedOn = 'no ratings (../shared absent): lexicon feature only';
  if (root) {
    const rows = readNytRatings(root);
    const cv = crossValidate(rows);
    const model = fitTone(rows);
    lex.model = { slope: model.slope, adjust: model.adjust };
    lex.alpha = SQUASH_ALPHA;
    trainedOn = `${rows.length} NYT editorial sentences with human ratings (vaderSentiment data, MIT); article-grouped 5-fold CV r ${cv.r.toFixed(3)} (lexicon feature alone ${cv.lexiconOnly.toFixed(3)})`;
    console.log(trainedOn, `; ${Object.keys(model.adjust).length} word corrections`);
  }
  lex.trainedOn = trainedOn;
  const body = JSON.stringify(lex);
  writeFileSync(dataPath('tone', 'lexicon.json'), body);
  const manifest = {
    version: lex.version,
    files: [{ file: 'lexicon.json', sha256: sha256(body), bytes: body.length }],
    source:
      'Word valences from the VADER lexicon (C.J. Hutto, vaderSentiment, MIT licence; read from the vader-sentiment npm port, Apache-2.0). Negators, boosters and constants written for dateline. Model (slope, per-word corrections) fitted on ' +
      trainedOn +
      '. Built by src/quotes/train-tone.ts.',
    licence: 'MIT (VADER lexicon, Copyright (c) 2016 C.J. Hutto); dateline additions MIT',
  };
  writeFileSync(dataPath('tone', 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${Object.keys(words).length} words`);
}

main();
