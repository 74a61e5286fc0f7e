/** Texts written for the tests: a wire story, two lightly edited copies of it, and an unrelated story. */

/** The wire story: France's foreign minister visits Moscow (one sentence per line). */
export const WIRE = [
  'The French foreign minister met Russian officials in Moscow on Monday to discuss grain shipments across the Black Sea.',
  'Both sides described the talks as frank and said their experts would meet again within two weeks.',
  'France has pressed for a corridor that would let ships leave Odessa without inspection delays.',
  'Russian officials said any agreement must also ease the export of their own fertiliser.',
  'Diplomats in Paris said the visit was the first by a French minister to the Russian capital in two years.',
  'The talks come as grain prices have risen sharply in North Africa and the Middle East.',
].join('\n');

/** A syndicated copy: a changed word or two and a credit line. */
export const COPY_A =
  WIRE.replace('on Monday', 'on Monday afternoon').replace('sharply', 'steeply') +
  '\nReporting by our correspondents; editing by the desk.';

/** Another copy: a sentence trimmed, a phrase reworded. */
export const COPY_B = WIRE.replace(' across the Black Sea', ' across the Black Sea region').replace(
  'Both sides described the talks as frank',
  'Both delegations called the talks frank',
);

/** A different story with the same actors on the same day (a separate report, not a copy). */
export const OTHER = [
  'The French foreign minister met Russian officials in Moscow on Monday, a spokesman in Paris confirmed.',
  'He was expected to raise the case of a detained French citizen, according to a statement from the ministry.',
  'The spokesman gave no further details and said a fuller account would follow after the minister returned.',
].join('\n');

/** A report a week later: the same actors meet again. */
export const LATER = [
  'The French foreign minister met Russian officials again in Moscow, seven days after their first round of talks.',
  'This time the two sides signed nothing, and a planned press conference was cancelled at short notice.',
].join('\n');
