/**
 * CoNLL-U reading and writing. A sentence keeps its comment lines and
 * multiword/empty-node lines verbatim so output can reproduce the input's
 * tokens and sentences exactly; only the word lines' columns are refilled.
 */

/** One syntactic word of a CoNLL-U sentence (HEAD is 0-based word index, -1 for root). */
export interface Word {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A sentence: comments, words, and the extra lines (ranges, empty nodes) keyed by the word they precede. */
export interface ConlluSentence {
  comments: string[];
  words: Word[];
  /** Lines for multiword tokens / empty nodes, as [index of the next word, raw line]. */
  extra: [number, string][];
}

/** Parse CoNLL-U text into sentences. */
export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: [], words: [], extra: [] };
  const flush = (): void => {
    if (cur.words.length || cur.comments.length) out.push(cur);
    cur = { comments: [], words: [], extra: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      cur.comments.push(line);
      continue;
    }
    const c = line.split('\t');
    if (c[0].includes('-') || c[0].includes('.')) {
      cur.extra.push([cur.words.length, line]);
      continue;
    }
    while (c.length < 10) c.push('_');
    cur.words.push({
      form: c[1],
      lemma: c[2],
      upos: c[3],
      xpos: c[4],
      feats: c[5],
      head: c[6] === '_' ? -1 : Number(c[6]) - 1,
      deprel: c[7],
      deps: c[8],
      misc: c[9],
    });
  }
  flush();
  return out;
}

/** Serialise sentences back to CoNLL-U (each followed by a blank line). */
export function writeConllu(sents: ConlluSentence[]): string {
  const parts: string[] = [];
  for (const s of sents) {
    for (const c of s.comments) parts.push(c);
    let e = 0;
    s.words.forEach((w, i) => {
      while (e < s.extra.length && s.extra[e][0] <= i) parts.push(s.extra[e++][1]);
      parts.push(
        [
          i + 1,
          w.form,
          w.lemma || '_',
          w.upos || '_',
          w.xpos || '_',
          w.feats || '_',
          w.head + 1,
          w.deprel || '_',
          w.deps || '_',
          w.misc || '_',
        ].join('\t'),
      );
    });
    while (e < s.extra.length) parts.push(s.extra[e++][1]);
    parts.push('');
  }
  return parts.join('\n') + (parts.length ? '\n' : '');
}

/** Set `key=value` in a MISC column, replacing an existing value of that key. */
export function setMisc(misc: string, key: string, value: string): string {
  const items = misc && misc !== '_' ? misc.split('|').filter((x) => !x.startsWith(key + '=')) : [];
  items.push(`${key}=${value}`);
  return items.join('|');
}
