/** The filter bar: every field writes the URL (text fields on change, so typing does not refetch per key). */
import { QUADS, useApi } from './api';
import { FILTER_KEYS, setUrl, type UrlState } from './state';

/** One labelled text or date input bound to a URL key. */
function Field(p: {
  k: (typeof FILTER_KEYS)[number];
  label: string;
  s: UrlState;
  type?: 'text' | 'date' | 'search';
  placeholder?: string;
}) {
  return (
    <label class="field">
      <span>{p.label}</span>
      <input
        {...({ type: p.type ?? 'text' } as { type: 'text' })}
        name={p.k}
        value={p.s[p.k] ?? ''}
        placeholder={p.placeholder}
        onChange={(e) => setUrl({ [p.k]: (e.target as HTMLInputElement).value.trim() })}
      />
    </label>
  );
}

/** The filters shared by every view. */
export function FilterBar({ s }: { s: UrlState }) {
  const active = FILTER_KEYS.filter((k) => s[k]);
  // The types present in the store, most frequent first.
  const types = useApi<{ series: { key: string; n: number }[] }>('api/series?by=type&interval=month');
  const counts = new Map<string, number>();
  for (const p of types.data?.series ?? []) counts.set(p.key, (counts.get(p.key) ?? 0) + p.n);
  const TYPES = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  if (s.type && !TYPES.includes(s.type)) TYPES.push(s.type);
  return (
    <form class="filters" role="search" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Field k="q" label="Text" s={s} type="search" placeholder="words in the sentence" />
      <Field k="since" label="From" s={s} type="date" />
      <Field k="until" label="To" s={s} type="date" />
      <Field k="party" label="Actor (either side)" s={s} placeholder="FRA, RUSGOV" />
      <Field k="actor" label="Source actor" s={s} placeholder="code prefix" />
      <Field k="recipient" label="Target" s={s} placeholder="code prefix" />
      <Field k="country" label="Country" s={s} placeholder="ISO3, e.g. UKR" />
      <label class="field">
        <span>Type</span>
        <select
          name="type"
          value={s.type ?? ''}
          onChange={(e) => setUrl({ type: (e.target as HTMLSelectElement).value })}
        >
          <option value="">any</option>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Quad class</span>
        <select
          name="quad"
          value={s.quad ?? ''}
          onChange={(e) => setUrl({ quad: (e.target as HTMLSelectElement).value })}
        >
          <option value="">any</option>
          {Object.entries(QUADS).map(([k, q]) => (
            <option key={k} value={k}>
              {k} {q.name}
            </option>
          ))}
        </select>
      </label>
      <Field k="min_confidence" label="Min. confidence" s={s} placeholder="0–1" />
      <Field k="min_articles" label="Min. articles" s={s} placeholder="reporting the event" />
      {active.length > 0 && (
        <button type="button" class="clear" onClick={() => setUrl(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])))}>
          Clear {active.length} filter{active.length > 1 ? 's' : ''}
        </button>
      )}
    </form>
  );
}
