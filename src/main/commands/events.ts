/** `dateline events`: the whole pipeline without storing; one event per line. */
import type { Command } from '../args.js';
import { analyse, loadAnalysis, processItem, sentenceDoc, type Outcome } from '../engine.js';
import { jsonl, out, reportError } from '../io.js';
import { recordsFromDoc, type EventOut } from '../../record/index.js';
import { collectInputs, load, minConfidence, readTextRows } from './shared.js';

export const eventsCommand: Command = {
  name: 'events',
  summary: 'code events from pages or sentences (no store)',
  usage: `
Usage: dateline events [--jsonl] FILE...
       dateline events [--jsonl] --sentences FILE.jsonl

Run extraction, NLP, actors, quotes and event coding, and print one event per line.
With --sentences, each input line is {"id","text","date"?} and each event carries sentence_id.

Options:
  --jsonl              JSON lines on stdout (default: a readable table)
  --sentences FILE     code bare sentences from a JSON-lines file (- for stdin)
  --input-list LIST    JSON lines {"path","url"}
  --min-confidence X   emit events with confidence ≥ X, 0..1 (default: the gate's threshold, docs/events.md)
  --parse-all          parse every sentence of every page (the cascade off; slower, docs/performance.md)
  -h, --help           this help`,
  options: {
    jsonl: { type: 'boolean' },
    sentences: { type: 'string' },
    'input-list': { type: 'string' },
    'min-confidence': { type: 'string' },
    'parse-all': { type: 'boolean' },
  },
  async run(values, positionals) {
    const minConf = minConfidence(values['min-confidence']);
    if (typeof minConf === 'object') {
      process.stderr.write(`dateline events: ${minConf.error}\n`);
      return 2;
    }
    await loadAnalysis({ minConfidence: minConf, parseAll: values['parse-all'] === true });
    const emit = (v: EventOut & { sentence_id?: string }) => {
      if (values.jsonl) jsonl(v);
      else {
        const who = (a: EventOut['actor']) => a.map((x) => x.code || x.text).join('+') || '-';
        out(
          `${v.date ?? '????-??-??'}  ${v.type.padEnd(9)} ${who(v.actor)} → ${who(v.recipient)}  [${v.cameo}] "${v.trigger.text}"  ${v.sentence.slice(0, 90)}`,
        );
      }
    };
    const emitDoc = (o: Outcome, sentenceId?: string) => {
      if (!o.ok) {
        reportError(o);
        return false;
      }
      for (const v of recordsFromDoc(o.doc)) emit(sentenceId === undefined ? v : { sentence_id: sentenceId, ...v });
      return true;
    };
    let good = 0;
    if (values.sentences) {
      const rows = readTextRows(values.sentences as string);
      if (!rows) return 1;
      for (const { line, row } of rows) {
        const id = row.id === undefined ? String(line) : String(row.id);
        const doc = sentenceDoc(id, row.text, typeof row.date === 'string' ? row.date : null);
        if (emitDoc(analyse(doc), id)) good++;
      }
      return good > 0 ? 0 : 1;
    }
    const refs = collectInputs(positionals, values['input-list'] as string | undefined);
    if (!refs.length) {
      process.stderr.write('dateline events: no input (see --help)\n');
      return 2;
    }
    for (const ref of refs) {
      const o = processItem(load(ref));
      if (o.ok && o.doc.meta.status !== 'article') {
        process.stderr.write(
          `note: ${o.source}: ${o.doc.meta.status}: no events (${o.doc.meta.statusSignals.join(', ')})\n`,
        );
        good++;
        continue;
      }
      if (emitDoc(o)) good++;
    }
    return good > 0 ? 0 : 1;
  },
};
