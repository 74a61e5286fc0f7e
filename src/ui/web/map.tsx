/** The world map, drawn offline: Natural Earth country shapes (world-atlas 50m) with d3-geo, shaded by event counts. */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { useEffect, useMemo, useState } from 'preact/hooks';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { QUADS, useApi } from './api';
import { EventList } from './eventlist';
import { filterQuery, setUrl, type UrlState } from './state';

interface CountryRow {
  country: string;
  numeric: string | null;
  name: string;
  n: number;
}
interface PointRow {
  id: string;
  lat: number;
  lon: number;
  place: string;
  quad: number;
}
type Shape = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

const W = 960;
const H = 500;

/** The country shapes, fetched once from the bundled asset. */
function useShapes(): Shape[] | null {
  const [shapes, set] = useState<Shape[] | null>(null);
  useEffect(() => {
    fetch(atlasUrl)
      .then((r) => r.json())
      .then((topo) => {
        const fc = feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection<
          GeoJSON.Geometry,
          { name: string }
        >;
        set(fc.features.filter((f) => f.properties.name !== 'Antarctica') as Shape[]);
      });
  }, []);
  return shapes;
}

/** A blue from light to dark for a share 0..1. */
const shade = (t: number) => `hsl(208, 60%, ${88 - 55 * Math.sqrt(t)}%)`;

/** The map view. */
export function MapView({ s }: { s: UrlState }) {
  const shapes = useShapes();
  const side = (new URLSearchParams(location.search).get('side') as 'actor' | 'recipient') ?? 'actor';
  const r = useApi<{ countries: CountryRow[]; points: PointRow[] }>(`api/countries?${filterQuery(s, { side })}`);
  const projection = useMemo(
    () =>
      geoNaturalEarth1().fitExtent(
        [
          [4, 4],
          [W - 4, H - 4],
        ],
        { type: 'Sphere' },
      ),
    [],
  );
  const path = useMemo(() => geoPath(projection), [projection]);
  const byId = new Map((r.data?.countries ?? []).filter((c) => c.numeric).map((c) => [c.numeric!, c]));
  const max = Math.max(1, ...(r.data?.countries ?? []).map((c) => c.n));
  return (
    <div class="view map">
      <div class="viewhead">
        <h2>Events by country of the source actor</h2>
        <p class="muted">Click a country to filter by it (either side).</p>
      </div>
      {r.error && <p class="error">{r.error}</p>}
      <div class="mapwrap">
        <svg viewBox={`0 0 ${W} ${H}`} class="worldmap" role="group" aria-label="world map of events by country">
          <path d={path({ type: 'Sphere' }) ?? ''} class="sphere" />
          {shapes?.map((f) => {
            const c = byId.get(String(f.id));
            const on = s.country && c?.country === s.country;
            return (
              <path
                key={String(f.id)}
                d={path(f) ?? ''}
                class={c ? (on ? 'country has on' : 'country has') : 'country'}
                style={c ? { fill: shade(c.n / max) } : undefined}
                tabindex={c ? 0 : undefined}
                role={c ? 'button' : undefined}
                aria-label={c ? `${c.name}: ${c.n} events` : undefined}
                onClick={c ? () => setUrl({ country: on ? '' : c.country }) : undefined}
                onKeyDown={
                  c
                    ? (e) =>
                        (e.key === 'Enter' || e.key === ' ') &&
                        (e.preventDefault(), setUrl({ country: on ? '' : c.country }))
                    : undefined
                }
              >
                <title>{c ? `${c.name}: ${c.n} events` : f.properties.name}</title>
              </path>
            );
          })}
          {r.data?.points.map((p) => {
            const xy = projection([p.lon, p.lat]);
            return xy ? (
              <circle key={p.id} cx={xy[0]} cy={xy[1]} r={3} fill={QUADS[String(p.quad)]?.color} class="point">
                <title>{p.place}</title>
              </circle>
            ) : null;
          })}
        </svg>
        <ol class="countrylist" aria-label="Countries by events">
          {(r.data?.countries ?? []).slice(0, 12).map((c) => (
            <li key={c.country}>
              <button
                class={s.country === c.country ? 'chip on' : 'chip'}
                onClick={() => setUrl({ country: s.country === c.country ? '' : c.country })}
              >
                {c.name} <span class="muted">{c.n}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      <EventList s={s} />
    </div>
  );
}
