/** Test helper: build a Doc with sentences and tokens from plain text with a tiny tokenizer (no NLP stage needed). */
import { allocTokens, createDoc } from '../doc/index.js';
import type { Doc, Entity } from '../doc/index.js';

const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|['’]s\b|[^\s\p{L}\p{N}]/gu;
const SENT_RE = /[^\n.!?]*(?:[.!?]+["”’]?|\n|$)/g;

/** A Doc over `text` with sentences and tokens (no parse); `published` sets the document date. */
export function docFromText(
  text: string,
  published?: string,
  entities: Omit<Entity, 'id' | 'tokenStart' | 'tokenEnd'>[] = [],
): Doc {
  const doc = createDoc(text, published ? { meta: { published: { value: published, from: 'test' } } } : {});
  const spans: { start: number; end: number; s: number }[] = [];
  const sentences: { start: number; end: number; tokenStart: number; tokenEnd: number }[] = [];
  for (const m of text.matchAll(SENT_RE)) {
    if (!m[0].trim()) continue;
    const base = m.index!;
    const tokenStart = spans.length;
    for (const t of m[0].matchAll(TOKEN_RE))
      spans.push({ start: base + t.index!, end: base + t.index! + t[0].length, s: sentences.length });
    if (spans.length > tokenStart)
      sentences.push({
        start: spans[tokenStart].start,
        end: spans[spans.length - 1].end,
        tokenStart,
        tokenEnd: spans.length,
      });
  }
  const tokens = allocTokens(spans.length);
  spans.forEach((sp, k) => {
    tokens.start[k] = sp.start;
    tokens.end[k] = sp.end;
    tokens.sentence[k] = sp.s;
  });
  doc.layers.tokens = tokens;
  doc.layers.sentences = sentences;
  doc.layers.entities = entities.map((e, k) => {
    let ts = 0;
    while (ts < spans.length && spans[ts].end <= e.start) ts++;
    let te = ts;
    while (te < spans.length && spans[te].start < e.end) te++;
    return { ...e, id: `e${k}`, tokenStart: ts, tokenEnd: te };
  });
  return doc;
}
