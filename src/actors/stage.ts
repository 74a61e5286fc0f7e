/**
 * The actors stage: per sentence, words from the tokens → gazetteer matches → candidates; unknown PER/ORG entities
 * become UNK actors; then document-level coreference; then Mention records with evidence and confidence.
 */
import { tokenView, type Doc, type Entity, type Mention } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { assemble, type Candidate } from './assemble.js';
import { corefer, propagateCountries, type Placed } from './coref.js';
import { lexicon } from './lexicon.js';
import { findMatches, type Match } from './match.js';
import { isoDay } from './resolve.js';
import type { SectorWord } from './types.js';
import { isCapitalized, words, type Word } from './text.js';
import { makeCode } from './identity.js';
import { homeCountry } from './home.js';
import { locatedIn, type Located } from './located.js';
import { possessorCountries } from './possessor.js';
import { affiliations } from './affiliation.js';

/** Confidence of an unknown named entity kept as an actor. */
export const CONF_UNKNOWN = 0.3;

interface SentenceWords {
  ws: Word[];
  deprel: (i: number) => string;
  upos: (i: number) => string;
}

/** Words of every sentence, from the token layer, or from a plain split of the text when there are no tokens. */
function sentenceWords(doc: Doc): SentenceWords[] {
  const t = doc.layers.tokens;
  const sents = doc.layers.sentences;
  if (!t || !t.count || !sents?.length) {
    const out: SentenceWords[] = [];
    for (const m of doc.text.matchAll(/[^.!?\n]+[.!?]*/g))
      out.push({ ws: words(m[0], m.index!), deprel: () => '', upos: () => '' });
    return out;
  }
  const v = tokenView(doc);
  return sents.map((s) => {
    const ws: Word[] = [];
    // A loop, not push(...spread): one long token can split into more words than the call stack takes arguments.
    for (let k = s.tokenStart; k < s.tokenEnd; k++) for (const w of words(v.raw(k), t.start[k], k)) ws.push(w);
    // Tokenizers may cut "Iran-backed" into three tokens: read hyphen joins off the text itself.
    for (const w of ws)
      if (w.start > 1 && /[-‐‑]/.test(doc.text[w.start - 1]) && /[\p{L}\p{N}.]/u.test(doc.text[w.start - 2]))
        w.hyphen = true;
    const tokenOf = (i: number): number => (ws[i] ? ws[i].token : -1);
    return { ws, deprel: (i) => v.rel(tokenOf(i)), upos: (i) => v.upos(tokenOf(i)) };
  });
}

/**
 * With no NER layer, runs of two or more proper nouns from the tagger stand in for entities, so unknown names
 * still become UNK actors; one-word runs are too often sentence-initial capitals or places to trust.
 */
function properNounRuns(doc: Doc): Entity[] {
  const t = doc.layers.tokens;
  if (!t || !t.count || !t.upos.some((u) => u === 'PROPN')) return [];
  // Words that make a proper-noun run an organisation rather than a person (data/actors/words.json).
  const orgWord = lexicon().words.orgNameWord;
  const out: Entity[] = [];
  let k = 0;
  while (k < t.count) {
    if (t.upos[k] !== 'PROPN') {
      k++;
      continue;
    }
    let e = k;
    while (e < t.count && t.upos[e] === 'PROPN' && t.sentence[e] === t.sentence[k]) e++;
    if (e - k >= 2) {
      const words = [];
      for (let x = k; x < e; x++) words.push(doc.text.slice(t.start[x], t.end[x]));
      const label = words.some((w) => orgWord.test(w)) || e - k > 3 ? 'ORG' : 'PER';
      out.push({ id: `p${out.length}`, label, start: t.start[k], end: t.end[e - 1], tokenStart: k, tokenEnd: e });
    }
    k = e;
  }
  return out;
}

/** Candidate kinds that only name a place or country. */
const PLACE_KINDS = new Set(['country', 'demonym', 'metonym', 'place']);

/** The last sector word matched inside words [i, j), if any. */
function sectorInside(matches: Match[], i: number, j: number): SectorWord | undefined {
  let found: SectorWord | undefined;
  for (const m of matches) {
    if (m.i < i || m.j > j) continue;
    const e = m.entries.find((x) => x.kind === 'sector');
    if (e && e.kind === 'sector') found = e.s;
  }
  return found;
}

/** Unknown PER/ORG entities not covered by a candidate become UNK actors (photo and wire credits excepted). */
function unknownEntities(
  ws: Word[],
  ents: Entity[],
  cands: Candidate[],
  matches: Match[],
  drop: Set<Candidate>,
): Candidate[] {
  const out: Candidate[] = [];
  if (!ws.length) return out;
  for (const e of ents) {
    if (!['PER', 'ORG', 'NORP', 'MISC'].includes(e.label)) continue;
    if (e.end <= ws[0].start || e.start >= ws[ws.length - 1].end) continue;
    const i = ws.findIndex((w) => w.start >= e.start && w.end <= e.end);
    if (i < 0) continue;
    let j = i;
    while (j < ws.length && ws[j].end <= e.end) j++;
    // The gazetteer knows these words and chose no mention (a wire credit, "at the Kremlin"): respect that.
    const silent = (m: Match): boolean =>
      m.entries.every((x) => x.kind !== 'person' && x.kind !== 'surname' && x.kind !== 'sector') &&
      !cands.some((c) => c.i <= m.i && m.j <= c.j);
    if (matches.some((m) => m.i < j && i < m.j && silent(m))) continue;
    const inside = cands.filter((c) => c.i < j && i < c.j);
    // "Kenya Anti-Corruption Commission", "Nigerian Union of Teachers": an organisation named after its country is
    // one actor of that country, not a mention of the country.
    const placeOnly =
      inside.length > 0 && inside.every((c) => c.i >= i && c.j <= j && PLACE_KINDS.has(c.kind) && c.ident?.country);
    if (inside.length && !(e.label === 'ORG' && placeOnly)) continue;
    if (!ws.slice(i, j).some((w) => isCapitalized(w.raw))) continue;
    // "Yuri Kadobnov, AFP": a credit line names the photographer, who is no actor of the story.
    const after = ws
      .slice(j, j + 4)
      .map((w) => w.key)
      .join(' ');
    if (
      /^, (afp|reuters|ap|getty|epa|dpa|anadolu|xinhua|afp \/ getty)\b/.test(after) ||
      (i > 0 && /^(©|photo|credit|by)$/i.test(ws[i - 1].raw))
    )
      continue;
    if (e.label === 'MISC' || e.label === 'NORP') continue;
    const name = ws
      .slice(i, j)
      .map((w) => w.raw)
      .join(' ');
    const country = placeOnly ? inside[0].ident!.country : null;
    const sw = placeOnly ? sectorInside(matches, i, j) : undefined;
    for (const c of inside) drop.add(c);
    const sector = sw?.sector ?? 'UNK';
    out.push({
      i,
      j,
      kind: 'unknown',
      ident: {
        name,
        country,
        sector,
        code: makeCode(country, sector),
        confidence: country ? CONF_UNKNOWN + 0.2 : CONF_UNKNOWN,
        evidence: [
          `unknown ${e.label} entity`,
          ...(country ? [`named after ${country}`] : []),
          ...(sw ? [`sector word "${sw.text}"`] : []),
        ],
      },
      person: e.label === 'PER',
      surnameKey: e.label === 'PER' ? ws[j - 1].key : undefined,
    });
  }
  return out;
}

/** The candidate (placed index) this one stands in apposition to, when the parse says so (deprel appos). */
function apposHead(doc: Doc, ws: Word[], cands: Candidate[], c: Candidate, base: number): number | undefined {
  const t = doc.layers.tokens;
  if (!t) return undefined;
  for (let w = c.i; w < c.j; w++) {
    const tok = ws[w].token;
    if (tok < 0 || t.deprel[tok] !== 'appos') continue;
    const h = t.head[tok];
    const k = cands.findIndex((d) => d !== c && ws.slice(d.i, d.j).some((x) => x.token === h));
    if (k >= 0) return base + k;
  }
  return undefined;
}

/** A mention opening one of the first sentences before a comma or dash: a wire dateline ("PARIS, Aug 31 (Reuters) -"). */
function datelineTest(wordsOf: Word[][]): (x: Placed) => boolean {
  return (x) => x.sentence < 3 && x.c.i === 0 && /^[,—–-]$/.test(wordsOf[x.sentence][x.c.j]?.raw ?? '');
}

/** Resolve all actor mentions in a document. */
export function findMentions(doc: Doc): Mention[] {
  const lex = lexicon();
  const date = isoDay(doc.meta.published?.value);
  const sw = sentenceWords(doc);
  const ents = doc.layers.entities?.length ? doc.layers.entities : properNounRuns(doc);
  const placed: Placed[] = [];
  const wordsOf: Word[][] = [];
  const located: Located[] = [];
  sw.forEach(({ ws, deprel, upos }, s) => {
    wordsOf.push(ws);
    const matches = findMatches(lex, ws);
    located.push(...locatedIn(lex, ws, matches, s));
    let cands = assemble(lex, ws, matches, { date, deprel, upos, standalone: false });
    const drop = new Set<Candidate>();
    cands.push(...unknownEntities(ws, ents, cands, matches, drop));
    if (drop.size) cands = cands.filter((c) => !drop.has(c));
    cands.sort((a, b) => a.i - b.i);
    const base = placed.length;
    cands.forEach((c, k) => {
      const nx = cands[k + 1];
      placed.push({
        c,
        sentence: s,
        commaToNext: !!nx && nx.i === c.j + 1 && ws[c.j]?.raw === ',',
        apposOf: apposHead(doc, ws, cands, c, base),
      });
    });
  });
  corefer(lex, placed);
  const view = doc.layers.tokens?.count ? tokenView(doc) : null;
  possessorCountries(placed, wordsOf, view);
  affiliations(placed, wordsOf, view);
  homeCountry(placed, datelineTest(wordsOf), located);
  propagateCountries(placed);
  // Ids first: an apposition may point forward to the name after it.
  const ids = new Map<number, string>();
  placed.forEach((x, k) => {
    if (x.c.ident) ids.set(k, `m${ids.size}`);
  });
  const out: Mention[] = [];
  placed.forEach((x, k) => {
    if (!x.c.ident) return;
    const ws = wordsOf[x.sentence];
    const start = ws[x.c.i].start;
    const end = ws[x.c.j - 1].end;
    const id = ids.get(k)!;
    const ent = ents.find((e) => e.start < end && start < e.end);
    const m: Mention = {
      id,
      start,
      end,
      name: x.c.ident.name,
      country: x.c.ident.country,
      sector: x.c.ident.sector,
      code: x.c.ident.code,
      kind: x.c.kind,
      confidence: Math.round(Math.max(0, Math.min(1, x.c.ident.confidence)) * 100) / 100,
      evidence: x.c.ident.evidence,
    };
    if (x.c.ident.wikidata) m.wikidata = x.c.ident.wikidata;
    if (ent) m.entity = ent.id;
    if (x.antecedent !== undefined && ids.has(x.antecedent)) m.antecedent = ids.get(x.antecedent);
    out.push(m);
  });
  return out;
}

/** The actors stage: assigns mentions. */
export function actorsStage(): Stage {
  return {
    name: 'actors.gazetteer.v1',
    requires: ['tokens', 'sentences', 'entities'],
    assigns: ['mentions'],
    run(doc: Doc) {
      doc.layers.mentions = findMentions(doc);
    },
  };
}
