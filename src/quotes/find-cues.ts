/**
 * Finding cue words in a sentence: the hand-written lexicon (with its noun and
 * clause checks), forms that PolNeAR train marks as cues often enough, "call for",
 * and verbs the parser gives a clausal complement.
 */
import { cueLexicon, learnedCueShare, type CueForm } from './cues.js';
import type { MarkedQuote } from './marks.js';
import type { TokenView } from '../doc/index.js';
import { skipBetweenBack } from './np.js';
import { CLOSE_MARKS, END_PUNCT, insideQuoteText, OPEN_MARKS } from './spans.js';
import { quoteWords } from './words.js';

/** Share of a form's train occurrences inside a gold cue above which it counts as a cue (tuned on PolNeAR train). */
const LEARNED_CUE_SHARE = 0.3;

/** Learned share above which a lexicon cue stands even when the tagger calls it a noun or adjective. */
const TRUST_CUE_OVER_TAG = 0.6;

/** How near (tokens) a quote mark must follow "called" for it to name something ("called it “a farce”"). */
const CALL_QUOTE_WINDOW = 8;

/** A cue found in a sentence: tokens [i, j). */
export interface CueHit {
  i: number;
  /** Exclusive. */
  j: number;
  form: CueForm | null;
  according: boolean;
}

/** Cues in tokens [from, to), outside quoted words. */
export function findCues(v: TokenView, from: number, to: number, marked: MarkedQuote[]): CueHit[] {
  const lex = cueLexicon();
  const t = v.doc.layers.tokens!;
  const hits: CueHit[] = [];
  for (let i = from; i < to; i++) {
    if (insideQuoteText(marked, t.start[i])) continue;
    const w = v.low(i);
    if (w === 'according' && i + 1 < to && v.low(i + 1) === 'to') {
      hits.push({ i, j: i + 2, form: null, according: true });
      i++;
      continue;
    }
    let hit: CueHit | null = null;
    for (let n = Math.min(lex.maxWords, to - i); n >= 1; n--) {
      let key = w;
      for (let k = 1; k < n; k++) key += ' ' + v.low(i + k);
      const form = lex.forms.get(key);
      if (form) {
        hit = { i, j: i + n, form, according: false };
        break;
      }
    }
    if (!hit && quoteWords().callForms.has(w) && callsSomething(v, i, to)) {
      // "called it “a starting point”", "called for a ban", "called on Congress to act".
      const j = v.low(i + 1) === 'for' || v.low(i + 1) === 'on' ? i + 2 : i + 1;
      hit = {
        i,
        j,
        form: { lemma: 'call', kind: 'speech', words: j - i, nounlike: false, participle: w === 'calling' },
        according: false,
      };
    }
    if (!hit && !quoteWords().callForms.has(w)) {
      // A verb-shaped form that PolNeAR train marks as a cue often enough ("blasted", "declined", "endorsed").
      const nextWord = i + 1 < to ? v.low(i + 1) : '';
      const share = contextShare(v, i, to);
      const u = v.upos(i);
      const verbShaped = u ? u === 'VERB' : /^[a-z]+(ed|ing|s)$/.test(v.raw(i)) && !/(ss|us|is|ly)$/.test(w);
      // Nouns count before "that" ("his claim that", "the assertion that") when train says so.
      const nounCue =
        nextWord === 'that' && learnedCueShare(`${w} that`) >= LEARNED_CUE_SHARE && /^\p{Ll}/u.test(v.raw(i));
      if (share >= LEARNED_CUE_SHARE && (verbShaped || nounCue)) {
        hit = {
          i,
          j: i + 1,
          form: { lemma: w, kind: 'speech', words: 1, nounlike: false, participle: w.endsWith('ing') },
          according: false,
        };
      }
    }
    if (!hit && v.upos(i) === 'VERB' && hasClausalComplement(v, i, from, to)) {
      // A verb the parser gives a clausal complement and a subject ("the memo shows the plan failed");
      // PolNeAR train F1 .729 → .731, dev .749 → .753 (added ones are right about half the time).
      hit = {
        i,
        j: i + 1,
        form: { lemma: w, kind: 'speech', words: 1, nounlike: false, participle: w.endsWith('ing') },
        according: false,
      };
    }
    if (!hit || !acceptCue(v, hit, from, to)) continue;
    hits.push(hit);
    i = hit.j - 1;
  }
  return hits;
}

/** Whether the parse gives verb `i` both a subject and a finite clausal complement. */
function hasClausalComplement(v: TokenView, i: number, from: number, to: number): boolean {
  const t = v.doc.layers.tokens!;
  let ccomp = false;
  let subj = false;
  for (let k = from; k < to; k++) {
    if (t.head[k] !== i) continue;
    if (t.deprel[k] === 'ccomp') ccomp = true;
    if (t.deprel[k] === 'nsubj') subj = true;
  }
  return ccomp && subj;
}

/** "call" is a cue when it names ("called it “a farce”"), demands ("called for") or urges ("called on"). */
function callsSomething(v: TokenView, i: number, to: number): boolean {
  const next = i + 1 < to ? v.low(i + 1) : '';
  if (next === 'for' || next === 'on') return true;
  if (v.upos(i) && v.upos(i) !== 'VERB') return false;
  for (let k = i + 1; k < Math.min(to, i + CALL_QUOTE_WINDOW); k++) if (OPEN_MARKS.test(v.raw(k))) return true;
  return false;
}

/** Learned cue share of token `i`: the form alone, or with the "that"/"to" after it when that is higher. */
function contextShare(v: TokenView, i: number, to: number): number {
  const next = i + 1 < to ? v.low(i + 1) : '';
  const alone = learnedCueShare(v.low(i));
  return next === 'that' || next === 'to' ? Math.max(alone, learnedCueShare(`${v.low(i)} ${next}`)) : alone;
}

/** Whether a lexicon hit reads as a reporting verb here. */
function acceptCue(v: TokenView, h: CueHit, from: number, to: number): boolean {
  const f = h.form!;
  const u = v.upos(h.i);
  // Trust the tag against a cue word, except for forms that are nearly always cues and never nouns ("argues").
  const nounCue = v.low(h.j) === 'that' && learnedCueShare(`${v.low(h.i)} that`) >= LEARNED_CUE_SHARE;
  if (u && u !== 'VERB' && u !== 'AUX' && !nounCue && (f.nounlike || contextShare(v, h.i, to) < TRUST_CUE_OVER_TAG))
    return false;
  const prev = h.i - 1 >= from ? v.low(h.i - 1) : '';
  const next = h.j < to ? v.low(h.j) : '';
  if (!u && f.nounlike) {
    // Untagged "claims", "reports": a verb only after a subject-like word.
    const capitalised =
      h.i - 1 >= from && /^\p{Lu}/u.test(v.raw(h.i - 1)) && !quoteWords().determinersBeforeName.has(prev);
    if (!(quoteWords().subjectPronouns.has(prev) || capitalised)) return false;
  }
  if (quoteWords().wordsBeforeNoun.has(prev) && f.lemma !== 'say') return false;
  // "a widely read column": an adverb between a determiner and the word makes it an adjective.
  const beforeAdverbs = skipBetweenBack(v, h.i - 1, from);
  if (
    beforeAdverbs < h.i - 1 &&
    beforeAdverbs >= from &&
    quoteWords().determinersBeforeAdverb.has(v.low(beforeAdverbs))
  )
    return false;
  if (f.participle) {
    // "…, saying that …" shares the main clause's subject; other -ing uses are not cues.
    if (prev !== ',' && !quoteWords().be.has(prev)) return false;
  }
  // Thought verbs and the base or -s forms of noun-like lemmas ("states", "reports") need a clause or a
  // parenthetical position, unless train says the form itself is often a cue ("X backs Y" takes an object).
  if ((f.kind === 'thought' || (f.nounlike && f.lemma !== 'back')) && learnedCueShare(v.low(h.i)) < LEARNED_CUE_SHARE) {
    const clause = next === 'that' || next === ':' || OPEN_MARKS.test(v.raw(h.j) ?? '');
    // "…, she believes." / "“…,” he continued.": a thought cue after its content.
    const parenthetical =
      (next === ',' || END_PUNCT.test(next) || h.j >= to) &&
      h.i - 2 >= from &&
      (v.raw(h.i - 2) === ',' || CLOSE_MARKS.test(v.raw(h.i - 2)));
    if (!clause && !parenthetical) return false;
  }
  return true;
}
