/**
 * The news-dev gold (../shared/data/events/news-dev: whole articles hand-coded event by event) for training and
 * evaluation scripts: loading, the fixed train/test split of its articles, and labelling a predicted event the way
 * ../shared/scorers/news_events_score.mjs matches it (sentence alignment by text, type or alt type, actor country).
 * Scripts only: never imported by the stage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sharedRoot } from '../doc/resources.js';

/** A party of a gold event: text (null = clear from context) and codes ([] = named without a code). */
export interface GoldParty {
  text: string | null;
  codes: string[];
}

/** One gold event. */
export interface GoldEvent {
  id: string;
  sentence: number;
  type: string;
  alt_types: string[];
  actor: GoldParty | null;
  recipient: GoldParty | null;
  strength: 'must' | 'may';
  historical: boolean;
}

/** One gold article with its sentences (tokenised for alignment) and events. */
export interface GoldArticle {
  article: string;
  path: string;
  set: string;
  date: string;
  url: string | null;
  topic?: string;
  sentences: { i: number; text: string; annotated: boolean; headline?: boolean; toks: string[] }[];
  events: GoldEvent[];
  split: 'train' | 'test';
}

/**
 * The fixed split of news-dev articles: sha256(article id)'s first byte < 140 → train (21 articles, 139 must events),
 * else test (14 articles, 106 must). Rules, features and thresholds are chosen on train; test is looked at only to
 * report.
 */
export function newsSplit(article: string): 'train' | 'test' {
  return createHash('sha256').update(article).digest()[0] < 140 ? 'train' : 'test';
}

/** The folder of the news-dev set, or null without ../shared. */
export function newsDevDir(): string | null {
  const r = sharedRoot();
  return r ? join(r, 'data', 'events', 'news-dev') : null;
}

/** Text normalisation as the scorer does it. */
export function norm(s: string): string {
  return (s || '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens of a normalised text. */
export function toks(s: string): string[] {
  return norm(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function longestRun(a: string[], b: string[]): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1] + 1;
        if (cur[j] > best) best = cur[j];
      }
    }
    prev = cur;
  }
  return best;
}

/** Does a predicted sentence align with a gold one (containment either way, or a shared run ≥ 60 %, ≥ 4 tokens)? */
export function aligns(pt: string[], gt: string[]): boolean {
  if (!pt.length || !gt.length) return false;
  const ps = ' ' + pt.join(' ') + ' ';
  const gs = ' ' + gt.join(' ') + ' ';
  if (ps.includes(gs) || gs.includes(ps)) return true;
  const run = longestRun(pt, gt);
  return run >= 4 && run >= 0.6 * Math.min(pt.length, gt.length);
}

/** Load the gold (gold.jsonl by default; `blind` for gold-blind.jsonl). */
export function loadNewsDev(blind = false): GoldArticle[] {
  const dir = newsDevDir();
  if (!dir) throw new Error('no ../shared');
  const lines = readFileSync(join(dir, blind ? 'gold-blind.jsonl' : 'gold.jsonl'), 'utf8').split('\n');
  const arts = new Map<string, GoldArticle>();
  for (const l of lines) {
    if (!l.trim()) continue;
    const r = JSON.parse(l);
    if (r.kind === 'article') {
      const sentences = (r.sentences as GoldArticle['sentences']).map((s) => ({ ...s, toks: toks(s.text) }));
      arts.set(r.article, { ...r, sentences, events: [], split: newsSplit(r.article) });
    } else if (r.kind === 'event') arts.get(r.article)!.events.push(r as GoldEvent);
  }
  return [...arts.values()];
}

const V2: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
  YIELD: 'CONCEDE',
};

/** A predicted event reduced to what matching needs. */
export interface PredEvent {
  sentence: string;
  type: string;
  /** Countries of the predicted actors ('' when a party has none). */
  actorCountries: string[];
}

/** How a predicted event fares against the gold of its article. */
export type Label = 'match' | 'wrong' | 'off-text' | 'unannotated';

/** The gold sentences a predicted sentence aligns with. */
export function alignedSentences(a: GoldArticle, sentence: string): GoldArticle['sentences'] {
  const pt = toks(sentence);
  return a.sentences.filter((s) => aligns(pt, s.toks));
}

/**
 * Label one prediction as the scorer would before its one-to-one assignment: a match needs an aligned annotated
 * sentence holding a gold event of the same type (or alt type) whose actor has no code, or shares a country with a
 * predicted actor.
 */
export function labelPrediction(a: GoldArticle, p: PredEvent): Label {
  const al = alignedSentences(a, p.sentence);
  if (!al.length) return 'off-text';
  const ann = al.filter((s) => s.annotated);
  if (!ann.length) return 'unannotated';
  const t = V2[p.type] ?? p.type;
  const ids = new Set(ann.map((s) => s.i));
  const ok = a.events.some(
    (g) =>
      ids.has(g.sentence) &&
      [g.type, ...(g.alt_types ?? [])].includes(t) &&
      (!g.actor?.codes?.length || g.actor.codes.some((c) => p.actorCountries.includes(c.slice(0, 3)))),
  );
  return ok ? 'match' : 'wrong';
}
