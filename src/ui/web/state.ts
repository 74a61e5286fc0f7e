/** The UI's state lives in the URL query string, so any view can be shared; this module reads and writes it. */
import { useEffect, useState } from 'preact/hooks';

/** The filter fields, sent to the API as they are. */
export const FILTER_KEYS = [
  'since',
  'until',
  'actor',
  'recipient',
  'party',
  'country',
  'type',
  'quad',
  'q',
  'min_confidence',
  'min_articles',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const VIEWS = ['timeline', 'network', 'map', 'table', 'article'] as const;
export type View = (typeof VIEWS)[number];

/** Everything the URL holds. */
export type UrlState = Partial<Record<FilterKey | 'view' | 'doc' | 'event' | 'sort' | 'stack', string>>;

/** The state in the current URL. */
export function readUrl(): UrlState {
  const p = new URLSearchParams(location.search);
  const s: UrlState = {};
  for (const [k, v] of p) if (v) (s as Record<string, string>)[k] = v;
  return s;
}

/** Merge `patch` into the URL state (empty values remove a key) and tell listeners. */
export function setUrl(patch: UrlState, replace = false): void {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') p.delete(k);
    else p.set(k, v);
  }
  const url = `${location.pathname}?${p.toString()}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('urlchange'));
}

/** The URL state, re-rendering on back/forward and on {@link setUrl}. */
export function useUrlState(): UrlState {
  const [s, set] = useState(readUrl);
  useEffect(() => {
    const on = () => set(readUrl());
    window.addEventListener('popstate', on);
    window.addEventListener('urlchange', on);
    return () => {
      window.removeEventListener('popstate', on);
      window.removeEventListener('urlchange', on);
    };
  }, []);
  return s;
}

/** The filter part of the state as an API query string. */
export function filterQuery(s: UrlState, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (s[k]) p.set(k, s[k]!);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}

/** Open an event's sentence in the article view. */
export function openEvent(id: string): void {
  const doc = id.split(':')[0];
  setUrl({ view: 'article', doc, event: id });
}
