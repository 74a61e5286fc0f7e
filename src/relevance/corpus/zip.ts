/** Read the first file of a zip archive (stored or deflated) in memory with node's zlib: enough for one-file archives. */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** The first entry of a zip file, as UTF-8 text. */
export function unzipFirstText(path: string): string {
  const buf = readFileSync(path);
  if (buf.readUInt32LE(0) !== 0x04034b50) throw new Error(`not a zip: ${path}`);
  const method = buf.readUInt16LE(8);
  const start = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  let size = buf.readUInt32LE(18);
  if (size === 0 || (buf.readUInt16LE(6) & 8) !== 0) {
    // Sizes deferred to a data descriptor: the central directory has them.
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    if (cd < 0) throw new Error(`zip without central directory: ${path}`);
    size = buf.readUInt32LE(cd + 20);
  }
  const data = buf.subarray(start, start + size);
  if (method === 0) return data.toString('utf8');
  if (method === 8) return inflateRawSync(data).toString('utf8');
  throw new Error(`zip method ${method} not supported: ${path}`);
}

/** Parse CSV text (RFC 4180 quoting) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c !== '"') f += c;
      else if (text[i + 1] === '"') {
        f += '"';
        i++;
      } else q = false;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
  }
  if (f || row.length) rows.push([...row, f]);
  return rows;
}
