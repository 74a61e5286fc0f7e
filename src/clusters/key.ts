/**
 * When two event mentions report the same real-world event: same PLOVER type, the same actor and recipient countries
 * (or codes when no country), dates within a window, and places that do not contradict each other. The SQLite store
 * and the in-memory grouping of one document both use these functions, so they agree.
 */

/**
 * Two mentions up to this many days apart can report one event. One day covers a story dated by its publication day
 * and an event reported "yesterday"; wider windows chain daily recurring events (talks, shelling) into one cluster.
 */
export const WINDOW_DAYS = 1;

/** What the clustering looks at in one event mention. */
export interface ClusterFacts {
  type: string;
  actorCodes: string[];
  recipientCodes: string[];
  /** The event's date, else its document's publication day (YYYY-MM-DD), else null. */
  day: string | null;
  /** ISO country of the event's place when known. */
  placeCountry: string | null;
}

/** One side of the key: the sorted distinct country parts (first three letters) of the argument codes. */
function side(codes: string[]): string {
  const parts = new Set(codes.filter((c) => c).map((c) => c.slice(0, 3)));
  return [...parts].sort().join('+');
}

/** The blocking key: mentions with different keys are never one event. */
export function clusterKey(f: Pick<ClusterFacts, 'type' | 'actorCodes' | 'recipientCodes'>): string {
  return `${f.type}|${side(f.actorCodes)}|${side(f.recipientCodes)}`;
}

/** The YYYY-MM-DD day of an ISO date or date-time, or null (also for a day no calendar has, such as 2024-13-01). */
export function dayOf(iso: string | null | undefined): string | null {
  const m = iso ? /^((\d{4})-(\d{2})-(\d{2}))/.exec(iso) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? m[1] : null;
}

/** Days from 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(day + 'T00:00:00Z') / 86_400_000);
}

/** The days `WINDOW_DAYS` either side of `day`, as YYYY-MM-DD strings (for range queries). */
export function dayWindow(day: string): { from: string; to: string } {
  const n = dayNumber(day);
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { from: iso(n - WINDOW_DAYS), to: iso(n + WINDOW_DAYS) };
}

/** Whether two mentions may report the same event (symmetric; not transitive — clusters are its connected parts). */
export function compatible(a: ClusterFacts, b: ClusterFacts): boolean {
  if (clusterKey(a) !== clusterKey(b)) return false;
  if (a.day === null || b.day === null) {
    if (a.day !== b.day) return false;
  } else if (Math.abs(dayNumber(a.day) - dayNumber(b.day)) > WINDOW_DAYS) return false;
  return a.placeCountry === null || b.placeCountry === null || a.placeCountry === b.placeCountry;
}
