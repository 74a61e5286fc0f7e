/**
 * Builds small parsed Docs by hand for the event tests, so the coder is tested
 * without running the NLP or actor stages. A token is written
 * `form|lemma/UPOS/head/deprel` (lemma optional, head 1-based, 0 = root).
 */
import { allocTokens, createDoc } from '../doc/index.js';
import type { Doc, Mention } from '../doc/index.js';

/** A hand-made mention over tokens [from, to] (1-based, inclusive). */
export interface MentionSpec {
  from: number;
  to: number;
  country: string | null;
  sector?: string;
  name?: string;
  kind?: string;
}

/** Make a one-sentence (or multi-sentence, separated by "||") Doc from token specs and mention specs. */
export function buildDoc(spec: string, mentions: MentionSpec[] = [], published = '2015-11-26'): Doc {
  const sents = spec.split('||').map((s) => s.trim().split(/\s+/));
  const all = sents.flat();
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const s of sents) {
    if (text) text += ' ';
    s.forEach((tok, k) => {
      const form = tok.split('/')[0].split('|')[0].replace(/_/g, ' ');
      if (k > 0 && !/^[.,;:!?']|^n't$|^'s$/.test(form)) text += ' ';
      starts.push(text.length);
      text += form;
      ends.push(text.length);
    });
  }
  const doc = createDoc(text, { meta: { published: { value: published, from: 'test' } } });
  const t = allocTokens(all.length);
  let base = 0;
  const sentences = [];
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    s.forEach((tok, k) => {
      const [fl, upos, head, deprel] = tok.split('/');
      const [form, lemma] = fl.split('|');
      const i = base + k;
      t.start[i] = starts[i];
      t.end[i] = ends[i];
      t.upos[i] = upos;
      t.xpos[i] = '';
      t.lemma[i] = (lemma ?? form).replace(/_/g, ' ').toLowerCase();
      t.head[i] = Number(head) === 0 ? -1 : base + Number(head) - 1;
      t.deprel[i] = deprel;
      t.sentence[i] = si;
    });
    sentences.push({
      start: starts[base],
      end: ends[base + s.length - 1],
      tokenStart: base,
      tokenEnd: base + s.length,
    });
    base += s.length;
  }
  doc.layers.tokens = t;
  doc.layers.sentences = sentences;
  doc.layers.mentions = mentions.map((m, k): Mention => ({
    id: `m${k}`,
    start: starts[m.from - 1],
    end: ends[m.to - 1],
    name: m.name ?? text.slice(starts[m.from - 1], ends[m.to - 1]),
    country: m.country,
    sector: m.sector ?? 'GOV',
    code: (m.country ?? '') + (m.sector ?? 'GOV'),
    kind: m.kind ?? 'name',
    confidence: 0.9,
    evidence: [],
  }));
  return doc;
}
