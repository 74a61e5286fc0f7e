/**
 * Averaged perceptron over hashed features: a mutable trainer (dense rows per
 * feature, Daumé-style averaging) and a compact read-only model (open-addressing
 * table of 32-bit keys to sparse int16 rows) that loads from a Buffer without parsing.
 */

/** A read-only scorer: adds each feature's weights into `out` (length = classes). */
export interface Scorer {
  readonly nClasses: number;
  score(feats: ArrayLike<number>, n: number, out: Float32Array): void;
}

/** Trainable averaged perceptron. Features are non-zero uint32 keys. */
export class Trainer implements Scorer {
  readonly nClasses: number;
  private rows = new Map<number, number>();
  private w: Float32Array;
  private u: Float32Array;
  private cap: number;
  private n = 0;
  /** Update counter (instances seen), for averaging. */
  c = 1;

  constructor(nClasses: number, initialRows = 1 << 16) {
    this.nClasses = nClasses;
    this.cap = initialRows;
    this.w = new Float32Array(initialRows * nClasses);
    this.u = new Float32Array(initialRows * nClasses);
  }

  /** Number of distinct features with a row. */
  get size(): number {
    return this.n;
  }

  private row(key: number): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      if (this.n === this.cap) {
        this.cap *= 2;
        const w = new Float32Array(this.cap * this.nClasses);
        w.set(this.w);
        this.w = w;
        const u = new Float32Array(this.cap * this.nClasses);
        u.set(this.u);
        this.u = u;
      }
      r = this.n++;
      this.rows.set(key, r);
    }
    return r;
  }

  score(feats: ArrayLike<number>, n: number, out: Float32Array): void {
    const k = this.nClasses;
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const r = this.rows.get(feats[i]);
      if (r === undefined) continue;
      const base = r * k;
      for (let j = 0; j < k; j++) out[j] += this.w[base + j];
    }
  }

  /** Perceptron update: reward `gold`, penalise `guess` (no-op when equal). */
  update(feats: ArrayLike<number>, n: number, gold: number, guess: number, amount = 1): void {
    if (gold === guess) return;
    const k = this.nClasses;
    const c = this.c;
    for (let i = 0; i < n; i++) {
      const base = this.row(feats[i]) * k;
      this.w[base + gold] += amount;
      this.u[base + gold] += c * amount;
      this.w[base + guess] -= amount;
      this.u[base + guess] -= c * amount;
    }
  }

  /** Advance the averaging clock by one instance. */
  tick(): void {
    this.c++;
  }

  /**
   * Average, quantise to int16, centre dense rows and prune weights below
   * `minRel` × the largest weight (see {@link pruneBinary}); returns the bytes of a {@link SparseModel}.
   */
  toBinary(minRel = 0): Buffer {
    return pruneBinary(this.quantised(), minRel);
  }

  /** Averaged weights quantised to int16, unpruned. */
  private quantised(): Buffer {
    const k = this.nClasses;
    const c = this.c;
    const avg = new Float32Array(this.n * k);
    let maxAbs = 1e-9;
    for (let i = 0; i < this.n * k; i++) {
      const v = this.w[i] - this.u[i] / c;
      avg[i] = v;
      if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    }
    const scale = maxAbs / 32000;
    const keys: number[] = [];
    const offs: number[] = [];
    const cls: number[] = [];
    const ws: number[] = [];
    const sorted = [...this.rows.entries()].sort((a, b) => a[0] - b[0]);
    for (const [key, r] of sorted) {
      const start = cls.length;
      for (let j = 0; j < k; j++) {
        const q = Math.round(avg[r * k + j] / scale);
        if (q === 0) continue;
        cls.push(j);
        ws.push(q);
      }
      if (cls.length > start) {
        keys.push(key);
        offs.push(start);
      }
    }
    return SparseModel.build(k, scale, keys, offs, cls, ws);
  }
}

/** Rows of models with at most this many classes are centred when pruned (see {@link pruneBinary}). */
const DENSE_MAX_CLASSES = 4;
/** Models with at most this many classes are stored densely in memory (weights packed beside the key). */
const DENSE_LAYOUT_MAX = 3;
/** Sparse models pack a class in 7 bits (the 8th is {@link FAR_SPARSE}). */
const SPARSE_MAX_CLASSES = 128;
/** Rows with at most this many entries of a sparse model live inside their slot (most rows: one miss per hit). */
const INLINE_MAX = 2;
/** Int32 words per slot: key plus two (dense: key plus three int16 weights and the far flag). */
const STRIDE = 3;
/**
 * A lookup compares the key with this many slots from its home slot at once and selects the hit with masks, not
 * branches; it probes on only when the key is not there and its home slot is marked far (a row of that home lies
 * beyond the window: 6% of the parser's rows). A probe loop whose length and outcome the CPU cannot predict cost
 * more than the table's cache misses (replay of the EWT test transition features: 110 → 65 ms).
 */
const WINDOW = 4;
/** Slots past the last home slot: probes run on into them instead of wrapping, so a window never wraps. */
const TAIL = 1024;
/** Far flag of a home slot, dense layout: bit 16 of the third word (above the third weight). */
const FAR_DENSE = 1 << 16;
/** Far flag of a home slot, sparse layout: bit 7 of the second word (above the first entry's class). */
const FAR_SPARSE = 1 << 7;

/**
 * Compact read-only model: hashed keys → sparse int16 rows. On disk: header,
 * sorted keys (uint32), row lengths (uint8), weights (int16), classes (uint8);
 * the open-addressing lookup table is rebuilt at load (a few ms).
 *
 * In memory every slot is three int32 words. Dense models (the parser's 3 transitions): [key, w0 | w1 << 16,
 * w2 | far]. Sparse models: [key, e0 | far, e1] with entries packed as `weight << 8 | class`, a row of up to two
 * entries inline (most rows: the perceptron's +gold/-guess pair), longer rows as [key, far, start << 8 | length]
 * into `ent`. Scores are sums of the integer weights (exact in float32: |sum| < 2^24), so they do not depend on
 * the order of the features; they are in units of the quantisation step (argmax is all any caller reads).
 */
export class SparseModel implements Scorer {
  readonly nClasses: number;
  /** Scores are exact integer sums: a caller may keep partial sums of some features and add the rest later. */
  readonly exact = true;
  private mask: number;
  private slots: Int32Array;
  /** Packed entries (weight << 8 | class) of rows longer than {@link INLINE_MAX}. */
  private ent: Int32Array;
  private dense: boolean;

  constructor(buf: Buffer) {
    if (buf.readUInt32LE(0) !== 0x4e4c5032) throw new Error('not an nlp model file');
    const nClasses = buf.readUInt32LE(4);
    const nRows = buf.readUInt32LE(8);
    const nEntries = buf.readUInt32LE(12);
    let off = 20;
    const take = (bytes: number): ArrayBuffer => {
      const ab = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + bytes) as ArrayBuffer;
      off += bytes;
      return ab;
    };
    this.nClasses = nClasses;
    const keys = new Uint32Array(take(nRows * 4));
    const lens = new Uint8Array(take(nRows));
    const q = new Int16Array(take(nEntries * 2));
    const cls = new Uint8Array(take(nEntries));
    this.dense = nClasses <= DENSE_LAYOUT_MAX;
    if (!this.dense && (nEntries >= 1 << 24 || nClasses > SPARSE_MAX_CLASSES))
      throw new Error('model too large for the sparse layout');
    const cap = tableCap(nRows);
    this.mask = cap - 1;
    this.slots = new Int32Array((cap + TAIL) * STRIDE);
    let long = 0;
    if (!this.dense) for (let r = 0; r < nRows; r++) if (lens[r] > INLINE_MAX) long += lens[r];
    this.ent = new Int32Array(long);
    fillSlots(this.slots, this.ent, this.mask, this.dense, keys, lens, q, cls);
  }

  /** Sink for the prefetch pass's loads, so they are not optimised away. */
  private sink = 0;

  score(feats: ArrayLike<number>, n: number, out: Float32Array): void {
    const { slots, mask } = this;
    // Scoring is bound by cache misses on the table. A first pass touches every feature's home slot with loads
    // that do not depend on each other, so the CPU has them in flight at once; the lookups then hit cache.
    let touch = 0;
    for (let i = 0; i < n; i++) touch ^= slots[(feats[i] & mask) * STRIDE];
    this.sink = touch;
    if (this.dense) this.scoreDense(feats, n, out);
    else this.scoreSparse(feats, n, out);
  }

  /** Dense rows: integer sums of the packed weights (a miss adds masked zeros). */
  private scoreDense(feats: ArrayLike<number>, n: number, out: Float32Array): void {
    const { slots, mask } = this;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const key = feats[i] | 0;
      const p = (key & mask) * STRIDE;
      const m1 = same(slots[p + STRIDE], key);
      const m2 = same(slots[p + 2 * STRIDE], key);
      const m3 = same(slots[p + 3 * STRIDE], key);
      let m = same(slots[p], key) | m1 | m2 | m3;
      let q = p + (m1 & STRIDE) + (m2 & (2 * STRIDE)) + (m3 & (3 * STRIDE));
      if ((~m & slots[p + 2] & FAR_DENSE) !== 0) {
        q = probe(slots, key, p + WINDOW * STRIDE);
        m = ~(q >> 31);
        q &= m;
      }
      const a = slots[q + 1] & m;
      s0 += (a << 16) >> 16;
      s1 += a >> 16;
      s2 += ((slots[q + 2] & m) << 16) >> 16;
    }
    out.fill(0);
    out[0] = s0;
    if (out.length > 1) out[1] = s1;
    if (out.length > 2) out[2] = s2;
  }

  /** Sparse rows: inline entries added at once, long rows after a pass that touches their first entries. */
  private scoreSparse(feats: ArrayLike<number>, n: number, out: Float32Array): void {
    const { slots, mask, ent } = this;
    const rows = this.rowBuf.length >= n ? this.rowBuf : (this.rowBuf = new Int32Array(n));
    // Integer sums (no float conversions per entry); the caller gets the same values as floats.
    const acc = this.acc;
    acc.fill(0);
    let nr = 0;
    let touch = 0;
    for (let i = 0; i < n; i++) {
      const key = feats[i] | 0;
      const p = (key & mask) * STRIDE;
      const m1 = same(slots[p + STRIDE], key);
      const m2 = same(slots[p + 2 * STRIDE], key);
      const m3 = same(slots[p + 3 * STRIDE], key);
      let m = same(slots[p], key) | m1 | m2 | m3;
      let q = p + (m1 & STRIDE) + (m2 & (2 * STRIDE)) + (m3 & (3 * STRIDE));
      if ((~m & slots[p + 1] & FAR_SPARSE) !== 0) {
        q = probe(slots, key, p + WINDOW * STRIDE);
        m = ~(q >> 31);
        q &= m;
      }
      // A miss or a long row reads as a first entry of weight 0 (class bits aside), which adds nothing.
      const a = slots[q + 1] & m;
      const inline = ~same(a >> 8, 0);
      const b = slots[q + 2] & m;
      const e1 = b & inline;
      acc[a & 127] += a >> 8;
      acc[e1 & 127] += e1 >> 8;
      // Long rows are a second miss each: touch their first entries together, sum them after.
      const long = m & ~inline;
      rows[nr] = b;
      nr += long & 1;
      touch ^= ent[(b & long) >>> 8];
    }
    this.sink = touch;
    for (let r = 0; r < nr; r++) {
      const b = rows[r];
      const stop = (b >>> 8) + (b & 255);
      for (let e = b >>> 8; e < stop; e++) {
        const x = ent[e];
        acc[x & 127] += x >> 8;
      }
    }
    for (let c = 0; c < out.length; c++) out[c] = acc[c];
  }

  private rowBuf = new Int32Array(128);
  /** Per-class integer sums of {@link scoreSparse} (class bits 0–127). */
  private acc = new Int32Array(SPARSE_MAX_CLASSES);

  /** Serialise rows (keys ascending) into the on-disk layout read by the constructor. */
  static build(k: number, scale: number, keys0: number[], offs0: number[], cls0: number[], ws0: number[]): Buffer {
    // Store rows in the order of their home slot in the load-time table, so filling
    // the table writes memory nearly sequentially (loading is part of every CLI run).
    const cap = tableCap(keys0.length);
    const order = keys0
      .map((_, i) => i)
      .sort((a, b) => (keys0[a] & (cap - 1)) - (keys0[b] & (cap - 1)) || keys0[a] - keys0[b]);
    const keys: number[] = [];
    const offs: number[] = [];
    const cls: number[] = [];
    const ws: number[] = [];
    for (const r of order) {
      const end = r + 1 < offs0.length ? offs0[r + 1] : cls0.length;
      keys.push(keys0[r]);
      offs.push(cls.length);
      for (let e = offs0[r]; e < end; e++) {
        cls.push(cls0[e]);
        ws.push(ws0[e]);
      }
    }
    const hdr = Buffer.alloc(20);
    hdr.writeUInt32LE(0x4e4c5032, 0);
    hdr.writeUInt32LE(k, 4);
    hdr.writeUInt32LE(keys.length, 8);
    hdr.writeUInt32LE(cls.length, 12);
    hdr.writeFloatLE(scale, 16);
    const lens = new Uint8Array(keys.length);
    for (let i = 0; i < keys.length; i++) lens[i] = (i + 1 < offs.length ? offs[i + 1] : cls.length) - offs[i];
    return Buffer.concat([
      hdr,
      Buffer.from(Uint32Array.from(keys).buffer),
      Buffer.from(lens.buffer),
      Buffer.from(Int16Array.from(ws).buffer),
      Buffer.from(Uint8Array.from(cls).buffer),
    ]);
  }
}

/** Table size for n rows: load factor up to 0.8 (probes mostly stay in one cache line; a smaller table misses less). */
function tableCap(n: number): number {
  let cap = 2;
  while (cap < n * 1.25) cap <<= 1;
  return cap;
}

/** -1 when `a` equals `b`, else 0, computed without a branch. */
function same(a: number, b: number): number {
  const d = a ^ b;
  return (((d >>> 1) | (d & 1)) - 1) >> 31;
}

/** Linear probe from word index `p` for `key`: the word index of its slot, or -1 at the first empty slot. */
function probe(slots: Int32Array, key: number, p: number): number {
  for (;;) {
    const k = slots[p];
    if (k === key) return p;
    if (k === 0) return -1;
    p += STRIDE;
  }
}

/** Build the lookup table (a plain function with locals, so it is optimised on its first, only call). */
function fillSlots(
  slots: Int32Array,
  ent: Int32Array,
  mask: number,
  dense: boolean,
  keys: Uint32Array,
  lens: Uint8Array,
  q: Int16Array,
  cls: Uint8Array,
): void {
  const nRows = keys.length;
  // The last slot stays empty, so every probe stops inside the table.
  const last = slots.length / STRIDE - 1;
  let e = 0;
  let ne = 0;
  for (let r = 0; r < nRows; r++) {
    const len = lens[r];
    const key = keys[r] | 0;
    const h = key & mask;
    let p = h;
    while (slots[p * STRIDE] !== 0) p++;
    if (p >= last) throw new Error('nlp model: lookup table overflow');
    if (p - h >= WINDOW) slots[h * STRIDE + (dense ? 2 : 1)] |= dense ? FAR_DENSE : FAR_SPARSE;
    const base = p * STRIDE;
    slots[base] = key;
    if (dense) {
      for (let j = 0; j < len; j++, e++) {
        const c = cls[e];
        const w = base + 1 + (c >> 1);
        slots[w] = c & 1 ? (slots[w] & 0xffff) | (q[e] << 16) : (slots[w] & ~0xffff) | (q[e] & 0xffff);
      }
    } else if (len <= INLINE_MAX) {
      for (let j = 0; j < len; j++, e++) slots[base + 1 + j] |= (q[e] << 8) | cls[e];
    } else {
      slots[base + 2] = (ne << 8) | len;
      for (let j = 0; j < len; j++, e++) ent[ne++] = (q[e] << 8) | cls[e];
    }
  }
}

/** Index of the highest score among classes allowed by `ok` (all when omitted). */
export function argmax(scores: Float32Array, ok?: (c: number) => boolean): number {
  let best = -1;
  let bv = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] > bv && (!ok || ok(i))) {
      bv = scores[i];
      best = i;
    }
  }
  return best;
}

/** Drop entries below `minRel` × the largest weight from a serialised model (rows left empty go too). */
export function pruneBinary(buf: Buffer, minRel: number): Buffer {
  const k = buf.readUInt32LE(4);
  const nRows = buf.readUInt32LE(8);
  const nEntries = buf.readUInt32LE(12);
  const scale = buf.readFloatLE(16);
  const keysOff = 20;
  const lensOff = keysOff + nRows * 4;
  const wOff = lensOff + nRows;
  const cOff = wOff + nEntries * 2;
  const minQ = minRel * 32000;
  const keys: number[] = [];
  const offs: number[] = [];
  const cls: number[] = [];
  const ws: number[] = [];
  let e = 0;
  const row = new Float64Array(k);
  for (let r = 0; r < nRows; r++) {
    const len = buf.readUInt8(lensOff + r);
    const start = cls.length;
    row.fill(0);
    for (let j = 0; j < len; j++, e++) row[buf.readUInt8(cOff + e)] = buf.readInt16LE(wOff + e * 2);
    // A constant added to every class of a row never changes an argmax, so dense
    // rows are centred first: rows that only shift all classes then prune away.
    if (k <= DENSE_MAX_CLASSES) {
      let mean = 0;
      for (let j = 0; j < k; j++) mean += row[j] / k;
      for (let j = 0; j < k; j++) row[j] -= mean;
    }
    for (let j = 0; j < k; j++) {
      const q = Math.round(row[j]);
      if (q === 0 || Math.abs(q) < minQ) continue;
      cls.push(j);
      ws.push(q);
    }
    if (cls.length > start) {
      keys.push(buf.readUInt32LE(keysOff + r * 4));
      offs.push(start);
    }
  }
  return SparseModel.build(k, scale, keys, offs, cls, ws);
}
