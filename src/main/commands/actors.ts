/** `dateline actors --resolve`: resolve mention strings to actor codes. */
import { readTextRows } from './shared.js';
import type { Command } from '../args.js';
import { jsonl, out } from '../io.js';

export const actorsCommand: Command = {
  name: 'actors',
  summary: 'resolve actor mentions to country, sector and code',
  usage: `
Usage: dateline actors --resolve FILE.jsonl [--jsonl]

Input lines {"id","text","context"?,"date"?}: a mention, the sentence it is in, the date.
Output lines {id, name, country, sector, code, wikidata?, confidence}; an unknown mention has null fields.

Options:
  --resolve FILE   JSON-lines input (- for stdin)
  --jsonl          JSON lines on stdout (default: a readable table)
  -h, --help       this help`,
  options: { resolve: { type: 'string' }, jsonl: { type: 'boolean' } },
  async run(values) {
    const { resolveMention } = await import('../../actors/index.js');
    const file = values.resolve as string | undefined;
    if (!file) {
      process.stderr.write('dateline actors: --resolve FILE.jsonl is required (see --help)\n');
      return 2;
    }
    const rows = readTextRows(file);
    if (!rows) return 1;
    let good = 0;
    for (const { line, row: q } of rows) {
      good++;
      const r = resolveMention({
        text: q.text,
        context: typeof q.context === 'string' ? q.context : undefined,
        date: typeof q.date === 'string' ? q.date : undefined,
      });
      const row = {
        id: q.id ?? String(line),
        name: r?.name ?? null,
        country: r?.country ?? null,
        sector: r?.sector ?? null,
        code: r?.code ?? null,
        ...(r?.wikidata ? { wikidata: r.wikidata } : {}),
        confidence: r?.confidence ?? 0,
      };
      if (values.jsonl) jsonl(row);
      else out(`${String(row.id).padEnd(8)} ${q.text.padEnd(30)} ${row.code ?? '-'}  ${row.name ?? ''}`);
    }
    return good > 0 ? 0 : 1;
  },
};
