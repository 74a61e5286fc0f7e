/** Building and reading Docs: construction, ids, span text and token helpers. */
import { createHash } from 'node:crypto';
import type { Doc, DocMeta, SourceInfo, Span, Tokens } from './types.js';

/** sha256 hex of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Empty metadata for a document whose kind is not yet decided. */
export function emptyMeta(): DocMeta {
  return {
    status: 'article',
    statusSignals: [],
    title: null,
    byline: null,
    authors: [],
    published: null,
    modified: null,
    language: null,
    siteName: null,
    section: null,
    tags: [],
  };
}

/** Options for {@link createDoc}. */
export interface CreateDocOptions {
  bodyEnd?: number;
  source?: Partial<SourceInfo>;
  meta?: Partial<DocMeta>;
}

/** Make a Doc over `text`; its id hashes the whitespace-normalised text so a page ingested twice dedups. */
export function createDoc(text: string, opts: CreateDocOptions = {}): Doc {
  const norm = text.replace(/\s+/g, ' ').trim();
  const source: SourceInfo = {
    source: opts.source?.source ?? '-',
    url: opts.source?.url ?? null,
    canonicalUrl: opts.source?.canonicalUrl ?? null,
    contentHash: opts.source?.contentHash ?? sha256(text),
    format: opts.source?.format ?? 'text',
    encoding: opts.source?.encoding ?? 'utf-8',
  };
  return {
    id: sha256(norm).slice(0, 16),
    text,
    bodyEnd: opts.bodyEnd ?? text.length,
    source,
    meta: { ...emptyMeta(), ...opts.meta },
    layers: {},
    trail: [],
  };
}

/** The text a span covers. */
export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** Where the body starts: after the headline block that HTML extraction puts first (0 when there is none). */
export function bodyStart(doc: Doc): number {
  const first = doc.layers.blocks?.[0];
  if (!first || first.kind !== 'title') return 0;
  const next = doc.layers.blocks![1];
  return next && next.start < doc.bodyEnd ? next.start : doc.bodyEnd;
}

/** The body text (blocks after the headline and before the captions). */
export function bodyText(doc: Doc): string {
  return doc.text.slice(bodyStart(doc), doc.bodyEnd);
}

/** Allocate a token table of `n` tokens with empty attributes. */
export function allocTokens(n: number): Tokens {
  return {
    count: n,
    start: new Int32Array(n),
    end: new Int32Array(n),
    upos: new Array<string>(n).fill(''),
    xpos: new Array<string>(n).fill(''),
    lemma: new Array<string>(n).fill(''),
    head: new Int32Array(n).fill(-1),
    deprel: new Array<string>(n).fill(''),
    sentence: new Int32Array(n),
  };
}

/** The text of token `i`. */
export function tokenText(doc: Doc, i: number): string {
  const t = doc.layers.tokens!;
  return doc.text.slice(t.start[i], t.end[i]);
}

/** Index of the first token whose end is after `offset` (binary search), or `count`. */
export function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.end[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence containing `offset`, or -1. */
export function sentenceAt(doc: Doc, offset: number): number {
  const s = doc.layers.sentences ?? [];
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].end <= offset) lo = mid + 1;
    else if (s[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
