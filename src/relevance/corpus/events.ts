/**
 * Positive sentences from the event sets in ../shared/data/events: PLV (every row codes an
 * event), PLOVER GSR (CAMEO manual examples), ConfliBERT CAMEO sentences (political news,
 * quad class 0 included: they are statements and calls between political actors), and NGEC
 * synthetic stories (whole documents; their lead sentence states the event).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../doc/index.js';
import { splitOf } from '../split.js';
import { sentenceItem, type CorpusDoc } from './types.js';
import { parseCsv, unzipFirstText } from './zip.js';
import { sentencesOf } from './segment.js';

/** How many leading sentences of an NGEC story are labelled positive (the rest stay unlabelled). */
const NGEC_LEAD = 1;

function item(source: string, text: string): CorpusDoc {
  const t = text.trim();
  return sentenceItem(source, t, 1, splitOf(t), sha256(t).slice(0, 16));
}

/** PLV_train.tsv sentences. */
export function plv(shared: string): CorpusDoc[] {
  const lines = readFileSync(join(shared, 'data/events/plv/PLV_train.tsv'), 'utf8').split('\n');
  const col = lines[0].split('\t').indexOf('sentence');
  return lines
    .slice(1)
    .map((l) => l.split('\t')[col] ?? '')
    .map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f))
    .filter((t) => t.trim())
    .map((t) => item('plv', t));
}

/** PLOVER GSR example sentences (the DOCUMENT record is skipped). */
export function gsr(shared: string): CorpusDoc[] {
  const rows = JSON.parse(readFileSync(join(shared, 'data/events/PLOVER_GSR_CAMEO.json'), 'utf8')) as {
    event: string;
    text?: string;
  }[];
  return rows.filter((r) => r.event !== 'DOCUMENT' && r.text?.trim()).map((r) => item('gsr', r.text!));
}

/** ConfliBERT CAMEO classification sentences. */
export function conflibert(shared: string): CorpusDoc[] {
  return readFileSync(join(shared, 'data/events/conflibert-cameo/cameo_class_train.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => item('conflibert', l.slice(0, l.lastIndexOf('\t'))));
}

/** NGEC synthetic stories: political documents whose lead sentence is labelled positive. */
export function ngec(shared: string): CorpusDoc[] {
  const rows = parseCsv(
    unzipFirstText(join(shared, 'data/events/ngec-synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip')),
  );
  const h = rows[0];
  const ti = h.indexOf('text');
  const pi = h.indexOf('prompt');
  const out: CorpusDoc[] = [];
  for (const r of rows.slice(1)) {
    const text = r[ti]?.trim();
    if (!text) continue;
    const sentences = sentencesOf(text);
    if (!sentences.length) continue;
    out.push({
      id: `ngec:${sha256(text).slice(0, 16)}`,
      source: 'ngec',
      part: splitOf(text),
      title: (r[pi] ?? '').split('\n')[0].trim() || null,
      sentences,
      labels: sentences.map((_, i) => (i < NGEC_LEAD ? 1 : null)),
      docLabel: 1,
    });
  }
  return out;
}
