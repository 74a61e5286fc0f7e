/**
 * `npm run eval:relevance`: the shipped relevance model on the dev and test splits of its corpus
 * (sentence AUC, precision/recall at the threshold, a reliability table, per-source figures,
 * document accuracy) and on the news-dev articles (31 political, 4 non-political pages).
 * Thresholds are chosen on dev; test is for reporting only.
 */
import { sharedRoot } from '../doc/index.js';
import { loadCorpus, type CorpusDoc, type Part } from './corpus/index.js';
import { auc, ece, prf, reliability } from './metrics.js';
import { loadRelevanceModel, scoreDoc, scoreSentences, type RelevanceModel } from './model.js';
import { DOC_THRESHOLD, SENTENCE_THRESHOLD } from './thresholds.js';

interface Scored {
  doc: CorpusDoc;
  probs: number[];
  score: number;
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  - ');
const out = (s = '') => process.stdout.write(s + '\n');

function scoreAll(docs: CorpusDoc[], m: RelevanceModel): Scored[] {
  return docs.map((doc) => {
    const probs = scoreSentences(doc.sentences, m);
    return { doc, probs, score: scoreDoc(probs, doc.title, m) };
  });
}

function labelledSentences(xs: Scored[]): { s: number[]; y: number[]; src: string[] } {
  const s: number[] = [];
  const y: number[] = [];
  const src: string[] = [];
  for (const x of xs)
    x.doc.labels.forEach((l, i) => l !== null && (s.push(x.probs[i]), y.push(l), src.push(x.doc.source)));
  return { s, y, src };
}

function sentenceReport(xs: Scored[]): void {
  const { s, y, src } = labelledSentences(xs);
  const at = prf(s, y, SENTENCE_THRESHOLD);
  out(`sentences: n=${s.length} (positive ${y.filter(Boolean).length})  AUC ${f3(auc(s, y))}`);
  out(
    `  at threshold ${SENTENCE_THRESHOLD}: precision ${f3(at.p)} recall ${f3(at.r)} F1 ${f3(at.f1)} accuracy ${f3(at.acc)}`,
  );
  for (const t of [0.2, 0.3, 0.4, 0.6, 0.7]) {
    const r = prf(s, y, t);
    out(`  at ${t.toFixed(1)}: precision ${f3(r.p)} recall ${f3(r.r)} F1 ${f3(r.f1)}`);
  }
  const table = reliability(s, y);
  out(`  reliability (ECE ${f3(ece(table))}):   bin         n   predicted  observed`);
  for (const b of table)
    out(
      `    ${b.lo.toFixed(1)}-${b.hi.toFixed(1)}  ${String(b.n).padStart(7)}   ${f3(b.meanPredicted)}      ${f3(b.observed)}`,
    );
  out(
    '  per source: n, share at or above threshold (recall for positive sources, false-positive rate for negative ones)',
  );
  for (const source of [...new Set(src)]) {
    const i = src.map((x, k) => (x === source ? k : -1)).filter((k) => k >= 0);
    const pos = i.filter((k) => y[k]).length;
    const kind = pos === i.length ? 'positive' : pos === 0 ? 'negative' : 'mixed';
    const above = i.filter((k) => s[k] >= SENTENCE_THRESHOLD).length;
    out(`    ${source.padEnd(11)} ${String(i.length).padStart(6)} ${kind.padEnd(8)} ${f3(above / i.length)}`);
  }
}

function docReport(xs: Scored[]): void {
  const ds = xs.filter((x) => x.doc.docLabel !== null);
  if (!ds.length) return;
  const s = ds.map((x) => x.score);
  const y = ds.map((x) => x.doc.docLabel!);
  const r = prf(s, y, DOC_THRESHOLD);
  out(
    `documents: n=${ds.length} (political ${y.filter(Boolean).length})  AUC ${f3(auc(s, y))}  accuracy at ${DOC_THRESHOLD}: ${f3(r.acc)} (precision ${f3(r.p)} recall ${f3(r.r)})`,
  );
  for (const source of [...new Set(ds.map((x) => x.doc.source))]) {
    for (const label of [1, 0]) {
      const g = ds.filter((x) => x.doc.source === source && x.doc.docLabel === label);
      if (!g.length) continue;
      const right = g.filter((x) => (x.score >= DOC_THRESHOLD ? 1 : 0) === label).length;
      out(
        `    ${source.padEnd(8)} ${label ? 'political    ' : 'non-political'} ${String(g.length).padStart(5)}  accuracy ${f3(right / g.length)}`,
      );
    }
  }
  const table = reliability(s, y);
  out(
    `  document reliability (ECE ${f3(ece(table))}): ` +
      table
        .filter((b) => b.n)
        .map((b) => `${b.lo.toFixed(1)}:${b.n}/${f3(b.meanPredicted)}/${f3(b.observed)}`)
        .join(' '),
  );
}

function newsDevReport(xs: Scored[]): void {
  const ds = xs.filter((x) => x.doc.part === 'newsdev');
  const pol = ds.filter((x) => x.doc.docLabel === 1);
  const non = ds.filter((x) => x.doc.docLabel === 0);
  out(`news-dev articles (events evaluation set, never trained on): ${ds.length}`);
  out(
    `  political ${pol.length}: ${pol.filter((x) => x.score >= DOC_THRESHOLD).length} at or above ${DOC_THRESHOLD}; lowest ${f3(Math.min(...pol.map((x) => x.score)))}`,
  );
  out(`  non-political ${non.length}: ${non.filter((x) => x.score < DOC_THRESHOLD).length} below ${DOC_THRESHOLD}`);
  for (const x of non)
    out(`    ${x.doc.id.split('/').pop()!.slice(0, 12)}  ${f3(x.score)}  (max sentence ${f3(Math.max(...x.probs))})`);
}

function main(): void {
  const shared = sharedRoot();
  if (!shared) {
    out('eval:relevance: ../shared not found; skipped');
    return;
  }
  const m = loadRelevanceModel();
  if (!m) throw new Error('no relevance model: run npm run train:relevance');
  const corpus = loadCorpus(shared);
  for (const part of ['dev', 'test'] as Part[]) {
    out(`\n== ${part}`);
    const xs = scoreAll(
      corpus.filter((d) => d.part === part),
      m,
    );
    sentenceReport(xs);
    docReport(xs);
  }
  out('\n== news-dev');
  newsDevReport(
    scoreAll(
      corpus.filter((d) => d.part === 'newsdev'),
      m,
    ),
  );
}

main();
