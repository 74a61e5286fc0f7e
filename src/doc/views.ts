/** Plain views of a Doc's layers for output (events have their own record module: src/record/). */
import type { Doc, Mention, Quote } from './types.js';
import { bodyText } from './doc.js';

/** An event argument as printed: the mention's span and identity. */
export interface ArgView {
  text: string;
  start: number;
  end: number;
  name: string;
  country: string | null;
  sector: string;
  code: string;
  wikidata?: string;
}

/** The view of one mention. */
export function argView(doc: Doc, m: Mention): ArgView {
  const v: ArgView = {
    text: doc.text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    name: m.name,
    country: m.country,
    sector: m.sector,
    code: m.code,
  };
  if (m.wikidata) v.wikidata = m.wikidata;
  return v;
}

/** Index a doc's mentions by id. */
export function mentionIndex(doc: Doc): Map<string, Mention> {
  return new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
}

/** The extraction view of a document, as printed by `dateline extract`. */
export function extractView(doc: Doc) {
  const blocks = doc.layers.blocks ?? [];
  return {
    source: doc.source.source,
    url: doc.source.url,
    canonical_url: doc.source.canonicalUrl,
    id: doc.id,
    status: doc.meta.status,
    status_signals: doc.meta.statusSignals,
    title: doc.meta.title?.value ?? null,
    byline: doc.meta.byline?.value ?? null,
    authors: doc.meta.authors,
    published: doc.meta.published?.value ?? null,
    modified: doc.meta.modified?.value ?? null,
    language: doc.meta.language?.value ?? null,
    site_name: doc.meta.siteName,
    section: doc.meta.section,
    tags: doc.meta.tags,
    text: bodyText(doc),
    captions: blocks.filter((b) => b.kind === 'caption').map((b) => doc.text.slice(b.start, b.end)),
    meta_sources: {
      title: doc.meta.title?.from ?? null,
      byline: doc.meta.byline?.from ?? null,
      published: doc.meta.published?.from ?? null,
      language: doc.meta.language?.from ?? null,
    },
  };
}

/** A quote as printed by `dateline quotes`: content, cue and speaker with its identity. */
export function quoteView(doc: Doc, q: Quote, mentions = mentionIndex(doc)) {
  const span = (s: { start: number; end: number } | null) =>
    s ? { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) } : null;
  const m = q.speaker ? mentions.get(q.speaker) : undefined;
  const src = span(q.source);
  return {
    id: q.id,
    content: span(q.content)!,
    cue: span(q.cue),
    speaker: m
      ? {
          ...(src ?? { start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) }),
          name: m.name,
          country: m.country,
          sector: m.sector,
          code: m.code,
        }
      : src,
    direct: q.direct,
    tone: q.tone ?? null,
  };
}
