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

function candidates(
  text: string,
  date: string | null,
  standalone: boolean,
): { cands: Candidate[]; n: number; starts: number[] } {
  const lex = lexicon();
  const ws = words(text);
  const cands = assemble(lex, ws, findMatches(lex, ws), { date, deprel: () => '', upos: () => '', standalone });
  return { cands, n: ws.length, starts: ws.map((w) => w.start) };
}

/** Resolve one mention to an actor, or null when nothing is known of it. */
export function resolveMention(q: MentionQuery): (ActorCode & { confidence: number }) | null {
  const text = q.text.trim();
  if (!text) return null;
  // "U.S. ... negotiators": a gapped mention; the first part names the country, the last the sector.
  const parts = text.split(/\s*\.{2,}\s*|\s*…\s*/).filter((x) => x.trim());
  if (parts.length > 1) {
    const rs = parts.map((t) => resolveOne({ ...q, text: t }));
    const withCountry = rs.find((r) => r?.country);
    const last = rs[rs.length - 1];
    if (!withCountry && !last) return null;
    const country = withCountry?.country ?? last?.country ?? null;
    const sector = last?.sector && last.sector !== 'UNK' ? last.sector : (withCountry?.sector ?? '');
    return {
      name: text,
      country,
      sector,
      code: makeCode(country, sector),
      confidence: Math.min(withCountry?.confidence ?? 0.5, last?.confidence ?? 0.5),
    };
  }
  return resolveOne({ ...q, text });
}

/** The ISO day of a date string ("2015-11-26", "2015-11-26T10:00Z", "Nov 26, 2015"), or null when unreadable. */
export function isoDay(d: string | null | undefined): string | null {
  if (!d) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(d)) return d.slice(0, 10);
  if (/^\d{4}(-\d{2})?$/.test(d)) return d;
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** Resolve one contiguous mention string. */
function resolveOne(q: MentionQuery): (ActorCode & { confidence: number }) | null {
  const text = q.text.trim();
  const date = isoDay(q.date);
  const { cands } = candidates(text, date, true);
  // The head of a mention phrase is its first chunk ("Militants loyal to Iraq's ..."), unless a later one is a name.
  const ws = words(text);
  // "NATO-member Norway", "pro-Iranian Hizbollah": a hyphen-joined first word modifies the head that follows.
  const modifierOnly = (c: Candidate): boolean => {
    const end = ws[c.j - 1].end;
    const start = ws[c.i].start;
    return /^[-‐]\p{Ll}/u.test(text.slice(end)) || /\b(pro|anti)[-‐]$/i.test(text.slice(0, start));
  };
  let known = cands.filter((c) => c.ident);
  if (known.length > 1 && modifierOnly(known[0])) known = known.slice(1);
  let best = known[0];
  const named = known.find((c) => c.person && c.surnameKey && c.ident!.country);
  // A bare nationality before a named person ("Israeli right-winger Ariel Sharon") is that person's modifier.
  if (named && best && best !== named && !best.ident!.sector && ['demonym', 'country'].includes(best.kind))
    best = named;
  let country = best?.ident?.country ?? null;
  let sector = best?.ident?.sector ?? '';
  let conf = best?.ident?.confidence ?? 0;
  let name = best?.ident?.name ?? text;

  if (best && !country) {
    const other = known.find(
      (c) => c !== best && c.ident!.country && !['IGO', 'NGO', 'IMG'].includes(c.ident!.country!),
    );
    if (other) {
      country = other.ident!.country;
      conf *= 0.8;
    }
  }
  // The gold or caller may give only a modifier ("Hungarian" in "Hungarian officials"): read the phrase around it.
  if (best && q.context && (!sector || !country)) {
    const ext = contextPhrase(q.context, text, date, country);
    if (ext && ext.ident && (!country || ext.ident.country === country) && (ext.ident.sector || ext.ident.country)) {
      if (!sector) sector = ext.ident.sector;
      if (!country && ext.ident.country && (!sector || ext.ident.sector === sector)) country = ext.ident.country;
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

  return {
    name,
    country,
    sector,
    code:
      best?.ident && best.ident.country === country && best.ident.sector === sector
        ? best.ident.code
        : makeCode(country, sector),
    ...(best?.ident?.wikidata ? { wikidata: best.ident.wikidata } : {}),
    confidence: Math.round(conf * 100) / 100,
  };
}

/** The candidate in the context sentence that covers the mention text and extends it, or null. */
function contextPhrase(context: string, text: string, date: string | null, country: string | null): Candidate | null {
  const at = context.indexOf(text);
  if (at < 0) return null;
  const lex = lexicon();
  const ws = words(context);
  const cands = assemble(lex, ws, findMatches(lex, ws), { date, deprel: () => '', upos: () => '', standalone: false });
  const hi = at + text.length;
  // The phrase that holds the mention's head word (its last word) and reaches beyond the mention.
  const covering = cands.filter((c) => {
    const s = ws[c.i].start;
    const e = ws[c.j - 1].end;
    return s < hi && hi <= e && (s < at || e > hi);
  });
  return covering.find((c) => c.ident?.country === country) ?? covering[0] ?? null;
}

/** The country named nearest to the mention in its sentence (outside the mention itself), or null. */
function contextCountry(context: string, text: string, date: string | null): string | null {
  const lex = lexicon();
  const ws = words(context);
  const cands = assemble(lex, ws, findMatches(lex, ws), { date, deprel: () => '', upos: () => '', standalone: true });
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
