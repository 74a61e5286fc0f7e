/**
 * `npm run eval:quotes`: PolNeAR content-span P/R/F1 and speaker accuracy on
 * matched contents (dev split by default), and tone Pearson r on the VADER NYT
 * editorial sentences next to VADER itself measured in the same run.
 *
 *   npx tsx src/quotes/eval.ts [--split dev|train] [--plain] [--no-actors] [--limit N] [--dump FILE] [--no-tone] [--no-quotes]
 *
 * --plain skips the nlp and actors stages and uses the plain tokenizer (the floor
 * this stage degrades to). Skips cleanly when ../shared is absent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createDoc, sharedRoot } from '../doc/index.js';
import type { Block, Doc, Mention } from '../doc/index.js';
import { addPlainLayers } from './plain-doc.js';
import { findAttributions } from './attribute.js';
import { resolveSpeakers, mentionFor } from './speaker.js';
import { scoreText, toneOf } from './tone.js';
import { loadPolnear } from './brat.js';
import { crossValidate, readNytRatings } from './tone-fit.js';
import { matchSpans, overlaps, pearson, tokenSet, wordStarts } from './score.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name: string): boolean => args.includes(name);

/** Paragraph blocks over a plain text (blank-line separated), as extraction would give them. */
function paragraphBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g)) {
    const s = m.index!;
    const t = m[0];
    const lead = t.length - t.trimStart().length;
    const trail = t.length - t.trimEnd().length;
    if (t.trim()) out.push({ start: s + lead, end: s + t.length - trail, kind: 'paragraph' });
  }
  return out;
}

interface Stages {
  nlp: ((d: Doc) => void) | null;
  actors: ((d: Doc) => void) | null;
}

async function loadStages(plain: boolean): Promise<Stages> {
  const st: Stages = { nlp: null, actors: null };
  if (plain) return st;
  const probe = createDoc('Officials in Paris said on Monday that talks would resume.');
  probe.layers.blocks = paragraphBlocks(probe.text);
  try {
    const { nlpStage } = await import('../nlp/index.js');
    const s = nlpStage();
    s.run(probe);
    st.nlp = (d) => s.run(d);
  } catch (e) {
    console.error(`nlp stage unavailable (${(e as Error).message}); using the plain tokenizer`);
    return st;
  }
  if (flag('--no-actors')) return st;
  try {
    const { actorsStage } = await import('../actors/index.js');
    const s = actorsStage();
    s.run(probe);
    st.actors = (d) => s.run(d);
  } catch (e) {
    console.error(`actors stage unavailable (${(e as Error).message}); no mentions`);
  }
  return st;
}

/** Documents on which an upstream stage threw (they fall back to plain tokens or no mentions). */
const upstreamFailures: string[] = [];

function prepare(text: string, st: Stages, name: string): Doc {
  const doc = createDoc(text);
  doc.layers.blocks = paragraphBlocks(text);
  try {
    if (st.nlp) st.nlp(doc);
    else addPlainLayers(doc);
  } catch (e) {
    upstreamFailures.push(`${name}: nlp: ${(e as Error).message}`);
    addPlainLayers(doc);
  }
  try {
    if (st.actors) st.actors(doc);
  } catch (e) {
    upstreamFailures.push(`${name}: actors: ${(e as Error).message}`);
  }
  doc.layers.mentions ??= [];
  return doc;
}

function nameOf(doc: Doc, m: Mention | null): string | null {
  return m && m.name ? m.name : null;
}

async function evalQuotes(root: string): Promise<void> {
  const split = opt('--split') ?? 'dev';
  const limit = Number(opt('--limit') ?? Infinity);
  const st = await loadStages(flag('--plain'));
  const docs = loadPolnear(join(root, 'data', 'quotes', 'polnear'), split).slice(0, limit);
  let tp = 0;
  let nPred = 0;
  let nGold = 0;
  let spkTotal = 0;
  let spkRight = 0;
  const frameStats: Record<string, [number, number]> = {};
  let idTotal = 0;
  let idRight = 0;
  let directTotal = 0;
  let directMatched = 0;
  const dump: string[] = [];
  const t0 = performance.now();
  for (const g of docs) {
    const doc = prepare(g.text, st, g.name);
    const pred = findAttributions(doc);
    const speakers = resolveSpeakers(doc, pred);
    const starts = wordStarts(g.text);
    const pSets = pred.map((p) => tokenSet(starts, [p.content]));
    const gSets = g.attributions.map((a) => tokenSet(starts, a.content));
    const pairs = matchSpans(pSets, gSets);
    tp += pairs.length;
    nPred += pred.length;
    nGold += g.attributions.length;
    const matchedG = new Map(pairs.map(([p, gi]) => [gi, p]));
    const matchedP = new Set(pairs.map(([p]) => p));
    for (let gi = 0; gi < g.attributions.length; gi++) {
      const ga = g.attributions[gi];
      const direct = ga.content.some((c) => /^[“"]/.test(g.text.slice(c.start, c.end)));
      if (direct) {
        directTotal++;
        if (matchedG.has(gi)) directMatched++;
      }
    }
    for (const [p, gi] of pairs) {
      const ga = g.attributions[gi];
      if (!ga.source) continue;
      spkTotal++;
      const a = pred[p];
      const gSrc = tokenSet(starts, ga.source);
      let right = !!a.source && overlaps(tokenSet(starts, [a.source]), gSrc);
      if (!right && a.antecedent) right = overlaps(tokenSet(starts, [a.antecedent]), gSrc);
      if (!right) {
        // Same actor by resolution: our speaker mention and the mention under the gold source name the same identity.
        const ours = speakers[p];
        const om = ours ? ((doc.layers.mentions ?? []).find((m) => m.id === ours) ?? null) : null;
        const gm = mentionFor(doc.layers.mentions ?? [], {
          start: ga.source[0].start,
          end: ga.source[ga.source.length - 1].end,
        });
        const on = nameOf(doc, om);
        right = !!on && on === nameOf(doc, gm);
      }
      // Identity agreement: where a mention lies under the gold source, does our speaker name the same actor?
      const gmAll = mentionFor(doc.layers.mentions ?? [], {
        start: ga.source[0].start,
        end: ga.source[ga.source.length - 1].end,
      });
      if (gmAll?.name) {
        idTotal++;
        const om = speakers[p] ? (doc.layers.mentions ?? []).find((m) => m.id === speakers[p]) : undefined;
        if (om?.name === gmAll.name) idRight++;
        else
          dump.push(
            `ID\t${g.name}\tours=${a.source ? g.text.slice(a.source.start, a.source.end) : '-'}→${om ? `${om.name}[${om.kind}]` : '-'}\tgold=${ga.source.map((x) => g.text.slice(x.start, x.end)).join(' … ')}→${gmAll.name}[${gmAll.kind}]`,
          );
      }
      if (right) spkRight++;
      else if (dump) {
        dump.push(
          `SPK\t${g.name}\t${a.frame}\tours=${a.source ? g.text.slice(a.source.start, a.source.end) : '-'}\tgold=${ga.source.map((s) => g.text.slice(s.start, s.end)).join(' … ')}\t${g.text.slice(a.content.start, a.content.end).slice(0, 80).replace(/\n/g, ' ')}`,
        );
      }
    }
    for (let p = 0; p < pred.length; p++) {
      const fs = (frameStats[pred[p].frame] ??= [0, 0]);
      fs[1]++;
      if (matchedP.has(p)) fs[0]++;
    }
    for (let p = 0; p < pred.length; p++) {
      if (matchedP.has(p)) continue;
      const a = pred[p];
      dump.push(
        `FP\t${g.name}\t${a.frame}\t${a.cue ? g.text.slice(a.cue.start, a.cue.end) : '-'}\t${g.text.slice(a.content.start, a.content.end).slice(0, 140).replace(/\n/g, ' ')}`,
      );
    }
    for (let gi = 0; gi < g.attributions.length; gi++) {
      if (matchedG.has(gi)) continue;
      const ga = g.attributions[gi];
      // The prediction sharing most tokens with this missed content, to tell a wrong span from a missed cue.
      let best = -1;
      let bestN = 0;
      pSets.forEach((ps, p) => {
        let n = 0;
        for (const x of gSets[gi]) if (ps.has(x)) n++;
        if (n > bestN) [best, bestN] = [p, n];
      });
      const near =
        best >= 0
          ? `${matchedP.has(best) ? 'taken' : 'free'}:${bestN}/${gSets[gi].size}/${pSets[best].size}:${pred[best].frame}`
          : 'none';
      dump.push(
        `FN\t${g.name}\t${ga.cue.map((s) => g.text.slice(s.start, s.end)).join(' ')}\t${near}\t${ga.content
          .map((s) => g.text.slice(s.start, s.end))
          .join(' … ')
          .slice(0, 140)
          .replace(/\n/g, ' ')}`,
      );
    }
  }
  const ms = performance.now() - t0;
  const P = tp / Math.max(1, nPred);
  const R = tp / Math.max(1, nGold);
  const F = (2 * P * R) / Math.max(1e-9, P + R);
  const mode = st.nlp ? (st.actors ? 'nlp+actors' : 'nlp') : 'plain tokens';
  console.log(`PolNeAR ${split} (${docs.length} docs, ${mode}, ${ms.toFixed(0)} ms)`);
  console.log(
    `  content  P ${P.toFixed(3)}  R ${R.toFixed(3)}  F1 ${F.toFixed(3)}   (pred ${nPred}, gold ${nGold}, matched ${tp})   bar F1 >= 0.70`,
  );
  console.log(
    `  speaker  ${(spkRight / Math.max(1, spkTotal)).toFixed(3)} of matched contents with a gold source (${spkRight}/${spkTotal})   bar >= 0.80`,
  );
  if (idTotal)
    console.log(
      `  identity ${(idRight / idTotal).toFixed(3)} of matched contents whose gold source has a named mention: our speaker names the same actor (${idRight}/${idTotal})`,
    );
  console.log(
    `  direct   recall ${(directMatched / Math.max(1, directTotal)).toFixed(3)} of gold contents that open with a quote mark (${directMatched}/${directTotal})`,
  );
  if (flag('--frames'))
    for (const [f, [ok, n]] of Object.entries(frameStats))
      console.log(`  frame ${f.padEnd(16)} precision ${(ok / n).toFixed(3)} (${ok}/${n})`);
  if (upstreamFailures.length)
    console.log(
      `  (upstream stage failed on ${upstreamFailures.length} docs, e.g. ${upstreamFailures[0].slice(0, 120)})`,
    );
  const dumpFile = opt('--dump');
  if (dumpFile) writeFileSync(dumpFile, dump.join('\n') + '\n');
}

function evalTone(root: string): void {
  const rows = readNytRatings(root);
  const gold = rows.map((r) => r.rating);
  const cv = crossValidate(rows);
  const shipped = rows.map((r) => scoreText(r.text));
  const gdelt = rows.map((r) => toneOf(r.text).tone);
  console.log(`Tone on NYT editorial sentences (${rows.length})`);
  console.log(`  ours, article-grouped 5-fold CV     r ${cv.r.toFixed(3)}   bar >= 0.50 (out-of-sample figure)`);
  console.log(`  ours, lexicon feature alone         r ${cv.lexiconOnly.toFixed(3)}   (no training on these ratings)`);
  console.log(
    `  ours, shipped model (in-sample)     r ${pearson(shipped, gold).toFixed(3)}   (fitted on these sentences: not an estimate)`,
  );
  console.log(`  ours, GDELT % pos - % neg           r ${pearson(gdelt, gold).toFixed(3)}`);
  try {
    const req = createRequire(import.meta.url);
    const vader = req('vader-sentiment') as {
      SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } };
    };
    const vs = rows.map((r) => vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound);
    console.log(`  VADER compound (baseline)           r ${pearson(vs, gold).toFixed(3)}`);
  } catch {
    console.log('  VADER baseline: vader-sentiment not installed');
  }
}

async function main(): Promise<void> {
  const root = sharedRoot();
  if (!root) {
    console.log('eval:quotes skipped: no ../shared');
    return;
  }
  if (!flag('--no-quotes')) await evalQuotes(root);
  if (!flag('--no-tone')) evalTone(root);
}

await main();
