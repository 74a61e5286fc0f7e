/**
 * Event dates from text: explicit dates ("November 13", "4 October 2007",
 * "2015-11-26") and relative ones ("on Tuesday" = the Tuesday on or before the
 * document date, "yesterday", "today"), resolved against the document date.
 */
import { ENGLISH_MONTHS } from '../doc/index.js';

/** A date expression found in a sentence, resolved to an ISO day when possible. */
export interface DateExpr {
  start: number;
  end: number;
  /** YYYY-MM-DD. */
  iso: string;
  /** Relative expressions depend on the document date; explicit ones do not. */
  relative: boolean;
}

const MONTHS = ENGLISH_MONTHS;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const RE_MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const RE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const RE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const RE_WEEKDAY =
  /\b(?:(last|next|this|on|early|late)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;
const RE_DEICTIC = /\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b/gi;
/** How far past the document date an explicit month-day may fall before we read it as last year (days). */
const FUTURE_SLACK_DAYS = 60;

function toUtc(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days between two ISO days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86400000);
}

/** The document date as YYYY-MM-DD, from `published` metadata, or null. */
export function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return fromUtc(dt.getTime());
}

/** Resolve a month-day with no year to the year that puts it nearest before the document date. */
function inferYear(m: number, d: number, docDate: string | null): string | null {
  if (!docDate) return null;
  const y = +docDate.slice(0, 4);
  const same = valid(y, m, d);
  if (same && daysBetween(docDate, same) <= FUTURE_SLACK_DAYS) return same;
  return valid(y - 1, m, d);
}

/** Find and resolve the date expressions in `text` (a sentence), with offsets shifted by `base`. */
export function findDates(text: string, base: number, docDate: string | null): DateExpr[] {
  const out: DateExpr[] = [];
  const taken: [number, number][] = [];
  const push = (s: number, e: number, iso: string | null, relative: boolean): void => {
    if (!iso || taken.some(([a, b]) => s < b && e > a)) return;
    taken.push([s, e]);
    out.push({ start: base + s, end: base + e, iso, relative });
  };
  for (const m of text.matchAll(RE_ISO)) push(m.index!, m.index! + m[0].length, valid(+m[1], +m[2], +m[3]), false);
  for (const m of text.matchAll(RE_MDY)) {
    const mo = MONTHS[m[1].toLowerCase().replace('.', '')];
    // "May 5" is a date; "may" alone is a modal and never reaches here without a day number.
    const iso = m[3] ? valid(+m[3], mo, +m[2]) : inferYear(mo, +m[2], docDate);
    push(m.index!, m.index! + m[0].length, iso, !m[3]);
  }
  for (const m of text.matchAll(RE_DMY)) {
    const mo = MONTHS[m[2].toLowerCase().replace('.', '')];
    const iso = m[3] ? valid(+m[3], mo, +m[1]) : inferYear(mo, +m[1], docDate);
    push(m.index!, m.index! + m[0].length, iso, !m[3]);
  }
  if (docDate) {
    const docMs = toUtc(docDate);
    const docDow = new Date(docMs).getUTCDay();
    for (const m of text.matchAll(RE_WEEKDAY)) {
      const dow = WEEKDAYS.indexOf(m[2].toLowerCase());
      const q = (m[1] ?? '').toLowerCase();
      let back = (docDow - dow + 7) % 7;
      // "next Friday" looks forward; "last Friday" is never the publication day itself.
      if (q === 'next') back = -((dow - docDow + 7) % 7 || 7);
      else if (q === 'last' && back === 0) back = 7;
      const s = m.index! + (q && q !== 'next' && q !== 'last' ? m[0].length - m[2].length : 0);
      push(s, m.index! + m[0].length, fromUtc(docMs - back * 86400000), true);
    }
    for (const m of text.matchAll(RE_DEICTIC)) {
      const w = m[1].toLowerCase();
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      push(m.index!, m.index! + m[0].length, fromUtc(docMs + shift * 86400000), true);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
