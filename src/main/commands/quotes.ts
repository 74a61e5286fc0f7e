/** `dateline quotes`: quotations with cue and speaker, one line per document. */
import type { Command } from '../args.js';
import { loadAnalysis, processItem } from '../engine.js';
import { jsonl, out, reportError } from '../io.js';
import { mentionIndex, quoteView } from '../../doc/index.js';
import { collectInputs, load } from './shared.js';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'quotes and their speakers, one line per document',
  usage: `
Usage: dateline quotes [--jsonl] FILE...

Print each document's quotes: content, cue and speaker (resolved to an actor), direct or indirect.
Offsets are into the extracted text.

Options:
  --jsonl     one JSON object per document: {source, quotes:[...], tone}
  -h, --help  this help`,
  options: { jsonl: { type: 'boolean' } },
  async run(values, positionals) {
    await loadAnalysis();
    const refs = collectInputs(positionals);
    let good = 0;
    for (const ref of refs) {
      const o = processItem(load(ref));
      if (!o.ok) {
        reportError(o);
        continue;
      }
      good++;
      const idx = mentionIndex(o.doc);
      const quotes = (o.doc.layers.quotes ?? []).map((q) => quoteView(o.doc, q, idx));
      if (values.jsonl) jsonl({ source: o.source, status: o.doc.meta.status, quotes, tone: o.doc.layers.tone ?? null });
      else {
        out(`== ${o.source}`);
        for (const q of quotes) {
          const who = q.speaker
            ? 'code' in q.speaker
              ? `${q.speaker.text} [${q.speaker.code}]`
              : q.speaker.text
            : '?';
          out(`${q.direct ? 'direct  ' : 'indirect'} ${who}: ${q.content.text.slice(0, 120)}`);
        }
      }
    }
    return good > 0 ? 0 : 1;
  },
};
