/**
 * Within-document coreference over mention candidates in text order: a surname after the full name, a definite
 * description ("the French president", "the jihadist group") to the latest compatible actor, pronouns to the latest
 * person who is a subject, appositions ("his Russian counterpart, Vladimir Putin").
 */
import type { Candidate } from './assemble.js';
import type { Identity } from './identity.js';
import type { Lexicon } from './lexicon.js';

/** A candidate placed in the document: sentence index and its absolute position in mention order. */
export interface Placed {
  c: Candidate;
  sentence: number;
  /** Index of the antecedent in the placed list. */
  antecedent?: number;
  /** Words of the sentence between this and the next candidate are only a comma (apposition). */
  commaToNext?: boolean;
  /** Index (in the placed list) of the candidate this one is an apposition of, from the parse (deprel appos). */
  apposOf?: number;
}

/** How many sentences back a pronoun or description may look. */
export const COREF_WINDOW = 3;
/** How many sentences back a pronoun may look for a named person. */
export const PRONOUN_WINDOW = 5;
/** Confidence multiplier for an identity copied through coreference. */
const COREF_DISCOUNT = 0.85;

function copy(from: Identity, evidence: string, factor = COREF_DISCOUNT): Identity {
  return {
    ...from,
    confidence: Math.round(from.confidence * factor * 100) / 100,
    evidence: [...from.evidence, evidence],
  };
}

/** Resolve candidates that point back (or, for appositions, forward) and set their identities. */
export function corefer(lex: Lexicon, placed: Placed[]): void {
  // Appositions first: a title without a name next to a named person, separated by a comma only.
  const pairs: [number, number][] = [];
  for (let k = 0; k + 1 < placed.length; k++)
    if (placed[k].commaToNext && placed[k].sentence === placed[k + 1].sentence) pairs.push([k, k + 1]);
  for (let k = 0; k < placed.length; k++) {
    const o = placed[k].apposOf;
    if (o !== undefined && !pairs.some(([x, y]) => (x === o && y === k) || (x === k && y === o)))
      pairs.push(o < k ? [o, k] : [k, o]);
  }
  for (const [ka, kb] of pairs) {
    const k = ka;
    const a = placed[ka];
    const b = placed[kb];
    const aDesc =
      a.c.person &&
      !a.c.surnameKey &&
      (a.c.kind === 'demonym+sector' || a.c.kind === 'description' || a.c.kind === 'sector');
    const bDesc =
      b.c.person &&
      !b.c.surnameKey &&
      (b.c.kind === 'demonym+sector' || b.c.kind === 'description' || b.c.kind === 'sector');
    if (aDesc && b.c.surnameKey && b.c.ident) {
      a.antecedent = kb;
      a.c.ident = copy(b.c.ident, `apposition with "${b.c.ident.name}"`, 1);
      a.c.kind = 'apposition';
    } else if (bDesc && a.c.surnameKey && a.c.ident) {
      b.antecedent = k;
      b.c.ident = copy(a.c.ident, `apposition with "${a.c.ident.name}"`, 1);
      b.c.kind = 'apposition';
    }
  }
  // Latest earlier person mention for each surname key, so a surname finds its full name in constant time.
  const lastBySurname = new Map<string, number>();
  const noteSurname = (k: number): void => {
    const y = placed[k].c;
    if (y.surnameKey && y.ident && y.person && y.kind !== 'pronoun') lastBySurname.set(y.surnameKey, k);
  };
  for (let k = 0; k < placed.length; k++) {
    // Every earlier candidate is final by now (appositions were linked before this loop).
    if (k > 0) noteSurname(k - 1);
    const x = placed[k];
    const c = x.c;
    if (x.antecedent !== undefined) continue;
    if (c.pronoun) {
      const ante = pronounAntecedent(placed, k);
      if (ante >= 0) {
        x.antecedent = ante;
        c.ident = copy(placed[ante].c.ident!, `pronoun "${c.pronoun}" → "${placed[ante].c.ident!.name}"`);
        c.kind = 'pronoun';
      }
      continue;
    }
    // Surname (known person) after an earlier full mention of the same person.
    if ((c.kind === 'surname' || c.kind === 'title' || c.kind === 'unknown') && c.surnameKey) {
      const b = lastBySurname.get(c.surnameKey);
      if (b !== undefined) {
        const y = placed[b].c;
        x.antecedent = placed[b].antecedent ?? b;
        if (c.kind === 'surname' || !c.ident?.country)
          c.ident = copy(placed[x.antecedent].c.ident!, `same surname as "${y.ident!.name}"`, 1);
      }
      continue;
    }
    // "the country('s army)": the latest country named, with the sector word after it.
    if (c.descSector === 'COUNTRY') {
      for (let b = k - 1; b >= 0 && placed[b].sentence >= x.sentence - COREF_WINDOW; b--) {
        const y = placed[b].c;
        // "its" may also point to a city or an organisation; "the country" only to a country.
        const ok = y.kind === 'country' || (c.descKey === 'its' && (y.kind === 'metonym' || y.kind === 'org'));
        if (!ok || !y.ident?.country) continue;
        const sector = c.sectorAfter?.sector ?? '';
        x.antecedent = b;
        c.ident = {
          ...copy(
            y.ident,
            `"${c.descKey === 'its' ? 'its' : `the ${c.descKey}`}" → ${y.ident.name}${c.sectorAfter ? ` + sector word "${c.sectorAfter.text}"` : ''}`,
          ),
          sector,
          code:
            y.kind === 'org' && (!c.sectorAfter || sector === y.ident.sector)
              ? y.ident.code
              : (y.ident.country ?? '') + sector,
        };
        break;
      }
      continue;
    }
    // Definite descriptions look back for the latest compatible actor.
    if (c.descKey !== undefined && c.descSector) {
      const ante = descriptionAntecedent(lex, placed, k);
      if (ante >= 0) {
        x.antecedent = ante;
        c.ident = copy(placed[ante].c.ident!, `description "the ${c.descKey}" → "${placed[ante].c.ident!.name}"`);
        c.kind = 'description';
      }
    }
  }
}

/**
 * After the home country: a mention linked to an antecedent that had no country when the link was made (an
 * apposition, a surname or a pronoun of a person the home country placed) takes the country its chain now has.
 */
export function propagateCountries(placed: Placed[]): void {
  for (let k = 0; k < placed.length; k++) {
    const x = placed[k];
    const id = x.c.ident;
    if (x.antecedent === undefined || !id || id.country) continue;
    const from = placed[root(placed, k)].c.ident;
    if (!from?.country) continue;
    const sameActor = !id.sector || id.sector === 'UNK' || id.sector === from.sector;
    x.c.ident = sameActor
      ? copy(from, `linked to "${from.name}"`, 1)
      : {
          ...id,
          country: from.country,
          code: from.country + id.sector,
          evidence: [...id.evidence, `country of "${from.name}"`],
        };
  }
}

function root(placed: Placed[], k: number): number {
  let r = k;
  for (let guard = 0; placed[r].antecedent !== undefined && guard < 10; guard++) r = placed[r].antecedent!;
  return r;
}

const bySentence = new WeakMap<Placed[], Map<number, { p: Placed; idx: number }[]>>();

/** The placed candidates of sentence `s` with their indices (indexed once per document). */
export function inSentence(placed: Placed[], s: number): { p: Placed; idx: number }[] {
  let m = bySentence.get(placed);
  if (!m) {
    m = new Map();
    placed.forEach((p, idx) => {
      const l = m!.get(p.sentence) ?? [];
      l.push({ p, idx });
      m!.set(p.sentence, l);
    });
    bySentence.set(placed, m);
  }
  return m.get(s) ?? [];
}

/** Sector words whose plural noun "they" can stand for. */
const GROUP_KINDS = new Set(['org', 'org+sector', 'demonym+sector', 'sector', 'description']);

/**
 * "they"/"them": only the subject group of the same or the previous sentence (an organisation or a plural sector
 * phrase such as "Syrian rebels"), never a person; anything less sure is left unresolved.
 */
function groupAntecedent(placed: Placed[], k: number): number {
  const me = placed[k];
  // Only a "they" that is itself a subject (parsed, or sentence-initial without a parse) is read.
  if (!me.c.subject) return -1;
  for (const s of [me.sentence, me.sentence - 1]) {
    const inS = inSentence(placed, s).filter(
      ({ p, idx }) =>
        p.sentence === s &&
        (s < me.sentence || idx < k) &&
        !p.c.person &&
        !!p.c.ident &&
        GROUP_KINDS.has(p.c.kind) &&
        p.c.ident.sector !== '',
    );
    const subj = inS.find(({ p }) => p.c.subject) ?? (inS.length && inS[0].p.c.i <= 2 ? inS[0] : undefined);
    if (subj) return root(placed, subj.idx);
  }
  return -1;
}

function pronounAntecedent(placed: Placed[], k: number): number {
  const me = placed[k];
  if (!me.c.person) return groupAntecedent(placed, k);
  // Same sentence: an earlier pronoun already resolved, else the earliest person mention before it (usually the subject).
  let first = -1;
  for (let b = k - 1; b >= 0 && placed[b].sentence === me.sentence; b--) {
    const y = placed[b];
    if (!y.c.person || !y.c.ident) continue;
    if (y.c.pronoun && y.antecedent !== undefined) return y.antecedent;
    if (!y.c.pronoun && y.c.surnameKey) first = b;
  }
  if (first >= 0) return root(placed, first);
  // Earlier sentences: prefer a parsed subject, else the first named person of the nearest sentence that has one.
  for (let s = me.sentence - 1; s >= me.sentence - PRONOUN_WINDOW && s >= 0; s--) {
    const inS = inSentence(placed, s).filter(
      ({ p }) => p.sentence === s && p.c.person && !!p.c.ident && (!!p.c.surnameKey || !!p.c.pronoun),
    );
    if (!inS.length) continue;
    const subj = inS.find(({ p }) => p.c.subject);
    const pick = subj ?? inS[0];
    return root(placed, pick.idx);
  }
  return -1;
}

function descriptionAntecedent(lex: Lexicon, placed: Placed[], k: number): number {
  const me = placed[k];
  const c = me.c;
  const orgsForDesc = lex.descriptions.get(c.descKey!) ?? [];
  for (let b = k - 1; b >= 0; b--) {
    const y = placed[b];
    if (y.sentence < me.sentence - COREF_WINDOW * 3) break;
    const yc = y.c;
    if (!yc.ident || yc.pronoun) continue;
    if (c.person) {
      // "the French president": a named person of that country in a compatible role.
      if (!yc.surnameKey || !yc.person) continue;
      if (c.descCountry && yc.ident.country !== c.descCountry) continue;
      if (c.titleRole && yc.titleRole && c.titleRole !== yc.titleRole) continue;
      return root(placed, b);
    }
    // "the jihadist group": an organisation listed with that description, or of the same sector.
    if (
      yc.org &&
      (orgsForDesc.includes(yc.org) || (!c.descCountry && yc.ident.sector === c.descSector && orgsForDesc.length === 0))
    )
      return root(placed, b);
  }
  // "Syrian rebels ... the rebels": the same (specific) sector phrase named earlier with its country. Generic
  // government words ("the leaders", "officials") are too often plural or new referents to follow.
  if (c.person || c.descCountry || c.descSector === 'GOV') return -1;
  for (let b = k - 1; b >= 0 && me.sentence - placed[b].sentence <= COREF_WINDOW; b--) {
    const yc = placed[b].c;
    if (yc.kind === 'demonym+sector' && yc.descKey === undefined && yc.ident?.sector === c.descSector)
      return root(placed, b);
  }
  return -1;
}
