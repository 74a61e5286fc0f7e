/**
 * Loaders for the event evaluation and training sets in ../shared/data/events
 * (PLV, PLOVER GSR, PETRARCH unit tests, NGEC synthetic stories, ConfliBERT), and
 * the fixed held-out split. Scripts only: never imported by the stage.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sharedRoot } from '../doc/resources.js';
import { cameoToPlover, normalizeLabel } from './ontology/index.js';

/** Share of PLV and GSR items held out for reporting (never trained on). */
export const DEV_SHARE = 0.3;

/** Deterministic split: an item is held out ("dev") when the hash of its key falls in the first DEV_SHARE. */
export function isDev(key: string): boolean {
  const h = createHash('sha256')
    .update('dateline-events-split:' + key)
    .digest();
  return h.readUInt32BE(0) / 0x100000000 < DEV_SHARE;
}

function eventsDir(): string {
  const r = sharedRoot();
  if (!r) throw new Error('no ../shared');
  return join(r, 'data', 'events');
}

/** A gold PLV row: sentence, source and target spans (char offsets), PLOVER root type. */
export interface PlvRow {
  id: string;
  text: string;
  source: { start: number; end: number } | null;
  target: { start: number; end: number } | null;
  /** v2 type; YIELD stays "YIELD" (CONCEDE or RETREAT both count as right). */
  type: string;
  dev: boolean;
}

/** Split a TSV line honouring double-quoted fields. */
function tsvFields(line: string): string[] {
  return line.split('\t').map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));
}

/** PLV_train.tsv rows with spans located in the sentence (from the <s>/<t> marks). */
export function loadPlv(): PlvRow[] {
  const lines = readFileSync(join(eventsDir(), 'plv', 'PLV_train.tsv'), 'utf8').split('\n');
  const header = tsvFields(lines[0]);
  const col = (n: string): number => header.indexOf(n);
  const out: PlvRow[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = tsvFields(line);
    const text = f[col('sentence')];
    const marked = f[col('marked_sentence')];
    let type = f[col('gold_root')].trim().toUpperCase();
    if (type !== 'YIELD') type = normalizeLabel(type)?.type ?? type;
    out.push({
      id: f[col('sentence_id')],
      text,
      source: locate(marked, 's'),
      target: locate(marked, 't'),
      type,
      dev: isDev('plv:' + f[col('sentence_id')]),
    });
  }
  return out;
}

/** Offsets of <tag>…</tag> in the marked sentence, measured in the unmarked text. */
function locate(marked: string, tag: string): { start: number; end: number } | null {
  const strip = (s: string): string => s.replace(/<\/?[st]>/g, '');
  const a = marked.indexOf(`<${tag}>`);
  const b = marked.indexOf(`</${tag}>`);
  if (a < 0 || b < 0) return null;
  const start = strip(marked.slice(0, a)).length;
  const end = start + strip(marked.slice(a + 3, b)).length;
  return { start, end };
}

/** A PLOVER GSR record: text, v2 type/mode, source/target countries and sectors. */
export interface GsrRow {
  id: string;
  text: string;
  type: string;
  mode: string;
  eventText: string;
  source: { text: string; country: string; sector: string }[];
  target: { text: string; country: string; sector: string }[];
  dev: boolean;
}

type GsrActor = { actorText?: string; code?: string; sector?: string };

/** PLOVER_GSR_CAMEO.json with labels mapped to v2 (DEMAND→REQUEST, …). */
export function loadGsr(): GsrRow[] {
  const raw = JSON.parse(readFileSync(join(eventsDir(), 'PLOVER_GSR_CAMEO.json'), 'utf8')) as Record<string, unknown>[];
  const out: GsrRow[] = [];
  const actors = (x: unknown): GsrRow['source'] =>
    (Array.isArray(x) ? (x as GsrActor[]) : []).map((a) => ({
      text: a.actorText ?? '',
      country: (a.code ?? '').slice(0, 3),
      sector: a.sector ?? '',
    }));
  for (const r of raw) {
    if (!r.text || r.event === 'DOCUMENT') continue;
    const n = normalizeLabel(String(r.event), String(r.mode ?? ''));
    if (!n) continue;
    out.push({
      id: String(r.id),
      text: String(r.text),
      type: n.type,
      mode: n.mode,
      eventText: String(r.eventText ?? ''),
      source: actors(r.source),
      target: actors(r.target),
      dev: isDev('gsr:' + r.id),
    });
  }
  return out;
}

/** A PETRARCH unit-test sentence with its expected codings mapped to PLOVER (empty = no event expected). */
export interface PetrRow {
  id: string;
  text: string;
  date: string;
  codings: { source: string; target: string; cameo: string; type: string | null }[];
}

/** PETR.UnitTest.records.xml sentences (fictional countries), CAMEO codes mapped to PLOVER. */
export function loadPetrarch(): PetrRow[] {
  const xml = readFileSync(join(eventsDir(), 'petrarch2-unittest', 'PETR.UnitTest.records.xml'), 'utf8');
  const out: PetrRow[] = [];
  for (const m of xml.matchAll(/<Sentence\s+date="(\d+)"\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Sentence>/g)) {
    const body = m[3];
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1].replace(/\s+/g, ' ').trim() ?? '';
    const codings = [
      ...body.matchAll(/<EventCoding\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"/g),
    ].map((c) => ({
      source: c[1],
      target: c[2],
      cameo: c[3],
      type: cameoToPlover(c[3])?.type ?? null,
    }));
    const d = m[1];
    out.push({ id: m[2], text, date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, codings });
  }
  return out;
}

/** Read the single CSV inside a zip file (stored or deflated), without a dependency. */
function unzipFirst(path: string): string {
  const buf = readFileSync(path);
  // Local file header: signature, …, compression at 8, compressed size at 18, name length at 26, extra at 28.
  if (buf.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip: ' + path);
  const method = buf.readUInt16LE(8);
  let size = buf.readUInt32LE(18);
  const start = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  if (size === 0) {
    // Sizes in a data descriptor: take the central directory's record instead.
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    size = buf.readUInt32LE(cd + 20);
  }
  const data = buf.subarray(start, start + size);
  return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

/** Parse CSV text (RFC 4180 quoting) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          f += '"';
          i++;
        } else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

/** NGEC synthetic stories: text, PLOVER label and mode (document-level labels, no actors). */
export function loadNgec(): { text: string; type: string; mode: string }[] {
  const csv = unzipFirst(join(eventsDir(), 'ngec-synthetic', 'gpt_synthetic_events_2023-10-19_19.csv.zip'));
  const rows = parseCsv(csv);
  const h = rows[0];
  const ti = h.indexOf('text');
  const li = h.indexOf('label');
  const mi = h.indexOf('mode');
  return rows
    .slice(1)
    .filter((r) => r.length > li && r[ti])
    .map((r) => ({
      text: r[ti],
      type: normalizeLabel(r[li], r[mi].toLowerCase())?.type ?? r[li],
      mode: r[mi].toLowerCase(),
    }));
}

/** ConfliBERT CAMEO sentences with a quad-class label (0 = none/neutral, 1..4). */
export function loadConflibert(): { text: string; quad: number }[] {
  return readFileSync(join(eventsDir(), 'conflibert-cameo', 'cameo_class_train.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const k = l.lastIndexOf('\t');
      return { text: l.slice(0, k), quad: Number(l.slice(k + 1)) };
    });
}

/** Words match when equal or, for longer words, sharing a 5-letter stem ("demonstrated" ~ "demonstrators" is not enough: 5 letters of 6+ words). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}

/**
 * Position of a trigger in a GSR record's event text (the annotators list the main trigger first),
 * or -1 when the trigger is not among its words. Used to align predicted events with the gold one.
 */
export function eventTextRank(eventText: string, trigger: string): number {
  const words = eventText
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean);
  const tw = trigger
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean);
  for (let k = 0; k < words.length; k++) if (tw.some((w) => sameWord(w, words[k]))) return k;
  return -1;
}
