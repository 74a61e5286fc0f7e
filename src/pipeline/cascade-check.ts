/**
 * `npm run check:cascade [-- aeb] [-- news]`: what the cascade changes. Runs every page twice in process — the full
 * parse (every sentence, every stage) and the cascade — and compares each layer (events, quotes, mentions,
 * entities, places; mentions referred to by span, so renumbered ids are not changes), on political pages and on
 * the others, with the share of sentences parsed. Pages: the AEB pages (the bench:pipeline corpus) and the news-dev
 * train articles with 40 PolNeAR dev texts. Nothing of ../shared is written anywhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Doc } from '../doc/index.js';
import { sharedRoot } from '../doc/resources.js';
import { extract } from '../extract/index.js';
import { actorsStage } from '../actors/index.js';
import { eventsStage } from '../events/index.js';
import { loadNewsDev } from '../events/newsdev.js';
import { nlpStage } from '../nlp/index.js';
import { placesStage } from '../places/index.js';
import { quotesStage } from '../quotes/index.js';
import { relevanceStage } from '../relevance/index.js';
import { cascadePlanOf, cascadeStage, eventsWhenPlanned } from './cascade.js';
import { Pipeline } from './pipeline.js';

const span = (d: Doc, id: string | undefined | null): string | null => {
  if (!id) return null;
  const m = (d.layers.mentions ?? []).find((x) => x.id === id);
  return m ? `${m.start}-${m.end}` : id;
};

/** Each layer as a list of comparable strings. */
const LAYERS: Record<string, (d: Doc) => string[]> = {
  events: (d) =>
    (d.layers.events ?? []).map((e) =>
      JSON.stringify({
        ...e,
        actor: e.actor.map((x) => span(d, x)),
        recipient: e.recipient.map((x) => span(d, x)),
        reportedBy: span(d, e.reportedBy),
      }),
    ),
  quotes: (d) =>
    (d.layers.quotes ?? []).map((q) => JSON.stringify([q.content, q.cue, q.source, span(d, q.speaker), q.direct])),
  mentions: (d) =>
    (d.layers.mentions ?? []).map((m) =>
      JSON.stringify([m.start, m.end, m.country, m.sector, m.name, span(d, m.antecedent)]),
    ),
  entities: (d) => (d.layers.entities ?? []).map((e) => JSON.stringify([e.start, e.end, e.label])),
  places: (d) => (d.layers.places ?? []).map((p) => JSON.stringify(p)),
};

function files(root: string, sets: string[]): string[] {
  const out: string[] = [];
  if (sets.includes('aeb')) {
    const dir = join(root, 'data', 'extraction', 'aeb', 'html');
    out.push(
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.html.gz'))
        .sort()
        .map((f) => join(dir, f)),
    );
  }
  if (sets.includes('news')) {
    out.push(
      ...loadNewsDev()
        .filter((a) => a.split === 'train')
        .map((a) => join(root, a.path)),
    );
    const dir = join(root, 'data', 'quotes', 'polnear', 'dev', 'text');
    out.push(
      ...readdirSync(dir)
        .sort()
        .slice(0, 40)
        .map((f) => join(dir, f)),
    );
  }
  return out;
}

type Count = { n: number; differ: number };

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.log('check:cascade skipped: ../shared not found');
    return;
  }
  const sets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const rest = () => [actorsStage(), quotesStage()];
  const full = new Pipeline([nlpStage(), relevanceStage(), ...rest(), eventsStage(), placesStage()]);
  const cas = new Pipeline([
    nlpStage({ parse: false }),
    relevanceStage(),
    cascadeStage(),
    ...rest(),
    eventsWhenPlanned(eventsStage()),
    placesStage(),
  ]);
  const st = {
    political: { docs: 0, sentences: 0, parsed: 0, layers: {} as Record<string, Count> },
    nonPolitical: { docs: 0, sentences: 0, parsed: 0, layers: {} as Record<string, Count> },
    ms: { full: 0, cascade: 0 },
  };
  for (const f of files(root, sets.length ? sets : ['aeb', 'news'])) {
    let bytes = readFileSync(f);
    if (f.endsWith('.gz')) bytes = gunzipSync(bytes);
    const mk = (): Doc | null => {
      const r = extract({ bytes, source: f });
      return r.ok && r.value.meta.status === 'article' ? r.value : null;
    };
    const a = mk();
    const b = mk();
    if (!a || !b) continue;
    let t0 = performance.now();
    full.run(a);
    st.ms.full += performance.now() - t0;
    t0 = performance.now();
    cas.run(b);
    st.ms.cascade += performance.now() - t0;
    const plan = cascadePlanOf(b)!;
    const g = plan.events ? st.political : st.nonPolitical;
    g.docs++;
    g.sentences += plan.parse.length;
    g.parsed += plan.parse.reduce((x, y) => x + y, 0);
    for (const [name, of] of Object.entries(LAYERS)) {
      const A = of(a);
      const B = new Set(of(b));
      const c = (g.layers[name] ??= { n: 0, differ: 0 });
      c.n += A.length;
      // A changed item counts once (lost in one run, found in the other).
      c.differ += Math.max(A.filter((x) => !B.has(x)).length, [...B].filter((x) => !A.includes(x)).length);
    }
  }
  st.ms.full = Math.round(st.ms.full);
  st.ms.cascade = Math.round(st.ms.cascade);
  console.log(JSON.stringify(st, null, 2));
}

main();
