/** Typed fetches of the dateline API. */
import { useEffect, useState } from 'preact/hooks';

export interface Arg {
  text: string;
  name: string;
  code: string;
  country: string | null;
}

export interface EventRec {
  id: string;
  doc: string;
  date: string | null;
  type: string;
  mode: string;
  cameo: string;
  quad: number;
  goldstein: number;
  actor: Arg[];
  recipient: Arg[];
  sentence: string;
  trigger: { text: string; start: number; end: number };
  confidence: number;
  /** The event's cluster and its counts (the one event record, docs/data.md). */
  cluster: string;
  articles: number;
  mentions: number;
  sources: number;
  source: string;
}

/** The trigger's text. */
export const triggerText = (e: { trigger: EventRec['trigger'] }) => e.trigger.text;

/** A fetch result: the data, an error message, or still loading. */
export type Loaded<T> = { data: T; error: null } | { data: null; error: string | null };

/** GET `path` as JSON, refetching when `path` changes; a failure is a message, not a throw. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, set] = useState<Loaded<T>>({ data: null, error: null });
  useEffect(() => {
    if (!path) return;
    let live = true;
    set({ data: null, error: null });
    fetch(path)
      .then(async (r) => {
        const body = await r.json();
        if (!live) return;
        if (!r.ok) set({ data: null, error: (body.reasons ?? [r.statusText]).join('; ') });
        else set({ data: body as T, error: null });
      })
      .catch((e: Error) => live && set({ data: null, error: e.message }));
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}

/** Names of the quad classes, and their colours (cooperation blues, conflict reds). */
export const QUADS: Record<string, { name: string; color: string }> = {
  '1': { name: 'verbal cooperation', color: '#6baed6' },
  '2': { name: 'material cooperation', color: '#2171b5' },
  '3': { name: 'verbal conflict', color: '#fb6a4a' },
  '4': { name: 'material conflict', color: '#a50f15' },
};

/** Codes of an argument list, or a dash. */
export const codes = (a: Arg[]) => (a.length ? a.map((x) => x.code).join(' + ') : '–');
