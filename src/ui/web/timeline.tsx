/** The timeline: events per period stacked by quad class or type (Observable Plot); drag across it to set the dates. */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import { QUADS, useApi } from './api';
import { EventList } from './eventlist';
import { filterQuery, setUrl, type UrlState } from './state';

interface Point {
  period: string;
  key: string;
  n: number;
  tone: number | null;
}

const DAY = 86_400_000;

/** A period fine enough to show the span between `a` and `b` (ISO dates). */
function intervalFor(a?: string, b?: string): 'day' | 'week' | 'month' {
  if (!a || !b) return 'month';
  const days = (Date.parse(b) - Date.parse(a)) / DAY;
  return days <= 120 ? 'day' : days <= 800 ? 'week' : 'month';
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The end of the period starting at `d`. */
function periodEnd(d: Date, interval: 'day' | 'week' | 'month'): Date {
  const e = new Date(d);
  if (interval === 'day') e.setUTCDate(e.getUTCDate() + 1);
  else if (interval === 'week') e.setUTCDate(e.getUTCDate() + 7);
  else e.setUTCMonth(e.getUTCMonth() + 1);
  return e;
}

/** Drag on the plot to select a date range; the selection becomes the since/until filter. */
function attachBrush(svg: SVGSVGElement, plot: ReturnType<typeof Plot.plot>): void {
  const x = plot.scale('x') as { invert?: (v: number) => Date } | undefined;
  if (!x?.invert) return;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('class', 'brush');
  rect.setAttribute('y', '0');
  rect.setAttribute('height', svg.getAttribute('height') ?? '300');
  svg.appendChild(rect);
  let x0: number | null = null;
  const local = (ev: PointerEvent) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener('pointerdown', (ev) => {
    x0 = local(ev);
    svg.setPointerCapture(ev.pointerId);
    rect.setAttribute('x', String(x0));
    rect.setAttribute('width', '0');
  });
  svg.addEventListener('pointermove', (ev) => {
    if (x0 === null) return;
    const x1 = local(ev);
    rect.setAttribute('x', String(Math.min(x0, x1)));
    rect.setAttribute('width', String(Math.abs(x1 - x0)));
  });
  svg.addEventListener('pointerup', (ev) => {
    if (x0 === null) return;
    const x1 = local(ev);
    const [a, b] = [Math.min(x0, x1), Math.max(x0, x1)];
    x0 = null;
    if (b - a < 4) return rect.setAttribute('width', '0');
    setUrl({ since: iso(x.invert!(a)), until: iso(x.invert!(b)) });
  });
}

/** The stacked chart for `points`. */
function Chart({ points, by, interval }: { points: Point[]; by: string; interval: 'day' | 'week' | 'month' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    const width = Math.max(300, el.clientWidth);
    const rows = points.map((p) => {
      const start = new Date(p.period + 'T00:00:00Z');
      return {
        ...p,
        start,
        end: periodEnd(start, interval),
        label: by === 'quad' ? (QUADS[p.key]?.name ?? p.key) : p.key,
      };
    });
    const color =
      by === 'quad'
        ? {
            domain: Object.values(QUADS).map((q) => q.name),
            range: Object.values(QUADS).map((q) => q.color),
            legend: true,
          }
        : { legend: true, scheme: 'tableau10' as const };
    const plot = Plot.plot({
      width,
      height: width < 600 ? 220 : 300,
      marginLeft: 40,
      x: { type: 'utc', label: null },
      y: { label: 'events', grid: true },
      color,
      marks: [
        Plot.rectY(
          rows,
          Plot.stackY({ x1: 'start', x2: 'end', y: 'n', fill: 'label', insetLeft: 0.5, insetRight: 0.5 }),
        ),
        Plot.ruleY([0]),
        Plot.tip(
          rows,
          Plot.pointerX(Plot.stackY({ x1: 'start', x2: 'end', y: 'n', fill: 'label', channels: { period: 'period' } })),
        ),
      ],
    });
    el.replaceChildren(plot);
    // With a legend Plot returns a <figure>: the chart is its own <svg>, not a legend swatch's.
    const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector(':scope > svg');
    if (svg) {
      svg.classList.add('timeline-plot');
      attachBrush(svg as SVGSVGElement, plot);
    }
    return () => plot.remove();
  }, [points, by, interval]);
  return <div class="chart" ref={ref} role="img" aria-label={`events per ${interval}, stacked by ${by}`} />;
}

/** The timeline view: chart, brush hint and the events it covers. */
export function TimelineView({ s }: { s: UrlState }) {
  const by = s.stack === 'type' ? 'type' : 'quad';
  const interval = intervalFor(s.since, s.until);
  const r = useApi<{ series: Point[] }>(`api/series?${filterQuery(s, { interval, by })}`);
  return (
    <div class="view timeline">
      <div class="viewhead">
        <h2>Events over time</h2>
        <div class="stackby" role="group" aria-label="Stack by">
          {(['quad', 'type'] as const).map((k) => (
            <button
              key={k}
              class={by === k ? 'on' : ''}
              aria-pressed={by === k}
              onClick={() => setUrl({ stack: k }, true)}
            >
              by {k === 'quad' ? 'quad class' : 'type'}
            </button>
          ))}
        </div>
      </div>
      {r.error && <p class="error">{r.error}</p>}
      {r.data && r.data.series.length === 0 && <p class="muted">No dated events match these filters.</p>}
      {r.data && r.data.series.length > 0 && <Chart points={r.data.series} by={by} interval={interval} />}
      <p class="hint">
        Drag across the chart to set the dates{s.since || s.until ? ' · ' : ''}
        {(s.since || s.until) && (
          <button class="link" onClick={() => setUrl({ since: '', until: '' })}>
            show all dates
          </button>
        )}
      </p>
      <EventList s={s} />
    </div>
  );
}
