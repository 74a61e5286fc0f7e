/**
 * Tone from a valence lexicon (data/tone/lexicon.json): GDELT-style document tone
 * (% positive − % negative words, with polarity and word count) and a sentence
 * score in [−1, 1] with negation, boosters and "but" weighting in the VADER manner.
 */
import { loadJson } from '../doc/index.js';
import { bodyText, type Doc, type Span, type Tone } from '../doc/index.js';

interface ToneLexicon {
  version: string;
  /** Word to valence (about −4..4). */
  words: Record<string, number>;
  negators: string[];
  /** Booster words and the valence they add (negative for dampeners). */
  boosters: Record<string, number>;
  /** Normalisation constant alpha in sum / sqrt(sum² + alpha). */
  alpha: number;
  /** Scale applied to valence after a negator. */
  negation: number;
  /** Weight of words before and after a contrastive "but". */
  butBefore: number;
  butAfter: number;
  /** Weight of negative valences relative to positive ones in the sentence feature. */
  negWeight: number;
  /** The sentence feature divides by word count to this power. */
  lengthPower: number;
  /** Fitted on rated news sentences (src/quotes/tone-fit.ts): slope on the feature and per-word corrections. */
  model?: { slope: number; adjust: Record<string, number> };
}

interface Loaded {
  lex: ToneLexicon;
  adjust: Map<string, number>;
  words: Map<string, number>;
  negators: Set<string>;
  boosters: Map<string, number>;
}

let loaded: Loaded | null = null;

function lexicon(): Loaded {
  if (loaded) return loaded;
  const lex = loadJson<ToneLexicon>('tone', 'lexicon.json');
  for (const k of ['alpha', 'negation', 'butBefore', 'butAfter', 'negWeight', 'lengthPower'] as const) {
    if (typeof lex[k] !== 'number') throw new Error(`data/tone/lexicon.json: ${k} missing`);
  }
  loaded = {
    lex,
    words: new Map(Object.entries(lex.words)),
    adjust: new Map(Object.entries(lex.model?.adjust ?? {})),
    negators: new Set(lex.negators),
    boosters: new Map(Object.entries(lex.boosters)),
  };
  return loaded;
}

/** Words of a text, lower-cased, with curly apostrophes made straight. */
export function toneWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Suffixes tried, in order, when a word form is not in the lexicon ("deaths" → "death", "bombing" → "bomb"). */
const SUFFIXES: [string, string][] = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
  ['ness', ''],
];

/** Valence of a word, falling back to a stripped inflection the lexicon knows. */
function valenceOf(w: Map<string, number>, word: string): number | undefined {
  const v = w.get(word);
  if (v !== undefined) return v;
  for (const [suf, rep] of SUFFIXES) {
    if (word.length > suf.length + 2 && word.endsWith(suf)) {
      let stem = word.slice(0, -suf.length) + rep;
      let x = w.get(stem);
      // Doubled consonant: "shipping" → "ship", "planned" → "plan".
      if (x === undefined && rep === '' && /([b-df-hj-np-tv-z])\1$/.test(stem)) x = w.get((stem = stem.slice(0, -1)));
      if (x !== undefined) return x;
    }
  }
  return undefined;
}

/** Per-word valence after negation, boosters and "but" weighting. */
export function wordValences(words: string[]): number[] {
  const { lex, words: w, negators, boosters } = lexicon();
  const out = new Array<number>(words.length).fill(0);
  const butAt = words.lastIndexOf('but');
  for (let i = 0; i < words.length; i++) {
    let v = valenceOf(w, words[i]);
    if (v === undefined) continue;
    for (let k = 1; k <= 3 && i - k >= 0; k++) {
      const b = boosters.get(words[i - k]);
      if (b !== undefined) v += (v > 0 ? b : -b) * (k === 1 ? 1 : k === 2 ? 0.95 : 0.9);
    }
    for (let k = 1; k <= 3 && i - k >= 0; k++) {
      const p = words[i - k];
      if (negators.has(p) || p.endsWith("n't")) {
        v *= lex.negation;
        break;
      }
    }
    if (butAt >= 0) v *= i < butAt ? lex.butBefore : i > butAt ? lex.butAfter : 1;
    out[i] = v;
  }
  return out;
}

/** The lexicon feature of a sentence: (positive + negWeight × negative valence) / words^lengthPower. */
export function lexiconFeature(words: string[]): number {
  const { lex } = lexicon();
  let pos = 0;
  let neg = 0;
  for (const v of wordValences(words)) {
    if (v > 0) pos += v;
    else neg += v;
  }
  return (pos + lex.negWeight * neg) / Math.max(1, words.length) ** lex.lengthPower;
}

/** Sentence score in [−1, 1]: the fitted model's rating estimate (or the bare feature), squashed. */
export function scoreText(text: string): number {
  const { lex, adjust } = lexicon();
  const words = toneWords(text);
  let raw = (lex.model?.slope ?? 1) * lexiconFeature(words);
  for (const w of new Set(words)) raw += adjust.get(w) ?? 0;
  return raw / Math.sqrt(raw * raw + lex.alpha);
}

/** GDELT-style tone of a text: % positive − % negative words, polarity, word count. */
export function toneOf(text: string): Tone {
  const words = toneWords(text);
  const vals = wordValences(words);
  let pos = 0;
  let neg = 0;
  for (const v of vals) {
    if (v > 0) pos++;
    else if (v < 0) neg++;
  }
  const n = words.length;
  const positive = n ? (100 * pos) / n : 0;
  const negative = n ? (100 * neg) / n : 0;
  return { tone: positive - negative, positive, negative, polarity: positive + negative, wordCount: n };
}

/** Document tone over the body text and one score per sentence. */
export function documentTone(doc: Doc): { tone: Tone; sentenceTone: Float32Array } {
  const sentences = doc.layers.sentences ?? [];
  const sentenceTone = new Float32Array(sentences.length);
  sentences.forEach((s, i) => (sentenceTone[i] = scoreText(doc.text.slice(s.start, s.end))));
  return { tone: toneOf(bodyText(doc)), sentenceTone };
}

/** Score of a span (a quote's content). */
export function spanTone(doc: Doc, span: Span): number {
  return scoreText(doc.text.slice(span.start, span.end));
}
