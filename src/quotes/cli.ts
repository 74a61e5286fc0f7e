/** The `dateline quotes` output shape for one processed document. */
import type { Doc, Span } from '../doc/index.js';

interface SpanText {
  start: number;
  end: number;
  text: string;
}

/** One document's quotes as `{source, quotes:[{content, cue, speaker, direct, tone}]}` with offsets into the text. */
export function quotesForCli(doc: Doc): { source: string; quotes: object[] } {
  const mentions = new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
  const span = (s: Span | null): SpanText | null =>
    s ? { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) } : null;
  const quotes = (doc.layers.quotes ?? []).map((q) => {
    const m = q.speaker ? mentions.get(q.speaker) : undefined;
    const where = span(q.source) ?? (m ? span(m) : null);
    const speaker =
      where || m
        ? {
            ...(where ?? { start: -1, end: -1, text: '' }),
            name: m?.name ?? null,
            country: m?.country ?? null,
            sector: m?.sector ?? null,
            code: m?.code ?? null,
          }
        : null;
    return { content: span(q.content), cue: span(q.cue), speaker, direct: q.direct, tone: q.tone ?? null };
  });
  return { source: doc.source.source, quotes };
}
