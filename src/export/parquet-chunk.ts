/**
 * One Parquet column chunk of the flat columns, encoded straight from the row group's values: strings as a dictionary
 * page plus RLE/bit-packed indexes when few distinct values repeat, else PLAIN (lengths and UTF-8 written by Buffer in
 * one pass); numbers PLAIN from typed arrays; booleans bit-packed. One DATA_PAGE_V2 per chunk (levels uncompressed,
 * values SNAPPY). hyparquet-writer supplies the page header (thrift), the RLE writer and snappy; we skip its generic
 * per-value conversion, statistics and dictionary sampling, which cost most of an export's time (docs/performance.md).
 */
import type { Writer } from 'hyparquet-writer/src/types.js';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import type { FlatType } from './flat.js';

/** A value of a flat column as the group holds it (DATE already as days since 1970). */
export type ChunkValue = string | number | boolean | null;

/** The chunk's entry in the file footer (hyparquet's ColumnChunk shape). */
export interface ChunkMeta {
  file_offset: bigint;
  meta_data: {
    type: 'BYTE_ARRAY' | 'INT32' | 'DOUBLE' | 'BOOLEAN';
    encodings: string[];
    path_in_schema: string[];
    codec: 'SNAPPY';
    num_values: bigint;
    total_uncompressed_size: bigint;
    total_compressed_size: bigint;
    data_page_offset: bigint;
    dictionary_page_offset?: bigint;
    statistics: { null_count: bigint; min_value?: string | number; max_value?: string | number };
  };
}

/** A string column is dictionary-encoded unless more than this share of its values are distinct. */
const MAX_DISTINCT_SHARE = 0.5;
/** Values looked at before a mostly-distinct column gives up on a dictionary. */
const SAMPLE = 1024;

const PHYSICAL: Record<FlatType, ChunkMeta['meta_data']['type']> = {
  STRING: 'BYTE_ARRAY',
  JSON: 'BYTE_ARRAY',
  INT32: 'INT32',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  DATE: 'INT32',
};

/** Unsigned UTF-8 byte order (= code point order) of two strings, as Parquet orders BYTE_ARRAY bounds. */
export function utf8Compare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  if (i > 0 && (a.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--; // differing in a pair's low half: compare the pair
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // UTF-16 order is code point order except that surrogates (U+D800–DFFF) stand for code points above U+FFFF.
  if (x < 0xd800 && y < 0xd800) return x - y;
  return Buffer.compare(Buffer.from(a.slice(i), 'utf8'), Buffer.from(b.slice(i), 'utf8'));
}

/** Write one page (header, then levels, then the compressed values); the bytes it counts as uncompressed. */
function writePage(w: Writer, header: object, levels: Uint8Array | null, data: Uint8Array): number {
  const compressed = snappyCompress(data);
  const start = w.offset;
  writePageHeader(w, { ...header, compressed_page_size: (levels?.length ?? 0) + compressed.length } as never);
  const headerSize = w.offset - start;
  if (levels) w.appendBytes(levels);
  w.appendBytes(compressed);
  return headerSize + (levels?.length ?? 0) + data.length;
}

/** A growing byte buffer of PLAIN byte arrays: a 4-byte little-endian length, then the UTF-8 bytes. */
class PlainBytes {
  private buf = Buffer.allocUnsafe(1 << 16);
  at = 0;

  add(s: string): void {
    if (this.at + 4 + s.length * 3 > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + 4 + s.length * 3));
      this.buf.copy(next, 0, 0, this.at);
      this.buf = next;
    }
    const n = this.buf.write(s, this.at + 4, 'utf8');
    this.buf.writeUInt32LE(n, this.at);
    this.at += 4 + n;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }
}

/** Booleans as PLAIN: one bit each, least significant first. */
function packBits(values: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (values[i]) out[i >> 3] |= 1 << (i & 7);
  return out;
}

/** Little-endian bytes of a typed array's first `n` values. */
function littleEndian(a: Int32Array | Float64Array, n: number): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return bytes;
  const buf = Buffer.allocUnsafe(bytes.length);
  for (let i = 0; i < n; i++) {
    if (a instanceof Int32Array) buf.writeInt32LE(a[i], i * 4);
    else buf.writeDoubleLE(a[i], i * 8);
  }
  return buf;
}

/**
 * One column chunk being filled value by value and encoded as it goes (strings into a dictionary or PLAIN bytes,
 * numbers into a typed array), so a row group holds bytes, not a JS string per cell; `write` encodes it and starts empty.
 */
export class ChunkBuilder {
  private readonly physical: ChunkMeta['meta_data']['type'];
  private readonly defs: Uint8Array;
  private rows = 0;
  private present = 0;
  private readonly nums: Int32Array | Float64Array | Uint8Array | null;
  private min = Infinity;
  private max = -Infinity;
  /** Strings: the dictionary (null once the column went PLAIN), its values in order, the per-value indexes. */
  private dict: Map<string, number> | null = new Map();
  private dictValues: string[] = [];
  private readonly indexes: Int32Array;
  private plain = new PlainBytes();
  private prev: string | undefined;
  private prevIndex = 0;

  constructor(
    readonly name: string,
    readonly type: FlatType,
    readonly capacity: number,
  ) {
    this.physical = PHYSICAL[type];
    this.defs = new Uint8Array(capacity);
    const p = this.physical;
    this.nums = p === 'DOUBLE' ? new Float64Array(capacity) : p === 'INT32' ? new Int32Array(capacity) : null;
    if (p === 'BOOLEAN') this.nums = new Uint8Array(capacity);
    this.indexes = new Int32Array(p === 'BYTE_ARRAY' ? capacity : 0);
  }

  /** Rows added since the last write. */
  get size(): number {
    return this.rows;
  }

  /** Add one row's value (null where missing). */
  add(v: ChunkValue): void {
    const row = this.rows++;
    if (v === null) return;
    this.defs[row] = 1;
    const i = this.present++;
    if (this.physical !== 'BYTE_ARRAY') {
      const n = typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
      this.nums![i] = n;
      if (n < this.min) this.min = n;
      if (n > this.max) this.max = n;
      return;
    }
    this.addString(v as string, i);
  }

  private addString(v: string, i: number): void {
    // Mostly distinct in the first SAMPLE values, or more distinct values than a dictionary pays for: go PLAIN.
    if (
      this.dict &&
      (this.dictValues.length > this.capacity * MAX_DISTINCT_SHARE ||
        (i === SAMPLE && this.dictValues.length > SAMPLE * MAX_DISTINCT_SHARE))
    ) {
      this.present--;
      this.goPlain();
      this.present++;
    }
    if (!this.dict) return this.plain.add(v);
    // A document's fields repeat on its consecutive events: skip the hash lookup.
    if (v === this.prev) {
      this.indexes[i] = this.prevIndex;
      return;
    }
    let k = this.dict.get(v);
    if (k === undefined) {
      k = this.dictValues.length;
      this.dict.set(v, k);
      this.dictValues.push(v);
    }
    this.indexes[i] = k;
    this.prev = v;
    this.prevIndex = k;
  }

  /** Too many distinct values for a dictionary to pay: re-encode what came so far as PLAIN and go on so. */
  private goPlain(): void {
    for (let j = 0; j < this.present; j++) this.plain.add(this.dictValues[this.indexes[j]]);
    this.dict = null;
    this.dictValues = [];
    this.prev = undefined;
  }

  /** Encode the chunk at the writer's position, then start empty; its footer entry. */
  write(w: Writer): ChunkMeta {
    if (this.dict && this.dictValues.length > Math.max(1, this.present * MAX_DISTINCT_SHARE)) this.goPlain();
    const start = w.offset;
    const levelWriter = new ByteWriter();
    writeRleBitPackedHybrid(levelWriter, this.defs.subarray(0, this.rows), 1);
    const levels = levelWriter.getBytes();
    let uncompressed = 0;
    let dictionaryOffset: bigint | undefined;
    let data: Uint8Array;
    const dictionary = this.dict !== null && this.physical === 'BYTE_ARRAY';
    if (dictionary) {
      dictionaryOffset = BigInt(w.offset);
      const page = new PlainBytes();
      for (const v of this.dictValues) page.add(v);
      uncompressed += writePage(
        w,
        {
          type: 'DICTIONARY_PAGE',
          uncompressed_page_size: page.at,
          dictionary_page_header: { num_values: this.dictValues.length, encoding: 'PLAIN' },
        },
        null,
        page.bytes(),
      );
      const bitWidth = Math.max(1, Math.ceil(Math.log2(this.dictValues.length)));
      const ix = new ByteWriter();
      ix.appendUint8(bitWidth);
      writeRleBitPackedHybrid(ix, this.indexes.subarray(0, this.present), bitWidth);
      data = ix.getBytes();
    } else if (this.physical === 'BYTE_ARRAY') data = this.plain.bytes();
    else if (this.physical === 'BOOLEAN') data = packBits(this.nums as Uint8Array, this.present);
    else data = littleEndian(this.nums as Int32Array | Float64Array, this.present);

    const dataOffset = BigInt(w.offset);
    uncompressed += writePage(
      w,
      {
        type: 'DATA_PAGE_V2',
        uncompressed_page_size: levels.length + data.length,
        data_page_header_v2: {
          num_values: this.rows,
          num_nulls: this.rows - this.present,
          num_rows: this.rows,
          encoding: dictionary ? 'RLE_DICTIONARY' : 'PLAIN',
          definition_levels_byte_length: levels.length,
          repetition_levels_byte_length: 0,
          is_compressed: true,
        },
      },
      levels,
      data,
    );
    const meta: ChunkMeta = {
      file_offset: BigInt(start),
      meta_data: {
        type: this.physical,
        encodings: dictionary ? ['PLAIN', 'RLE', 'RLE_DICTIONARY'] : ['PLAIN', 'RLE'],
        path_in_schema: [this.name],
        codec: 'SNAPPY',
        num_values: BigInt(this.rows),
        total_uncompressed_size: BigInt(uncompressed),
        total_compressed_size: BigInt(w.offset - start),
        data_page_offset: dataOffset,
        dictionary_page_offset: dictionaryOffset,
        statistics: { null_count: BigInt(this.rows - this.present), ...this.bounds(dictionary) },
      },
    };
    this.reset();
    return meta;
  }

  /** Min and max where they are cheap: numbers, and strings through their dictionary (none for PLAIN strings). */
  private bounds(dictionary: boolean): { min_value?: string | number; max_value?: string | number } {
    if (!this.present || this.physical === 'BOOLEAN') return {};
    if (this.physical !== 'BYTE_ARRAY') {
      if (this.min === Infinity) return {};
      return { min_value: this.min === 0 ? -0 : this.min, max_value: this.max === 0 ? 0 : this.max };
    }
    if (!dictionary) return {};
    let min = this.dictValues[0];
    let max = min;
    for (const v of this.dictValues) {
      if (utf8Compare(v, min) < 0) min = v;
      if (utf8Compare(v, max) > 0) max = v;
    }
    return { min_value: min, max_value: max };
  }

  private reset(): void {
    this.defs.fill(0, 0, this.rows);
    this.rows = 0;
    this.present = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.dict = new Map();
    this.dictValues = [];
    this.plain = new PlainBytes();
    this.prev = undefined;
  }
}
