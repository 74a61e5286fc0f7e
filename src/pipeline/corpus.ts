/**
 * Distinct news pages made from a few real ones, for `bench:pipeline`: copy `k` of a page gets one short sentence,
 * different in each copy and paragraph, appended to every paragraph (`</p>`), so every copy extracts to a different
 * text (a different document id) while keeping the page's structure, language and events.
 */

const SUBJECTS = ['The agency', 'A spokesman', 'The ministry', 'Local officials', 'The committee', 'Observers'];
const VERBS = ['noted', 'reported', 'confirmed', 'added', 'recalled', 'stressed'];
const OBJECTS = ['the figures', 'the schedule', 'the statement', 'the details', 'the timetable', 'the record'];

/** The sentence appended to paragraph `j` of copy `k`: unique per (k, j), plain English, no named actors. */
export function copySentence(k: number, j: number): string {
  const a = SUBJECTS[k % SUBJECTS.length];
  const b = VERBS[(k + j) % VERBS.length];
  const c = OBJECTS[j % OBJECTS.length];
  return ` ${a} ${b} ${c} in note ${k + 1}.${j + 1}.`;
}

/** Copy `k` of an HTML page: {@link copySentence} before each closing `</p>`. A page without `</p>` gets one at the end. */
export function distinctCopy(html: string, k: number): string {
  let j = 0;
  const out = html.replace(/<\/p\s*>/gi, (m) => copySentence(k, j++) + m);
  return j > 0 ? out : out.replace(/<\/body\s*>|$/i, (m) => `<p>${copySentence(k, 0)}</p>${m}`);
}
