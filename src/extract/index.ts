/** Extraction stage: raw page bytes → a Doc with body text, blocks, captions, metadata and page kind. */
import { createDoc, sha256, type Block, type Doc, type DocMeta, type Result, type SourceInfo } from '../doc/index.js';
import { binaryReason, decodeBytes, maybeGunzip, MAX_BYTES } from './decode.js';
import { parseHtml } from './dom.js';
import { extractBody } from './html.js';
import { extractText } from './text.js';
import { htmlMeta } from './meta.js';
import { decideKind } from './kind.js';
import { Budget, BudgetExceeded } from './budget.js';
import { resolveTuning, type Tuning, type TuningOverrides } from './options.js';

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
  /** Per-document work budget: HTML tags parsed plus elements walked (default {@link EXTRACT_WORK_LIMIT}). */
  workLimit?: number;
  /** Overrides of the heuristics' tuning knobs (defaults in options.ts). */
  tuning?: TuningOverrides;
}

/**
 * Default per-document work budget, in steps (tags opened, skipped subtrees included, plus elements walked). The 974
 * AEB and WCXB dev pages take at most ~5,000 (counted in steps of 1,024); the element cap (dom.ts MAX_ELEMENTS, 250,000) bounds what is walked, so
 * only pages with millions of tags inside dropped subtrees (SVG, templates) reach it. Work, not time: the same page
 * gets the same outcome on an idle or an overloaded machine.
 */
export const EXTRACT_WORK_LIMIT = 4_000_000;

/**
 * Longest plain-text input extracted, in characters. Cutting text into blocks and building the Doc costs ~40 bytes
 * of memory a character (a 30 MB text page peaked at 1.26 GB in one worker, 3 GB with two), and no text this long
 * is analysed anyway (the gate's analysis budget is 300,000 characters): refused before that work, so memory per
 * document stays ~170 MB.
 */
export const MAX_TEXT_CHARS = 4_000_000;

/** A block of extracted text before it is placed in the Doc. */
export interface OutBlock {
  text: string;
  kind: Block['kind'];
}

/** Does the decoded text look like HTML rather than plain text? */
export function looksLikeHtml(text: string, contentType?: string | null): boolean {
  if (contentType && /html|xml/i.test(contentType)) return true;
  if (contentType && /text\/plain/i.test(contentType)) return false;
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  const tags = head.match(/<(html|head|body|div|p|meta|title|span|a|br|table|script|link)\b/g);
  return (tags?.length ?? 0) >= 2;
}

/** Extract one page. Errors (empty, binary, undecodable) are values; error and non-article pages are ok with a status. */
export function extract(input: RawInput, opts: ExtractOptions = {}): Result<Doc> {
  const budget = new Budget(opts.workLimit ?? EXTRACT_WORK_LIMIT, 'HTML tags parsed and elements walked');
  try {
    return run(input, budget, resolveTuning(opts.tuning));
  } catch (e) {
    if (e instanceof BudgetExceeded) return { ok: false, code: 'too-large', reason: e.message };
    // Engine limits (string or array sizes) on giant inputs; anything else is a bug and should surface.
    if (e instanceof RangeError && /Invalid (string|array) length|Maximum call stack|allocation/i.test(e.message)) {
      return { ok: false, code: 'too-large', reason: `page too large or too deep: ${e.message}` };
    }
    throw e;
  }
}

function run(input: RawInput, budget: Budget, tuning: Tuning): Result<Doc> {
  if (!input.bytes || input.bytes.length === 0) return { ok: false, code: 'empty', reason: 'no bytes' };
  if (input.bytes.length > MAX_BYTES)
    return { ok: false, code: 'too-large', reason: `${input.bytes.length} bytes > ${MAX_BYTES}` };
  const gz = maybeGunzip(input.bytes);
  if (!gz.ok) return gz;
  const bytes = gz.bytes;
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'no bytes after gunzip' };
  const bin = binaryReason(bytes);
  if (bin) return { ok: false, code: 'binary', reason: `input is binary (${bin})` };
  const dec = decodeBytes(bytes, input.contentType);
  if (!dec.ok) return dec;
  if (!dec.text.trim()) return { ok: false, code: 'empty', reason: 'no text after decoding' };
  const url = input.url ?? null;
  const html = looksLikeHtml(dec.text, input.contentType);
  if (!html && dec.text.length > MAX_TEXT_CHARS)
    return {
      ok: false,
      code: 'too-large',
      reason: `${dec.text.length} characters of plain text is over the ${MAX_TEXT_CHARS}-character cap`,
    };
  let meta: DocMeta;
  let body: OutBlock[];
  let captions: OutBlock[];
  let canonicalUrl: string | null = null;
  if (html) {
    const spend = (steps: number) => budget.spend(steps);
    const root = parseHtml(dec.text, spend, tuning.parse.lowercaseAttrs);
    const hm = htmlMeta(root, url, dec.text, tuning.meta);
    canonicalUrl = hm.canonicalUrl;
    const res = extractBody(
      root,
      hm.meta.title?.value ?? null,
      spend,
      {
        byline: hm.meta.byline?.value ?? null,
        published: hm.meta.published?.value ?? null,
        modified: hm.meta.modified?.value ?? null,
      },
      tuning.content,
    );
    body = res.body.map((b) => ({ text: b.text, kind: b.kind === 'pre' ? 'paragraph' : b.kind }));
    captions = res.captions.map((b) => ({ text: b.text, kind: 'caption' as const }));
    meta = hm.meta;
    decideKind(meta, { body, captions, url, canonicalUrl, all: res.all, html: true, hints: hm.kindHints });
    hm.finish(meta, body, captions);
    if (root.attrs['data-truncated']) meta.statusSignals.push(`truncated:${root.attrs['data-truncated']}`);
  } else {
    const res = extractText(dec.text, url);
    body = res.body;
    captions = res.captions;
    meta = res.meta;
    decideKind(meta, { body, captions, url, all: null, html: false, hints: res.kindHints });
  }
  return {
    ok: true,
    value: build(headline(meta, body), captions, meta, {
      source: input.source,
      url,
      canonicalUrl,
      contentHash: sha256(bytes),
      format: html ? 'html' : 'text',
      encoding: dec.encoding,
    }),
  };
}

/**
 * A page's headline lives in its metadata (HTML) or is taken off the top of the text (plain text), not in its body;
 * events are coded on headlines too, so the headline goes first in the text as a `title` block (kept out of
 * `bodyText`), unless the body already opens with it.
 */
function headline(meta: DocMeta, body: OutBlock[]): OutBlock[] {
  const title = meta.title?.value.trim();
  if (meta.status !== 'article' || !title || !body.length) return body;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (norm(body[0].text).startsWith(norm(title))) return body;
  return [{ text: title, kind: 'title' }, ...body];
}

/** Assemble the Doc: body blocks, then captions, joined by blank lines, with the blocks layer. */
export function build(body: OutBlock[], captions: OutBlock[], meta: DocMeta, source: SourceInfo): Doc {
  const blocks: Block[] = [];
  let text = '';
  const add = (b: OutBlock) => {
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + b.text.length, kind: b.kind });
    text += b.text;
  };
  for (const b of body) add(b);
  const bodyEnd = text.length;
  for (const c of captions) add({ text: c.text, kind: 'caption' });
  const doc = createDoc(text, { bodyEnd, source, meta });
  doc.layers.blocks = blocks;
  return doc;
}
