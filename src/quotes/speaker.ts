/**
 * Speaker resolution: the mention (from the actors stage) that a quote's source
 * span names. The best-overlapping mention wins; a relative pronoun ("who") uses
 * its antecedent phrase; a pronoun with no mention of its own falls back to the
 * nearest preceding compatible mention in the document.
 */
import type { Doc, Mention, Span } from '../doc/index.js';
import type { Attribution } from './attribute.js';
import { quoteWords } from './words.js';

/** How far back (characters) a pronoun may reach for a fallback mention. */
const MAX_FALLBACK_DISTANCE = 2000;
/** How far (characters) after the previous quote a bare pronoun still continues its speaker. */
const SPEAKER_CONTINUITY = 600;

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The mention that best covers `span`: most overlap, then the one ending latest (the head of an English phrase). */
export function mentionFor(mentions: readonly Mention[], span: Span): Mention | null {
  let best: Mention | null = null;
  let bestScore = 0;
  for (const m of mentions) {
    const o = overlap(m, span);
    if (o <= 0) continue;
    // Prefer mentions inside the source, then large overlap, then later end.
    const inside = m.start >= span.start && m.end <= span.end ? 1 : 0;
    const score = inside * 1e6 + o * 1e3 + m.end / 1e6;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

function looksPerson(doc: Doc, m: Mention): boolean {
  if (m.kind === 'pronoun') return quoteWords().personPronoun.test(doc.text.slice(m.start, m.end));
  const ent = m.entity ? doc.layers.entities?.find((e) => e.id === m.entity) : undefined;
  if (ent) return ent.label === 'PER';
  // A title or name mention of a government/party/military person; countries and bodies have no person name.
  return /^(name|surname|title|person|person\+sector|apposition)$/.test(m.kind);
}

/** The nearest mention before `offset` that a pronoun could refer to. */
export function precedingMention(doc: Doc, offset: number, pronoun: string): Mention | null {
  const mentions = doc.layers.mentions ?? [];
  const person = quoteWords().personPronoun.test(pronoun);
  const group = quoteWords().groupPronoun.test(pronoun);
  let best: Mention | null = null;
  for (const m of mentions) {
    if (m.end > offset || offset - m.end > MAX_FALLBACK_DISTANCE) continue;
    if (person && !looksPerson(doc, m)) continue;
    if (group && looksPerson(doc, m) && m.kind !== 'pronoun') continue;
    if (!best || m.end > best.end) best = m;
  }
  return best;
}

/** The previous quote's speaker, offered to a pronoun source with no mention of its own. */
export interface PreviousSpeaker {
  id: string;
  /** Where the previous quote's content ended. */
  end: number;
}

/**
 * Resolve an attribution's source to a mention id, and say how. A bare pronoun with no
 * mention continues the previous quote's speaker when it is near, else takes the nearest
 * preceding compatible mention.
 */
export function resolveSpeaker(
  doc: Doc,
  a: Attribution,
  prev?: PreviousSpeaker | null,
): { id: string | null; how: string } {
  const mentions = doc.layers.mentions ?? [];
  const probe = a.sourceKind === 'relative' && a.antecedent ? a.antecedent : a.source;
  if (probe) {
    const m = mentionFor(mentions, probe);
    if (m) return { id: m.id, how: probe === a.source ? 'source-mention' : 'relative-antecedent' };
    if (a.antecedent && probe !== a.antecedent) {
      const ma = mentionFor(mentions, a.antecedent);
      if (ma) return { id: ma.id, how: 'antecedent' };
    }
    const word = doc.text.slice(probe.start, probe.end);
    if (/^\p{L}+$/u.test(word) && (quoteWords().personPronoun.test(word) || quoteWords().groupPronoun.test(word))) {
      const pm = prev ? mentions.find((m) => m.id === prev.id) : undefined;
      if (
        pm &&
        probe.start - prev!.end <= SPEAKER_CONTINUITY &&
        (!quoteWords().personPronoun.test(word) || looksPerson(doc, pm))
      ) {
        return { id: pm.id, how: 'previous-speaker' };
      }
      const m2 = precedingMention(doc, probe.start, word);
      if (m2) return { id: m2.id, how: 'preceding-mention' };
    }
  }
  return { id: null, how: 'none' };
}

/** Resolve every attribution's speaker in document order, carrying the previous speaker forward. */
export function resolveSpeakers(doc: Doc, list: readonly Attribution[]): (string | null)[] {
  let prev: PreviousSpeaker | null = null;
  return list.map((a) => {
    const id = resolveSpeaker(doc, a, prev).id;
    if (id) prev = { id, end: a.content.end };
    return id;
  });
}
