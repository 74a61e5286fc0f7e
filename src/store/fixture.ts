/** Hand-built analysed documents for store, cluster, record and export tests (no pipeline run). */
import { createDoc, type Doc, type EventRecord, type Mention } from '../doc/index.js';

/** One event to put in a fixture document: actors and recipients are words of the text, with their codes. */
export interface FixtureEvent {
  type: string;
  cameo: string;
  trigger: string;
  actor: [word: string, code: string][];
  recipient: [word: string, code: string][];
  date: string | null;
  place?: EventRecord['place'];
  quad?: number;
  goldstein?: number;
}

/** A stored-ready article: one sentence per line of `text`, the given events coded in it. */
export function fixtureDoc(
  text: string,
  opts: { url?: string; published?: string; source?: string; events?: FixtureEvent[]; tone?: number },
): Doc {
  const doc = createDoc(text, {
    source: { source: opts.source ?? opts.url ?? 'fixture.txt', url: opts.url ?? null },
    meta: { status: 'article', published: opts.published ? { value: opts.published, from: 'test' } : null },
  });
  const sentences: { start: number; end: number; tokenStart: number; tokenEnd: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) sentences.push({ start: at, end: at + line.length, tokenStart: 0, tokenEnd: 0 });
    at += line.length + 1;
  }
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  doc.layers.sentences = sentences;
  const mentions: Mention[] = [];
  const mention = (word: string, code: string, from: number): string => {
    const start = text.indexOf(word, from);
    if (start < 0) throw new Error(`fixture: no "${word}" in the text`);
    const id = `m${mentions.length}`;
    const country = /^[A-Z]{3}/.test(code) ? code.slice(0, 3) : null;
    mentions.push({
      id,
      start,
      end: start + word.length,
      name: word,
      country,
      sector: code.slice(3, 6) || 'UNK',
      code,
      kind: 'name',
      confidence: 0.9,
      evidence: ['fixture'],
    });
    return id;
  };
  doc.layers.events = (opts.events ?? []).map((f, i) => {
    const t = text.indexOf(f.trigger);
    if (t < 0) throw new Error(`fixture: no trigger "${f.trigger}"`);
    const sentence = Math.max(
      0,
      sentences.findIndex((s) => s.start <= t && t < s.end),
    );
    const from = sentences[sentence].start;
    return {
      id: `v${i}`,
      sentence,
      trigger: { start: t, end: t + f.trigger.length },
      type: f.type,
      mode: '',
      contexts: [],
      cameo: f.cameo,
      quad: f.quad ?? 1,
      goldstein: f.goldstein ?? 1,
      actor: f.actor.map(([w, c]) => mention(w, c, from)),
      recipient: f.recipient.map(([w, c]) => mention(w, c, from)),
      date: f.date,
      place: f.place,
      negated: false,
      modality: 'happened',
      historical: false,
      decidedBy: ['fixture'],
      confidence: 0.8,
    } satisfies EventRecord;
  });
  doc.layers.mentions = mentions;
  if (opts.tone !== undefined)
    doc.layers.tone = { tone: opts.tone, positive: 0, negative: 0, polarity: 0, wordCount: 0 };
  return doc;
}

/** Everything an async iterable yields, as an array (Node 20 has no Array.fromAsync). */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
