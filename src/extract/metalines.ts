/**
 * Metadata lines inside a story's text: a "By Name" byline or a bare date line ("26 November 2015",
 * "Published 24 February 2022", "Updated 03/01/2020 14:05 GMT") at the top of the body repeats the
 * page's byline/date and is not body text. Shared by the HTML and plain-text paths.
 */
import { parseTextDate } from './dates.js';

/** Longest line treated as a byline or date line. */
const META_LINE_MAX = 120;
/** Blocks kept before this many body blocks count as "the top of the body". */
export const TOP_BLOCKS = 3;

/** "By Claire Dumont", "By A. Name and B. Name | Agency", "Von …", "Par …" (the name must be capitalised). */
const BYLINE =
  /^(?:[Bb]y|BY|[Ww]ritten by|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,5}(?:\s*(?:,|and|&|\||und|et|y|e)\s*[\p{L} .'’-]{2,40}){0,4}$/u;

/** Words that may stand around a date on a date line. */
const DATE_WORDS =
  /\b(published|updated|posted|last updated|first published|modified|date|on|at|de|of|am|pm|a\.m\.|p\.m\.|utc|gmt|[ecmp][sd]t|bst|cet|cest|ist|jst|aest|aedt|mon|tue|wed|thu|fri|sat|sun|(mon|tues|wednes|thurs|fri|satur|sun)day|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|st|nd|rd|th)\b/giu;

/** Is this a byline line ("By Name …")? */
export function isBylineLine(t: string): boolean {
  return t.length < META_LINE_MAX && BYLINE.test(t.trim());
}

/** The date of a line that holds only a date (with an optional label, weekday and time), or null. */
export function dateLineValue(t: string): string | null {
  const s = t.trim();
  if (s.length > 80) return null;
  const d = parseTextDate(s);
  if (!d) return null;
  // Nothing but date words, numbers and punctuation may remain.
  const rest = s.replace(DATE_WORDS, ' ').replace(/[\d\s.,:;/|()\-–—•·+]+/g, '');
  return rest.length === 0 ? d.iso : null;
}

/** Name tokens of a byline, for comparing a body line with the byline metadata. */
function nameTokens(s: string): Set<string> {
  return new Set(
    (s.toLowerCase().match(/\p{L}{2,}/gu) ?? []).filter((w) => !/^(by|and|von|par|por|di|written)$/.test(w)),
  );
}

/** Context for {@link isMetaLine}: how many body blocks precede the line, and the page's byline and date. */
export interface MetaLineContext {
  index: number;
  byline: string | null;
  published: string | null;
  modified?: string | null;
}

/** Is this body line a byline or date line that repeats metadata (or sits at the top of the body)? */
export function isMetaLine(t: string, ctx: MetaLineContext): boolean {
  if (t.length >= META_LINE_MAX) return false;
  const top = ctx.index < TOP_BLOCKS;
  if (isBylineLine(t)) {
    if (top) return true;
    const want = ctx.byline ? nameTokens(ctx.byline) : null;
    if (want?.size) {
      const got = nameTokens(t);
      let hit = 0;
      for (const w of want) if (got.has(w)) hit++;
      return hit / want.size >= 0.5;
    }
    return false;
  }
  const d = dateLineValue(t);
  if (!d) return false;
  if (top) return true;
  const day = d.slice(0, 10);
  return day === ctx.published?.slice(0, 10) || day === ctx.modified?.slice(0, 10);
}
