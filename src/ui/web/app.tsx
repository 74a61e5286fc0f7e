/** The app shell: header, filter bar, view tabs and the current view; every choice is in the URL. */
import { FilterBar } from './filters';
import { ArticleView } from './article';
import { MapView } from './map';
import { NetworkView } from './network';
import { TableView } from './table';
import { TimelineView } from './timeline';
import { setUrl, useUrlState, VIEWS, type View } from './state';

const LABELS: Record<View, string> = {
  timeline: 'Timeline',
  network: 'Network',
  map: 'Map',
  table: 'Events',
  article: 'Article',
};

/** The whole UI. */
export function App() {
  const s = useUrlState();
  const view: View = VIEWS.includes(s.view as View) ? (s.view as View) : 'timeline';
  return (
    <div class="shell">
      <header class="top">
        <h1>
          <a href="?" onClick={(e) => (e.preventDefault(), setUrl({ view: 'timeline' }))}>
            dateline
          </a>
        </h1>
        <nav class="tabs" aria-label="Views">
          {VIEWS.filter((v) => v !== 'article' || s.doc).map((v) => (
            <button
              key={v}
              class={v === view ? 'tab on' : 'tab'}
              aria-current={v === view ? 'page' : undefined}
              onClick={() => setUrl({ view: v })}
            >
              {LABELS[v]}
            </button>
          ))}
        </nav>
      </header>
      {view !== 'article' && <FilterBar s={s} />}
      <main id="main">
        {view === 'timeline' && <TimelineView s={s} />}
        {view === 'network' && <NetworkView s={s} />}
        {view === 'map' && <MapView s={s} />}
        {view === 'table' && <TableView s={s} />}
        {view === 'article' && <ArticleView s={s} />}
      </main>
    </div>
  );
}
