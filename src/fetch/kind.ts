/** What a response or file is, decided by its content (the first bytes), not by its name or Content-Type alone. */
import { gunzipSync, constants } from 'node:zlib';
import { looksLikeWarc } from './warc.js';

/** The kinds of source we tell apart. */
export type SourceKind = 'rss' | 'atom' | 'rdf' | 'jsonfeed' | 'urlset' | 'sitemapindex' | 'warc' | 'page';

/** Up to `n` bytes of the start of `bytes`, gunzipped when it is gzip (a partial gunzip of the head only). */
export function headOf(bytes: Uint8Array, n = 4096): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes.subarray(0, Math.min(bytes.length, 65536)), {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: n * 4,
      }).subarray(0, n);
    } catch {
      return new Uint8Array(0);
    }
  }
  return bytes.subarray(0, n);
}

// The first element after the XML declaration, comments, processing instructions and a doctype.
const FIRST_ELEMENT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)/;

/** The kind of `head` (already decompressed), from its first element or JSON shape. */
export function detectKind(head: Uint8Array): SourceKind {
  if (looksLikeWarc(head)) return 'warc';
  const text = Buffer.from(head)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const t = text.trimStart();
  if (t.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(t) ? 'jsonfeed' : 'page';
  const m = FIRST_ELEMENT.exec(text);
  if (!m) return 'page';
  const name = m[1].toLowerCase().replace(/^[\w.-]+:/, '');
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'rdf') return 'rdf';
  if (name === 'urlset') return 'urlset';
  if (name === 'sitemapindex') return 'sitemapindex';
  return 'page';
}

/** True for kinds that list other URLs rather than being a page. */
export function isListing(k: SourceKind): boolean {
  return k !== 'page' && k !== 'warc';
}
