/** Validated query parameters → the store's {@link EventQuery}. */
import type { EventQuery } from '../store/index.js';

/** The filter parameters as validated (all strings). */
export interface FilterParams {
  since?: string;
  until?: string;
  actor?: string;
  recipient?: string;
  party?: string;
  country?: string;
  sector?: string;
  type?: string;
  quad?: string;
  mode?: string;
  context?: string;
  q?: string;
  doc?: string;
  min_confidence?: string;
  min_articles?: string;
}

/** The store query for validated filter parameters (codes upper-cased, lists split). */
export function toEventQuery(p: FilterParams): EventQuery {
  const up = (s?: string) => (s ? s.toUpperCase() : undefined);
  return {
    since: p.since,
    until: p.until,
    actor: up(p.actor),
    recipient: up(p.recipient),
    party: up(p.party),
    country: up(p.country),
    sector: up(p.sector),
    type: p.type ? p.type.toUpperCase().split(',') : undefined,
    quad: p.quad ? p.quad.split(',').map(Number) : undefined,
    mode: p.mode || undefined,
    context: p.context || undefined,
    q: p.q?.trim() || undefined,
    doc: p.doc,
    minConfidence: p.min_confidence === undefined ? undefined : Number(p.min_confidence),
    minArticles: p.min_articles === undefined ? undefined : Number(p.min_articles),
  };
}

/** A whole-number parameter or its default. */
export const intOr = (s: string | undefined, dflt: number) => (s === undefined ? dflt : Number(s));
