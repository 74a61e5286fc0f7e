/** A generated store for `bench:export`: documents with ten events each, written by SQL directly (setup, not timed). */
import { openSqliteStore } from '../store/index.js';

const TYPES: [string, string, number, number][] = [
  ['CONSULT', '043', 1, 2.8],
  ['AGREE', '057', 1, 8],
  ['ACCUSE', '112', 3, -2],
  ['ASSAULT', '190', 4, -10],
  ['PROTEST', '141', 4, -6.5],
];
const ACTORS = ['FRAGOV', 'RUSGOV', 'USAGOV', 'UKRMIL', 'DEUGOV', 'CHNGOV', 'IGOUNO', 'GBRGOV', 'TURMIL', 'SYRREB'];
const PER_DOC = 10;
/** Documents whose events share clusters (copies of one event across five articles). */
const CLUSTER_SPAN = 5;

/** Fill a new store at `path` with `events` events (PER_DOC per document), clusters of CLUSTER_SPAN articles. */
export function generateStore(path: string, events: number): void {
  const store = openSqliteStore(path);
  const db = store.db;
  db.pragma('synchronous = OFF');
  const doc = db.prepare(`INSERT INTO documents (id, source, url, canonical_url, content_hash, format, encoding, status,
    status_signals, title, byline, published, language, text, body_end, meta, pipeline, tone, ingested_at, site)
    VALUES (?, ?, ?, NULL, ?, 'html', 'utf-8', 'article', '[]', ?, NULL, ?, 'en', ?, ?, '{}', '[]', ?, ?, ?)`);
  const mention = db.prepare(`INSERT INTO mentions (doc_id, id, start, end, text, name, country, sector, code, kind,
    confidence, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'name', 0.9, '[]')`);
  const event = db.prepare(`INSERT INTO events (doc_id, id, sentence, sentence_start, sentence_end, trigger_start,
    trigger_end, type, mode, contexts, cameo, quad, goldstein, date, negated, modality, historical, decided_by,
    confidence, cluster, cluster_key, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '["diplomatic"]', ?, ?, ?, ?, 0,
    'happened', 0, '["bench"]', 0.8, ?, ?, ?)`);
  const arg = db.prepare(
    'INSERT INTO event_args (doc_id, event_id, role, position, mention_id) VALUES (?, ?, ?, 0, ?)',
  );
  const cluster = db.prepare(`INSERT INTO clusters (id, type, cluster_key, mentions, articles, sources, reports,
    first_seen, last_seen, date_start, date_end) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
  const docs = Math.ceil(events / PER_DOC);
  const hex = (n: number) => n.toString(16).padStart(16, '0');
  db.transaction(() => {
    for (let d = 0; d < docs; d++) {
      const id = hex(d);
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(d / 200) * 86_400_000).toISOString().slice(0, 10);
      const sentences: string[] = [];
      const n = Math.min(PER_DOC, events - d * PER_DOC);
      for (let e = 0; e < n; e++) {
        const a = ACTORS[(d + e) % ACTORS.length];
        const r = ACTORS[(d + 3 * e + 1) % ACTORS.length];
        sentences.push(
          `Officials of ${a} met envoys of ${r} on ${day}, "a frank meeting", said one, in talks number ${e}.`,
        );
      }
      const text = sentences.join(' ');
      const site = `site${d % 97}.example`;
      doc.run(
        id,
        `bench/${id}.html`,
        `https://${site}/${id}`,
        id,
        `Story ${d}`,
        day + 'T08:00:00Z',
        text,
        text.length,
        (d % 11) - 5,
        day,
        site,
      );
      const base = hex(d - (d % CLUSTER_SPAN));
      let at = 0;
      sentences.forEach((s, e) => {
        const [type, cameo, quad, gold] = TYPES[e % TYPES.length];
        const a = ACTORS[(d + e) % ACTORS.length];
        const r = ACTORS[(d + 3 * e + 1) % ACTORS.length];
        const as = at + s.indexOf(a);
        const rs = at + s.indexOf(r, s.indexOf(a) + a.length);
        mention.run(id, `m${2 * e}`, as, as + a.length, a, a, a.slice(0, 3), a.slice(3), a);
        mention.run(id, `m${2 * e + 1}`, rs, rs + r.length, r, r, r.slice(0, 3), r.slice(3), r);
        const t = at + s.indexOf('met');
        const key = `${type}|${a.slice(0, 3)}|${r.slice(0, 3)}`;
        const cid = `${base}:v${e}`;
        event.run(id, `v${e}`, e, at, at + s.length, t, t + 3, type, cameo, quad, gold, day, cid, key, day);
        arg.run(id, `v${e}`, 'actor', `m${2 * e}`);
        arg.run(id, `v${e}`, 'recipient', `m${2 * e + 1}`);
        if (d % CLUSTER_SPAN === 0) {
          const k = Math.min(CLUSTER_SPAN, docs - d);
          cluster.run(cid, type, key, k, k, k, day + 'T08:00:00Z', day + 'T08:00:00Z', day, day);
        }
        at += s.length + 1;
      });
    }
  })();
  store.db.close();
}
