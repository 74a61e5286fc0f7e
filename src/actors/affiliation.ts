/**
 * "Philip Luther, Research and Advocacy Director for the Middle East at Amnesty International": a person the lexicon
 * does not know, with an apposition whose title is "at", "of" or "for" an organisation it does know, speaks for that
 * organisation and takes its identity (PLOVER codes the affiliation, not the individual). Read off the parse: the
 * organisation hangs (as nmod, then up through at most a few nmod/conj/appos/flat steps) from the name.
 * Runs before the home country.
 */
import type { TokenView } from '../doc/index.js';
import { inSentence, type Placed } from './coref.js';
import type { Word } from './text.js';

/** Relations an organisation may climb on its way to the name (the parser often reads the apposition as conj). */
const CLIMB = /^(nmod|conj|compound|flat|appos)/;

/** The token of a mention whose head lies outside it (its syntactic head), or -1. */
function headToken(v: TokenView, from: number, to: number): number {
  for (let t = from; t < to; t++) {
    const h = v.head(t);
    if (h < from || h >= to) return t;
  }
  return -1;
}

/** The tokens an organisation's phrase hangs from, nearest first: its nmod head, then up through CLIMB relations. */
function hostsOf(v: TokenView, org: number): number[] {
  if (!v.rel(org).startsWith('nmod')) return [];
  const out: number[] = [];
  for (let t = v.head(org), k = 0; t >= 0 && k < 5; t = v.head(t), k++) {
    out.push(t);
    if (!CLIMB.test(v.rel(t))) break;
  }
  return out;
}

/** "X of ORG" names an affiliation; "at" or "for" ORG only inside an apposition set off by a comma ("X, a researcher
 * at ORG"), since "met X at the UN" is where, not whose. */
function affiliated(ws: Word[], p: Placed, o: Placed): boolean {
  if (ws[o.c.i - 1]?.key === 'of') return true;
  for (let w = p.c.j; w < o.c.i; w++) if (ws[w].raw === ',') return true;
  return false;
}

/** Give unknown persons the identity of the organisation their apposition names (see the header). */
export function affiliations(placed: Placed[], wordsOf: Word[][], v: TokenView | null): void {
  if (!v) return;
  for (const o of placed) {
    const oid = o.c.ident;
    if (o.c.kind !== 'org' || !oid) continue;
    const ws = wordsOf[o.sentence];
    const from = ws[o.c.i].token;
    const to = ws[o.c.j - 1].token + 1;
    const h = from < 0 ? -1 : headToken(v, from, to);
    const hosts = h < 0 ? [] : hostsOf(v, h);
    if (!hosts.length) continue;
    for (const { p } of inSentence(placed, o.sentence)) {
      if (p.c.kind !== 'unknown' || !p.c.person || p.c.ident?.country) continue;
      if (p.antecedent !== undefined || p.c.j > o.c.i || !affiliated(ws, p, o)) continue;
      const pf = ws[p.c.i].token;
      const pt = ws[p.c.j - 1].token + 1;
      if (!hosts.some((t) => t >= pf && t < pt)) continue;
      p.c.ident = {
        ...oid,
        confidence: Math.min(oid.confidence, 0.6),
        evidence: [...(p.c.ident?.evidence ?? []), `apposition: of "${oid.name}"`],
      };
    }
  }
}
