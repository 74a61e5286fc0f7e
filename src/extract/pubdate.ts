/**
 * Publication-date ranking, in the manner of htmldate: every place a page states a date becomes a candidate
 * (JSON-LD datePublished/dateCreated, og/article published times, date metas, itemprop, `<time>` marked as
 * published / nearest the headline / in the article, script data, dates shown in the headline block and
 * labelled "Updated", date elements, the URL path), merged by day; the modification dates are context
 * (original vs updated). Each day gets features (its sources, agreement, whether it is the modified day,
 * the earliest or latest, the URL's agreement, precision) and a linear model trained listwise by train.ts
 * picks one. The value kept for a day is the most precise one stated (time and zone when given).
 * Weights: data/extract/date-ranker.json.
 */
import { loadJson } from '../doc/index.js';

export const DATE_SOURCES = [
  'ld',
  'og',
  'meta',
  'meta:other',
  'itemprop',
  'time:pub',
  'time:near',
  'time:article',
  'ld:created',
  'script',
  'shown:near',
  'shown',
  'shown:updated',
  'shown:page',
  'shown:published',
  'class',
  'url',
] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** One day stated somewhere on the page. */
export interface DateCandidate {
  day: string;
  /** The most precise value stated for the day. */
  value: string;
  sources: Set<DateSource>;
  /** First source it was added from (the trust order of the rules before the ranker). */
  first: DateSource;
  /** Insertion rank (0 = the old rules' first choice). */
  rank: number;
}

/** Page context for date features. */
export interface DateContext {
  /** Declared modification day, if any. */
  modified: string | null;
  urlDay: string | null;
}

/** Collects candidates, merged by day. */
export class DateCandidates {
  readonly list: DateCandidate[] = [];
  private byDay = new Map<string, DateCandidate>();

  add(value: string | null | undefined, source: DateSource): void {
    if (!value || !/^\d{4}-\d{2}/.test(value)) return;
    const day = value.slice(0, 10);
    let c = this.byDay.get(day);
    if (!c) {
      c = { day, value, sources: new Set(), first: source, rank: this.list.length };
      this.byDay.set(day, c);
      this.list.push(c);
    } else if (value.length > c.value.length) c.value = value;
    c.sources.add(source);
  }
}

const DECLARED: DateSource[] = ['ld', 'og', 'meta', 'itemprop', 'time:pub'];
const SHOWN: DateSource[] = ['shown:near', 'shown', 'shown:page'];

export const DATE_FEATURES = [
  ...DATE_SOURCES.map((s) => `src:${s}`),
  'bias',
  'sources',
  'declared-sources',
  'shown-sources',
  'first-rank',
  'is-modified-day',
  'modified-known',
  'earliest',
  'latest',
  'log-days-after-earliest',
  'after-modified',
  'url-agrees',
  'url-year-agrees',
  'has-time',
  'month-only',
  'candidates>1',
  'og-on-page',
] as const;

function days(a: string, b: string): number {
  const t = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s);
  const d = (t(a) - t(b)) / 86400000;
  return Number.isFinite(d) ? d : 0;
}

/** Feature vectors for one page's date candidates. */
export function dateFeatures(cands: DateCandidate[], ctx: DateContext): number[][] {
  const sorted = cands.map((c) => c.day).sort();
  const earliest = sorted[0];
  const latest = sorted[sorted.length - 1];
  const ogPage = cands.some((c) => c.sources.has('og'));
  return cands.map((c) => [
    ...DATE_SOURCES.map((s) => (c.sources.has(s) ? 1 : 0)),
    1,
    c.sources.size,
    DECLARED.filter((s) => c.sources.has(s)).length,
    SHOWN.filter((s) => c.sources.has(s)).length,
    Math.min(c.rank, 4) / 4,
    ctx.modified && ctx.modified === c.day ? 1 : 0,
    ctx.modified ? 1 : 0,
    c.day === earliest ? 1 : 0,
    c.day === latest ? 1 : 0,
    Math.log1p(Math.max(0, days(c.day, earliest))) / 5,
    ctx.modified && c.day > ctx.modified ? 1 : 0,
    ctx.urlDay && ctx.urlDay.length >= 10 && ctx.urlDay.slice(0, 10) === c.day ? 1 : 0,
    ctx.urlDay && ctx.urlDay.slice(0, 4) === c.day.slice(0, 4) ? 1 : 0,
    /T\d/.test(c.value) ? 1 : 0,
    c.day.length === 7 ? 1 : 0,
    cands.length > 1 ? 1 : 0,
    // Where the page declares an og/article published time, days that lack it are less likely (WCXB labels follow it more than a lone JSON-LD date).
    ogPage ? (c.sources.has('og') ? 1 : -1) : 0,
  ]);
}

/** A trained linear ranker (same form as the title model). */
export interface DateModel {
  version: string;
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
}

let model: DateModel | null = null;

/** The committed date model (loaded once). */
export function dateModel(): DateModel {
  if (!model) {
    const m = loadJson<DateModel>('extract', 'date-ranker.json');
    if (m.features.join(',') !== DATE_FEATURES.join(','))
      throw new Error('data/extract/date-ranker.json does not match the date features: run npm run train:extract');
    model = m;
  }
  return model;
}

/** Linear scores of feature vectors. */
export function scoreDates(xs: number[][], m: DateModel): number[] {
  return xs.map((x) => x.reduce((s, v, k) => s + m.weights[k] * ((v - m.mean[k]) / m.scale[k]), 0));
}

/** The best candidate, or null. */
export function rankDate(cands: DateCandidate[], ctx: DateContext, m: DateModel = dateModel()): DateCandidate | null {
  if (!cands.length) return null;
  const s = scoreDates(dateFeatures(cands, ctx), m);
  let best = 0;
  for (let i = 1; i < s.length; i++) if (s[i] > s[best]) best = i;
  return cands[best];
}
