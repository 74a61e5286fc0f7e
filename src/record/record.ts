/**
 * The one event record every output uses (`events --jsonl`, `query`, every export, the API): its type and the single
 * builder both sources (an in-memory Doc, store rows) go through, so the same event gives the same JSON.
 * Schema: docs/event.schema.json; fields documented in docs/data.md. To add a field: add it to RecordInput, to
 * EventOut, to buildRecord (one line each), to both adapters (from-doc.ts, from-row.ts) and to the schema.
 */

/** Version of the record shape; bump on any change to its fields. */
export const RECORD_VERSION = 2;

/** An event argument: the mention's text span and resolved identity. */
export interface ArgOut {
  text: string;
  start: number;
  end: number;
  name: string;
  country: string | null;
  sector: string;
  code: string;
  wikidata?: string;
  /** The place the mention names or is tied to ("the Syrian president" → Syria), present only when the places stage found one. */
  place?: PlaceOut;
}

/** Where an event happened: the place phrase and, when the gazetteer matched it, its GeoNames entry. */
export interface PlaceOut {
  text: string;
  start: number;
  end: number;
  name: string | null;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  feature: string | null;
  geonameid: number | null;
}

/** A character span with its text. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** The event record. */
export interface EventOut {
  id: string;
  doc: string;
  source: string;
  url: string | null;
  site: string | null;
  published: string | null;
  /** When the store received the document (ISO 8601, UTC); null for a record made outside a store. */
  ingested_at: string | null;
  sentence: string;
  sentence_span: { start: number; end: number };
  type: string;
  mode: string;
  contexts: string[];
  cameo: string;
  quad: number;
  goldstein: number;
  actor: ArgOut[];
  recipient: ArgOut[];
  date: string | null;
  place: PlaceOut | null;
  negated: boolean;
  modality: string;
  historical: boolean;
  trigger: TextSpan;
  decided_by: string[];
  confidence: number;
  reported_by: ArgOut | null;
  tone: number | null;
  cluster: string;
  mentions: number;
  articles: number;
  sources: number;
  first_seen: string | null;
  last_seen: string | null;
}

/** A loosely typed place as stored or as a stage wrote it; missing gazetteer fields become null. */
export type PlaceIn = { text: string; start: number; end: number } & Partial<Record<keyof PlaceOut, unknown>>;

/** An argument as a source gives it: its place loosely typed (or absent). */
export type ArgIn = Omit<ArgOut, 'place'> & { place?: PlaceIn | null };

/** Everything the builder needs, already joined, from whichever source. */
export interface RecordInput {
  doc: {
    id: string;
    source: string;
    url: string | null;
    site: string | null;
    published: string | null;
    ingestedAt?: string | null;
  };
  docTone: number | null;
  eventId: string;
  sentence: TextSpan;
  trigger: TextSpan;
  type: string;
  mode: string;
  contexts: string[];
  cameo: string;
  quad: number;
  goldstein: number;
  actor: ArgIn[];
  recipient: ArgIn[];
  date: string | null;
  place: PlaceIn | null;
  negated: boolean;
  modality: string;
  historical: boolean;
  decidedBy: string[];
  confidence: number;
  reportedBy: ArgIn | null;
  cluster: ClusterCounts;
}

/** A cluster's counts as every record of its events carries them. */
export interface ClusterCounts {
  id: string;
  mentions: number;
  articles: number;
  sources: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** One argument in canonical key order (wikidata and place only when known). */
export function argOut(a: ArgOut | ArgIn): ArgOut {
  const v: ArgOut = {
    text: a.text,
    start: a.start,
    end: a.end,
    name: a.name,
    country: a.country ?? null,
    sector: a.sector,
    code: a.code,
  };
  if (a.wikidata) v.wikidata = a.wikidata;
  const place = placeOut(a.place ?? null);
  if (place) v.place = place;
  return v;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A place with every field present (null when unknown), in canonical key order. */
export function placeOut(p: PlaceIn | null | undefined): PlaceOut | null {
  if (!p) return null;
  return {
    text: p.text,
    start: p.start,
    end: p.end,
    name: str(p.name),
    country: str(p.country),
    admin1: str(p.admin1),
    lat: num(p.lat),
    lon: num(p.lon),
    feature: str(p.feature),
    geonameid: num(p.geonameid),
  };
}

/** Build the record; the only place its fields and their order are decided. */
export function buildRecord(r: RecordInput): EventOut {
  return {
    id: `${r.doc.id}:${r.eventId}`,
    doc: r.doc.id,
    source: r.doc.source,
    url: r.doc.url,
    site: r.doc.site,
    published: r.doc.published,
    ingested_at: r.doc.ingestedAt ?? null,
    sentence: r.sentence.text,
    sentence_span: { start: r.sentence.start, end: r.sentence.end },
    type: r.type,
    mode: r.mode,
    contexts: [...r.contexts],
    cameo: r.cameo,
    quad: r.quad,
    goldstein: r.goldstein,
    actor: r.actor.map(argOut),
    recipient: r.recipient.map(argOut),
    date: r.date,
    place: placeOut(r.place),
    negated: r.negated,
    modality: r.modality,
    historical: r.historical,
    trigger: { text: r.trigger.text, start: r.trigger.start, end: r.trigger.end },
    decided_by: [...r.decidedBy],
    confidence: r.confidence,
    reported_by: r.reportedBy ? argOut(r.reportedBy) : null,
    tone: r.docTone,
    cluster: r.cluster.id,
    mentions: r.cluster.mentions,
    articles: r.cluster.articles,
    sources: r.cluster.sources,
    first_seen: r.cluster.firstSeen,
    last_seen: r.cluster.lastSeen,
  };
}
