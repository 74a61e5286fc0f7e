/**
 * Rebuilds data/events/cameo.json from the CAMEO facts in ../shared: code, name,
 * Goldstein value, quad class and the CAMEO→PLOVER (type, mode, context) mapping.
 * Run: npx tsx src/events/ontology/build.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { dataPath, sharedRoot } from '../../doc/resources.js';
import type { CameoCode } from './index.js';

/** Parse one CAMEO2PLOVER line "0311: AGREE,  ,   economic # ..." into its parts. */
function parseMapLine(line: string): { code: string; type: string; mode: string; context: string } | null {
  const m = /^(\d{2,4}):\s*([^#]*)/.exec(line);
  if (!m) return null;
  const parts = m[2].split(',').map((s) => s.trim());
  return { code: m[1], type: parts[0] ?? '', mode: parts[1] ?? '', context: parts[2] ?? '' };
}

function main(): void {
  const root = sharedRoot();
  if (!root) throw new Error('no ../shared');
  const dir = join(root, 'data', 'events');
  const plover = JSON.parse(readFileSync(dataPath('events', 'plover.json'), 'utf8'));
  const gq = JSON.parse(readFileSync(join(dir, 'cameo_goldstein_quad.json'), 'utf8'));
  const names = new Map<string, string>();
  const gold = new Map<string, number>();
  for (const line of readFileSync(join(dir, 'cameoCodeTable_gdeltPyR.tsv'), 'utf8').split('\n').slice(1)) {
    const [code, desc, g] = line.split('\t');
    if (!code || !/^\d+$/.test(code.trim())) continue;
    names.set(code.trim(), desc.trim().replace(/\.$/, ''));
    gold.set(code.trim(), Number(g));
  }
  for (const [c, g] of Object.entries(gq.goldstein_by_cameo_code as Record<string, number>))
    if (!gold.has(c)) gold.set(c, g);
  const map = new Map<string, { type: string; mode: string; context: string }>();
  for (const line of readFileSync(join(dir, 'CAMEO2PLOVER-2021.txt'), 'utf8').split('\n')) {
    const p = parseMapLine(line);
    // First row wins: the table lists root 08 twice (CONCEDE, then RETREAT for 084-087).
    if (p && !map.has(p.code)) map.set(p.code, p);
  }
  const codes = new Set([...names.keys(), ...map.keys()]);
  const rows: CameoCode[] = [];
  for (const code of [...codes].sort()) {
    // A code without its own PLOVER row inherits from its nearest ancestor (e.g. 1823 from 182).
    let m: { type: string; mode: string; context: string } | undefined;
    for (let k = code.length; k >= 2 && !m?.type; k--) m = map.get(code.slice(0, k));
    let type = m?.type ? m.type.toUpperCase() : null;
    if (type && !plover.types[type]) type = plover.labelAliases[type] ?? null;
    let context = (m?.context ?? '').trim() || null;
    let mode = (m?.mode ?? '').trim();
    // The published table has a few rows with a context in the mode column (175: pro_autocracy); move it.
    if (type && mode && !(mode in plover.types[type].modes) && plover.contexts.includes(mode)) {
      context = context ?? mode;
      mode = '';
    }
    const contexts = (context ?? '')
      .split(/[;,]/)
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => plover.contextAliases[c] ?? c)
      .filter((c) => plover.contexts.includes(c));
    const rootQuad = gq.quad_conversion_root_to_quad[code.slice(0, 2)] ?? 0;
    rows.push({
      code,
      name: (names.get(code) ?? '').replace(/\[.*$/, '').replace(/\s+/g, ' ').trim(),
      goldstein: gold.get(code) ?? gold.get(code.slice(0, 3)) ?? gold.get(code.slice(0, 2)) ?? 0,
      quad: rootQuad,
      plover: type,
      mode,
      contexts,
    });
  }
  const out = dataPath('events', 'cameo.json');
  const text = JSON.stringify(
    { source: 'CAMEO code table (GDELT), Phoenix Goldstein/quad table, CAMEO2PLOVER-2021 (facts)', codes: rows },
    null,
    0,
  );
  writeFileSync(out, text + '\n');
  console.log(
    `wrote ${rows.length} codes to ${out} sha256 ${createHash('sha256')
      .update(text + '\n')
      .digest('hex')
      .slice(0, 12)}`,
  );
}

main();
