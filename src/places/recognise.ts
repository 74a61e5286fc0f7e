/**
 * Toponym candidates: capitalised token runs (and all-caps datelines) whose surface form the gazetteer knows,
 * longest match first, with the NER label over them and the lexical cues the recogniser weighs.
 */
import type { Doc } from '../doc/index.js';
import { gazetteer, normKey, type Hit } from './gazetteer.js';

/** A candidate toponym span with its gazetteer hits and the cues around it. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  hits: Hit[];
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  sentence: number;
  /** NER label of an entity covering the span exactly or containing it, '' when none. */
  ner: string;
  /** The NER entity is exactly this span. */
  nerExact: boolean;
  /** The span opens a block as an all-caps dateline ("MOSCOW, Nov 26 (Reuters) -"). */
  dateline: boolean;
  /** Part of an actor mention (and that mention's kind), '' when none. */
  mention: string;
  /** What that mention resolved to: 'known' (a listed actor), 'igo' (IGO/NGO/armed group…), 'country', 'other'. */
  mentionCode: string;
}

const CAP = /^\p{Lu}/u;
const DATELINE = /^[ \t]*(\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?)(?:,[ \t]+[\p{L}. ]{2,24}?)?[ \t]*(?:,|\(|—|–|-|:)/u;

/** Block starts that hold an all-caps dateline, as [start, end) of its place name. */
function datelines(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  for (const b of doc.layers.blocks ?? []) {
    const m = DATELINE.exec(doc.text.slice(b.start, Math.min(b.end, b.start + 80)));
    if (!m) continue;
    const s = b.start + m.index + m[0].indexOf(m[1]);
    out.push([s, s + m[1].length]);
  }
  return out;
}

/**
 * A span the actors stage resolved to a listed actor that is not a place — a person ("Obama", "Vladimir" in
 * "Vladimir Putin") or an organisation ("NATO") — is not a toponym, unless it is a demonym or a country name
 * ("Syrian" in "Syrian President Bashar al-Assad").
 */
function namesActor(c: Candidate): boolean {
  if (c.mentionCode !== 'known' && c.mentionCode !== 'igo') return false;
  if (c.ner !== 'PER' && c.ner !== 'ORG') return false;
  const g = gazetteer();
  return !c.hits.some((h) => h.kind === 'demonym' || g.entry(h.entry).feature === 'country');
}

/** Find candidates over the doc's tokens (the `tokens` and `sentences` layers are required). */
export function candidates(doc: Doc): Candidate[] {
  const t = doc.layers.tokens!;
  const g = gazetteer();
  const text = doc.text;
  const lines = datelines(doc);
  const ents = doc.layers.entities ?? [];
  const mentions = doc.layers.mentions ?? [];
  const out: Candidate[] = [];
  for (let i = 0; i < t.count;) {
    const first = text.slice(t.start[i], t.end[i]);
    if (!CAP.test(first)) {
      i++;
      continue;
    }
    let found: Candidate | null = null;
    for (let n = Math.min(g.maxTokens, t.count - i); n >= 1 && !found; n--) {
      const j = i + n - 1;
      if (t.sentence[j] !== t.sentence[i]) continue;
      if (!CAP.test(text.slice(t.start[j], t.end[j]))) continue;
      const s = t.start[i],
        e = t.end[j];
      const hits = g.index.get(normKey(text.slice(s, e)));
      if (!hits) continue;
      found = { start: s, end: e, text: text.slice(s, e), hits, tokStart: i, tokEnd: j + 1 } as Candidate;
    }
    if (!found) {
      i++;
      continue;
    }
    const c = found;
    c.sentence = t.sentence[i];
    const ent = ents.find((en) => en.start <= c.start && en.end >= c.end);
    c.ner = ent?.label ?? '';
    c.nerExact = !!ent && ent.start === c.start && ent.end === c.end;
    c.dateline = lines.some(([s, e]) => s === c.start && e === c.end);
    const men = mentions.find((m) => m.start <= c.start && m.end >= c.end);
    c.mention = men?.kind ?? '';
    c.mentionCode = !men
      ? ''
      : men.wikidata
        ? 'known'
        : men.country && !g.countryEntry.has(men.country)
          ? 'igo'
          : men.country && men.start === c.start && men.end === c.end
            ? 'country'
            : 'other';
    if (!namesActor(c)) out.push(c);
    i = c.tokEnd;
  }
  return out;
}
