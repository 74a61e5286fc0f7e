/** Extraction stage: raw page bytes → a Doc with body text, blocks, captions and metadata. (Placeholder until issue 3 lands.) */
import { createDoc, type Doc, type Result } from '../doc/index.js';

/** One input page. */
export interface RawInput {
  bytes: Uint8Array;
  /** The path or URL as given. */
  source: string;
  url?: string | null;
  /** HTTP Content-Type, when known (may carry a charset). */
  contentType?: string | null;
}

/** Options for {@link extract}. */
export interface ExtractOptions {
  /** Per-document time budget in milliseconds. */
  budgetMs?: number;
}

/** Extract one page. Errors (empty, binary, undecodable) are values; error and non-article pages are ok with a status. */
export function extract(input: RawInput, _opts: ExtractOptions = {}): Result<Doc> {
  const text = new TextDecoder('utf-8').decode(input.bytes).trim();
  if (!text) return { ok: false, code: 'empty', reason: 'no text' };
  const doc = createDoc(text, { source: { source: input.source, url: input.url ?? null } });
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  return { ok: true, value: doc };
}
