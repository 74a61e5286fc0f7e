/**
 * The baseline for the benchmark: @mozilla/readability on a linkedom DOM, one JSON line per
 * file with the article text, so it is timed the same way as our extractor (one process, one core).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Readability's text for one page, or '' when it finds no article. */
export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  // Readability's typings expect a browser Document; linkedom's is compatible enough for its use.
  const art = new Readability(document as unknown as Document).parse();
  return art?.textContent ?? '';
}

function main(files: string[]): void {
  for (const f of files) {
    let buf = readFileSync(f);
    if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
    let text = '';
    try {
      text = readabilityText(buf.toString('utf8'));
    } catch (e) {
      text = '';
      process.stderr.write(`${f}: ${(e as Error).message}\n`);
    }
    process.stdout.write(JSON.stringify({ source: f, text }) + '\n');
  }
}

if (process.argv[1] && /readability-run\.(js|ts)$/.test(process.argv[1])) main(process.argv.slice(2));
