/** Plain views of a Doc's layers for output: events with their arguments joined, in the CLI's and store's shape. */
import type { Doc, EventRecord, Mention, Quote } from './types.js';

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

/** An event as printed by `dateline events` and exported. */
export interface EventView {
  id: string;
  doc: string;
  source: string;
  sentence: string;
  sentence_span: { start: number; end: number };
  type: string;
  mode: string;
  contexts: string[];
  cameo: string;
  quad: number;
  goldstein: number;
  actor: ArgView[];
  recipient: ArgView[];
  date: string | null;
  place: EventRecord['place'] | null;
  negated: boolean;
  modality: string;
  historical: boolean;
  trigger: { text: string; start: number; end: number };
  decided_by: string[];
  confidence: number;
  reported_by: ArgView | null;
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

/** The view of one event, its argument mention ids replaced by the mentions themselves. */
export function eventView(doc: Doc, ev: EventRecord, mentions = mentionIndex(doc)): EventView {
  const sent = doc.layers.sentences?.[ev.sentence];
  const args = (ids: string[]) =>
    ids
      .map((id) => mentions.get(id))
      .filter((m): m is Mention => !!m)
      .map((m) => argView(doc, m));
  const speaker = ev.reportedBy ? mentions.get(ev.reportedBy) : undefined;
  return {
    id: `${doc.id}:${ev.id}`,
    doc: doc.id,
    source: doc.source.source,
    sentence: sent ? doc.text.slice(sent.start, sent.end) : '',
    sentence_span: sent ? { start: sent.start, end: sent.end } : { start: 0, end: 0 },
    type: ev.type,
    mode: ev.mode,
    contexts: ev.contexts,
    cameo: ev.cameo,
    quad: ev.quad,
    goldstein: ev.goldstein,
    actor: args(ev.actor),
    recipient: args(ev.recipient),
    date: ev.date,
    place: ev.place ?? null,
    negated: ev.negated,
    modality: ev.modality,
    historical: ev.historical,
    trigger: { text: doc.text.slice(ev.trigger.start, ev.trigger.end), start: ev.trigger.start, end: ev.trigger.end },
    decided_by: ev.decidedBy,
    confidence: ev.confidence,
    reported_by: speaker ? argView(doc, speaker) : null,
  };
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
    text: doc.text.slice(0, doc.bodyEnd),
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
