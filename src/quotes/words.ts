/** The closed English word lists of quote attribution, from data/quotes/words.json, loaded once and checked. */
import { loadJson } from '../doc/resources.js';

/** List names in data/quotes/words.json (each a list of lower-case words; see the file's comment). */
const LISTS = [
  'between',
  'weekdays',
  'timeNouns',
  'timeLead',
  'pronouns',
  'subjectPronouns',
  'relativePronouns',
  'npStop',
  'npPrepositions',
  'possessivePronouns',
  'determinerPronouns',
  'verbsAfterName',
  'be',
  'tailOpeners',
  'frontedOpeners',
  'headlineNameJoiners',
  'leadingConjunctions',
  'modals',
  'passiveAdverbs',
  'passiveCueEndings',
  'clauseOpeners',
  'callForms',
  'determinersBeforeName',
  'wordsBeforeNoun',
  'determinersBeforeAdverb',
  'personPronouns',
  'groupPronouns',
  'abbreviations',
] as const;

/** The word lists as sets, plus the regular expressions built from them. */
export type QuoteWords = Record<(typeof LISTS)[number], Set<string>> & {
  /** A cue form ending like a participle or a reporting verb ("reported", "told", "known"): passive speech. */
  passiveCueEnding: RegExp;
  /** A person pronoun, any case. */
  personPronoun: RegExp;
  /** A group pronoun, any case. */
  groupPronoun: RegExp;
};

let cached: QuoteWords | null = null;

/** Load data/quotes/words.json (once); throws naming the list when one is missing or not a list of strings. */
export function quoteWords(): QuoteWords {
  if (cached) return cached;
  const file = loadJson<Record<string, unknown>>('quotes', 'words.json');
  const sets = {} as Record<(typeof LISTS)[number], Set<string>>;
  const lists = {} as Record<(typeof LISTS)[number], string[]>;
  for (const name of LISTS) {
    const l = file[name];
    if (!Array.isArray(l) || !l.every((w) => typeof w === 'string'))
      throw new Error(`data/quotes/words.json: "${name}" must be a list of words`);
    lists[name] = l as string[];
    sets[name] = new Set(l as string[]);
  }
  cached = {
    ...sets,
    passiveCueEnding: new RegExp(`(${lists.passiveCueEndings.join('|')})$`),
    personPronoun: new RegExp(`^(${lists.personPronouns.join('|')})$`, 'i'),
    groupPronoun: new RegExp(`^(${lists.groupPronouns.join('|')})$`, 'i'),
  };
  return cached;
}
