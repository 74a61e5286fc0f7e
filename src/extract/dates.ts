/**
 * Date parsing for metadata: ISO 8601 and RFC forms from markup, English month-name dates
 * from visible text and datelines, and dates in URL paths. Results are ISO strings: `YYYY-MM-DD`
 * for date-only values, with time and zone when the source gives them.
 */
import { ENGLISH_MONTHS } from '../doc/index.js';

const MONTHS: Record<string, number> = {
  ...ENGLISH_MONTHS,
  // A few other languages' month names, as seen on international news sites.
  januar: 1,
  janvier: 1,
  enero: 1,
  gennaio: 1,
  februar: 2,
  février: 2,
  fevrier: 2,
  febrero: 2,
  febbraio: 2,
  märz: 3,
  mars: 3,
  marzo: 3,
  avril: 4,
  abril: 4,
  aprile: 4,
  mai: 5,
  mayo: 5,
  maggio: 5,
  juni: 6,
  juin: 6,
  junio: 6,
  giugno: 6,
  juli: 7,
  juillet: 7,
  julio: 7,
  luglio: 7,
  août: 8,
  aout: 8,
  agosto: 8,
  septembre: 9,
  septiembre: 9,
  settembre: 9,
  oktober: 10,
  octobre: 10,
  octubre: 10,
  ottobre: 10,
  novembre: 11,
  noviembre: 11,
  dezember: 12,
  décembre: 12,
  decembre: 12,
  diciembre: 12,
  dicembre: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Earliest and latest years we accept as publication dates. */
const MIN_YEAR = 1995;
const MAX_YEAR = new Date().getUTCFullYear() + 1;

function validYmd(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Parse a machine-readable date (ISO 8601, RFC 2822, compact) into ISO form, or null. */
export function parseMachineDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?/i.exec(
      s,
    );
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validYmd(y, mo, d)) return null;
    let out = ymd(y, mo, d);
    if (m[4] !== undefined) {
      const hh = Number(m[4]);
      const mi = Number(m[5]);
      if (hh > 23 || mi > 59) return out;
      out += `T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
      const z = m[7];
      if (z) {
        if (/^(z|utc|gmt)$/i.test(z)) out += 'Z';
        else {
          const zz = z.replace(':', '');
          out += `${zz.slice(0, 3)}:${zz.length > 3 ? zz.slice(3, 5) : '00'}`;
        }
      }
    }
    return out;
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m && validYmd(+m[1], +m[2], +m[3])) return ymd(+m[1], +m[2], +m[3]);
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    if (d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR) return d.toISOString().replace('.000Z', 'Z');
  }
  return parseTextDate(s)?.iso ?? null;
}

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|janvier|enero|gennaio|februar|f[ée]vrier|febrero|febbraio|m[äa]rz|mars|marzo|avril|abril|aprile|mai|mayo|maggio|juni|juin|junio|giugno|juli|juillet|julio|luglio|ao[uû]t|agosto|septembre|septiembre|settembre|oktober|octobre|octubre|ottobre|novembre|noviembre|dezember|d[ée]cembre|diciembre|dicembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro)';
const TIME_RE =
  '(?:(?:,|\\s+at|\\s*[-–|•])?\\s*(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:\\(?\\s*(UTC|GMT|Z|[ECMP][SD]T|BST|CET|CEST|IST|JST|AEST|AEDT)?\\s*([+-]\\d{1,2}(?::?\\d{2})?)?\\)?))?';
const MDY = new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_RE}`, 'i');
const DMY = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s+(?:of\\s+|de\\s+)?${MONTH_RE}\\.?,?\\s+(?:de\\s+)?(\\d{4})${TIME_RE}`,
  'i',
);
/** Year first with a month name: "2023 Jan 7" (PubMed/citation metadata), "2015. november 26." */
const YMD_NAME = new RegExp(`\\b(\\d{4})\\.?\\s+${MONTH_RE}\\.?\\s+(\\d{1,2})\\b`, 'i');
const NUMERIC = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const NUM_DMY = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;

const ZONES: Record<string, string> = {
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  ist: '+05:30',
  jst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00',
};

function withTime(
  date: string,
  hh?: string,
  mi?: string,
  ss?: string,
  ampm?: string,
  zone?: string,
  off?: string,
): string {
  if (hh === undefined || mi === undefined) return date;
  let h = Number(hh);
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  if (h > 23 || Number(mi) > 59) return date;
  let out = `${date}T${pad(h)}:${mi}:${ss ?? '00'}`;
  if (off) {
    const o = off.replace(':', '');
    const sign = o[0];
    const digits = o.slice(1);
    const hhO = digits.length <= 2 ? digits : digits.slice(0, digits.length - 2);
    const mmO = digits.length <= 2 ? '00' : digits.slice(-2);
    out += `${sign}${pad(Number(hhO))}:${mmO}`;
  } else if (zone && ZONES[zone.toLowerCase()]) out += ZONES[zone.toLowerCase()];
  return out;
}

/** Find the first human-written date in a string (`monthFirst` reads 03/04/2025 as March 4) ("November 26, 2015", "26 Nov 2015 10:00 GMT", "2015/11/26"). */
export function parseTextDate(s: string, monthFirst = false): { iso: string; index: number } | null {
  let best: { iso: string; index: number } | null = null;
  const consider = (iso: string | null, index: number) => {
    if (iso && (!best || index < best.index)) best = { iso, index };
  };
  let m = MDY.exec(s);
  if (m) {
    const mo = MONTHS[m[1].toLowerCase().replace(/\.$/, '')] ?? MONTHS[m[1].toLowerCase().slice(0, 3)];
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (mo && validYmd(y, mo, d)) consider(withTime(ymd(y, mo, d), m[4], m[5], m[6], m[7], m[8], m[9]), m.index);
  }
  m = DMY.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()] ?? MONTHS[m[2].toLowerCase().slice(0, 3)];
    const d = Number(m[1]);
    const y = Number(m[3]);
    if (mo && validYmd(y, mo, d)) consider(withTime(ymd(y, mo, d), m[4], m[5], m[6], m[7], m[8], m[9]), m.index);
  }
  m = YMD_NAME.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()] ?? MONTHS[m[2].toLowerCase().slice(0, 3)];
    if (mo && validYmd(+m[1], mo, +m[3])) consider(ymd(+m[1], mo, +m[3]), m.index);
  }
  m = NUMERIC.exec(s);
  if (m && validYmd(+m[1], +m[2], +m[3])) consider(ymd(+m[1], +m[2], +m[3]), m.index);
  m = NUM_DMY.exec(s);
  if (m) {
    // Day-first unless the page is US English or day-first is impossible (dd/mm is the common form outside the US).
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    const [d1, m1, d2, m2] = monthFirst ? [b, a, a, b] : [a, b, b, a];
    if (validYmd(y, m1, d1)) consider(ymd(y, m1, d1), m.index);
    else if (validYmd(y, m2, d2)) consider(ymd(y, m2, d2), m.index);
  }
  return best;
}

/** A month-day date without a year ("Nov 26", "Thursday, 26 November") resolved against a known year, or null. */
export function parseMonthDay(s: string, year: number): string | null {
  const m = new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})\\b`, 'i').exec(s) ?? null;
  if (m) {
    const mo = MONTHS[m[1].toLowerCase()] ?? MONTHS[m[1].toLowerCase().slice(0, 3)];
    if (mo && validYmd(year, mo, +m[2])) return ymd(year, mo, +m[2]);
  }
  return null;
}

/** A line that is only a month and year ("November 2015", "Nov. 2015") → `YYYY-MM`, or null. */
export function parseMonthYearLine(s: string): string | null {
  const m = new RegExp(`^${MONTH_RE}\\.?,?\\s+(\\d{4})$`, 'i').exec(s.trim());
  if (!m) return null;
  const mo = MONTHS[m[1].toLowerCase()] ?? MONTHS[m[1].toLowerCase().slice(0, 3)];
  return mo && validYmd(+m[2], mo, 1) ? `${m[2]}-${pad(mo)}` : null;
}

/** A date in a URL path (`/2019/11/19/`, `/2019-11-19`, `/20191119`), or null. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  let m = /(?:^|\/|[-_])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:\/|[-_.]|$)/.exec(path);
  if (m && validYmd(+m[1], +m[2], +m[3])) return ymd(+m[1], +m[2], +m[3]);
  m = /(?:^|\/|[-_])((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|[-_.]|$)/.exec(path);
  if (m && validYmd(+m[1], +m[2], +m[3])) return ymd(+m[1], +m[2], +m[3]);
  // Month names in the path: /2023/october/03/, /2023/oct/03/.
  m = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?:\/|$)/i.exec(path);
  const mo = m ? (MONTHS[m[2].toLowerCase()] ?? MONTHS[m[2].toLowerCase().slice(0, 3)]) : undefined;
  if (m && mo && validYmd(+m[1], mo, +m[3])) return ymd(+m[1], mo, +m[3]);
  return null;
}

/** The year of a URL path date like `/2019/11/`, for resolving month-day datelines. */
export function yearFromUrl(url: string | null | undefined): number | null {
  const m = url ? /\/((?:19|20)\d{2})\/(\d{1,2})\//.exec(url) : null;
  return m ? Number(m[1]) : null;
}
