/** The event filters `query` and `export` share: their options, help lines and parsing. */
import type { Command } from '../args.js';
import type { EventFilter } from '../../store/index.js';

/** The filter options. */
export const FILTER_OPTIONS: Command['options'] = {
  db: { type: 'string' },
  actor: { type: 'string' },
  type: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  cluster: { type: 'string' },
  limit: { type: 'string' },
};

/** Help lines for the filter options. */
export const FILTER_HELP = `  --db FILE|URL    SQLite file (default ./dateline.db) or postgres:// URL
  --actor CODE     actor or recipient code prefix (FRA, FRAGOV) or country code
  --type T         PLOVER event type, e.g. CONSULT
  --since DATE     earliest event date (YYYY-MM-DD, inclusive)
  --until DATE     latest event date (inclusive)
  --cluster ID     only the events of this cluster
  --limit N        at most N events`;

/** The filter named by parsed options. */
export function filterFrom(v: Record<string, unknown>): EventFilter {
  return {
    actor: v.actor as string | undefined,
    type: v.type as string | undefined,
    since: v.since as string | undefined,
    until: v.until as string | undefined,
    cluster: v.cluster as string | undefined,
    limit: v.limit ? Number(v.limit) : undefined,
  };
}
