/**
 * Rule-based tokenizer and sentence splitter for news English, UD-EWT style:
 * contractions split ("do|n't", "John|'s"), hyphenated compounds split except
 * after common prefixes, abbreviations and initials keep their period, URLs,
 * e-mails and numbers stay whole. Every token is a [start, end) range of the
 * original text; nothing is normalised away.
 */

/** A token as character offsets into the text. */
export interface Tok {
  start: number;
  end: number;
}

/** Abbreviations that keep their period (lowercased, without the final dot). */
const ABBREV = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr rep sen gov pres supt insp st jr sr rev hon fr messrs mmes ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vol vols p pp fig figs ch sec art para approx est dept univ assn corp inc ltd co bros ave blvd rd mt ft ' +
    'vs v etc al e.g i.e cf viz ca u.s u.k u.n e.u a.m p.m u.s.a n.y d.c l.a calif fla ill mass mich minn penn tenn tex va wash wis ' +
    'ariz ark colo conn del ga ind kan ky la md miss mo mont neb nev okla ore pa vt wyo ph.d m.d b.a m.a mln bln tel ext'
  ).split(' '),
);

/** Abbreviations that almost never end a sentence (titles, "No.", months before a day). */
const NO_BREAK_AFTER = new Set(
  'mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr rep sen gov pres supt insp st rev hon fr messrs no nos vol p pp fig ch sec art jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf vs v'.split(
    ' ',
  ),
);

/** Hyphen prefixes that UD EWT keeps attached ("e-mail", "co-workers"). */
const KEEP_HYPHEN_PREFIX = new Set(
  'e co pre post non semi re pro multi mid ex anti sub un vice socio psycho self inter intra counter over under cross ultra neo quasi bi tri micro macro'.split(
    ' ',
  ),
);

/** Words that start a new sentence after an ambiguous abbreviation like "U.S.". */
const SENT_STARTERS = new Set(
  'the a an he she it they we i you this that these those but and so yet however meanwhile in on at his her their its our there when while if as after before mr mrs ms dr'.split(
    ' ',
  ),
);

const URL_RE = /^(?:(?:https?|ftp):\/\/|www\.)[^\s—–]+|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/i;
const OPEN_PUNCT = '"\'“‘«([{¿¡`';
const CLOSE_PUNCT = '"\'”’»)]}.,;:!?…';
const DASHES = /^(?:—|–|--+)/;

/** Split off clitics from a word chunk (no punctuation at its edges): returns boundaries. */
function splitClitics(w: string, base: number, out: Tok[]): void {
  const lw = w.toLowerCase().replace(/’/g, "'");
  // n't: "don't" → do + n't, "can't" → ca + n't.
  let m = /n't$/.exec(lw);
  if (m && lw.length > 3) {
    const cut = w.length - 3;
    out.push({ start: base, end: base + cut }, { start: base + cut, end: base + w.length });
    return;
  }
  m = /'(s|re|ve|ll|d|m)$/.exec(lw);
  if (m && lw.length > m[0].length) {
    const cut = w.length - m[0].length;
    splitHyphens(w.slice(0, cut), base, out);
    out.push({ start: base + cut, end: base + w.length });
    return;
  }
  if (lw === 'cannot') {
    out.push({ start: base, end: base + 3 }, { start: base + 3, end: base + 6 });
    return;
  }
  if (lw === 'gonna' || lw === 'wanna' || lw === 'gotta') {
    out.push({ start: base, end: base + 3 }, { start: base + 3, end: base + 5 });
    return;
  }
  splitHyphens(w, base, out);
}

/** Split "search-engine" into search / - / engine, keeping prefixed forms and numbers whole. */
function splitHyphens(w: string, base: number, out: Tok[]): void {
  if (!w) return;
  const parts = w.split(/(-)/);
  if (
    parts.length === 1 ||
    /\d/.test(w) ||
    !/^[\p{L}-]+$/u.test(w) ||
    KEEP_HYPHEN_PREFIX.has(parts[0].toLowerCase()) ||
    parts.some((p) => p === '')
  ) {
    out.push({ start: base, end: base + w.length });
    return;
  }
  let off = base;
  for (const p of parts) {
    out.push({ start: off, end: off + p.length });
    off += p.length;
  }
}

function isAbbrev(w: string): boolean {
  const core = w.slice(0, -1).toLowerCase();
  if (ABBREV.has(core)) return true;
  // Initials and dotted acronyms: "J.", "U.S.", "a.k.a."
  if (/^(?:\p{L}\.)*\p{L}$/u.test(core) && (core.length === 1 || core.includes('.'))) return true;
  return false;
}

/** Tokenize one whitespace-free chunk starting at `base`. */
function tokenizeChunk(c: string, base: number, out: Tok[]): void {
  let s = 0;
  let e = c.length;
  const pre: Tok[] = [];
  const post: Tok[] = [];
  // Leading punctuation and dashes.
  for (;;) {
    if (s >= e) break;
    const d = DASHES.exec(c.slice(s, e));
    if (d) {
      pre.push({ start: base + s, end: base + s + d[0].length });
      s += d[0].length;
      continue;
    }
    if (
      OPEN_PUNCT.includes(c[s]) ||
      (c[s] === '$' && s + 1 < e) ||
      c[s] === '#' ||
      (c[s] === '@' && !/^@\w/.test(c.slice(s)))
    ) {
      pre.push({ start: base + s, end: base + s + 1 });
      s++;
      continue;
    }
    break;
  }
  const url = URL_RE.exec(c.slice(s, e));
  if (url) {
    let ue = s + url[0].length;
    while (ue > s && '.,;:!?)"\'”’'.includes(c[ue - 1])) ue--;
    out.push(...pre, { start: base + s, end: base + ue });
    tokenizeChunk(c.slice(ue), base + ue, out);
    return;
  }
  // Trailing punctuation; keep an abbreviation's period.
  for (;;) {
    if (e <= s) break;
    const tail = c.slice(s, e);
    if (tail.endsWith('...') || tail.endsWith('…')) {
      const k = tail.endsWith('…') ? 1 : /\.+$/.exec(tail)![0].length;
      post.unshift({ start: base + e - k, end: base + e });
      e -= k;
      continue;
    }
    const d = /(?:—|–|--+)$/.exec(tail);
    if (d && d[0].length < tail.length) {
      post.unshift({ start: base + e - d[0].length, end: base + e });
      e -= d[0].length;
      continue;
    }
    const ch = c[e - 1];
    if (ch === '.' && isAbbrev(tail)) break;
    if (CLOSE_PUNCT.includes(ch) || ch === '%') {
      // Plural possessive "parents'" keeps the apostrophe as its own token, like other closers.
      post.unshift({ start: base + e - 1, end: base + e });
      e--;
      continue;
    }
    break;
  }
  if (e > s) {
    const mid = c.slice(s, e);
    out.push(...pre);
    // Inner dashes and slashes between words: "war—and" → war / — / and.
    const inner = mid.split(/(—|–|--+)/);
    let off = s;
    for (const p of inner) {
      if (!p) continue;
      if (/^(?:—|–|--+)$/.test(p)) out.push({ start: base + off, end: base + off + p.length });
      else if (/^\d[\d,.]*$/.test(p) || /^\d/.test(p)) out.push({ start: base + off, end: base + off + p.length });
      else splitClitics(p, base + off, out);
      off += p.length;
    }
  } else out.push(...pre);
  out.push(...post);
}

/** Tokenize text[from, to) into tokens with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    tokenizeChunk(text.slice(m.index, end), m.index, out);
  }
  return out;
}

const FINAL = /^(?:[.!?]+|…|\.\.\.+)$/;
const CLOSER = /^["'”’)\]}»]+$/;

/**
 * Group tokens of one block into sentences; returns [tokenStart, tokenEnd) pairs.
 * A sentence ends at final punctuation (plus closing quotes/brackets) before a
 * capitalised word, digit or opening quote; at a line break after a line with no
 * verb-like length (headlines, list items); and after a dateline ("MOSCOW (AP) —").
 */
export function splitSentences(text: string, toks: Tok[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const w = (i: number): string => text.slice(toks[i].start, toks[i].end);
  for (let i = 0; i < toks.length; i++) {
    const tok = w(i);
    let end = -1;
    if (FINAL.test(tok)) {
      let j = i + 1;
      // Closing quotes/brackets belong to the sentence only when attached to it.
      while (j < toks.length && CLOSER.test(w(j)) && toks[j].start === toks[j - 1].end) j++;
      if (j >= toks.length) end = j;
      else {
        const next = w(j);
        if (/^[\p{Lu}\d"“‘'(\[]/u.test(next)) end = j;
        // A bare "." / "?" / "!" before a lowercase word still ends the sentence (web and
        // chat text); not after a closing quote ('"Why?" he asked') or an ellipsis.
        else if (
          j === i + 1 &&
          /^[.!?]+$/.test(tok) &&
          !/^\.\.+$/.test(tok) &&
          /^\p{Ll}/u.test(next) &&
          toks[j].start > toks[i].end
        )
          end = j;
      }
    } else if (tok.endsWith('.') && tok.length > 1 && i + 1 < toks.length) {
      // An abbreviation ends a sentence only before a clear sentence starter.
      const core = tok.slice(0, -1).toLowerCase();
      const next = w(i + 1);
      if (
        !NO_BREAK_AFTER.has(core) &&
        !/^(?:\p{L})$/u.test(core) &&
        SENT_STARTERS.has(next.toLowerCase()) &&
        /^\p{Lu}/u.test(next)
      )
        end = i + 1;
    }
    if (end < 0 && i + 1 < toks.length) {
      // A line break with a blank line or after a short line without final punctuation.
      const gap = text.slice(toks[i].end, toks[i + 1].start);
      if (/\n\s*\n/.test(gap)) end = i + 1;
      else if (gap.includes('\n') && !/[,;:]$/.test(tok) && /^[\p{Lu}\d"“•*-]/u.test(w(i + 1))) end = i + 1;
    }
    if (
      end < 0 &&
      i - start >= 1 &&
      i - start <= 6 &&
      (/^(?:—|–|--)$/.test(tok) || (tok === '-' && /\s/.test(text[toks[i].start - 1] ?? '')))
    ) {
      // Dateline: upper-case place name, optional (AGENCY), then a dash.
      const head = text.slice(toks[start].start, toks[i].start).trim();
      if (/^[\p{Lu}][\p{Lu}\s.,'-]*(?:\([^)]*\))?$/u.test(head)) end = i + 1;
    }
    if (end > 0) {
      out.push([start, end]);
      start = end;
      i = end - 1;
    }
  }
  if (start < toks.length) out.push([start, toks.length]);
  return out;
}
