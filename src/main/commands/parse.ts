/** `dateline parse`: tokens, tags, lemmas, dependencies and entities as CoNLL-U. */
import { readFileSync } from 'node:fs';
import type { Command } from '../args.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'POS, lemmas, dependency parse and entities as CoNLL-U',
  usage: `
Usage: dateline parse --conllu < in.conllu > out.conllu
       dateline parse FILE|-

With --conllu, keep the input's tokens and sentences exactly and fill UPOS, XPOS, LEMMA, HEAD, DEPREL,
with the entity tag in MISC as NER=B-PER / NER=I-ORG / NER=O. Otherwise tokenise and parse raw text.

Options:
  --conllu    read CoNLL-U from stdin (or FILE)
  -h, --help  this help`,
  options: { conllu: { type: 'boolean' } },
  async run(values, positionals) {
    const { parseConllu, parseText } = await import('../../nlp/index.js');
    const file = positionals[0] ?? '-';
    let input: string;
    try {
      input = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (e) {
      process.stderr.write(`error: ${file}: not-found (read): ${(e as Error).message}\n`);
      return 1;
    }
    process.stdout.write(values.conllu ? parseConllu(input) : parseText(input));
    return 0;
  },
};
