/**
 * Compiles the hand-written lexicon source (data/events/lexicon.txt) into
 * data/events/lexicon.json, resolving each section's CAMEO code to PLOVER type,
 * mode, contexts, quad and Goldstein through the ontology. Run:
 *   npx tsx src/events/lexicon/compile.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dataPath } from '../../doc/resources.js';
import { cameoToPlover, goldstein, normalizeContext, ploverType } from '../ontology/index.js';
import type { LexEntry } from './types.js';

/** Parse the lexicon source text into entries; throws with a line number on a malformed line. */
export function parseLexicon(src: string): LexEntry[] {
  const out: LexEntry[] = [];
  let section: { cameo: string; type: string; mode: string; contexts: string[]; block: boolean } | null = null;
  const lines = src.split('\n');
  lines.forEach((raw, ln) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const head = /^\[(.+)\]$/.exec(line);
    if (head) {
      const parts = head[1].trim().split(/\s+/);
      if (parts[0] === 'NONE') {
        section = { cameo: '', type: 'NONE', mode: '', contexts: [], block: true };
        return;
      }
      const cameo = parts[0];
      const base = cameoToPlover(cameo);
      let type = base?.type ?? '';
      let mode = base?.mode ?? '';
      let contexts = base?.contexts ?? [];
      for (const p of parts.slice(1)) {
        if (p.startsWith('ctx=')) {
          contexts = p
            .slice(4)
            .split(',')
            .map((c) => {
              const n = normalizeContext(c);
              if (!n) throw new Error(`lexicon line ${ln + 1}: unknown context ${c}`);
              return n;
            });
        } else {
          const [t, m] = p.split('/');
          type = t;
          mode = m ?? '';
        }
      }
      if (!ploverType(type)) throw new Error(`lexicon line ${ln + 1}: unknown type ${type} for ${cameo}`);
      section = { cameo, type, mode, contexts, block: false };
      return;
    }
    const m = /^([vna]):\s*(.*)$/.exec(line);
    if (!m || !section) throw new Error(`lexicon line ${ln + 1}: cannot parse "${line}"`);
    const pos = m[1] as 'v' | 'n' | 'a';
    for (const item of m[2]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const words: string[] = [];
      let prep: string | undefined;
      let objs: string[] | undefined;
      let govs: string[] | undefined;
      for (const tok of item.split(/\s+(?=[+=^])/)) {
        if (tok.startsWith('+')) prep = tok.slice(1).toLowerCase();
        else if (tok.startsWith('=')) objs = tok.slice(1).toLowerCase().split('|');
        else if (tok.startsWith('^')) govs = tok.slice(1).toLowerCase().split('|');
        else words.push(...tok.toLowerCase().split(/\s+/));
      }
      const s = section as { cameo: string; type: string; mode: string; contexts: string[]; block: boolean };
      out.push({
        id: `L${out.length}`,
        pos,
        words,
        ...(prep ? { prep } : {}),
        ...(objs ? { objs } : {}),
        ...(govs ? { govs } : {}),
        cameo: s.cameo,
        type: s.type,
        mode: s.mode,
        contexts: s.contexts,
        goldstein: s.block ? 0 : goldstein(s.cameo),
        block: s.block,
        text: item,
      });
    }
  });
  return out;
}

const SOURCES: Record<string, { source: string; licence: string }> = {
  'plover.json': {
    source: 'written for dateline from the PLOVER v2 draft manual definitions',
    licence: 'CC BY-SA 4.0 (PLOVER facts), MIT (this file)',
  },
  'cameo.json': {
    source:
      'built by src/events/ontology/build.ts from CAMEO code table, Goldstein scale and CAMEO2PLOVER-2021 in ../shared (facts)',
    licence: 'facts; CC BY-SA 4.0 (PLOVER mapping)',
  },
  'lexicon.txt': { source: 'written for dateline from the PLOVER and CAMEO definitions', licence: 'MIT' },
  'lexicon.json': { source: 'compiled from lexicon.txt by src/events/lexicon/compile.ts', licence: 'MIT' },
  'grammar.json': { source: 'written for dateline', licence: 'MIT' },
  'stance.json': {
    source: 'written for dateline (word lists of the stance frames, src/events/stance.ts)',
    licence: 'MIT',
  },
  'model.json': {
    source: 'trained by src/events/train.ts on ../shared/data/events (see docs/events.md)',
    licence: 'MIT (weights); training data licences in docs/models.md',
  },
  'gate.json': {
    source:
      'trained by src/events/gate-train.ts on news-dev train articles, WCXB dev pages (train page split) and PLV train rows in ../shared (see docs/events.md)',
    licence: 'MIT (weights); training data licences in docs/models.md',
  },
};

/** Rewrite data/events/manifest.json with each file's sha256. */
export function writeManifest(): void {
  const files: Record<string, unknown> = {};
  for (const f of readdirSync(dataPath('events')).sort()) {
    if (f === 'manifest.json') continue;
    const sha256 = createHash('sha256')
      .update(readFileSync(dataPath('events', f)))
      .digest('hex');
    files[f] = { sha256, ...(SOURCES[f] ?? { source: 'dateline', licence: 'MIT' }) };
  }
  writeFileSync(
    dataPath('events', 'manifest.json'),
    JSON.stringify({ stage: 'events', version: '1', files }, null, 1) + '\n',
  );
}

function main(): void {
  const src = readFileSync(dataPath('events', 'lexicon.txt'), 'utf8');
  const entries = parseLexicon(src);
  writeFileSync(dataPath('events', 'lexicon.json'), JSON.stringify({ version: 1, entries }) + '\n');
  const byType = new Map<string, number>();
  for (const e of entries) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const patterns = entries.reduce((n, e) => n + (e.objs?.length ?? 1) * (e.govs?.length ?? 1), 0);
  writeManifest();
  console.log(
    `${entries.length} lexicon items (${patterns} predicate patterns once object lists expand)`,
    Object.fromEntries(byType),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
