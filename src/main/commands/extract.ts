/** `dateline extract`: article text and metadata, one object per document. */
import type { Command } from '../args.js';
import { extractItem } from '../engine.js';
import { jsonl, out, reportError } from '../io.js';
import { extractView } from '../../doc/index.js';
import { collectInputs, load } from './shared.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract article text and metadata from pages',
  usage: `
Usage: dateline extract [--jsonl] [--input-list LIST] FILE...

Extract each page's article: text (paragraphs separated by blank lines), captions, title, byline,
published date, language and page kind (article | not_article | error_page).
FILE may be .html, .htm, .html.gz, .txt, a folder (recursive) or - for stdin.

Options:
  --jsonl            one JSON object per document on stdout
  --input-list LIST  read JSON lines {"path","url"} so a page's URL informs extraction
  -h, --help         this help`,
  options: { jsonl: { type: 'boolean' }, 'input-list': { type: 'string' } },
  run(values, positionals) {
    const refs = collectInputs(positionals, values['input-list'] as string | undefined);
    if (!refs.length) {
      process.stderr.write('dateline extract: no input (see --help)\n');
      return 2;
    }
    let good = 0;
    for (const ref of refs) {
      const o = extractItem(load(ref));
      if (!o.ok) {
        reportError(o);
        if (values.jsonl)
          jsonl({ source: o.source, status: 'error', error: { code: o.code, stage: o.stage, message: o.reason } });
        continue;
      }
      good++;
      const v = extractView(o.doc);
      if (values.jsonl) jsonl(v);
      else {
        out(`== ${v.source} [${v.status}]`);
        out(`title:     ${v.title ?? ''}`);
        out(`byline:    ${v.byline ?? ''}`);
        out(`published: ${v.published ?? ''}   language: ${v.language ?? ''}`);
        if (v.captions.length) out(`captions:  ${v.captions.join(' | ')}`);
        out();
        out(v.text);
        out();
      }
    }
    return good > 0 ? 0 : 1;
  },
};
