/**
 * Headline truecasing: a headline in title case ("Sweden Drops Rape Investigation Into Assange") hides its verbs and
 * nouns from the tagger, which learned capitals as names from ordinary prose. For a title-case sentence, each
 * capitalised word whose lowercase form the tagger saw only as a common word (no PROPN among its tags), directly or by
 * its inflectional stem, is tagged in lowercase; names, places and words the tagger also knows as names keep their
 * capitals. The Doc's text is never changed: only the forms the models read.
 */
import type { TaggerMeta } from './tagger.js';

/** A sentence is title case when at least this share of its longer words (4+ letters, not all caps) are capitalised… */
const TITLE_SHARE = 0.7;
/** …and at least this many are. */
const MIN_TITLE_WORDS = 3;

const longWord = (w: string): boolean => /^\p{L}{4,}/u.test(w) && w !== w.toUpperCase();
const capitalised = (w: string): boolean => /^\p{Lu}\p{Ll}/u.test(w);

/** Whether a sentence's forms are in title case. */
export function isTitleCase(forms: string[]): boolean {
  const long = forms.filter(longWord);
  const caps = long.filter(capitalised).length;
  return caps >= MIN_TITLE_WORDS && caps >= TITLE_SHARE * long.length;
}

/** Tag classes (indices into meta.classes) that are proper nouns, per model. */
const properMemo = new WeakMap<TaggerMeta, Set<string>>();
function properClasses(meta: TaggerMeta): Set<string> {
  let s = properMemo.get(meta);
  if (!s) {
    s = new Set(meta.classes.flatMap((c, i) => (c.startsWith('PROPN|') ? [String(i)] : [])));
    properMemo.set(meta, s);
  }
  return s;
}

/** Inflectional stems to try for a word the tagger has not seen ("denounces" → "denounce", "denounc"). */
function stems(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), w.slice(0, -3) + 'e');
  return out.filter((s) => s.length >= 3);
}

/** Whether the tagger knows `w` (lowercase) as a common word and never as a name. */
function commonWord(meta: TaggerMeta, w: string): boolean {
  const proper = properClasses(meta);
  const known = (x: string): boolean | null => {
    const cls = meta.amb[x];
    if (cls === undefined) return null;
    return !cls.split(',').some((c) => proper.has(c));
  };
  const direct = known(w);
  if (direct !== null) return direct;
  return stems(w).some((s) => known(s) === true);
}

/**
 * The forms to tag for one sentence: unchanged unless the sentence is in title case; then capitalised common words
 * are lowercased. `isName(lower)` protects names the pipeline knows (gazetteer places, countries, demonyms).
 */
export function truecase(meta: TaggerMeta, forms: string[], isName: (lower: string) => boolean): string[] {
  if (!isTitleCase(forms)) return forms;
  return forms.map((w) => {
    if (!capitalised(w)) return w;
    const lower = w.toLowerCase();
    return !isName(lower) && commonWord(meta, lower) ? lower : w;
  });
}
