/** A short list of events under a chart: each opens its sentence in the article view. */
import { codes, QUADS, triggerText, useApi, type EventRec } from './api';
import { filterQuery, openEvent, type UrlState } from './state';

/** The first `limit` events of the current filters. */
export function EventList({ s, limit = 12, title = 'Events' }: { s: UrlState; limit?: number; title?: string }) {
  const r = useApi<{ events: EventRec[]; next: string | null }>(
    `api/events?${filterQuery(s, { limit, sort: s.sort ?? '-date' })}`,
  );
  if (r.error) return <p class="error">{r.error}</p>;
  if (!r.data) return <p class="muted">Loading events…</p>;
  return (
    <section class="eventlist" aria-label={title}>
      <h2>
        {title} {r.data.next ? `(first ${limit})` : `(${r.data.events.length})`}
      </h2>
      {r.data.events.length === 0 && <p class="muted">No events match these filters.</p>}
      <ul>
        {r.data.events.map((e) => (
          <li key={e.id}>
            <button class="event" data-event={e.id} onClick={() => openEvent(e.id)}>
              <span class="swatch" style={{ background: QUADS[String(e.quad)]?.color }} />
              <span class="when">{e.date ?? 'undated'}</span>
              <b>{e.type}</b> {codes(e.actor)} → {codes(e.recipient)} <q>{triggerText(e)}</q>
              <span class="sentence">{e.sentence}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
