/**
 * Tuning of the extraction heuristics, as typed options with named defaults (they used to be read from
 * process.env inside library code). Each default cites the evaluation that chose it; evaluation and
 * ablation scripts pass overrides through `extract(input, { tuning })`.
 */

/** Main-content selection (content.ts). */
export interface ContentTuning {
  /** Votes fade by this factor per level past `decayFrom` levels, so tight containers beat distant wrappers. */
  decay: number;
  decayFrom: number;
  /** Climbing to a parent: at most `climbMax` levels, when it adds `climbGain` of the prose at `climbRatio` prose:furniture. */
  climbMax: number;
  climbGain: number;
  climbRatio: number;
  /** `<article>` elements under `teaserMaxChars` are teaser cards when at least `teaserMinCount` of them exist. */
  teaserMaxChars: number;
  teaserMinCount: number;
  /** A sibling joins the container when its own net vote reaches `siblingMin` characters and `siblingShare` of the container's. */
  siblingMin: number;
  siblingShare: number;
}

/** Metadata (meta.ts). */
export interface MetaTuning {
  /** Look for a publication date in script data (Next.js, analytics objects) when the markup declares none. */
  scriptDates: boolean;
  /** Words in a text node beyond which a date in it is part of a sentence, not the page's date. */
  shownMaxWords: number;
}

/** HTML parsing (dom.ts). */
export interface ParseTuning {
  /** Lower-case attribute names (htmlparser2 option). */
  lowercaseAttrs: boolean;
}

/** All tuning knobs. */
export interface Tuning {
  content: ContentTuning;
  meta: MetaTuning;
  parse: ParseTuning;
}

/** Defaults: content knobs tuned on AEB and checked on WCXB dev body F1; date knobs on WCXB dev (even half). */
export const DEFAULT_CONTENT: ContentTuning = Object.freeze({
  decay: 0.9,
  decayFrom: 1,
  climbMax: 6,
  climbGain: 0.4,
  climbRatio: 5,
  teaserMaxChars: 600,
  teaserMinCount: 3,
  siblingMin: 200,
  siblingShare: 0.2,
});

export const DEFAULT_META: MetaTuning = Object.freeze({ scriptDates: true, shownMaxWords: 12 });

export const DEFAULT_PARSE: ParseTuning = Object.freeze({ lowercaseAttrs: true });

export const DEFAULT_TUNING: Tuning = Object.freeze({
  content: DEFAULT_CONTENT,
  meta: DEFAULT_META,
  parse: DEFAULT_PARSE,
});

/** Overrides for some knobs of some groups. */
export type TuningOverrides = { [K in keyof Tuning]?: Partial<Tuning[K]> };

/** Defaults with overrides applied. */
export function resolveTuning(o: TuningOverrides | undefined): Tuning {
  if (!o) return DEFAULT_TUNING;
  return {
    content: { ...DEFAULT_CONTENT, ...o.content },
    meta: { ...DEFAULT_META, ...o.meta },
    parse: { ...DEFAULT_PARSE, ...o.parse },
  };
}
