/**
 * Lemmatiser: a dictionary of exceptions learned from the treebank plus
 * suffix-rewrite rules per XPOS ("-ies" → "-y" for NNS), keeping case for proper nouns.
 */

/** Learned lemmatiser data. */
export interface LemmaMeta {
  /** "lower\tXPOS" → lemma, only where the rules get it wrong. */
  dict: Record<string, string>;
  /** XPOS → suffix → "strip,add" (most frequent rewrite for that suffix). */
  rules: Record<string, Record<string, string>>;
}

const MAX_SUFFIX = 5;
/** Minimum count for a suffix rule to be kept (rarer suffixes defer to shorter ones). */
const MIN_RULE_COUNT = 2;

function editOf(from: string, to: string): string {
  let p = 0;
  while (p < from.length && p < to.length && from[p] === to[p]) p++;
  return `${from.length - p},${to.slice(p)}`;
}

function applyEdit(form: string, edit: string): string {
  const c = edit.indexOf(',');
  const strip = Number(edit.slice(0, c));
  if (strip > form.length) return form;
  return form.slice(0, form.length - strip) + edit.slice(c + 1);
}

function keepsCase(xpos: string): boolean {
  return xpos === 'NNP' || xpos === 'NNPS';
}

/** Per model: form → its lemmas so far as [xpos, lemma, xpos, lemma, ...] (most forms take one or two tags). */
const memo = new WeakMap<LemmaMeta, Map<string, string[]>>();
/** Forms kept per model before the memo is reset (bounds memory on long runs). */
const MEMO_MAX = 200000;

/** Lemma of `form` tagged `xpos`, memoised (news repeats its words; the key is the form, no string is built). */
export function lemmatize(meta: LemmaMeta, form: string, xpos: string): string {
  let m = memo.get(meta);
  if (!m || m.size > MEMO_MAX) memo.set(meta, (m = new Map()));
  let pairs = m.get(form);
  if (pairs === undefined) m.set(form, (pairs = []));
  for (let j = 0; j < pairs.length; j += 2) if (pairs[j] === xpos) return pairs[j + 1];
  const v = lemmatizeRaw(meta, form, xpos);
  pairs.push(xpos, v);
  return v;
}

/** Lemma of `form` tagged `xpos` using learned rules and exceptions. */
export function lemmatizeRaw(meta: LemmaMeta, form: string, xpos: string): string {
  const lower = form.toLowerCase();
  const key = lower + '\t' + xpos;
  // Own keys only, so words such as "constructor" never find Object.prototype's members.
  const hit = Object.hasOwn(meta.dict, key) ? meta.dict[key] : undefined;
  if (hit !== undefined) return hit;
  const base = keepsCase(xpos) ? form : lower;
  const r = meta.rules[xpos];
  if (r) {
    for (let k = Math.min(MAX_SUFFIX, lower.length); k >= 0; k--) {
      const suf = lower.slice(lower.length - k);
      const e = Object.hasOwn(r, suf) ? r[suf] : undefined;
      if (e !== undefined) return applyEdit(base, e);
    }
  }
  return base;
}

/** Learn rules and exceptions from (form, xpos, upos, lemma) examples. */
export function trainLemmatizer(items: [string, string, string, string][]): LemmaMeta {
  const counts = new Map<string, Map<string, number>>();
  for (const [form, xpos, , lemma] of items) {
    const lower = form.toLowerCase();
    const base = keepsCase(xpos) ? form : lower;
    const edit = editOf(base, lemma);
    for (let k = 0; k <= Math.min(MAX_SUFFIX, lower.length); k++) {
      const key = xpos + '\t' + lower.slice(lower.length - k);
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(edit, (m.get(edit) ?? 0) + 1);
    }
  }
  const rules: Record<string, Record<string, string>> = {};
  for (const [key, m] of counts) {
    let best = '';
    let bc = 0;
    let total = 0;
    for (const [e, c] of m) {
      total += c;
      if (c > bc || (c === bc && e < best)) {
        best = e;
        bc = c;
      }
    }
    if (total < MIN_RULE_COUNT) continue;
    const [xpos, suf] = key.split('\t');
    (rules[xpos] ??= {})[suf] = best;
  }
  const meta: LemmaMeta = { dict: {}, rules };
  const seen = new Map<string, Map<string, number>>();
  for (const [form, xpos, , lemma] of items) {
    const key = form.toLowerCase() + '\t' + xpos;
    let m = seen.get(key);
    if (!m) seen.set(key, (m = new Map()));
    m.set(lemma, (m.get(lemma) ?? 0) + 1);
  }
  for (const [key, m] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [lower, xpos] = key.split('\t');
    let best = '';
    let bc = 0;
    for (const [l, c] of m) if (c > bc || (c === bc && l < best)) [best, bc] = [l, c];
    const form = keepsCase(xpos) ? null : lower;
    // Only store exceptions; proper-noun casing varies per token so those stay rule-based.
    if (form !== null && lemmatizeRaw({ dict: {}, rules }, lower, xpos) !== best) meta.dict[key] = best;
  }
  return meta;
}
