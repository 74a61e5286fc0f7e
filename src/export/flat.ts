/**
 * The flat column set of the CSV and Parquet exports: one column per scalar of the event record, the first actor,
 * recipient and speaker spelled out, the full argument lists as JSON. Documented in docs/data.md.
 */
import type { ArgOut, EventOut } from '../record/index.js';

/** A column's Parquet type; CSV writes every value as text. */
export type FlatType = 'STRING' | 'JSON' | 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

/** One column: its name, type and how to read it from a record. */
export interface FlatColumn {
  name: string;
  type: FlatType;
  get(e: EventOut): string | number | boolean | null;
  /** JSON columns: the value before serialising (Parquet's writer serialises it itself). */
  value?(e: EventOut): unknown;
}

const first = (a: ArgOut[]) => (a.length ? a[0] : null);
const codes = (a: ArgOut[]) => (a.length ? a.map((x) => x.code).join(';') : null);
const s = (name: string, get: FlatColumn['get']): FlatColumn => ({ name, type: 'STRING', get });
const n = (name: string, type: 'INT32' | 'DOUBLE', get: FlatColumn['get']): FlatColumn => ({ name, type, get });
const j = (name: string, get: (e: EventOut) => unknown): FlatColumn => ({
  name,
  type: 'JSON',
  get: (e) => JSON.stringify(get(e)),
  value: get,
});

/** The columns, in order. */
export const FLAT_COLUMNS: FlatColumn[] = [
  s('id', (e) => e.id),
  { name: 'date', type: 'DATE', get: (e) => e.date },
  s('type', (e) => e.type),
  s('mode', (e) => e.mode),
  s('cameo', (e) => e.cameo),
  n('quad', 'INT32', (e) => e.quad),
  n('goldstein', 'DOUBLE', (e) => e.goldstein),
  s('actor_code', (e) => first(e.actor)?.code ?? null),
  s('actor_name', (e) => first(e.actor)?.name ?? null),
  s('actor_country', (e) => first(e.actor)?.country ?? null),
  s('actor_codes', (e) => codes(e.actor)),
  s('recipient_code', (e) => first(e.recipient)?.code ?? null),
  s('recipient_name', (e) => first(e.recipient)?.name ?? null),
  s('recipient_country', (e) => first(e.recipient)?.country ?? null),
  s('recipient_codes', (e) => codes(e.recipient)),
  s('contexts', (e) => (e.contexts.length ? e.contexts.join(';') : null)),
  { name: 'negated', type: 'BOOLEAN', get: (e) => e.negated },
  s('modality', (e) => e.modality),
  { name: 'historical', type: 'BOOLEAN', get: (e) => e.historical },
  s('reported_by_code', (e) => e.reported_by?.code ?? null),
  s('reported_by_name', (e) => e.reported_by?.name ?? null),
  s('place_text', (e) => e.place?.text ?? null),
  s('place_name', (e) => e.place?.name ?? null),
  s('place_country', (e) => e.place?.country ?? null),
  s('place_admin1', (e) => e.place?.admin1 ?? null),
  n('place_lat', 'DOUBLE', (e) => e.place?.lat ?? null),
  n('place_lon', 'DOUBLE', (e) => e.place?.lon ?? null),
  s('place_feature', (e) => e.place?.feature ?? null),
  n('place_geonameid', 'INT32', (e) => e.place?.geonameid ?? null),
  s('cluster', (e) => e.cluster),
  n('mentions', 'INT32', (e) => e.mentions),
  n('articles', 'INT32', (e) => e.articles),
  n('sources', 'INT32', (e) => e.sources),
  s('first_seen', (e) => e.first_seen),
  s('last_seen', (e) => e.last_seen),
  n('confidence', 'DOUBLE', (e) => e.confidence),
  n('tone', 'DOUBLE', (e) => e.tone),
  s('decided_by', (e) => (e.decided_by.length ? e.decided_by.join(';') : null)),
  s('trigger', (e) => e.trigger.text),
  n('trigger_start', 'INT32', (e) => e.trigger.start),
  n('trigger_end', 'INT32', (e) => e.trigger.end),
  s('sentence', (e) => e.sentence),
  n('sentence_start', 'INT32', (e) => e.sentence_span.start),
  n('sentence_end', 'INT32', (e) => e.sentence_span.end),
  s('doc', (e) => e.doc),
  s('source', (e) => e.source),
  s('url', (e) => e.url),
  s('site', (e) => e.site),
  s('published', (e) => e.published),
  s('ingested_at', (e) => e.ingested_at),
  j('actor', (e) => e.actor),
  j('recipient', (e) => e.recipient),
];
