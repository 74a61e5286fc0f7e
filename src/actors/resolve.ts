/** Resolve one mention string on its own, with its sentence and date: the `dateline actors --resolve` path and eval. */
import type { ActorCode } from '../doc/index.js';
import { assemble, type Candidate } from './assemble.js';
import { makeCode } from './identity.js';
import { lexicon } from './lexicon.js';
import { findMatches } from './match.js';
import { isCapitalized, words } from './text.js';

/** A mention to resolve on its own: its text, the sentence around it, and the date. */
export interface MentionQuery {
  text: string;
  context?: string;
  date?: string;
}

/** Confidence discount when the country comes from the surrounding sentence rather than the mention. */
const CONTEXT_DISCOUNT = 0.6;

function candidates(text: string, date: string | null, standalone: boolean): { cands: Candidate[]; n: number; starts: number[] } {
  const lex = lexicon();
  const ws = words(text);
  const cands = assemble(lex, ws, findMatches(lex, ws), { date, deprel: () => '', standalone });
  return { cands, n: ws.length, starts: ws.map((w) => w.start) };
}

/** Resolve one mention to an actor, or null when nothing is known of it. */
export function resolveMention(q: MentionQuery): (ActorCode & { confidence: number }) | null {
  const text = q.text.trim();
  if (!text) return null;
  const date = q.date ? q.date.slice(0, 10) : null;
  const { cands } = candidates(text, date, true);
  const lex = lexicon();
  // The head of a mention phrase is its first chunk ("Militants loyal to Iraq's ..."), unless a later one is a name.
  const known = cands.filter((c) => c.ident);
  let best = known[0];
  const named = known.find((c) => c.person && c.surnameKey && c.ident!.country);
  if (named && best && !best.ident!.country) best = named;
  let country = best?.ident?.country ?? null;
  let sector = best?.ident?.sector ?? '';
  let conf = best?.ident?.confidence ?? 0;
  let name = best?.ident?.name ?? text;
  const evidence = best?.ident?.evidence ?? [];
  if (best && !country) {
    const other = known.find((c) => c !== best && c.ident!.country && !['IGO', 'NGO', 'IMG'].includes(c.ident!.country!));
    if (other) {
      country = other.ident!.country;
      conf *= 0.8;
    }
  }
  if (!country && q.context) {
    const fromCtx = contextCountry(q.context, text, date);
    if (fromCtx) {
      country = fromCtx;
      conf = (conf || 0.5) * CONTEXT_DISCOUNT;
    }
  }
  if (!best) {
    if (!/\p{Lu}/u.test(text) || !words(text).some((w) => isCapitalized(w.raw))) {
      if (!country) return null;
    }
    sector = 'UNK';
    conf = country ? 0.25 : 0.2;
    name = text;
  }
  void lex;
  void evidence;
  return { name, country, sector, code: best?.ident && best.ident.country === country ? best.ident.code : makeCode(country, sector), ...(best?.ident?.wikidata ? { wikidata: best.ident.wikidata } : {}), confidence: Math.round(conf * 100) / 100 };
}

/** The country named nearest to the mention in its sentence (outside the mention itself), or null. */
function contextCountry(context: string, text: string, date: string | null): string | null {
  const lex = lexicon();
  const ws = words(context);
  const cands = assemble(lex, ws, findMatches(lex, ws), { date, deprel: () => '', standalone: true });
  const at = context.indexOf(text);
  const lo = at >= 0 ? at : -1;
  const hi = at >= 0 ? at + text.length : -1;
  let best: string | null = null;
  let bestDist = Infinity;
  for (const c of cands) {
    const cc = c.ident?.country;
    if (!cc || ['IGO', 'NGO', 'IMG'].includes(cc)) continue;
    const s = ws[c.i].start;
    const e = ws[c.j - 1].end;
    if (lo >= 0 && s < hi && lo < e) continue;
    const d = lo < 0 ? s : Math.min(Math.abs(s - hi), Math.abs(lo - e));
    if (d < bestDist) {
      bestDist = d;
      best = cc;
    }
  }
  return best;
}
