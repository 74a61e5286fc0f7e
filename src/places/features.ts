/**
 * Features for the two learned decisions: is a candidate span a toponym (recognition), and which gazetteer
 * entry does it name (resolution, scored per entry against the document's context).
 */
import type { Doc } from '../doc/index.js';
import type { Gazetteer } from './gazetteer.js';
import type { Candidate } from './recognise.js';
import type { Entry } from './types.js';
import type { Features } from './logistic.js';

const PREPS = new Set(['in', 'at', 'from', 'near', 'to', 'across', 'outside', 'into', 'around', 'throughout', 'of']);
const lp = (x: number): number => Math.log10(x + 1) / 7;

/** Lower-case word forms used in the document (to tell "Mobile" the city from "mobile" the word). */
export function lowerWords(doc: Doc): Set<string> {
  const t = doc.layers.tokens!;
  const out = new Set<string>();
  for (let i = 0; i < t.count; i++) {
    const w = doc.text.slice(t.start[i], t.end[i]);
    if (/^\p{Ll}/u.test(w)) out.add(w);
  }
  return out;
}

/** Recognition features of one candidate. */
export function recogniseFeatures(doc: Doc, g: Gazetteer, c: Candidate, lower: Set<string>): Features {
  const t = doc.layers.tokens!;
  const text = doc.text;
  const f: Features = {};
  f[`ner:${c.ner || 'none'}`] = 1;
  if (c.nerExact) f[`nerx:${c.ner}`] = 1;
  else if (c.ner) f[`nerpart:${c.ner}`] = 1;
  if (c.mention) f[`men:${c.mention}`] = 1;
  if (c.mentionCode) f[`mencode:${c.mentionCode}`] = 1;
  const demonym = c.hits.some((h) => h.kind === 'demonym');
  if (c.mentionCode === 'known' && !demonym) f['inknown:place-name'] = 1;
  let maxPop = 0;
  for (const h of c.hits) {
    const e = g.entry(h.entry);
    f[`hit:${h.kind}`] = 1;
    f[`feat:${e.feature}`] = 1;
    if (e.feature === 'city') maxPop = Math.max(maxPop, e.pop);
  }
  if (c.hits.every((h) => h.kind === 'demonym')) f['only:demonym'] = 1;
  f['pop'] = lp(maxPop);
  f['hits'] = Math.log(c.hits.length) / 5;
  const n = c.tokEnd - c.tokStart;
  f[n === 1 ? 'ntok:1' : n === 2 ? 'ntok:2' : 'ntok:3+'] = 1;
  const sentStart = c.tokStart === 0 || t.sentence[c.tokStart - 1] !== c.sentence;
  if (sentStart) f['sent:first'] = 1;
  if (c.text === c.text.toUpperCase() && /\p{Lu}{2}/u.test(c.text)) f[c.dateline ? 'allcaps' : 'allcaps:inline'] = 1;
  if (c.dateline) f['dateline'] = 1;
  if (c.text.length <= 3) f['short'] = 1;
  const prev = c.tokStart > 0 && !sentStart ? text.slice(t.start[c.tokStart - 1], t.end[c.tokStart - 1]) : '';
  const next =
    c.tokEnd < t.count && t.sentence[c.tokEnd] === c.sentence ? text.slice(t.start[c.tokEnd], t.end[c.tokEnd]) : '';
  if (PREPS.has(prev.toLowerCase())) f[`prev:${prev.toLowerCase()}`] = 1;
  if (prev.toLowerCase() === 'the') f['prev:the'] = 1;
  if (/^\p{Lu}/u.test(prev)) f['prev:cap'] = 1;
  if (/^\p{Lu}/u.test(next)) f['next:cap'] = 1;
  if (next === ',') f['next:comma'] = 1;
  if (next === "'s" || next === '’s') f['next:poss'] = 1;
  if (lower.has(c.text.toLowerCase())) f['lower:elsewhere'] = 1;
  return f;
}

/** What the rest of the document says about where it is. */
export interface Context {
  /** ISO3 → explicit mentions of that country (by name, alternate name or abbreviation). */
  named: Map<string, number>;
  /** ISO3 → number of toponyms with any entry in that country. */
  votes: Map<string, number>;
  /** Admin1 key → number of toponyms naming that region. */
  admin1: Map<string, number>;
  /** Number of toponyms. */
  total: number;
  /** Entry of the dateline toponym (most populous reading), if any. */
  dateline: Entry | null;
  actorCountries: Set<string>;
  siteCountry: string | null;
}

/** The document context over the kept candidates. */
export function buildContext(doc: Doc, g: Gazetteer, kept: Candidate[]): Context {
  const ctx: Context = {
    named: new Map(),
    votes: new Map(),
    admin1: new Map(),
    total: kept.length,
    dateline: null,
    actorCountries: new Set(),
    siteCountry: null,
  };
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of kept) {
    const countries = new Set<string>();
    for (const h of c.hits) {
      const e = g.entry(h.entry);
      if (e.country) countries.add(e.country);
      if (e.feature === 'country' && h.kind !== 'demonym') inc(ctx.named, e.country);
      if (e.feature === 'admin1') inc(ctx.admin1, e.admin1Key);
    }
    for (const k of countries) inc(ctx.votes, k);
    if (c.dateline && !ctx.dateline) ctx.dateline = mostPopulous(g, c);
  }
  for (const m of doc.layers.mentions ?? [])
    if (m.country && g.countryEntry.has(m.country)) ctx.actorCountries.add(m.country);
  ctx.siteCountry = siteCountry(g, doc.source.url);
  return ctx;
}

/** The most populous reading of a candidate (countries and regions first: they are what a bare name means most). */
export function mostPopulous(g: Gazetteer, c: Candidate): Entry {
  let best = g.entry(c.hits[0].entry);
  for (const h of c.hits) {
    const e = g.entry(h.entry);
    if (e.pop > best.pop) best = e;
  }
  return best;
}

const GENERIC_TLD = new Set(['com', 'org', 'net', 'info', 'edu', 'gov', 'int', 'io', 'co', 'tv', 'me', 'news']);

/** Country of the site's country-code TLD (bbc.co.uk → GBR), or null. */
export function siteCountry(g: Gazetteer, url: string | null): string | null {
  if (!url) return null;
  const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  const tld = host?.split('.').pop();
  if (!tld || tld.length !== 2 || GENERIC_TLD.has(tld)) return null;
  return g.iso3.get(tld === 'uk' ? 'GB' : tld.toUpperCase()) ?? null;
}

/** Great-circle distance in km. */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Resolution features of entry `e` as the reading of candidate `c` (with its neighbours `prev`, `next`). */
export function resolveFeatures(
  g: Gazetteer,
  c: Candidate,
  hitKind: string,
  e: Entry,
  ctx: Context,
  near: { prev: Candidate | null; next: Candidate | null },
): Features {
  const f: Features = {};
  f[`feat:${e.feature}`] = 1;
  if (e.feature === 'city') f[`code:${/^PPLA[345]$/.test(e.code) ? 'PPLA3+' : e.code}`] = 1;
  f[`kind:${hitKind}`] = 1;
  f['pop'] = lp(e.pop);
  let maxPop = 0;
  for (const h of c.hits) maxPop = Math.max(maxPop, g.entry(h.entry).pop);
  f['popgap'] = lp(e.pop) - lp(maxPop);
  if (e.pop === maxPop) f['top'] = 1;
  if (c.text === e.name) f['exact'] = 1;
  // A region and a city of one name ("New York", "Washington"): how big the city is beside the region.
  let bigCity = 0,
    bigRegion = 0;
  for (const h of c.hits) {
    const o = g.entry(h.entry);
    if (o.feature === 'city') bigCity = Math.max(bigCity, o.pop);
    if (o.feature === 'admin1') bigRegion = Math.max(bigRegion, o.pop);
  }
  if (bigCity && bigRegion) {
    const ratio = Math.min(1, bigCity / bigRegion);
    if (e.feature === 'city') f['vsregion:city'] = ratio;
    if (e.feature === 'admin1') f['vsregion:region'] = ratio;
  }
  f['cands'] = Math.log(c.hits.length) / 5;
  if (e.country) {
    const self = c.hits.some((h) => g.entry(h.entry).country === e.country) ? 1 : 0;
    const selfNamed = e.feature === 'country' && hitKind !== 'demonym' ? 1 : 0;
    const named = (ctx.named.get(e.country) ?? 0) - selfNamed;
    if (named > 0) f['ctx:named'] = Math.log1p(named);
    const others = Math.max(1, ctx.total - 1);
    f['ctx:share'] = ((ctx.votes.get(e.country) ?? 0) - self) / others;
    if (ctx.actorCountries.has(e.country)) f['ctx:actor'] = 1;
    if (ctx.siteCountry === e.country) f['ctx:site'] = 1;
    if (ctx.dateline && ctx.dateline.country === e.country && !c.dateline) f['ctx:dateline'] = 1;
    if (e.country === 'USA') f['usa'] = 1;
  }
  if (e.admin1Key && e.feature !== 'admin1') {
    if ((ctx.admin1.get(e.admin1Key) ?? 0) > 0) f['ctx:admin1'] = 1;
  }
  if (ctx.dateline && !c.dateline && e.feature === 'city') {
    const d = km(e.lat, e.lon, ctx.dateline.lat, ctx.dateline.lon);
    f['ctx:dldist'] = Math.log10(d + 1) / 4;
  }
  // "Pandi, Bulacan": the next toponym is this entry's region or country; or the previous is a place inside it.
  if (near.next) {
    for (const h of near.next.hits) {
      const o = g.entry(h.entry);
      if (o.feature === 'admin1' && o.admin1Key === e.admin1Key && e.feature !== 'admin1') f['adj:region'] = 1;
      if (o.feature === 'country' && o.country === e.country && e.feature !== 'country') f['adj:country'] = 1;
    }
  }
  if (near.prev) {
    for (const h of near.prev.hits) {
      const o = g.entry(h.entry);
      if (e.feature === 'admin1' && o.admin1Key === e.admin1Key && o.feature === 'city') f['adj:inside'] = 1;
      if (e.feature === 'country' && o.country === e.country && o.feature !== 'country') f['adj:inside'] = 1;
    }
  }
  return f;
}
