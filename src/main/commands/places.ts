/** `dateline places`: the whole pipeline without storing; one resolved toponym per line. */
import type { Command } from '../args.js';
import { analyse, loadAnalysis, processItem, sentenceDoc, type Outcome } from '../engine.js';
import { jsonl, out, reportError } from '../io.js';
import type { Place } from '../../doc/index.js';
import { collectInputs, load, readTextRows } from './shared.js';

/** The printed form of one toponym, with offsets into the given text. */
function row(id: string, p: Place): Record<string, unknown> {
  return {
    id,
    text: p.text,
    start: p.start,
    end: p.end,
    name: p.name,
    country: p.country,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    feature: p.feature,
    ...(p.geonameid ? { geonameid: p.geonameid } : {}),
    kind: p.kind,
    ...(p.dateline ? { dateline: true } : {}),
    score: p.score,
    recognition: p.recognition,
  };
}

export const placesCommand: Command = {
  name: 'places',
  summary: 'find place names and resolve them to coordinates (no store)',
  usage: `
Usage: dateline places [--jsonl] FILE...
       dateline places [--jsonl] --texts FILE.jsonl

Run the pipeline and print one line per toponym: {id, text, start, end, name, country (ISO 3166-1 alpha-3),
admin1, lat, lon, feature (country|admin1|admin2|city|other), geonameid?}. For pages, id is the document id and
offsets are into its extracted text; with --texts each input line is {"id","text","date"?} and offsets are into
that text.

Options:
  --jsonl              JSON lines on stdout (default: a readable table)
  --texts FILE         geoparse bare texts from a JSON-lines file (- for stdin)
  --input-list LIST    JSON lines {"path","url"}
  -h, --help           this help`,
  options: { jsonl: { type: 'boolean' }, texts: { type: 'string' }, 'input-list': { type: 'string' } },
  async run(values, positionals) {
    await loadAnalysis();
    const emit = (id: string, o: Outcome): boolean => {
      if (!o.ok) {
        reportError(o);
        return false;
      }
      for (const p of o.doc.layers.places ?? []) {
        if (values.jsonl) jsonl(row(id, p));
        else
          out(
            `${id}  ${p.text.padEnd(20)} → ${p.name} (${p.feature}, ${p.country ?? '-'}) ${p.lat.toFixed(3)},${p.lon.toFixed(3)}`,
          );
      }
      return true;
    };
    let good = 0;
    if (values.texts) {
      const rows = readTextRows(values.texts as string);
      if (!rows) return 1;
      for (const { line, row: r } of rows) {
        const id = r.id === undefined ? String(line) : String(r.id);
        const doc = sentenceDoc(id, r.text, typeof r.date === 'string' ? r.date : null);
        doc.layers.blocks = paragraphs(r.text);
        if (emit(id, analyse(doc))) good++;
      }
      return good > 0 ? 0 : 1;
    }
    const refs = collectInputs(positionals, values['input-list'] as string | undefined);
    if (!refs.length) {
      process.stderr.write('dateline places: no input (see --help)\n');
      return 2;
    }
    for (const ref of refs) {
      const o = processItem(load(ref));
      if (o.ok && o.doc.meta.status !== 'article') {
        process.stderr.write(`note: ${o.source}: ${o.doc.meta.status}: no places\n`);
        good++;
        continue;
      }
      if (emit(o.ok ? o.doc.id : o.source, o)) good++;
    }
    return good > 0 ? 0 : 1;
  },
};

/** Paragraph blocks at blank lines, so a dateline opening any paragraph is seen as one. */
function paragraphs(text: string): { start: number; end: number; kind: 'paragraph' }[] {
  const out: { start: number; end: number; kind: 'paragraph' }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g))
    if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' });
  return out.length ? out : [{ start: 0, end: text.length, kind: 'paragraph' }];
}
