/** The event table: sortable by date, confidence or Goldstein score, paginated with the API's cursor. */
import { useEffect, useState } from 'preact/hooks';
import { codes, QUADS, triggerText, useApi, type EventRec } from './api';
import { filterQuery, openEvent, setUrl, type UrlState } from './state';

const PAGE = 25;
const SORTABLE: Record<string, string> = { date: 'Date', confidence: 'Confidence', goldstein: 'Goldstein' };

/** A header cell that sorts by `field` (toggling direction). */
function SortHead({ field, sort }: { field: string; sort: string }) {
  const dir = sort === field ? 'ascending' : sort === '-' + field ? 'descending' : 'none';
  const next = sort === '-' + field ? field : '-' + field;
  return (
    <th aria-sort={dir}>
      <button class="sort" onClick={() => setUrl({ sort: next }, true)}>
        {SORTABLE[field]} {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}
      </button>
    </th>
  );
}

/** The table view. */
export function TableView({ s }: { s: UrlState }) {
  const sort = s.sort ?? '-date';
  const base = filterQuery(s, { limit: PAGE, sort });
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => setCursors([]), [base]);
  const cursor = cursors[cursors.length - 1];
  const r = useApi<{ events: EventRec[]; next: string | null }>(
    `api/events?${base}${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`,
  );
  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openEvent(id);
    }
  };
  return (
    <div class="view table">
      <div class="viewhead">
        <h2>Events</h2>
        <a class="download" href={`api/events.csv?${filterQuery(s, { sort })}`} download>
          CSV
        </a>
        <a class="download" href={`api/events.jsonl?${filterQuery(s, { sort })}`} download>
          JSON lines
        </a>
      </div>
      {r.error && <p class="error">{r.error}</p>}
      <div class="tablewrap">
        <table class="events">
          <thead>
            <tr>
              <SortHead field="date" sort={sort} />
              <th>Type</th>
              <th>Source</th>
              <th>Target</th>
              <th>Trigger</th>
              <th title="articles reporting the event's cluster">Articles</th>
              <SortHead field="confidence" sort={sort} />
              <SortHead field="goldstein" sort={sort} />
            </tr>
          </thead>
          <tbody>
            {r.data?.events.map((e) => (
              <tr
                key={e.id}
                tabIndex={0}
                data-event={e.id}
                onClick={() => openEvent(e.id)}
                onKeyDown={(k) => onKey(k, e.id)}
              >
                <td class="nowrap">{e.date ?? '—'}</td>
                <td>
                  <span class="swatch" style={{ background: QUADS[String(e.quad)]?.color }} /> {e.type}
                  {e.mode ? <span class="muted"> {e.mode}</span> : null}
                </td>
                <td>{codes(e.actor)}</td>
                <td>{codes(e.recipient)}</td>
                <td class="trig" title={e.sentence}>
                  {triggerText(e)}
                </td>
                <td class="num">{e.articles}</td>
                <td class="num">{e.confidence.toFixed(2)}</td>
                <td class="num">{e.goldstein}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.data && r.data.events.length === 0 && <p class="muted">No events match these filters.</p>}
      <nav class="pager" aria-label="Pages">
        <button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          ← Previous
        </button>
        <span>page {cursors.length + 1}</span>
        <button disabled={!r.data?.next} onClick={() => r.data?.next && setCursors([...cursors, r.data.next])}>
          Next →
        </button>
      </nav>
    </div>
  );
}
