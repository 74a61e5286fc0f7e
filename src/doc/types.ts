/**
 * The data model every stage shares: one immutable text, every layer a table of
 * character-offset spans over it. Stages add layers; none rewrites the text.
 */

/** A half-open character range [start, end) over `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Where a document came from, and how to get back to it. */
export interface SourceInfo {
  /** The input as given: a path, a URL or `-` for stdin. */
  source: string;
  url: string | null;
  canonicalUrl: string | null;
  /** sha256 hex of the raw input bytes (after gunzip). */
  contentHash: string;
  /** `html` or `text`, as detected. */
  format: 'html' | 'text';
  /** Encoding used to decode the bytes, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
}

/** Page kind as decided by extraction. */
export type PageStatus = 'article' | 'not_article' | 'error_page';

/** A metadata value with the place it came from (json-ld, og, meta, time, url, text, ...). */
export interface Sourced<T> {
  value: T;
  from: string;
}

/** Document metadata, each field with its provenance where known. */
export interface DocMeta {
  status: PageStatus;
  /** The signals that decided `status`, e.g. `['error-text:page not available']`. */
  statusSignals: string[];
  title: Sourced<string> | null;
  byline: Sourced<string> | null;
  authors: string[];
  /** ISO 8601; a date-only value is `YYYY-MM-DD`, with time and zone when the page gives them. */
  published: Sourced<string> | null;
  modified: Sourced<string> | null;
  /** ISO 639-1. */
  language: Sourced<string> | null;
  siteName: string | null;
  section: string | null;
  tags: string[];
}

/** A block of the extracted text. Body blocks come first, then captions. */
export interface Block extends Span {
  kind: 'title' | 'paragraph' | 'heading' | 'list' | 'table' | 'quote' | 'caption';
}

/** A sentence, with the token range it covers. */
export interface Sentence extends Span {
  tokenStart: number;
  /** Exclusive. */
  tokenEnd: number;
}

/**
 * Tokens as columns (wink-nlp style): offsets are canonical, the rest are
 * attributes filled by whichever stage assigns them. `head` is a token index
 * (-1 for the root). Empty string means "not assigned".
 */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  upos: string[];
  xpos: string[];
  lemma: string[];
  head: Int32Array;
  deprel: string[];
  /** Index of the sentence each token belongs to. */
  sentence: Int32Array;
}

/** A named entity mention. Labels: PER, ORG, LOC (and GPE, NORP, MISC where a model gives them). */
export interface Entity extends Span {
  id: string;
  label: string;
  tokenStart: number;
  tokenEnd: number;
  score?: number;
}

/** PLOVER/CAMEO-style actor identity. */
export interface ActorCode {
  /** Canonical name, e.g. "Vladimir Putin" or "Russia". */
  name: string;
  /** ISO 3166 alpha-3, or IGO/IMG/UNO/EUR/NGO/ISM/MNC; null when unknown. */
  country: string | null;
  /** PLOVER sector: GOV, MIL, REB, ..., UNK. */
  sector: string;
  /** CAMEO-style actor code such as FRAGOV, RUSMIL, IMGMOSISI. */
  code: string;
  wikidata?: string;
}

/** A mention of an actor in the text, resolved to an identity, with the evidence for it. */
export interface Mention extends Span, ActorCode {
  id: string;
  /** How the mention was found: name, title, demonym+sector, metonym, pronoun, coref, ... */
  kind: string;
  confidence: number;
  evidence: string[];
  /** Mention id this one corefers to, if any. */
  antecedent?: string;
  /** Entity id the mention came from, if any. */
  entity?: string;
  /** The place the mention names or is tied to ("Syrian President", "the Moscow government"), set by the places stage. */
  place?: EventPlace;
}

/** How sure the text is that an event happened. */
export type Modality = 'happened' | 'future' | 'intended' | 'hypothetical' | 'demanded';

/** Feature kind of a resolved place. */
export type PlaceFeature = 'country' | 'admin1' | 'admin2' | 'city' | 'other';

/** A place resolved to a gazetteer entry: name, ISO 3166-1 alpha-3 country, admin1, point, GeoNames id when known. */
export interface ResolvedPlace {
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  feature: PlaceFeature;
  geonameid?: number;
}

/** An event's place: the span of text, and its resolution when the places stage found one. */
export interface EventPlace extends Span, Partial<ResolvedPlace> {
  text: string;
  country?: string | null;
}

/** A toponym in the text (the `places` layer): its span, how it was found and the entry chosen for it. */
export interface Place extends Span, ResolvedPlace {
  id: string;
  text: string;
  /** How the span was found: name, alt (alternate name), abbr, demonym. */
  kind: string;
  /** The span is the document's dateline ("MOSCOW, Nov 26 (Reuters) -"). */
  dateline?: boolean;
  /** Ranker score of the chosen entry; recogniser probability that the span is a toponym. */
  score: number;
  recognition: number;
}

/** A coded event. Arguments point at mention ids; the store and UI join on them. */
export interface EventRecord {
  id: string;
  sentence: number;
  trigger: Span;
  /** PLOVER v2 event type, e.g. CONSULT. */
  type: string;
  /** PLOVER mode, '' when none. */
  mode: string;
  contexts: string[];
  cameo: string;
  /** Quad class 1..4 (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict). */
  quad: number;
  goldstein: number;
  actor: string[];
  recipient: string[];
  /** Argument phrases as written, one span per conjunct, including phrases no mention covers ("a car bomb"). */
  actorSpans?: Span[];
  recipientSpans?: Span[];
  /** ISO date (YYYY-MM-DD) when known. */
  date: string | null;
  /** The span of text the date came from, if any. */
  dateSpan?: Span;
  /**
   * Where the event happened. The events stage sets the phrase (text, start, end); the places stage resolves it
   * to a gazetteer entry (or, failing that, takes the most specific place of the sentence, else the dateline).
   */
  place?: EventPlace;
  negated: boolean;
  modality: Modality;
  historical: boolean;
  /** Rule id, lexicon entry, model and score that decided this event. */
  decidedBy: string[];
  confidence: number;
  /** Quote id when the event is reported inside a quote. */
  reportedIn?: string;
  /** Mention id of the speaker reporting it, if inside a quote or reported speech. */
  reportedBy?: string;
}

/** A quotation with its cue and source. */
export interface Quote {
  id: string;
  content: Span;
  cue: Span | null;
  source: Span | null;
  /** Mention id of the resolved speaker. */
  speaker: string | null;
  direct: boolean;
  tone?: number;
}

/** GDELT-style document tone. */
export interface Tone {
  tone: number;
  positive: number;
  negative: number;
  polarity: number;
  wordCount: number;
}

/** Political-event relevance: calibrated probabilities for the document and each sentence (indexed like `sentences`). */
export interface Relevance {
  score: number;
  sentences: Float32Array | number[];
}

/** All layers a document can carry. Each is set by exactly one stage. */
export interface Layers {
  blocks?: Block[];
  sentences?: Sentence[];
  tokens?: Tokens;
  entities?: Entity[];
  mentions?: Mention[];
  events?: EventRecord[];
  quotes?: Quote[];
  tone?: Tone;
  /** Per-sentence tone score, indexed like `sentences`. */
  sentenceTone?: Float32Array;
  /** Toponyms resolved to gazetteer entries (places stage). */
  places?: Place[];
  relevance?: Relevance;
}

export type LayerName = keyof Layers;

/** One document: immutable text, metadata, layers, and the trail of stages that ran. */
export interface Doc {
  /** Stable id: first 16 hex chars of sha256 of the normalised text (so re-ingesting dedups). */
  readonly id: string;
  readonly text: string;
  /** End of the body in `text`; captions follow it. */
  readonly bodyEnd: number;
  readonly source: SourceInfo;
  meta: DocMeta;
  layers: Layers;
  /** Stage name and milliseconds, in the order they ran. */
  trail: { stage: string; ms: number }[];
}
