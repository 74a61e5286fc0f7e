/**
 * The reporting-cue lexicon (data/quotes/cues.json): lemmas inflected into surface
 * forms, each tagged speech (attributes whatever follows) or thought (needs a clause).
 */
import { loadJson } from '../doc/index.js';

interface CueFile {
  speech: string[];
  thought: string[];
  nounlike: string[];
  irregular: Record<string, string[]>;
  phrases: Record<string, string>;
}

/** What a surface form of a cue is. */
export interface CueForm {
  lemma: string;
  kind: 'speech' | 'thought';
  /** Word count of the form ("point out" is 2). */
  words: number;
  /** Base or -s form of a lemma that is also a common noun: needs a verb tag or a subject to count. */
  nounlike: boolean;
  /** -ing participle ("saying"), which takes the main clause's subject as its source. */
  participle: boolean;
}

/** The inflected lexicon: lower-case surface form (words joined by one space) to its entry. */
export interface CueLexicon {
  forms: Map<string, CueForm>;
  /** Longest form in words. */
  maxWords: number;
}

const VOWEL = /[aeiou]/;

/** Regular English inflections of a verb lemma: base, -s, -ed, -ing. */
export function inflect(lemma: string): string[] {
  const out = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) out.push(lemma + 'es');
  else if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ies');
  else out.push(lemma + 's');
  if (lemma.endsWith('e')) out.push(lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma) && VOWEL.test(lemma)) {
    // One-syllable consonant-vowel-consonant verbs double the last consonant (vow is excluded by w).
    out.push(lemma + lemma.slice(-1) + 'ed', lemma + lemma.slice(-1) + 'ing');
  } else out.push(lemma + 'ed', lemma + 'ing');
  return out;
}

let cached: CueLexicon | null = null;

/** Load and inflect the cue lexicon once. */
export function cueLexicon(): CueLexicon {
  if (cached) return cached;
  const file = loadJson<CueFile>('quotes', 'cues.json');
  if (!Array.isArray(file.speech) || !Array.isArray(file.thought) || typeof file.irregular !== 'object') {
    throw new Error('data/quotes/cues.json: expected speech, thought and irregular');
  }
  const forms = new Map<string, CueForm>();
  const nounlike = new Set(file.nounlike);
  let maxWords = 1;
  const add = (lemma: string, kind: 'speech' | 'thought'): void => {
    const list = file.irregular[lemma] ?? inflect(lemma);
    for (const f of list) {
      if (forms.has(f) && forms.get(f)!.kind === 'speech') continue;
      const words = f.split(' ').length;
      maxWords = Math.max(maxWords, words);
      const isBase = f === lemma || f === lemma + 's' || f === lemma + 'es' || f === lemma.slice(0, -1) + 'ies';
      forms.set(f, { lemma, kind, words, nounlike: nounlike.has(lemma) && isBase, participle: f.endsWith('ing') });
    }
  };
  for (const l of file.speech) add(l, 'speech');
  for (const l of file.thought) add(l, 'thought');
  cached = { forms, maxWords };
  return cached;
}

interface CueStatsFile {
  version: string;
  forms: Record<string, [number, number]>;
}

let stats: Map<string, number> | null = null;

/** Share of a word form's occurrences (outside quote marks) that PolNeAR train annotates as a cue, or 0. */
export function learnedCueShare(form: string): number {
  if (!stats) {
    const file = loadJson<CueStatsFile>('quotes', 'cue-stats.json');
    if (typeof file.forms !== 'object') throw new Error('data/quotes/cue-stats.json: expected forms');
    stats = new Map(Object.entries(file.forms).map(([w, [n, total]]) => [w, n / total]));
  }
  return stats.get(form.replace(/’/g, "'")) ?? 0;
}
