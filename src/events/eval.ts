/**
 * `npm run eval:events`: the full pipeline (nlp → actors → events) on raw
 * sentences from ../shared, scored on (a) PLV pair recall and type accuracy on
 * found pairs, (b) PLOVER GSR type accuracy and actor/recipient country+sector,
 * (c) PETRARCH unit tests mapped to PLOVER; per-type confusion; sentences/s.
 * Reports the held-out dev split (never trained on) and, for reference, all rows.
 * Flags: --no-model (rules only), --split=dev|train|all (default dev).
 */
import { sharedRoot } from '../doc/resources.js';
import type { Doc, EventRecord, Span } from '../doc/index.js';
import { eventTextRank, loadGsr, loadPetrarch, loadPlv, type GsrRow, type PlvRow } from './evaldata.js';
import { ploverTypes } from './ontology/index.js';
import { makePreprocessor, stageFailures } from './run.js';
import { codeEvents } from './index.js';

const args = new Set(process.argv.slice(2));
const useModel = !args.has('--no-model');
const split = [...args].find((a) => a.startsWith('--split='))?.slice(8) ?? 'dev';

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Spans standing for an event's participants on one side: its mentions and its argument phrases. */
function side(doc: Doc, ids: string[], spans: Span[] | undefined): Span[] {
  const ms = doc.layers.mentions ?? [];
  const out: Span[] = [...(spans ?? [])];
  // A pronoun or coreferent mention stands for its antecedent too ("he" → "Hollande").
  for (const id of ids) {
    let m = ms.find((x) => x.id === id);
    for (let k = 0; m && k < 4; k++) {
      out.push(m);
      m = m.antecedent ? ms.find((x) => x.id === m!.antecedent) : undefined;
    }
  }
  return out;
}

/** Gold type matches prediction; PLV's old YIELD is right as CONCEDE or RETREAT. */
function typeOk(gold: string, pred: string): boolean {
  return gold === pred || (gold === 'YIELD' && (pred === 'CONCEDE' || pred === 'RETREAT'));
}

class Confusion {
  private readonly m = new Map<string, Map<string, number>>();
  add(gold: string, pred: string): void {
    let r = this.m.get(gold);
    if (!r) this.m.set(gold, (r = new Map()));
    r.set(pred, (r.get(pred) ?? 0) + 1);
  }
  print(title: string): void {
    const cols = [...ploverTypes(), 'NONE'];
    const ab = (t: string): string => t.slice(0, 4);
    console.log(`\n${title} (rows gold, columns predicted)`);
    console.log('gold      ' + cols.map((c) => ab(c).padStart(5)).join('') + '   acc');
    for (const g of [...ploverTypes(), 'YIELD']) {
      const r = this.m.get(g);
      if (!r) continue;
      const n = [...r.values()].reduce((a, b) => a + b, 0);
      const ok = [...r].filter(([p]) => typeOk(g, p)).reduce((a, [, c]) => a + c, 0);
      console.log(
        g.padEnd(10) + cols.map((c) => String(r.get(c) ?? '').padStart(5)).join('') + `  ${(ok / n).toFixed(2)}`,
      );
    }
  }
}

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}% (${a}/${b})` : 'n/a');

function main(): void {
  if (!sharedRoot()) {
    console.log('eval:events: no ../shared, skipped');
    return;
  }
  const pre = makePreprocessor();
  let sentences = 0;
  let preMs = 0;
  let evMs = 0;
  const cache = new Map<string, { doc: Doc; events: EventRecord[] }>();
  const process1 = (text: string, date?: string): { doc: Doc; events: EventRecord[] } => {
    const key = `${date ?? ''}\u0000${text}`;
    let r = cache.get(key);
    if (!r) {
      const t0 = performance.now();
      const doc = pre(text, date);
      const t1 = performance.now();
      const events = codeEvents(doc, { model: useModel });
      const t2 = performance.now();
      preMs += t1 - t0;
      evMs += t2 - t1;
      sentences += doc.layers.sentences?.length ?? 0;
      r = { doc, events };
      cache.set(key, r);
    }
    return r;
  };
  const keep = (dev: boolean): boolean => split === 'all' || (split === 'dev' ? dev : !dev);
  console.log(`eval:events — split=${split}, model=${useModel ? 'on' : 'off'}`);

  // (a) PLV
  const plv = loadPlv().filter((r: PlvRow) => keep(r.dev) && r.source && r.target);
  let found = 0;
  let directed = 0;
  let typeRight = 0;
  let anyEvent = 0;
  const plvConf = new Confusion();
  for (const r of plv) {
    const { doc, events } = process1(r.text);
    if (events.length) anyEvent++;
    const src = r.source!;
    const tgt = r.target!;
    const hits = events.filter((e) => {
      const all = [...side(doc, e.actor, e.actorSpans), ...side(doc, e.recipient, e.recipientSpans)];
      return all.some((s) => overlaps(s, src)) && all.some((s) => overlaps(s, tgt));
    });
    if (hits.length) {
      found++;
      // The event for this pair: one whose actor matches the source and recipient the target if any, then the most confident.
      const isDirected = (e: EventRecord): boolean =>
        side(doc, e.actor, e.actorSpans).some((s) => overlaps(s, src)) &&
        side(doc, e.recipient, e.recipientSpans).some((s) => overlaps(s, tgt));
      const pool = hits.some(isDirected) ? hits.filter(isDirected) : hits;
      const best = pool.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      if (typeOk(r.type, best.type)) typeRight++;
      plvConf.add(r.type, best.type);
      if (
        hits.some(
          (e) =>
            side(doc, e.actor, e.actorSpans).some((s) => overlaps(s, src)) &&
            side(doc, e.recipient, e.recipientSpans).some((s) => overlaps(s, tgt)),
        )
      )
        directed++;
    } else plvConf.add(r.type, 'NONE');
  }
  console.log(`\n(a) PLV ${split}: ${plv.length} rows`);
  console.log(`  pair recall (participants overlap gold source and target): ${pct(found, plv.length)}`);
  console.log(`  directed pair recall (actor~source, recipient~target):     ${pct(directed, plv.length)}`);
  console.log(`  type accuracy on found pairs:                              ${pct(typeRight, found)}`);
  console.log(`  rows whose sentence has any event:                         ${pct(anyEvent, plv.length)}`);
  plvConf.print('PLV confusion on pairs (NONE = pair not found)');

  // (b) GSR
  const gsr = loadGsr().filter((r: GsrRow) => keep(r.dev));
  let gType = 0;
  let gHave = 0;
  let aCountry = 0;
  let aCountryN = 0;
  let aSector = 0;
  let aSectorN = 0;
  let rCountry = 0;
  let rCountryN = 0;
  let rSector = 0;
  let rSectorN = 0;
  const gConf = new Confusion();
  for (const r of gsr) {
    const { doc, events } = process1(r.text);
    // Align with the gold trigger: the event whose trigger comes earliest in the gold event text, else the most confident.
    const ranked = events
      .map((e) => ({ e, k: eventTextRank(r.eventText, doc.text.slice(e.trigger.start, e.trigger.end)) }))
      .filter((x) => x.k >= 0)
      .sort((a, b) => a.k - b.k || b.e.confidence - a.e.confidence);
    const best = ranked.length
      ? ranked[0].e
      : events.length
        ? events.reduce((a, b) => (b.confidence > a.confidence ? b : a))
        : null;
    gConf.add(r.type, best?.type ?? 'NONE');
    if (!best) continue;
    gHave++;
    if (best.type === r.type) gType++;
    const ms = doc.layers.mentions ?? [];
    const get = (ids: string[]) => ids.map((id) => ms.find((m) => m.id === id)!).filter(Boolean);
    const score = (gold: GsrRow['source'], pred: ReturnType<typeof get>, c: [number, number], s: [number, number]) => {
      const gc = new Set(gold.map((g) => g.country).filter(Boolean));
      if (gc.size) {
        c[1]++;
        if (pred.some((m) => m.country && gc.has(m.country))) c[0]++;
      }
      const gs = new Set(gold.map((g) => g.sector).filter(Boolean));
      if (gs.size) {
        s[1]++;
        if (pred.some((m) => gs.has(m.sector))) s[0]++;
      }
    };
    const ac: [number, number] = [0, 0];
    const as: [number, number] = [0, 0];
    const rc: [number, number] = [0, 0];
    const rs: [number, number] = [0, 0];
    score(r.source, get(best.actor), ac, as);
    score(r.target, get(best.recipient), rc, rs);
    aCountry += ac[0];
    aCountryN += ac[1];
    aSector += as[0];
    aSectorN += as[1];
    rCountry += rc[0];
    rCountryN += rc[1];
    rSector += rs[0];
    rSectorN += rs[1];
  }
  console.log(`\n(b) PLOVER GSR ${split}: ${gsr.length} records`);
  console.log(`  type accuracy (all records; no event = wrong): ${pct(gType, gsr.length)}`);
  console.log(`  type accuracy where an event was coded:        ${pct(gType, gHave)}`);
  console.log(`  actor country: ${pct(aCountry, aCountryN)}   actor sector: ${pct(aSector, aSectorN)}`);
  console.log(`  recipient country: ${pct(rCountry, rCountryN)}   recipient sector: ${pct(rSector, rSectorN)}`);
  gConf.print('GSR confusion');

  // (c) PETRARCH unit tests (fictional actors: type only)
  const petr = loadPetrarch();
  let pRight = 0;
  let pN = 0;
  let quiet = 0;
  let quietN = 0;
  for (const r of petr) {
    const { events } = process1(r.text, r.date);
    const want = new Set(r.codings.map((c) => c.type).filter((t): t is string => !!t));
    if (r.codings.length && !want.size) continue; // only 01/02 codes: no PLOVER event
    if (!r.codings.length) {
      quietN++;
      if (!events.length) quiet++;
      continue;
    }
    pN++;
    if (events.some((e) => want.has(e.type))) pRight++;
  }
  console.log(
    `\n(c) PETRARCH unit tests (all; not trained on unless stated in docs/events.md): ${petr.length} sentences`,
  );
  console.log(
    `  expected PLOVER type found: ${pct(pRight, pN)}   no-event sentences left empty: ${pct(quiet, quietN)}`,
  );

  if (stageFailures.size)
    console.log(
      `\nupstream stage failures (their layers left empty): ${JSON.stringify(Object.fromEntries(stageFailures))}`,
    );
  console.log(
    `\nspeed: ${sentences} sentences; nlp+actors ${(preMs / 1000).toFixed(2)} s, events ${(evMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `  whole chain ${((sentences * 1000) / (preMs + evMs)).toFixed(0)} sentences/s; events stage alone ${((sentences * 1000) / evMs).toFixed(0)} sentences/s (one core, in-process)`,
  );
}

main();
