/**
 * Near-duplicate groups and event clusters in the Postgres store: the SQLite rules (sqlite-dedup.ts,
 * sqlite-clusters.ts over src/dedup and src/clusters) as statements on one client, inside the document's transaction.
 *
 * Many writers: the caller holds GROUPS_LOCK (a transaction-level advisory lock) from before the first read here to
 * its commit, so every link and merge sees all earlier writers' documents and no two writers relabel at once. Text
 * comparisons use COLLATE "C" (byte order, as SQLite and JS compare), whatever the database's collation.
 */
import type pg from 'pg';
import {
  NEAR_DUP_JACCARD,
  bandKeys,
  earliestOf,
  signature,
  signatureBytes,
  signatureFromBytes,
  similarity,
  type Dated,
} from '../dedup/index.js';
import { clusterKey, dayWindow, type ClusterFacts } from '../clusters/index.js';
import { docFields, eventFacts } from '../record/index.js';
import type { Doc } from '../doc/index.js';

/** Key of the advisory lock that serialises the group and cluster update of every writer. */
export const GROUPS_LOCK = 7_140_016;

/** A record id `doc:event` as its two key columns (document ids are hex, so the first colon splits them). */
function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return [id.slice(0, i), id.slice(i + 1)];
}

/** Index `doc` for near-duplicates, join its group, cluster its events and recount what changed. Lock held. */
export async function linkAndCluster(c: pg.PoolClient, doc: Doc): Promise<void> {
  const sig = doc.meta.status === 'article' ? signature(doc.text.slice(0, doc.bodyEnd)) : null;
  const fields = docFields(doc);
  await c.query('UPDATE documents SET site = $1, minhash = $2 WHERE id = $3', [
    fields.site,
    sig ? signatureBytes(sig) : null,
    doc.id,
  ]);
  const relabelled = sig ? await linkNearDuplicates(c, fields, sig) : [];
  const touched = new Set(
    await clustersOf(
      c,
      relabelled.filter((id) => id !== doc.id),
    ),
  );
  const mentions = new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
  const facts = (doc.layers.events ?? []).map((e) => {
    const f = eventFacts(doc, e, mentions);
    return { ...f, key: clusterKey(f) };
  });
  await setEventKeys(c, doc.id, facts);
  for (const f of facts) touched.add(await assignCluster(c, f));
  // A later merge may have folded a touched cluster into another; recount the ones that still exist.
  const live = new Set(await clustersOf(c, [doc.id, ...relabelled]));
  await recount(
    c,
    [...touched].filter((id) => live.has(id)),
  );
}

/**
 * Store the document's band keys and merge it with the stored near-duplicates and their groups, named by the
 * earliest member; returns every document relabelled ([] without a near-duplicate).
 */
async function linkNearDuplicates(c: pg.PoolClient, doc: Dated, sig: Uint32Array): Promise<string[]> {
  const keys = bandKeys(sig);
  const bands = keys.map((_, b) => b);
  const candidates = await c.query(
    `SELECT DISTINCT d.id, d.minhash, d.published, d.dup_group FROM dup_bands b JOIN documents d ON d.id = b.doc_id
     WHERE (b.band, b.key) IN (SELECT * FROM unnest($1::int[], $2::int[])) AND d.id <> $3`,
    [bands, keys, doc.id],
  );
  const found = candidates.rows.filter((r) => similarity(sig, signatureFromBytes(r.minhash)) >= NEAR_DUP_JACCARD);
  await c.query(
    `INSERT INTO dup_bands (band, key, doc_id) SELECT b, k, $3 FROM unnest($1::int[], $2::int[]) AS t(b, k)
     ON CONFLICT DO NOTHING`,
    [bands, keys, doc.id],
  );
  if (!found.length) return [];
  const members = new Map<string, Dated>([[doc.id, doc]]);
  for (const r of found) members.set(r.id, { id: r.id, published: r.published });
  const groups = [...new Set(found.map((r) => r.dup_group).filter((g): g is string => g !== null))];
  if (groups.length) {
    const r = await c.query('SELECT id, published FROM documents WHERE dup_group = ANY($1)', [groups]);
    for (const m of r.rows) members.set(m.id, { id: m.id, published: m.published });
  }
  const group = earliestOf([...members.values()]).id;
  await c.query('UPDATE documents SET dup_group = $1 WHERE id = ANY($2)', [group, [...members.keys()]]);
  return [...members.keys()];
}

/** Fill the blocking columns of the document's events (cluster_key, day, place_country) in one statement. */
async function setEventKeys(c: pg.PoolClient, docId: string, facts: (ClusterFacts & { id: string; key: string })[]) {
  if (!facts.length) return;
  await c.query(
    `UPDATE events e SET cluster_key = t.k, day = t.d, place_country = t.p
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, k, d, p) WHERE e.doc_id = $1 AND e.id = t.id`,
    [
      docId,
      facts.map((f) => splitId(f.id)[1]),
      facts.map((f) => f.key),
      facts.map((f) => f.day),
      facts.map((f) => f.placeCountry),
    ],
  );
}

const PLACE = '(place_country IS NULL OR $2::text IS NULL OR place_country = $2)';

/** Put one event (`id` = doc:event) into its cluster, merging the compatible clusters; returns the cluster id. */
async function assignCluster(c: pg.PoolClient, f: ClusterFacts & { id: string; key: string }): Promise<string> {
  const rows =
    f.day === null
      ? await c.query(
          `SELECT DISTINCT cluster FROM events WHERE cluster_key = $1 AND day IS NULL AND cluster IS NOT NULL AND ${PLACE}`,
          [f.key, f.placeCountry],
        )
      : await c.query(
          `SELECT DISTINCT cluster FROM events WHERE cluster_key = $1 AND day COLLATE "C" BETWEEN $3 AND $4
           AND cluster IS NOT NULL AND ${PLACE}`,
          [f.key, f.placeCountry, ...Object.values(dayWindow(f.day))],
        );
  const found = rows.rows.map((r) => r.cluster as string);
  const target = [f.id, ...found].reduce((a, b) => (b < a ? b : a));
  const merged = found.filter((x) => x !== target);
  if (merged.length) {
    await c.query('UPDATE events SET cluster = $1 WHERE cluster = ANY($2)', [target, merged]);
    await c.query('DELETE FROM clusters WHERE id = ANY($1)', [merged]);
  }
  await c.query('UPDATE events SET cluster = $1 WHERE doc_id = $2 AND id = $3', [target, ...splitId(f.id)]);
  return target;
}

/** The clusters holding events of these documents. */
async function clustersOf(c: pg.PoolClient, docIds: string[]): Promise<string[]> {
  if (!docIds.length) return [];
  const r = await c.query('SELECT DISTINCT cluster FROM events WHERE doc_id = ANY($1) AND cluster IS NOT NULL', [
    docIds,
  ]);
  return r.rows.map((x) => x.cluster as string);
}

/**
 * Recompute the stored counts of these clusters from their members (one statement for all). An article is a
 * (near-duplicate group, site) pair; `reports` counts the groups — as in sqlite-clusters.ts.
 */
async function recount(c: pg.PoolClient, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const reps = ids.map(splitId);
  await c.query(
    `WITH want AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, doc, ev)),
     m AS (SELECT e.cluster, e.doc_id, e.day, COALESCE(d.dup_group, d.id) g, COALESCE(d.site, d.id) s, d.published
       FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster = ANY($1)),
     per_doc AS (SELECT cluster, g, s, doc_id, count(*) n FROM m GROUP BY cluster, g, s, doc_id),
     per_article AS (SELECT cluster, g, s, max(n) n FROM per_doc GROUP BY cluster, g, s),
     counts AS (SELECT cluster, sum(n) mentions, count(*) articles, count(DISTINCT s) sources, count(DISTINCT g) reports
       FROM per_article GROUP BY cluster),
     spans AS (SELECT cluster, min(published COLLATE "C") first_seen, max(published COLLATE "C") last_seen,
       min(day COLLATE "C") date_start, max(day COLLATE "C") date_end FROM m GROUP BY cluster)
     INSERT INTO clusters AS k
       (id, type, cluster_key, mentions, articles, sources, reports, first_seen, last_seen, date_start, date_end)
     SELECT w.id, r.type, r.cluster_key, n.mentions, n.articles, n.sources, n.reports,
       p.first_seen, p.last_seen, p.date_start, p.date_end
     FROM want w JOIN events r ON r.doc_id = w.doc AND r.id = w.ev
       JOIN counts n ON n.cluster = w.id JOIN spans p ON p.cluster = w.id
     ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, cluster_key = EXCLUDED.cluster_key,
       mentions = EXCLUDED.mentions, articles = EXCLUDED.articles, sources = EXCLUDED.sources,
       reports = EXCLUDED.reports, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
       date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end`,
    [ids, reps.map((r) => r[0]), reps.map((r) => r[1])],
  );
}
