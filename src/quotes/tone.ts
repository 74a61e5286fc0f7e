/**
 * Tone from a valence lexicon (data/tone/lexicon.json): GDELT-style document tone
 * (% positive − % negative words, with polarity and word count) and a sentence
 * score in [−1, 1] with negation, boosters and "but" weighting in the VADER manner.
 */
import { loadJson } from '../doc/index.js';
import type { Doc, Span, Tone } from '../doc/index.js';

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
}

interface Loaded {
  lex: ToneLexicon;
  words: Map<string, number>;
  negators: Set<string>;
  boosters: Map<string, number>;
}

let loaded: Loaded | null = null;

function lexicon(): Loaded {
  if (loaded) return loaded;
  const lex = loadJson<ToneLexicon>('tone', 'lexicon.json');
  loaded = {
    lex,
    words: new Map(Object.entries(lex.words)),
    negators: new Set(lex.negators),
    boosters: new Map(Object.entries(lex.boosters)),
  };
  return loaded;
}

/** Words of a text, lower-cased, with curly apostrophes made straight. */
export function toneWords(text: string): string[] {
  return (text.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*/gu) ?? []);
}

/** Per-word valence after negation, boosters and "but" weighting. */
export function wordValences(words: string[]): number[] {
  const { lex, words: w, negators, boosters } = lexicon();
  const out = new Array<number>(words.length).fill(0);
  const butAt = words.lastIndexOf('but');
  for (let i = 0; i < words.length; i++) {
    let v = w.get(words[i]);
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

/** Sentence score in [−1, 1] (VADER-style normalised sum of valences). */
export function scoreText(text: string): number {
  const { lex } = lexicon();
  const vals = wordValences(toneWords(text));
  const sum = vals.reduce((a, b) => a + b, 0);
  return sum / Math.sqrt(sum * sum + lex.alpha);
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
  return { tone: toneOf(doc.text.slice(0, doc.bodyEnd)), sentenceTone };
}

/** Score of a span (a quote's content). */
export function spanTone(doc: Doc, span: Span): number {
  return scoreText(doc.text.slice(span.start, span.end));
}
