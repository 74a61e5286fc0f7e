/** Event clusters in the SQLite store: join each new event to the compatible clusters, merge them, keep counts current. */
import type Database from 'better-sqlite3';
import { dayWindow, type ClusterFacts } from '../clusters/index.js';

/** A record id `doc:event` as its two key columns (document ids are hex, so the first colon splits them). */
function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return [id.slice(0, i), id.slice(i + 1)];
}

/** The cluster index over the events table and its `clusters` rows. */
export class SqliteClusters {
  private readonly candidates: Database.Statement;
  private readonly candidatesUndated: Database.Statement;
  private readonly relabel: Database.Statement;
  private readonly dropCluster: Database.Statement;
  private readonly setOwn: Database.Statement;
  private readonly clustersOfDoc: Database.Statement;
  private readonly count: Database.Statement;

  constructor(db: Database.Database) {
    const place = '(place_country IS NULL OR @place IS NULL OR place_country = @place)';
    this.candidates = db.prepare(`SELECT DISTINCT cluster FROM events
      WHERE cluster_key = @key AND day BETWEEN @from AND @to AND cluster IS NOT NULL AND ${place}`);
    this.candidatesUndated = db.prepare(`SELECT DISTINCT cluster FROM events
      WHERE cluster_key = @key AND day IS NULL AND cluster IS NOT NULL AND ${place}`);
    this.relabel = db.prepare('UPDATE events SET cluster = ? WHERE cluster = ?');
    this.dropCluster = db.prepare('DELETE FROM clusters WHERE id = ?');
    this.setOwn = db.prepare('UPDATE events SET cluster = ? WHERE doc_id = ? AND id = ?');
    this.clustersOfDoc = db.prepare('SELECT DISTINCT cluster FROM events WHERE doc_id = ? AND cluster IS NOT NULL');
    // An article is a (near-duplicate group, site) pair: copies of one story on one site count once, copies on other
    // sites count as the separate articles they are; `reports` counts the groups (independent reports).
    this.count = db.prepare(`WITH m AS (
        SELECT e.doc_id, e.day, COALESCE(d.dup_group, d.id) g, COALESCE(d.site, d.id) s, d.published
        FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster = @id)
      INSERT OR REPLACE INTO clusters
        (id, type, cluster_key, mentions, articles, sources, reports, first_seen, last_seen, date_start, date_end)
      SELECT @id, r.type, r.cluster_key,
        (SELECT sum(n) FROM (SELECT max(n) n FROM (SELECT g, s, doc_id, count(*) n FROM m GROUP BY g, s, doc_id)
          GROUP BY g, s)),
        (SELECT count(*) FROM (SELECT DISTINCT g, s FROM m)),
        (SELECT count(DISTINCT s) FROM m), (SELECT count(DISTINCT g) FROM m),
        (SELECT min(published) FROM m), (SELECT max(published) FROM m),
        (SELECT min(day) FROM m), (SELECT max(day) FROM m)
      FROM events r WHERE r.doc_id = @doc AND r.id = @ev`);
  }

  /** Put one new event (`id` = doc:event) into its cluster, merging the clusters it links; returns the cluster id. */
  assign(id: string, f: ClusterFacts & { key: string }): string {
    const params = { key: f.key, place: f.placeCountry };
    const rows = (
      f.day === null ? this.candidatesUndated.all(params) : this.candidates.all({ ...params, ...dayWindow(f.day) })
    ) as { cluster: string }[];
    const found = rows.map((r) => r.cluster);
    const target = [id, ...found].reduce((a, b) => (b < a ? b : a));
    for (const c of found) {
      if (c === target) continue;
      this.relabel.run(target, c);
      this.dropCluster.run(c);
    }
    this.setOwn.run(target, ...splitId(id));
    return target;
  }

  /** The clusters holding events of these documents. */
  clustersOf(docIds: string[]): string[] {
    const out = new Set<string>();
    for (const d of docIds) for (const r of this.clustersOfDoc.all(d) as { cluster: string }[]) out.add(r.cluster);
    return [...out];
  }

  /** Recompute the stored counts of these clusters from their members. */
  recount(ids: Iterable<string>): void {
    for (const id of ids) {
      const [doc, ev] = splitId(id);
      this.count.run({ id, doc, ev });
    }
  }
}
