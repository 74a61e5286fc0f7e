/**
 * Stand-in for `dateline extract --jsonl FILES...` until the CLI lands: reads each file, extracts
 * it and prints one JSON object per document. The benchmark times this (or the real CLI) end to
 * end, process start included.
 */
import { readFileSync } from 'node:fs';
import { bodyText } from '../doc/index.js';
import { extract } from './index.js';

/** The JSON line printed for one input. */
export function jsonLine(source: string, bytes: Uint8Array): string {
  const r = extract({ bytes, source });
  if (!r.ok) return JSON.stringify({ source, error: r.code, reason: r.reason });
  const d = r.value;
  const m = d.meta;
  const captions = (d.layers.blocks ?? []).filter((b) => b.kind === 'caption').map((b) => d.text.slice(b.start, b.end));
  return JSON.stringify({
    source,
    url: d.source.canonicalUrl ?? d.source.url,
    status: m.status,
    title: m.title?.value ?? null,
    byline: m.byline?.value ?? null,
    published: m.published?.value ?? null,
    language: m.language?.value ?? null,
    text: bodyText(d),
    captions,
  });
}

/** Run over the files named on the command line. */
function main(files: string[]): void {
  const out: string[] = [];
  for (const f of files) {
    out.push(jsonLine(f, readFileSync(f)));
    if (out.length >= 64) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && /run\.(js|ts)$/.test(process.argv[1])) main(process.argv.slice(2));
