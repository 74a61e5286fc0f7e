/** Reading PolNeAR's BRAT standoff attributions (Source, Cue, Content; discontinuous spans joined by ';'). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../doc/index.js';

/** One gold attribution: content, cue and source as lists of pieces. */
export interface GoldAttribution {
  content: Span[];
  cue: Span[];
  source: Span[] | null;
}

/** A PolNeAR article: its text and the attributions of one annotator. */
export interface GoldDoc {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

function pieces(spec: string): Span[] {
  return spec.split(';').map((p) => {
    const [a, b] = p.trim().split(/\s+/).map(Number);
    return { start: a, end: b };
  });
}

/** Parse one .ann file into attributions. */
export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const rels: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, head] = line.split('\t');
      if (head === undefined) continue;
      const sp = head.indexOf(' ');
      spans.set(id, pieces(head.slice(sp + 1)));
    } else if (line.startsWith('E')) rels.push(line.split('\t')[1] ?? '');
  }
  const out: GoldAttribution[] = [];
  for (const r of rels) {
    const args = new Map(
      r
        .trim()
        .split(/\s+/)
        .map((kv) => kv.split(':') as [string, string]),
    );
    const kind = r.split(':')[0];
    if (kind !== 'Attribution' && kind !== 'Attribution-no-source') continue;
    const content = spans.get(args.get('Content') ?? '');
    if (!content) continue;
    const src = args.get('Source');
    out.push({ content, cue: spans.get(args.get('Cue') ?? '') ?? [], source: src ? (spans.get(src) ?? null) : null });
  }
  return out;
}

/** Load a PolNeAR split (`train` or `dev`) from its root, one annotator per article (the first by file name). */
export function loadPolnear(root: string, split: string): GoldDoc[] {
  const textDir = join(root, split, 'text');
  const annDir = join(root, split, 'attributions');
  const anns = readdirSync(annDir).sort();
  const out: GoldDoc[] = [];
  for (const f of readdirSync(textDir).sort()) {
    const stem = f.replace(/\.txt$/, '');
    const ann = anns.find((a) => a.startsWith(stem + '_'));
    if (!ann) continue;
    out.push({
      name: stem,
      text: readFileSync(join(textDir, f), 'utf8'),
      attributions: parseAnn(readFileSync(join(annDir, ann), 'utf8')),
    });
  }
  return out;
}
