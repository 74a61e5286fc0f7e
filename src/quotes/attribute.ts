/**
 * Attribution frames per sentence: a cue ("said", "according to", "warned that")
 * with its source phrase and content, in the shapes news uses (one rule each in frames/, tried in order):
 *   preposed   "Hollande said (that) CONTENT"
 *   postposed  "CONTENT, Hollande said."      (also "“CONTENT,” he said, “MORE.”")
 *   inverted   "CONTENT, said Hollande."
 *   according  "According to X, CONTENT." / "CONTENT, according to X."
 * plus free-standing direct quotes, which inherit the last speaker. Text and quote
 * marks drive it; UPOS tags, when present, veto noun readings of cue words.
 */
import { tokenView, type Doc, type Span, type TokenView } from '../doc/index.js';
import { learnedCueShare } from './cues.js';
import { findCues } from './find-cues.js';
import { addFreeQuotes } from './free-quotes.js';
import { findMarkedQuotes, type MarkedQuote } from './marks.js';
import { quoteWords } from './words.js';
import { END_PUNCT, isDirect, len, overlap, wordCount } from './spans.js';
import { frame, type Attribution } from './frames/index.js';
import { MIN_CONTENT_WORDS } from './frames/context.js';

export type { Attribution } from './frames/index.js';

/** Learned cue share above which a cue nested in another content still starts its own attribution
 * (0.8 on PolNeAR train: F1 .722 vs .715 with no nesting, .721 at 0.6, .712 for any cue). */
const NESTED_CUE_SHARE = 0.8;
/** Longest name before a headline colon, in tokens. */
const MAX_HEADLINE_SOURCE = 5;
/** Fewest tokens after a headline colon. */
const MIN_HEADLINE_WORDS = 3;

/** Find attributions in a document that has tokens and sentences. */
export function findAttributions(doc: Doc): Attribution[] {
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens;
  if (!tokens || sentences.length === 0) return [];
  const v = tokenView(doc);
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
function colonHeadline(v: TokenView, from: number, end: number, marked: MarkedQuote[]): Attribution | null {
  const t = v.doc.layers.tokens!;
  let c = from;
  while (c < end && c - from <= MAX_HEADLINE_SOURCE && v.raw(c) !== ':') c++;
  if (c >= end || v.raw(c) !== ':' || c === from || end - c - 1 < MIN_HEADLINE_WORDS) return null;
  for (let k = from; k < c; k++) {
    const r = v.raw(k);
    if (!/^\p{Lu}\p{L}/u.test(r) && !quoteWords().headlineNameJoiners.has(r)) return null;
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

function sentenceAttributions(v: TokenView, from: number, to: number, marked: MarkedQuote[]): Attribution[] {
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
