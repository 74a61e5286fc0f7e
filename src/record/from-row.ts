/** Event records from store rows: the shape any backend's event query returns, turned into the one record. */
import { buildRecord, type ArgIn, type EventOut, type PlaceIn } from './record.js';

/** A mention as a store row packs it: [role, text, start, end, name, country, sector, code, wikidata, place]. */
export type PackedArg = [
  string,
  string,
  number,
  number,
  string,
  string | null,
  string,
  string,
  string | null,
  (string | PlaceIn | null)?,
];

/** One event row joined with its document, arguments and cluster, as a backend returns it. */
export interface EventRow {
  doc_id: string;
  id: string;
  source: string;
  url: string | null;
  site: string | null;
  published: string | null;
  /** The document's ingest time (absent: null). */
  ingested_at?: string | null;
  doc_tone: number | null;
  sentence_start: number;
  sentence_end: number;
  sentence_text: string;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  type: string;
  mode: string;
  /** JSON text or an already-parsed value (Postgres jsonb). */
  contexts: string | string[];
  cameo: string;
  quad: number;
  goldstein: number;
  date: string | null;
  place: string | PlaceIn | null;
  negated: number | boolean;
  modality: string;
  historical: number | boolean;
  decided_by: string | string[];
  confidence: number;
  /** Actor and recipient mentions in role, position order. */
  args: string | PackedArg[] | null;
  /** The speaker mention, packed like an argument (role 'speaker'), or null. */
  speaker: string | PackedArg | null;
  cluster: string;
  c_mentions: number;
  c_articles: number;
  c_sources: number;
  c_first_seen: string | null;
  c_last_seen: string | null;
}

const json = <T>(v: string | T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** A packed mention as a record argument. */
function unpack(p: PackedArg): ArgIn {
  const [, text, start, end, name, country, sector, code, wikidata, place] = p;
  return {
    text,
    start,
    end,
    name,
    country,
    sector,
    code,
    wikidata: wikidata ?? undefined,
    place: place ? json<PlaceIn>(place) : null,
  };
}

/** The record of one stored event. */
export function recordFromRow(r: EventRow): EventOut {
  const args = r.args === null ? [] : json<PackedArg[]>(r.args);
  const role = (name: string) => args.filter((a) => a[0] === name).map(unpack);
  const speaker = r.speaker === null ? null : json<PackedArg>(r.speaker);
  return buildRecord({
    doc: {
      id: r.doc_id,
      source: r.source,
      url: r.url,
      site: r.site,
      published: r.published,
      ingestedAt: r.ingested_at ?? null,
    },
    docTone: r.doc_tone,
    eventId: r.id,
    sentence: { text: r.sentence_text, start: r.sentence_start, end: r.sentence_end },
    trigger: { text: r.trigger_text, start: r.trigger_start, end: r.trigger_end },
    type: r.type,
    mode: r.mode,
    contexts: json<string[]>(r.contexts),
    cameo: r.cameo,
    quad: r.quad,
    goldstein: r.goldstein,
    actor: role('actor'),
    recipient: role('recipient'),
    date: r.date,
    place: r.place === null ? null : json<PlaceIn>(r.place),
    negated: r.negated === true || r.negated === 1,
    modality: r.modality,
    historical: r.historical === true || r.historical === 1,
    decidedBy: json<string[]>(r.decided_by),
    confidence: r.confidence,
    reportedBy: speaker ? unpack(speaker) : null,
    cluster: {
      id: r.cluster,
      mentions: r.c_mentions,
      articles: r.c_articles,
      sources: r.c_sources,
      firstSeen: r.c_first_seen,
      lastSeen: r.c_last_seen,
    },
  });
}
