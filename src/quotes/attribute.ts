/**
 * Attribution frames per sentence: a cue ("said", "according to", "warned that")
 * with its source phrase and content, in the four shapes news uses:
 *   preposed   "Hollande said (that) CONTENT"
 *   postposed  "CONTENT, Hollande said."      (also "“CONTENT,” he said, “MORE.”")
 *   inverted   "CONTENT, said Hollande."
 *   according  "According to X, CONTENT." / "CONTENT, according to X."
 * plus free-standing direct quotes, which inherit the last speaker. Text and quote
 * marks drive it; UPOS tags, when present, veto noun readings of cue words.
 */
import type { Doc, Span } from '../doc/index.js';
import { learnedCueShare } from './cues.js';
import { findCues, type CueHit } from './find-cues.js';
import { addFreeQuotes } from './free-quotes.js';
import { findMarkedQuotes, type MarkedQuote } from './marks.js';
import { npBack, npForward, PRONOUNS, skipBetweenBack, tokView, type TokView } from './np.js';
import {
  BE,
  CLOSE_MARKS,
  END_PUNCT,
  insideQuoteText,
  isDirect,
  len,
  OPEN_MARKS,
  overlap,
  quoteAt,
  rangeHas,
  SUBJECT_PRONOUNS,
  wordCount,
} from './spans.js';

/** An attribution found in the text, before speaker resolution. */
export interface Attribution {
  content: Span;
  cue: Span | null;
  source: Span | null;
  direct: boolean;
  /** How the source was found: np, pronoun, relative ("who"), participle (shared subject), inherited, none. */
  sourceKind: 'np' | 'pronoun' | 'relative' | 'participle' | 'inherited' | 'none';
  /** For a relative or inherited source: the phrase it stands for. */
  antecedent?: Span;
  /** Which frame produced it, for provenance. */
  frame: string;
}

/** Longest tail after a postposed cue ("he said on Thursday in Paris") before the frame is read as preposed. */
const MAX_TAIL_TOKENS = 10;
/** How far into the right part "that" may come and still open the content ("said Thursday after talks ... that"). */
const MAX_THAT_DISTANCE = 16;
/** Words that open an adverbial tail after a cue ("said on Monday", "said in a statement", "said Thursday"). */
const TAIL_OPENERS =
  /^(on|in|at|during|after|before|while|when|as|last|this|late|early|earlier|later|recently|via|through|from|to|with|outside|inside|afterward|afterwards|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|again|repeatedly|then|also|publicly|privately|separately|bluntly|flatly|simply|\(|—|–|-)$/;
/** Words opening a fronted adverbial, which a postposed content cannot start with. */
const FRONTED =
  /^(in|at|on|during|after|before|amid|with|for|following|despite|like|unlike|when|while|as|if|since|although|though|speaking|addressing|asked|writing|from|by|under|over|earlier|later|last|this|similarly|meanwhile|instead|still|now|then|also)$/;
/** Longest tail after an inverted source, up to a comma ("said a source involved in the fund's creation"; 10 vs 5: dev F1 .759 → .760). */
const INVERTED_TAIL_TOKENS = 10;
/** Learned cue share above which a cue nested in another content still starts its own attribution
 * (0.8 on PolNeAR train: F1 .722 vs .715 with no nesting, .721 at 0.6, .712 for any cue). */
const NESTED_CUE_SHARE = 0.8;
/** Longest name before a headline colon, in tokens. */
const MAX_HEADLINE_SOURCE = 5;
/** Fewest tokens after a headline colon. */
const MIN_HEADLINE_WORDS = 3;
/** A left part shorter than this (tokens) before ", X said," is the start of a content that goes on after the cue. */
const PARENTHETICAL_LEFT = 4;
/** Shortest content worth a quote, in word tokens. */
const MIN_CONTENT_WORDS = 2;

/** Find attributions in a document that has tokens and sentences. */
export function findAttributions(doc: Doc): Attribution[] {
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens;
  if (!tokens || sentences.length === 0) return [];
  const v = tokView(doc);
  const marked = findMarkedQuotes(doc.text);
  const out: Attribution[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const sent = sentences[s];
    const found = sentenceAttributions(v, sent.tokenStart, sent.tokenEnd, marked);
    out.push(...found);
  }
  out.sort((a, b) => a.content.start - b.content.start);
  const merged = dedupe(out);
  addFreeQuotes(doc, marked, merged);
  merged.sort((a, b) => a.content.start - b.content.start);
  return merged;
}

/** Drop attributions whose content sits inside another one's with the same source (a quote split over sentences). */
function dedupe(list: Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  for (const a of list) {
    const dup = out.find(
      (b) => overlap(a.content, b.content) > 0.8 * Math.min(len(a.content), len(b.content)) && sameSpan(a.cue, b.cue),
    );
    if (dup) {
      dup.content = {
        start: Math.min(dup.content.start, a.content.start),
        end: Math.max(dup.content.end, a.content.end),
      };
      continue;
    }
    out.push(a);
  }
  return out;
}

function sameSpan(a: Span | null, b: Span | null): boolean {
  return !!a && !!b && a.start === b.start && a.end === b.end;
}

/** Headline style "Clinton: Time for a new strategy" / "Sanders: ‘We will win’": a name, a colon, the words. */
function colonHeadline(v: TokView, from: number, end: number, marked: MarkedQuote[]): Attribution | null {
  const t = v.doc.layers.tokens!;
  let c = from;
  while (c < end && c - from <= MAX_HEADLINE_SOURCE && v.raw(c) !== ':') c++;
  if (c >= end || v.raw(c) !== ':' || c === from || end - c - 1 < MIN_HEADLINE_WORDS) return null;
  for (let k = from; k < c; k++) {
    const r = v.raw(k);
    if (!/^\p{Lu}\p{L}/u.test(r) && !/^(of|the|and|'s|’s|\.)$/.test(r)) return null;
  }
  // The line must start a paragraph: headlines and pull quotes, not "The result: …" mid-text.
  const before = v.doc.text.slice(Math.max(0, t.start[from] - 2), t.start[from]);
  if (t.start[from] > 0 && !before.includes('\n')) return null;
  // Only an actor can be the speaker: the name must be (mostly) a mention from the actors stage.
  const src: Span = { start: t.start[from], end: t.end[c - 1] };
  const covered = (v.doc.layers.mentions ?? []).some((m) => overlap(m, src) * 2 >= len(src));
  if (!covered) return null;
  const content: Span = { start: t.start[c + 1], end: t.end[end - 1] };
  return {
    content,
    cue: { start: t.start[c], end: t.end[c] },
    source: src,
    direct: isDirect(content, marked),
    sourceKind: 'np',
    frame: 'headline-colon',
  };
}

/** A word token that a tokenizer left glued to its closing comma or quote mark ("here,“"). */
function gluedClose(raw: string): boolean {
  return raw.length > 1 && /[\p{L}\p{N}.!?…][,]?[”"“]$/u.test(raw);
}

function sentenceAttributions(v: TokView, from: number, to: number, marked: MarkedQuote[]): Attribution[] {
  const t = v.doc.layers.tokens!;
  const cues = findCues(v, from, to, marked);
  const out: Attribution[] = [];
  let end = to;
  while (end > from && END_PUNCT.test(v.raw(end - 1))) end--;
  const spanOf = (a: number, b: number): Span => ({ start: t.start[a], end: t.end[b - 1] });
  const headline = cues.length === 0 ? colonHeadline(v, from, end, marked) : null;
  if (headline) out.push(headline);
  for (let c = 0; c < cues.length; c++) {
    const cue = cues[c];
    const nextCue = c + 1 < cues.length ? cues[c + 1] : null;
    // Content stops before a later ", adding …" participle cue, which starts its own attribution.
    let rEnd = end;
    if (nextCue && nextCue.form?.participle && v.raw(nextCue.i - 1) === ',') rEnd = nextCue.i - 1;
    const cueSpan = spanOf(cue.i, cue.j);
    const a = frame(v, from, rEnd, cue, cueSpan, marked, out);
    if (!a) continue;
    // One word is enough inside quote marks ("“Absolutely,” he said").
    if (wordCount(v.doc.text, a.content) < (a.direct ? 1 : MIN_CONTENT_WORDS)) continue;
    // A cue inside an earlier attribution's content is nested speech ("X said Y told him …"): kept for
    // participles and for cues that are nearly always cues, as PolNeAR annotates nested attributions.
    const host = out.find((o) => o.content.start <= cueSpan.start && cueSpan.end <= o.content.end);
    if (host && !cue.form?.participle && !(cue.form && learnedCueShare(v.low(cue.i)) >= NESTED_CUE_SHARE)) continue;
    // Two cues claiming one content ("groups opposed to Assad, added that …"): the cue nearer the content wins.
    const rival = out.findIndex((o) => o.content.start === a.content.start && o.content.end === a.content.end);
    if (rival >= 0) {
      const o = out[rival];
      const dist = (x: Attribution): number => Math.abs(x.content.start - (x.cue ? x.cue.end : 0));
      if (dist(a) < dist(o)) out[rival] = a;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Extend a content span to cover any marked quote it starts or ends inside of. */
function extendToQuotes(c: Span, marked: MarkedQuote[]): Span {
  let { start, end } = c;
  const qs = quoteAt(marked, start);
  if (qs) start = Math.min(start, qs.start);
  const qe = quoteAt(marked, Math.max(start, end - 1));
  if (qe) end = Math.max(end, qe.end);
  return { start, end };
}

function sourceKindOf(v: TokView, np: [number, number]): Attribution['sourceKind'] {
  const w = v.low(np[0]);
  if (np[0] === np[1] && (w === 'who' || w === 'which' || w === 'that')) return 'relative';
  if (np[0] === np[1] && PRONOUNS.has(w)) return 'pronoun';
  return 'np';
}

function frame(
  v: TokView,
  from: number,
  to: number,
  cue: CueHit,
  cueSpan: Span,
  marked: MarkedQuote[],
  earlier: Attribution[],
): Attribution | null {
  const t = v.doc.layers.tokens!;
  const spanOf = (a: number, b: number): Span => ({ start: t.start[a], end: t.end[b] });
  const isComma = (i: number): boolean => i >= from && i < to && v.raw(i) === ',';
  const make = (
    content: Span,
    source: [number, number] | null,
    fr: string,
    kind?: Attribution['sourceKind'],
  ): Attribution => {
    const c = extendToQuotes(content, marked);
    const a: Attribution = {
      content: c,
      cue: cueSpan,
      source: source ? spanOf(source[0], source[1]) : null,
      direct: isDirect(c, marked),
      sourceKind: kind ?? (source ? sourceKindOf(v, source) : 'none'),
      frame: fr,
    };
    if (a.sourceKind === 'relative' && source) {
      // "X, who said" / "people who say": the relative pronoun stands for the phrase before it.
      const k = source[0] - 1;
      const ante = k < from ? null : v.raw(k) === ',' ? npBack(v, k - 1, from) : npBack(v, k, from);
      if (ante) a.antecedent = spanOf(ante[0], ante[1]);
    }
    return a;
  };

  // Leading conjunctions and commas do not make a left part.
  let lStart = from;
  while (lStart < cue.i && /^(but|and|yet|so|however|still|meanwhile|,|—|–)$/.test(v.low(lStart))) lStart++;

  if (cue.according) {
    if (lStart >= cue.i) {
      // "According to X, CONTENT."
      let k = cue.j;
      while (k < to && v.raw(k) !== ',') k++;
      if (k >= to - 1) return null;
      const src = npForward(v, cue.j, k);
      return make(spanOf(k + 1, to - 1), src, 'according-front');
    }
    // "CONTENT, according to X."
    let cEnd = cue.i - 1;
    while (cEnd >= lStart && (isComma(cEnd) || v.raw(cEnd) === '(' || v.raw(cEnd) === '—')) cEnd--;
    if (cEnd < lStart) return null;
    const src = npForward(v, cue.j, to);
    return make(spanOf(lStart, cEnd), src, 'according-back');
  }

  const f = cue.form!;
  if (f.participle) {
    // ", saying CONTENT": source is the subject of the sentence's earlier attribution, else its first phrase.
    if (cue.j >= to) return null;
    const host = [...earlier].reverse().find((e) => e.cue && e.cue.start < cueSpan.start);
    const src = host?.source ?? null;
    const first = subjectOf(v, lStart, cue.i);
    const a = make(spanOf(cue.j, to - 1), null, 'participle', 'participle');
    a.source = src ?? (first ? spanOf(first[0], first[1]) : null);
    if (host?.antecedent) a.antecedent = host.antecedent;
    return a;
  }

  // Inverted: "CONTENT, said X." / "“CONTENT,” said X." (not "X, a NATO member, said …", whose subject opens the sentence).
  const before = skipBetweenBack(v, cue.i - 1, from);
  const subjectFirst = npBack(v, cue.i - 1, lStart);
  if (
    before >= lStart &&
    (isComma(before) || CLOSE_MARKS.test(v.raw(before)) || gluedClose(v.raw(before))) &&
    !(subjectFirst && subjectFirst[0] === lStart)
  ) {
    const src = npForward(v, cue.j, to);
    if (
      src &&
      !(src[0] === src[1] && PRONOUNS.has(v.low(src[0]))) &&
      (src[1] + 1 >= to || isComma(src[1] + 1) || shortTail(v, src[1] + 1, to))
    ) {
      let cEnd = before;
      while (cEnd >= lStart && (isComma(cEnd) || CLOSE_MARKS.test(v.raw(cEnd)))) cEnd--;
      if (cEnd >= lStart) return make(spanOf(lStart, cEnd), src, 'inverted');
    }
  }

  // Passive "it was reported that": no source, and only with a clause ("accused of" is not speech).
  if (
    passiveBefore(v, cue.i, from) &&
    /(ed|told|known|shown|found|said|thought|believed|written)$/.test(v.low(cue.i))
  ) {
    const next = cue.j < to ? v.low(cue.j) : '';
    if (next !== 'that' && next !== ':') return null;
    return make(spanOf(cue.j, to - 1), null, 'passive');
  }
  let src = npBack(v, cue.i - 1, lStart);
  // "X met Y and said …": a coordinated verb shares the clause subject.
  const prevWord = skipBetweenBack(v, cue.i - 1, lStart);
  if (!src && prevWord >= lStart && v.low(prevWord) === 'and') src = subjectOf(v, lStart, prevWord);

  // Postposed: "CONTENT, X said (on Thursday)." / "“CONTENT,” X said."
  if (src && src[0] > lStart) {
    const gap = src[0] - 1;
    const afterTail = cue.j < to ? v.raw(cue.j) : '';
    const closedQuote =
      CLOSE_MARKS.test(v.raw(gap)) ||
      gluedClose(v.raw(gap)) ||
      (isComma(gap) && gap - 1 >= lStart && CLOSE_MARKS.test(v.raw(gap - 1)));
    const fronted = FRONTED.test(v.low(lStart)) && !closedQuote;
    // After “…,” X said, whatever follows is circumstance ("said after the hearing …"), unless a that-clause.
    const tailOk =
      cue.j >= to ||
      afterTail === ',' ||
      adverbialTail(v, cue.j, to, f.lemma) ||
      (closedQuote && v.low(cue.j) !== 'that');
    if ((isComma(gap) || CLOSE_MARKS.test(v.raw(gap)) || gluedClose(v.raw(gap))) && tailOk && !fronted) {
      let cEnd = gap;
      while (cEnd >= lStart && (isComma(cEnd) || CLOSE_MARKS.test(v.raw(cEnd)))) cEnd--;
      if (cEnd >= lStart) {
        let content = spanOf(lStart, cEnd);
        // "“A,” he said, “B.”": the second half belongs to the same content.
        let k = cue.j;
        while (k < to && (isComma(k) || v.raw(k) === ':')) k++;
        if (k < to && k > cue.j && OPEN_MARKS.test(v.raw(k))) {
          const q = quoteAt(marked, t.start[k]);
          content = { start: content.start, end: q ? q.end : t.end[to - 1] };
        } else if (afterTail === ',' && cEnd - lStart + 1 < PARENTHETICAL_LEFT && to - k >= MIN_CONTENT_WORDS + 1) {
          // "And perhaps, he said, it could help": a parenthetical cue inside its content.
          content = { start: content.start, end: t.end[to - 1] };
        }
        return make(content, src, 'postposed');
      }
    }
  }

  // Preposed: "X said (Thursday …) (that) CONTENT."
  if (cue.j >= to) return null;
  let cStart = cue.j;
  for (let k = cue.j; k < Math.min(to, cue.j + MAX_THAT_DISTANCE); k++) {
    if (insideQuoteText(marked, t.start[k])) break;
    if (v.low(k) === 'that') {
      cStart = k;
      break;
    }
  }
  while (cStart < to && (isComma(cStart) || v.raw(cStart) === ':')) cStart++;
  if (cStart >= to) return null;
  if (!src && lStart < cue.i) {
    // No phrase before the cue: not a reporting frame we understand.
    return null;
  }
  return make(spanOf(cStart, to - 1), src, 'preposed');
}

/** A tail after a postposed cue that adds no content: "said Thursday", "said in a statement", "told reporters". */
function adverbialTail(v: TokView, a: number, b: number, lemma: string): boolean {
  const n = b - a;
  if (n <= 0) return true;
  if (rangeHas(v, a, Math.min(b, a + MAX_THAT_DISTANCE), 'that')) return false;
  const first = v.low(a);
  if (SUBJECT_PRONOUNS.has(first)) return false;
  if (n <= 2 && !BE.has(v.low(b - 1))) return true;
  if (n > MAX_TAIL_TOKENS) return false;
  if (TAIL_OPENERS.test(first)) return true;
  // "told reporters on Monday", "asked CNN": an addressee then adverbials.
  return (lemma === 'tell' || lemma === 'ask' || lemma === 'told') && !rangeHasVerbish(v, a, b);
}

function rangeHasVerbish(v: TokView, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const u = v.upos(k);
    if (
      u === 'VERB' ||
      u === 'AUX' ||
      BE.has(v.low(k)) ||
      /^(would|will|could|can|should|has|had|have|must|may|might)$/.test(v.low(k))
    )
      return true;
  }
  return false;
}

/** A tail after an inverted source that adds no clause: "said Putin on Thursday in Moscow", "said one aide
 * familiar with the talks, who added …" (only the stretch before a comma counts). */
function shortTail(v: TokView, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (v.raw(k) === ',') b = k;
  if (b - a > INVERTED_TAIL_TOKENS) return false;
  for (let k = a; k < b; k++) {
    // Participles modify the source ("a source involved in …", "an aide speaking on condition …").
    const participle = v.upos(k) === 'VERB' && /(ed|ing)$/.test(v.low(k));
    if (v.low(k) === 'that' || BE.has(v.low(k)) || (v.upos(k) === 'VERB' && !participle) || v.upos(k) === 'AUX')
      return false;
  }
  return true;
}

/** Whether the auxiliaries right before token `i` include a form of "be" (a passive). */
function passiveBefore(v: TokView, i: number, floor: number): boolean {
  for (let k = i - 1; k >= floor && i - k <= 4; k--) {
    const w = v.low(k);
    if (BE.has(w)) return true;
    if (
      !/^(also|has|have|had|not|never|widely|long|often|reportedly|previously|repeatedly|once|later|been)$/.test(w) &&
      !/ly$/.test(w)
    )
      return false;
  }
  return false;
}

/** The subject of a clause: the first noun phrase after any fronted phrase ("At the same time, he …"). */
function subjectOf(v: TokView, from: number, to: number): [number, number] | null {
  let k = from;
  if (
    /^(at|in|on|after|before|during|since|for|with|while|when|as|despite|following|earlier|later|meanwhile|last|this|yesterday|today)$/.test(
      v.low(k),
    )
  ) {
    let c = k;
    while (c < to && v.raw(c) !== ',') c++;
    if (c < to) k = c + 1;
  }
  return npForward(v, k, to);
}
