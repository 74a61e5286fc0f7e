/**
 * The rule-based event coder: codes each sentence through the named phases of code/ (triggers → arguments and
 * repairs → speech → date → place → reading → record), reading arguments, negation, modality, reported speech,
 * dates and places off the dependency tree, and emits EventRecords whose `decidedBy` says which lexicon entry and
 * which rules decided each part; then the document-wide steps (quotes, speaker as actor).
 */
import type { StanceReading } from './stance.js';
import type { Doc, EventRecord } from '../doc/index.js';
import { isoDay } from './dates.js';
import type { LexMatch } from './lexicon/index.js';
import { MentionIndex } from './mentions.js';
import type { SentenceView } from './syntax.js';
import { codeSentence } from './code/sentence.js';

/** A candidate event before the optional learned re-ranking: the record plus features for the model. */
export interface Candidate {
  record: EventRecord;
  match: LexMatch;
  view: SentenceView;
  trigger: number;
  /** Predicate the arguments hang on (the trigger, or the verb governing a nominal trigger). */
  pred: number;
  /** Set on stance candidates (stance.ts): how the evaluation was read, for the gate's features. */
  stance?: StanceReading;
}

/** Run the rule coder over every sentence of a Doc; returns candidates in text order (ids unassigned). */
export function codeCandidates(doc: Doc, generic = false): Candidate[] {
  const mi = new MentionIndex(doc);
  const docDate = isoDay(doc.meta.published?.value);
  const out: Candidate[] = [];
  const n = doc.layers.sentences?.length ?? 0;
  for (let si = 0; si < n; si++) codeSentence(doc, si, mi, docDate, out, generic);
  // Quotes: an event inside a quote's content is reported by the quote's speaker.
  for (const q of doc.layers.quotes ?? []) {
    for (const c of out) {
      const r = c.record;
      if (r.trigger.start >= q.content.start && r.trigger.end <= q.content.end) {
        r.reportedIn = q.id;
        if (q.speaker) r.reportedBy = q.speaker;
      }
    }
  }
  for (const c of out) speakerAsActor(c);
  return out;
}

const FIRST_PERSON = new Set(['i', 'we', 'me', 'us']);
/** Statement types: said in a quote with no one else named as doing it, they are the speaker's own act. */
const SPEECH_ACTS = new Set(['ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'THREATEN']);

/**
 * Reported speech is the speaker's own act when the quote names no one else as doing it: "'We back her,' the
 * editors wrote" (first person: SUPPORT by the editors, any type), "'The authorities must end this crackdown,' said
 * Luther" or "'a belligerent prosecution', Hrafnsson said" (a statement type whose trigger has no subject).
 */
function speakerAsActor(c: Candidate): void {
  const r = c.record;
  if (!r.reportedBy || r.actor.length) return;
  const v = c.view;
  // Only the trigger's own subject: a nominal event under another verb ("we condemn the attacks") is not ours.
  const subj = v.childrenBy(c.trigger, 'nsubj');
  if (subj.some((k) => FIRST_PERSON.has(v.text(k).toLowerCase()))) {
    r.actor = [r.reportedBy];
    r.decidedBy.push('rule:actor=speaker(first-person)');
  } else if (!subj.length && SPEECH_ACTS.has(r.type)) {
    r.actor = [r.reportedBy];
    r.decidedBy.push('rule:actor=speaker(statement)');
  }
}
