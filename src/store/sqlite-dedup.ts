/** Near-duplicate linking in the SQLite store: LSH band lookup, MinHash check, group relabelling to the earliest member. */
import type Database from 'better-sqlite3';
import {
  BANDS,
  NEAR_DUP_JACCARD,
  bandKeys,
  earliestOf,
  signatureBytes,
  signatureFromBytes,
  similarity,
} from '../dedup/index.js';

interface Candidate {
  id: string;
  minhash: Uint8Array;
  published: string | null;
  dup_group: string | null;
}

/** The near-duplicate index over the documents table and its `dup_bands` rows. */
export class SqliteDedup {
  private readonly candidates: Database.Statement;
  private readonly insertBand: Database.Statement;
  private readonly groupMembers: Database.Statement;
  private readonly setGroup: Database.Statement;

  constructor(private readonly db: Database.Database) {
    const pairs = Array.from({ length: BANDS }, () => '(?, ?)').join(', ');
    this.candidates = db.prepare(`SELECT DISTINCT d.id, d.minhash, d.published, d.dup_group
      FROM dup_bands b JOIN documents d ON d.id = b.doc_id WHERE (b.band, b.key) IN (VALUES ${pairs}) AND d.id != ?`);
    this.insertBand = db.prepare('INSERT OR IGNORE INTO dup_bands (band, key, doc_id) VALUES (?, ?, ?)');
    this.groupMembers = db.prepare('SELECT id, published FROM documents WHERE dup_group = ?');
    this.setGroup = db.prepare('UPDATE documents SET dup_group = ? WHERE id = ?');
  }

  /**
   * Index a just-inserted document and join it to the near-duplicates already stored, merging their groups; returns
   * the ids of every document whose group it (re)labelled, or [] when the document has no near-duplicate.
   * Groups are the connected parts of the near-duplicate relation, so they do not depend on ingest order.
   */
  link(doc: { id: string; published: string | null }, sig: Uint32Array): string[] {
    const keys = bandKeys(sig);
    const params: (number | string)[] = [];
    keys.forEach((k, b) => params.push(b, k));
    const found = (this.candidates.all(...params, doc.id) as Candidate[]).filter(
      (c) => similarity(sig, signatureFromBytes(c.minhash)) >= NEAR_DUP_JACCARD,
    );
    keys.forEach((k, b) => this.insertBand.run(b, k, doc.id));
    if (!found.length) return [];
    const members = new Map<string, { id: string; published: string | null }>([[doc.id, doc]]);
    for (const c of found) {
      members.set(c.id, c);
      if (c.dup_group)
        for (const m of this.groupMembers.all(c.dup_group) as { id: string; published: string | null }[])
          members.set(m.id, m);
    }
    const group = earliestOf([...members.values()]).id;
    for (const id of members.keys()) this.setGroup.run(group, id);
    return [...members.keys()];
  }
}

/** The stored form of a signature. */
export { signatureBytes };
