/**
 * News-style person names after a title ("Secretary Antony Blinken", "Gen. Mark
 * Milley", "President Lula"): a run of capitalised proper nouns right after a
 * title word is a person when the statistical NER left it untagged. The NER is
 * trained on web text, where such titles are rare.
 */

/** Title words (lowercased) that introduce a person's name. */
const TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. dr dr. prof prof. president vice-president premier minister secretary senator sen. rep. representative ' +
    'congressman congresswoman gov. governor mayor general gen. lt. col. maj. capt. sgt. adm. admiral colonel major captain sergeant ' +
    'commander marshal king queen prince princess sheikh emir pope cardinal archbishop bishop rabbi imam chancellor ambassador ' +
    'envoy judge justice chairman chairwoman chief spokesman spokeswoman spokesperson ceo director commissioner lawmaker mp'
  ).split(' '),
);

/** Longest name run taken after a title. */
const MAX_NAME_TOKENS = 4;

/**
 * Mark title-introduced name runs as PER where every tag in the run is O; edits `ner` in place.
 * "Secretary of State Antony Blinken": after "<title> of", the name starts at the first known given name.
 */
export function titlePersons(
  forms: string[],
  upos: string[],
  ner: string[],
  isGivenName: (w: string) => boolean,
): void {
  const capProper = (j: number): boolean => upos[j] === 'PROPN' && /^\p{Lu}/u.test(forms[j]) && ner[j] === 'O';
  for (let i = 0; i + 1 < forms.length; i++) {
    if (!TITLES.has(forms[i].toLowerCase())) continue;
    let start = i + 1;
    if (forms[start] === 'of') {
      let j = start + 1;
      while (j < forms.length && capProper(j) && !isGivenName(forms[j])) j++;
      if (j >= forms.length || !capProper(j)) continue;
      start = j;
    }
    let end = start;
    while (end < forms.length && end - start < MAX_NAME_TOKENS && capProper(end)) end++;
    if (end === start) continue;
    ner[start] = 'B-PER';
    for (let k = start + 1; k < end; k++) ner[k] = 'I-PER';
    i = end - 1;
  }
}
