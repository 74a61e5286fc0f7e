/**
 * "The two leaders agreed …", "both men", "both countries": a plural phrase numbered two (or "both") that names no
 * country stands for the pair of people or states the text named just before — the two countries of the right kind named
 * latest (this sentence before the phrase, then up to PAIR_WINDOW sentences back). The phrase stays in the
 * record as written; the pair's mentions carry the codes.
 */
import type { Mention } from '../../../doc/index.js';
import type { TriggerContext } from '../context.js';
import { mentionKind } from '../../mentions.js';

/** How many sentences back the pair may be named. */
const PAIR_WINDOW = 3;
/** Nouns for a pair of people, and for a pair of states or sides. */
const PERSON_NOUNS = new Set(['leader', 'man', 'woman', 'president', 'minister', 'premier', 'counterpart', 'head']);
const STATE_NOUNS = new Set(['country', 'nation', 'government', 'state', 'side', 'capital', 'neighbor', 'neighbour']);
/** Mention kinds that name a state, and kinds that name one person. */
const STATE_KINDS = new Set(['country', 'metonym', 'capital', 'seat']);
const PERSON_KINDS = new Set(['name', 'person', 'surname', 'title', 'apposition', 'description']);

/** Whether the phrase headed by h is "the two …" / "both …" over one of the pair nouns; its kind. */
function pairPhrase(x: TriggerContext, h: number): 'person' | 'state' | null {
  const { v } = x;
  const lemma = v.lemma(h).toLowerCase();
  const kind = PERSON_NOUNS.has(lemma) ? 'person' : STATE_NOUNS.has(lemma) ? 'state' : null;
  if (!kind) return null;
  const numbered = v.children(h).some((k) => /^(two|both|2)$/i.test(v.text(k)));
  return numbered ? kind : null;
}

/**
 * The two mentions (one per country) named latest before `before`: sentences are read back from this one (up to the
 * phrase) while fewer than two countries are found; a sentence that brings the count past two makes it ambiguous.
 */
function latestPair(x: TriggerContext, before: number, kind: 'person' | 'state'): Mention[] | null {
  const doc = x.s.doc;
  const sentences = doc.layers.sentences ?? [];
  const fits = (m: Mention): boolean =>
    !!m.country && (kind === 'state' ? STATE_KINDS : PERSON_KINDS).has(mentionKind(m));
  const byCountry = new Map<string, Mention>();
  for (let si = x.s.si; si >= 0 && si >= x.s.si - PAIR_WINDOW; si--) {
    const s = sentences[si];
    if (!s) continue;
    const end = si === x.s.si ? before : s.end;
    for (const m of x.mi.mentions)
      if (m.start >= s.start && m.end <= end && fits(m) && !byCountry.has(m.country!)) byCountry.set(m.country!, m);
    if (byCountry.size === 2) return [...byCountry.values()];
    if (byCountry.size > 2) return null;
  }
  return null;
}

/** A country the phrase itself gives (not one guessed from the story's home country). */
const ownCountry = (m: Mention): boolean => !!m.country && !m.evidence.some((e) => e.startsWith('home country'));

/** Resolve an actor or recipient that is "the two leaders" / "both countries" to the pair named before. */
export function pairReference(x: TriggerContext): void {
  for (const role of ['actor', 'recipient'] as const) {
    const a = x[role];
    if (a.pick.tokens.length !== 1 || a.mentions.some(ownCountry)) continue;
    const h = a.pick.tokens[0];
    const kind = pairPhrase(x, h);
    if (!kind) continue;
    const pair = latestPair(x, x.v.t.start[h], kind);
    const other = role === 'actor' ? x.recipient.mentions : x.actor.mentions;
    if (!pair || pair.some((m) => other.includes(m))) continue;
    x[role] = { pick: { tokens: [h], rule: `${a.pick.rule}+pair-reference` }, mentions: pair };
  }
}
