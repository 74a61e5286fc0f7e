/** The actor network: head actor → head recipient dyads (sigma + graphology), node size by activity, click to filter. */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { useEffect, useRef } from 'preact/hooks';
import { QUADS, useApi } from './api';
import { EventList } from './eventlist';
import { filterQuery, setUrl, type UrlState } from './state';

interface DyadRow {
  actor: string;
  recipient: string;
  key: string;
  n: number;
}

/** Nodes weighted by events, edges by dyad counts coloured by their most frequent quad class. */
function buildGraph(rows: DyadRow[]): Graph {
  const g = new Graph({ type: 'directed', multi: false });
  const byEdge = new Map<string, { a: string; r: string; n: number; quads: Map<string, number> }>();
  for (const d of rows) {
    for (const code of [d.actor, d.recipient]) {
      if (!g.hasNode(code)) g.addNode(code, { label: code, activity: 0 });
      g.updateNodeAttribute(code, 'activity', (v: number) => v + d.n);
    }
    const k = `${d.actor}>${d.recipient}`;
    const e = byEdge.get(k) ?? { a: d.actor, r: d.recipient, n: 0, quads: new Map() };
    e.n += d.n;
    e.quads.set(d.key, (e.quads.get(d.key) ?? 0) + d.n);
    byEdge.set(k, e);
  }
  const maxN = Math.max(1, ...[...byEdge.values()].map((e) => e.n));
  for (const e of byEdge.values()) {
    const quad = [...e.quads.entries()].sort((x, y) => y[1] - x[1])[0][0];
    if (e.a === e.r) continue; // self-loops draw as nothing useful
    g.addDirectedEdge(e.a, e.r, { size: 1 + 4 * (e.n / maxN), color: QUADS[quad]?.color ?? '#999', weight: e.n });
  }
  const maxA = Math.max(1, ...g.mapNodes((_, a) => a.activity as number));
  let i = 0;
  g.forEachNode((node, a) => {
    const angle = (2 * Math.PI * i++) / g.order;
    g.mergeNodeAttributes(node, {
      x: Math.cos(angle),
      y: Math.sin(angle),
      size: 3 + 9 * Math.sqrt((a.activity as number) / maxA),
      color: '#546e7a',
    });
  });
  // Strong gravity keeps the small disconnected groups of a filtered store on screen; sizes keep nodes apart.
  if (g.order > 2)
    forceAtlas2.assign(g, {
      iterations: 500,
      settings: {
        ...forceAtlas2.inferSettings(g),
        strongGravityMode: true,
        gravity: 0.05,
        scalingRatio: 30,
        adjustSizes: true,
      },
    });
  return g;
}

/** The sigma canvas. */
function Canvas({ rows }: { rows: DyadRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const g = buildGraph(rows);
    const sigma = new Sigma(g, ref.current!, {
      defaultEdgeType: 'arrow',
      labelRenderedSizeThreshold: 0,
      labelDensity: 1,
      labelGridCellSize: 40,
      labelSize: 12,
      minEdgeThickness: 1.5,
      renderEdgeLabels: false,
    });
    sigma.on('clickNode', ({ node }) => setUrl({ party: node }));
    sigma.on('enterNode', () => ref.current && (ref.current.style.cursor = 'pointer'));
    sigma.on('leaveNode', () => ref.current && (ref.current.style.cursor = ''));
    return () => sigma.kill();
  }, [rows]);
  return <div class="graph" ref={ref} role="img" aria-label="actor network: arrows from source actor to target" />;
}

/** The network view, with the most active actors as buttons for keyboard use. */
export function NetworkView({ s }: { s: UrlState }) {
  const r = useApi<{ dyads: DyadRow[] }>(`api/dyads?${filterQuery(s, { by: 'quad', limit: 400 })}`);
  const activity = new Map<string, number>();
  for (const d of r.data?.dyads ?? [])
    for (const c of [d.actor, d.recipient]) activity.set(c, (activity.get(c) ?? 0) + d.n);
  const top = [...activity.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16);
  return (
    <div class="view network">
      <div class="viewhead">
        <h2>Who acts on whom</h2>
        <p class="muted">
          Arrows run from source actor to target; width by events, colour by the commonest quad class.
        </p>
      </div>
      {r.error && <p class="error">{r.error}</p>}
      {r.data && r.data.dyads.length === 0 && <p class="muted">No events with both sides match these filters.</p>}
      {r.data && r.data.dyads.length > 0 && (
        <div class="netwrap">
          <Canvas rows={r.data.dyads} />
          <div class="actors" role="group" aria-label="Filter by actor">
            <h3>Most active</h3>
            {top.map(([code, n]) => (
              <button
                key={code}
                class={s.party === code ? 'chip on' : 'chip'}
                onClick={() => setUrl({ party: s.party === code ? '' : code })}
              >
                {code} <span class="muted">{n}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      <EventList s={s} />
    </div>
  );
}
