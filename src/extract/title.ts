/**
 * Title ranking. Every place a page states its headline becomes a candidate — the `<h1>`s, JSON-LD
 * `headline`, `og:title`, `twitter:title`, `itemprop=headline`, meta titles, `<title>` raw and with the site
 * name cut, the first `<h2>`s, and cut variants (an h1's " | suffix", a date or "Label:" kicker) — merged
 * when they read the same. Each distinct text gets features (which sources state it, how the others agree
 * with it, position, length, overlap with the body start and the URL slug, the site name) and a linear
 * model trained listwise (softmax over a page's candidates) by train.ts picks the best one. Weights are in
 * data/extract/title-ranker.json.
 */
import { loadJson } from '../doc/index.js';

/** Where a candidate text was stated. */
export const TITLE_SOURCES = [
  'h1',
  'h1:first',
  'h1:article',
  'h1:cut',
  'h1:kicker',
  'ld',
  'og',
  'twitter',
  'itemprop',
  'meta',
  'title',
  'title:clean',
  'declared:clean',
  'h2',
] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** One distinct candidate text with every source that states it. */
export interface TitleCandidate {
  text: string;
  key: string;
  sources: Set<TitleSource>;
  /** Document order of the first element stating it (h1/h2), or -1 for metadata. */
  order: number;
}

/** Page context the features look at. */
export interface TitleContext {
  siteName: string | null;
  url: string | null;
  /** Start of the page's prose (first paragraphs), for overlap. */
  bodyStart: string;
  h1Count: number;
}

/** Normalise for comparing titles: Unicode form, quotes, dashes, whitespace (the evaluation's exact match). */
export function normExact(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Collects candidates, merging texts that read the same. */
export class TitleCandidates {
  readonly list: TitleCandidate[] = [];
  private byKey = new Map<string, TitleCandidate>();

  add(text: string | null | undefined, source: TitleSource, order = -1): void {
    const t = (text ?? '').replace(/\s+/g, ' ').trim();
    if (t.length < 2 || t.length > 300) return;
    const key = normExact(t);
    let c = this.byKey.get(key);
    if (!c) {
      c = { text: t, key, sources: new Set(), order };
      this.byKey.set(key, c);
      this.list.push(c);
    }
    c.sources.add(source);
    if (order >= 0 && (c.order < 0 || order < c.order)) c.order = order;
  }
}

/** Feature names, in vector order (the model file lists them too, and must match). */
export const TITLE_FEATURES = [
  ...TITLE_SOURCES.map((s) => `src:${s}`),
  'bias',
  'sources',
  'declared-sources',
  'is-prefix-of-other',
  'extends-other',
  'max-overlap-other',
  'mean-overlap-declared',
  'log-chars',
  'words<=3',
  'words>=15',
  'all-caps',
  'has-bar',
  'has-separator',
  'ends-sentence',
  'site-name-equal',
  'site-name-inside',
  'url-overlap',
  'body-overlap',
  'body-contains',
  'multi-h1',
  'element-rank',
  'lowercase-start',
  'date-or-label-start',
] as const;

const DECLARED: TitleSource[] = ['ld', 'og', 'twitter', 'itemprop', 'meta'];
const SEPARATOR = /\s(?:[–—:•·»]|-|::)\s/;

function overlap(a: string[], b: Set<string>): number {
  return a.length ? a.filter((w) => b.has(w)).length / a.length : 0;
}

function slugWords(url: string | null): Set<string> {
  if (!url) return new Set();
  try {
    return new Set(words(decodeURIComponent(new URL(url).pathname)));
  } catch {
    return new Set();
  }
}

/** Feature vectors for the candidates of one page. */
export function titleFeatures(cands: TitleCandidate[], ctx: TitleContext): number[][] {
  const ws = cands.map((c) => words(c.text));
  const sets = ws.map((w) => new Set(w));
  const keysLow = cands.map((c) => c.key.toLowerCase());
  const site = ctx.siteName ? words(ctx.siteName).join(' ') : '';
  const slug = slugWords(ctx.url);
  const body = new Set(words(ctx.bodyStart));
  const bodyLow = normExact(ctx.bodyStart).toLowerCase();
  const elementOrders = [...new Set(cands.filter((c) => c.order >= 0).map((c) => c.order))].sort((a, b) => a - b);
  const declaredIdx = cands.map((c, i) => (DECLARED.some((s) => c.sources.has(s)) ? i : -1)).filter((i) => i >= 0);
  return cands.map((c, i) => {
    const w = ws[i];
    const low = keysLow[i];
    let prefixOf = 0;
    let extendsOther = 0;
    let maxOv = 0;
    for (let j = 0; j < cands.length; j++) {
      if (j === i) continue;
      if (keysLow[j].startsWith(low) && keysLow[j].length > low.length) prefixOf++;
      if (low.startsWith(keysLow[j]) && low.length > keysLow[j].length) extendsOther++;
      maxOv = Math.max(maxOv, overlap(w, sets[j]));
    }
    const decl = declaredIdx.filter((j) => j !== i);
    const meanDecl = decl.length ? decl.reduce((n, j) => n + overlap(w, sets[j]), 0) / decl.length : 0;
    const text = c.text;
    const src = TITLE_SOURCES.map((s) => (c.sources.has(s) ? 1 : 0));
    const joined = w.join(' ');
    return [
      ...src,
      1,
      c.sources.size,
      DECLARED.filter((s) => c.sources.has(s)).length,
      Math.min(prefixOf, 3),
      Math.min(extendsOther, 3),
      maxOv,
      meanDecl,
      Math.log1p(text.length) / 5,
      w.length <= 3 ? 1 : 0,
      w.length >= 15 ? 1 : 0,
      /\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text) ? 0 : 1,
      / \| /.test(text) ? 1 : 0,
      SEPARATOR.test(text) ? 1 : 0,
      /[.!?]$/.test(text) && w.length > 12 ? 1 : 0,
      site && joined === site ? 1 : 0,
      site && joined !== site && joined.includes(site) ? 1 : 0,
      overlap(w, slug),
      overlap(w, body),
      bodyLow.includes(low) ? 1 : 0,
      ctx.h1Count > 1 ? 1 : 0,
      c.order >= 0 ? Math.min(elementOrders.indexOf(c.order), 3) / 3 : 1,
      /^\p{Ll}/u.test(text) ? 1 : 0,
      /^(\d{1,4}[./-]|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)|^[\p{L}\d ]{2,25}:\s/iu.test(text)
        ? 1
        : 0,
    ];
  });
}

/** A trained linear ranker: features are standardised by mean/scale, then weighted. */
export interface TitleModel {
  version: string;
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
}

let model: TitleModel | null = null;

/** The committed title model (loaded once). */
export function titleModel(): TitleModel {
  if (!model) {
    const m = loadJson<TitleModel>('extract', 'title-ranker.json');
    if (m.features.join(',') !== TITLE_FEATURES.join(','))
      throw new Error('data/extract/title-ranker.json does not match the title features: run npm run train:extract');
    model = m;
  }
  return model;
}

/** Linear scores of feature vectors under a model. */
export function scoreVectors(xs: number[][], m: TitleModel): number[] {
  return xs.map((x) => x.reduce((s, v, k) => s + m.weights[k] * ((v - m.mean[k]) / m.scale[k]), 0));
}

/** The best candidate, or null when there are none. */
export function rankTitle(
  cands: TitleCandidate[],
  ctx: TitleContext,
  m: TitleModel = titleModel(),
): TitleCandidate | null {
  if (!cands.length) return null;
  const s = scoreVectors(titleFeatures(cands, ctx), m);
  let best = 0;
  for (let i = 1; i < s.length; i++) if (s[i] > s[best]) best = i;
  return cands[best];
}
