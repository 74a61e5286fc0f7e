/**
 * Bytes → text: gunzip when the gzip magic is present, refuse binary input, and pick the
 * character encoding in the order BOM, HTTP charset, in-document declaration, detection.
 */
import { gunzipSync } from 'node:zlib';
import { isUtf8 as nativeIsUtf8 } from 'node:buffer';
import type { ErrorCode } from '../doc/index.js';

/** Largest decompressed page we accept (bytes); 20 MB pages must pass, 64 MB is clearly not a news page. */
export const MAX_BYTES = 64 * 1024 * 1024;

/** A decoding outcome: text with its encoding, or an error code. */
export type Decoded =
  | { ok: true; bytes: Uint8Array; text: string; encoding: string; from: string }
  | { ok: false; code: ErrorCode; reason: string };

/** Gunzip if the bytes start with the gzip magic; errors for truncated or oversize streams. */
export function maybeGunzip(bytes: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; code: ErrorCode; reason: string } {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { ok: true, bytes };
  try {
    const out = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
    return { ok: true, bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
  } catch (e) {
    const msg = (e as Error).message;
    if (/maxOutputLength|Cannot create a Buffer larger|RangeError/i.test(msg)) {
      return { ok: false, code: 'too-large', reason: `gzip expands beyond ${MAX_BYTES} bytes` };
    }
    return { ok: false, code: 'bad-gzip', reason: `gzip stream is damaged or truncated: ${msg}` };
  }
}

const BINARY_MAGIC: [string, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['webp/riff', [0x52, 0x49, 0x46, 0x46]],
  ['elf', [0x7f, 0x45, 0x4c, 0x46]],
];

/** Share of control bytes in the sample above which we call the input binary (text pages have ~0). */
const BINARY_CONTROL_SHARE = 0.02;

/** Why the bytes look binary, or null when they look like text. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [name, magic] of BINARY_MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return `${name} signature`;
  }
  // UTF-16 text has NULs by design; its BOM is checked first.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'NUL bytes';
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) ctrl++;
  }
  return n > 0 && ctrl / n > BINARY_CONTROL_SHARE ? 'control bytes' : null;
}

function normLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** Charset from an HTTP Content-Type value. */
export function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return m ? normLabel(m[1]) : null;
}

/** Charset declared in the first bytes of an HTML or XML document (meta charset, http-equiv, xml decl). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 16384)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  const enc = m ? normLabel(m[1]) : null;
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (WHATWG: treat as UTF-8).
  return enc && enc.startsWith('utf-16') ? 'utf-8' : enc;
}

const DETECT_CANDIDATES = ['windows-1252', 'windows-1251', 'koi8-r', 'iso-8859-2', 'shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr'];

/** Plausibility of decoded text: rewards letters of one script, penalises replacement and odd characters. */
function plausibility(text: string): number {
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) s -= 6;
    else if (c >= 0x80 && c < 0xa0) s -= 3;
    else if (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7) s += c >= 0xdf ? 1 : 0.6;
    else if (c >= 0x430 && c <= 0x44f) s += 1; // lowercase Cyrillic: dominant in real Russian text
    else if (c >= 0x410 && c <= 0x42f) s += 0.3;
    else if (c >= 0x3040 && c <= 0x30ff) s += 2.5; // kana
    else if (c >= 0x4e00 && c <= 0x9fff) s += 2;
    else if (c >= 0xac00 && c <= 0xd7af) s += 2; // hangul
    else if (c >= 0x3000 && c <= 0x303f) s += 1.5;
    else if (c >= 0xff01 && c <= 0xff5e) s += 1;
    else if (c >= 0xff61 && c <= 0xff9f) s += 0.1; // half-width katakana: usually a wrong guess
    else if (c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014 || c === 0xa0) s += 0.8;
    else s -= 0.5;
  }
  return s;
}

/** Guess the encoding of bytes that are not valid UTF-8. */
export function detectEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 262144);
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const enc of DETECT_CANDIDATES) {
    const sc = plausibility(new TextDecoder(enc).decode(sample));
    if (sc > bestScore) {
      bestScore = sc;
      best = enc;
    }
  }
  return best;
}

function isUtf8(bytes: Uint8Array): boolean {
  return nativeIsUtf8(bytes);
}

/** Share of replacement characters above which a decode counts as failed. */
const UNDECODABLE_SHARE = 0.2;

/** Decode bytes (already gunzipped) to text, trusting BOM, then HTTP charset, then the document, then detection. */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  let enc: string | null = null;
  let from = '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [enc, from] = ['utf-8', 'bom'];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [enc, from] = ['utf-16le', 'bom'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [enc, from] = ['utf-16be', 'bom'];
  if (!enc) {
    const http = charsetFromContentType(contentType);
    if (http) [enc, from] = [http, 'http'];
  }
  if (!enc) {
    const decl = declaredCharset(bytes);
    if (decl) [enc, from] = [decl, 'meta'];
  }
  // A declared single-byte or UTF-8 charset is often wrong; valid UTF-8 with high bytes almost never is an accident.
  if (enc && from !== 'bom' && enc !== 'utf-8' && hasHighBytes(bytes) && isUtf8(bytes)) [enc, from] = ['utf-8', 'detected'];
  if (enc === 'utf-8' && from !== 'bom' && !isUtf8(bytes)) {
    const guess = detectEncoding(bytes);
    const sUtf = plausibility(new TextDecoder('utf-8').decode(bytes.subarray(0, 262144)));
    const sGuess = plausibility(new TextDecoder(guess).decode(bytes.subarray(0, 262144)));
    if (sGuess > sUtf) [enc, from] = [guess, 'detected'];
  }
  if (!enc) {
    if (isUtf8(bytes)) [enc, from] = ['utf-8', 'detected'];
    else [enc, from] = [detectEncoding(bytes), 'detected'];
  }
  let text: string;
  if (enc === 'utf-8' && from !== 'bom' && isUtf8(bytes)) {
    // Valid UTF-8: no replacement characters to count.
    return { ok: true, bytes, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: enc, from };
  }
  try {
    text = new TextDecoder(enc, { ignoreBOM: false }).decode(bytes);
  } catch (e) {
    return { ok: false, code: 'undecodable', reason: `cannot decode as ${enc}: ${(e as Error).message}` };
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (text.length > 0 && bad / text.length > UNDECODABLE_SHARE) {
    return { ok: false, code: 'undecodable', reason: `${Math.round((100 * bad) / text.length)}% of characters undecodable as ${enc}` };
  }
  return { ok: true, bytes, text, encoding: enc, from };
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return !Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).every((b) => b < 0x80);
}
