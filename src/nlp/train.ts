/**
 * `npm run train:nlp`: rebuilds every nlp model from ../shared/data/nlp,
 * deterministically (fixed seeds), and writes data/nlp with its manifest.
 * `--only tagger,parser,ner` retrains a subset (the others are kept).
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { dataPath, sharedRoot } from '../doc/resources.js';
import { readConllu, type ConlluSentence } from './conllu.js';
import { trainTagger } from './train-tagger.js';
import { trainLemmatizer } from './lemma.js';

/** Epochs, chosen on EWT dev (see docs/models.md). */
export const TAGGER_ITERS = 8;
const SEED = 20261127;
/** Weights below this share of the largest are dropped (EWT dev: no UPOS change, file size ÷3). */
export const TAGGER_PRUNE = 0.002;

/** Read a CoNLL-U file under ../shared/data/nlp. */
export function readShared(...parts: string[]): ConlluSentence[] {
  const root = sharedRoot();
  if (!root) throw new Error('../shared not found');
  return readConllu(readFileSync(join(root, 'data', 'nlp', ...parts), 'utf8'));
}

function save(name: string, data: Buffer | string): void {
  mkdirSync(dataPath('nlp'), { recursive: true });
  writeFileSync(dataPath('nlp', name), data);
}

function writeManifest(): void {
  const files = ['tagger.bin', 'tagger.json', 'lemma.json', 'parser.bin', 'labeler.bin', 'parser.json', 'ner.bin', 'ner.json', 'gazetteer.json'].filter((f) =>
    existsSync(dataPath('nlp', f)),
  );
  const manifest = {
    version: 1,
    description: 'dateline nlp models (averaged perceptrons), rebuilt by npm run train:nlp',
    files: files.map((f) => ({ file: f, sha256: createHash('sha256').update(readFileSync(dataPath('nlp', f))).digest('hex') })),
    source: {
      tagger: 'UD English EWT v2.16 train',
      lemma: 'UD English EWT v2.16 train',
      parser: 'UD English EWT v2.16 train',
      ner: 'Universal NER English EWT (train draft + dev), gazetteer from world-countries',
    },
    licence: 'Weights trained on CC BY-SA 4.0 data (UD English EWT, Universal NER EWT): CC BY-SA 4.0. Gazetteer from world-countries (ODbL-1.0).',
  };
  save('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
}

function main(): void {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
  const want = (x: string): boolean => !only || only.includes(x);
  const t0 = Date.now();
  const train = readShared('ud-english-ewt', 'en_ewt-ud-train.conllu');
  if (want('tagger')) {
    const { model, meta } = trainTagger(train, TAGGER_ITERS, SEED);
    save('tagger.bin', model.toBinary(TAGGER_PRUNE));
    save('tagger.json', JSON.stringify(meta));
    const items: [string, string, string, string][] = [];
    for (const s of train) for (const w of s.words) items.push([w.form, w.xpos, w.upos, w.lemma]);
    save('lemma.json', JSON.stringify(trainLemmatizer(items)));
    console.error(`tagger+lemma done in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }
  writeManifest();
}

main();
