/**
 * Gunzip that reads member by member (as `gzip -d` does): concatenated members are joined, trailing bytes that are
 * not another member (junk some servers and archivers append) are ignored, and a truncated or corrupt member fails.
 * Node's gunzipSync refuses the junk outright, which lost whole pages.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** A gunzip outcome. */
export type Gunzipped =
  { ok: true; bytes: Uint8Array; members: number; trailing: number } | { ok: false; tooLarge: boolean; reason: string };

/** Inflate output chunk: pages are ~170 KB unpacked (AEB mean), so 64 KB takes a few chunks where zlib's 16 KB default takes a dozen. */
const INFLATE_CHUNK = 64 * 1024;

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Offset of the deflate data after a gzip member header at `at`, or -1 when the header is malformed. */
function headerEnd(b: Uint8Array, at: number): number {
  if (b.length < at + 10 || b[at] !== 0x1f || b[at + 1] !== 0x8b || b[at + 2] !== 8) return -1;
  const flags = b[at + 3];
  let p = at + 10;
  if (flags & FEXTRA) {
    if (p + 2 > b.length) return -1;
    p += 2 + (b[p] | (b[p + 1] << 8));
  }
  for (const f of [FNAME, FCOMMENT]) {
    if (!(flags & f)) continue;
    while (p < b.length && b[p] !== 0) p++;
    p++;
  }
  if (flags & FHCRC) p += 2;
  return p <= b.length ? p : -1;
}

/** Gunzip `bytes` (which start with the gzip magic) to at most `maxOutput` bytes. */
export function gunzipMembers(bytes: Uint8Array, maxOutput: number): Gunzipped {
  const parts: Buffer[] = [];
  let total = 0;
  let at = 0;
  let members = 0;
  while (at < bytes.length) {
    const start = headerEnd(bytes, at);
    if (start < 0) {
      if (members === 0) return { ok: false, tooLarge: false, reason: 'not a gzip header' };
      break; // trailing bytes that are not another member
    }
    let res: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      const r = inflateRawSync(bytes.subarray(start), {
        info: true,
        maxOutputLength: maxOutput - total + 1,
        chunkSize: INFLATE_CHUNK,
      });
      res = r as unknown as typeof res;
    } catch (e) {
      const msg = (e as Error).message;
      if (/maxOutputLength|larger than/i.test(msg)) return { ok: false, tooLarge: true, reason: msg };
      return { ok: false, tooLarge: false, reason: msg };
    }
    const end = start + res.engine.bytesWritten;
    if (end + 8 > bytes.length) return { ok: false, tooLarge: false, reason: 'unexpected end of file' };
    const dv = new DataView(bytes.buffer, bytes.byteOffset + end, 8);
    if (dv.getUint32(0, true) !== crc32(res.buffer) >>> 0)
      return { ok: false, tooLarge: false, reason: 'CRC mismatch' };
    total += res.buffer.length;
    if (total > maxOutput) return { ok: false, tooLarge: true, reason: `more than ${maxOutput} bytes` };
    parts.push(res.buffer);
    members++;
    at = end + 8;
  }
  // One member (nearly every page): its buffer is the output, no copy.
  const out = parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
  return {
    ok: true,
    bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
    members,
    trailing: bytes.length - at,
  };
}
