/** Reading a response body within a byte cap (before and after decompression), gzip, deflate and brotli. */
import { brotliDecompressSync, inflateSync, inflateRawSync } from 'node:zlib';
import { gunzipMembers } from '../extract/gunzip.js';

/** A body, or why it was not read. */
export type Body = { ok: true; bytes: Uint8Array } | { ok: false; code: string; reason: string };

/** Read limits. */
export interface BodyLimits {
  maxBytes: number;
  signal: AbortSignal;
}

interface Stream extends AsyncIterable<Uint8Array> {
  destroy(err?: Error): void;
  on(event: 'error', fn: () => void): unknown;
}

/** Stop reading (the abort error that follows is expected). */
function stopReading(stream: Stream): void {
  stream.on('error', () => {});
  stream.destroy();
}

/** Read `stream`, aborting as soon as more than `maxBytes` arrive or are announced; then decode the encoding. */
export async function readBody(
  stream: Stream,
  contentLength: string | null,
  encoding: string | null,
  lim: BodyLimits,
): Promise<Body> {
  if (contentLength && Number(contentLength) > lim.maxBytes) {
    stopReading(stream);
    return { ok: false, code: 'too-large', reason: `Content-Length ${contentLength} is over ${lim.maxBytes} bytes` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const c of stream) {
      total += c.length;
      if (total > lim.maxBytes) {
        stopReading(stream);
        return { ok: false, code: 'too-large', reason: `body over ${lim.maxBytes} bytes; aborted` };
      }
      chunks.push(c);
    }
  } catch (e) {
    if (lim.signal.aborted || /timeout|abort/i.test((e as Error).name + (e as Error).message))
      return { ok: false, code: 'timeout', reason: 'the body did not arrive in time (stalled)' };
    return { ok: false, code: 'network', reason: (e as Error).message };
  }
  const raw = Buffer.concat(chunks, total);
  return decode(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), encoding, lim.maxBytes);
}

/** Undo a Content-Encoding, to at most `maxBytes`. */
export function decode(raw: Uint8Array, encoding: string | null, maxBytes: number): Body {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity') return { ok: true, bytes: raw };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') {
      const r = gunzipMembers(raw, maxBytes);
      if (r.ok) return { ok: true, bytes: r.bytes };
      return r.tooLarge
        ? { ok: false, code: 'too-large', reason: `gzip body expands beyond ${maxBytes} bytes` }
        : { ok: false, code: 'bad-gzip', reason: `gzip body is damaged: ${r.reason}` };
    }
    if (enc === 'br') return { ok: true, bytes: brotliDecompressSync(raw, { maxOutputLength: maxBytes }) };
    if (enc === 'deflate') {
      // Servers send either zlib-wrapped or raw deflate under this name.
      try {
        return { ok: true, bytes: inflateSync(raw, { maxOutputLength: maxBytes }) };
      } catch {
        return { ok: true, bytes: inflateRawSync(raw, { maxOutputLength: maxBytes }) };
      }
    }
  } catch (e) {
    const msg = (e as Error).message;
    if (/larger than|maxOutputLength/i.test(msg))
      return { ok: false, code: 'too-large', reason: `${enc} body expands beyond ${maxBytes} bytes` };
    return { ok: false, code: 'bad-encoding', reason: `${enc} body is damaged: ${msg}` };
  }
  return { ok: false, code: 'bad-encoding', reason: `unsupported Content-Encoding ${enc}` };
}
