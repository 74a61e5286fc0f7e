/**
 * Organisation names by their head word ("Housing Authority of New Orleans",
 * "J.M. Huber Corporation", "Georgetown University"): a run of capitalised words
 * holding a strong organisation head becomes ORG when the statistical NER left it
 * untagged, or tagged the whole run as a place or person while the run ends in
 * the head. The NER is trained on a draft file whose ORG recall is low
 * (UNER dev ORG recall 0.34 before this rule).
 */

/** Head words (lowercased) that make a capitalised run an organisation. */
const HEADS = new Set(
  (
    'inc inc. corp corp. corporation ltd ltd. llc plc company ministry department party council bank university college ' +
    'agency army front association institute foundation committee commission union federation organization organisation ' +
    'authority bureau parliament senate congress police navy league corps brigade brigades movement alliance coalition ' +
    'museum academy holdings industries orchestra'
  ).split(' '),
);
/** Lowercase words allowed inside a run when a capitalised word follows ("Bank of America"). */
const LINKS = new Set(['of', 'for', 'and', '&']);
/** Leading words left out of the span ("the Third Reich"). */
const LEADING = new Set(['the', 'a', 'an']);

/** Mark organisation-headed name runs as ORG (see the module comment); edits `ner` in place. */
export function headedOrgs(forms: string[], ner: string[]): void {
  const n = forms.length;
  const cap = (j: number): boolean => j < n && /^\p{Lu}/u.test(forms[j]);
  let i = 0;
  while (i < n) {
    if (!cap(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && (cap(j) || (LINKS.has(forms[j]) && cap(j + 1)))) j++;
    let start = i;
    while (start < j && LEADING.has(forms[start].toLowerCase())) start++;
    const run = forms.slice(start, j).map((f) => f.toLowerCase());
    const headAt = run.findIndex((w) => HEADS.has(w));
    const endsInHead = run.length > 0 && HEADS.has(run[run.length - 1]);
    // A lone head word ("Army", "Congress") is left to the model.
    if (headAt >= 0 && run.length > 1 && !run.every((w) => w === w.toUpperCase())) {
      const tags = ner.slice(start, j);
      // Places inside organisation names ("Housing Authority of New Orleans") are overridden.
      const allO = tags.every((t) => t === 'O' || t.endsWith('-LOC')) && tags.some((t) => t === 'O');
      const wholeOther =
        endsInHead && /^B-(LOC|PER)$/.test(tags[0]) && tags.slice(1).every((t) => t === 'I-' + tags[0].slice(2));
      const insideNeighbours =
        (start === 0 || !ner[start - 1].startsWith('I-')) && (j >= n || !ner[j].startsWith('I-'));
      if ((allO || wholeOther) && insideNeighbours) {
        ner[start] = 'B-ORG';
        for (let k = start + 1; k < j; k++) ner[k] = 'I-ORG';
      }
    }
    i = j;
  }
}
