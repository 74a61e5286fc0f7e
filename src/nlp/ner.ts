/**
 * Named-entity tagger: greedy left-to-right averaged perceptron over IOB2 tags
 * (PER/ORG/LOC) with word, shape, affix, POS, gazetteer and previous-tag
 * features; decoding only allows I-X after B-X or I-X.
 */
import { f1, f2, f3, hashStr } from './hash.js';
import type { Lex } from './lex.js';
import type { Scorer } from './perceptron.js';
import { gazTags, type Gazetteer } from './gazetteer.js';

/** NER metadata. */
export interface NerMeta {
  /** IOB2 classes; index 0 is "O". */
  classes: string[];
  /**
   * Capitalisation prior: lowercased word → how often it is capitalised away from
   * the sentence start in the treebank ("C" ≥ 95%, "M" ≥ 50%, "m" ≥ 5%, "l" less).
   */
  caps?: Record<string, string>;
}

/** Capitalisation-prior bucket of a share of capitalised non-initial occurrences. */
export function capsBucket(share: number): string {
  return share >= 0.95 ? 'C' : share >= 0.5 ? 'M' : share >= 0.05 ? 'm' : 'l';
}

const BOS = 0x5b05;
const EOS = 0xe05;
/** Char code of the "l" capitalisation prior (known word, capitalised < 5% of the time). */
const LOWER_PRIOR = 108;
/** Lexical flag of all-punctuation tokens (see lex.ts). */
const PUNCT_FLAG = 16;
/** Feature buffer size. */
export const MAX_NER_FEATS = 72;

/** Per-sentence inputs the NER features need besides the lexical columns. */
export interface NerInput {
  lx: Lex;
  tags: Int32Array;
  gaz: Uint32Array;
  /** 1 when the token is a known given name. */
  first: Uint32Array;
  /** The tagger's ambiguity-class hashes (which tags the word took in the treebank). */
  amb: Uint32Array;
  /** Capitalisation-prior bucket codes (char codes; "u" when unknown). */
  caps: Uint32Array;
  /** Name-run code: kind of head word in the capitalised run holding the token, and the token's place in it. */
  run: Uint32Array;
}

/** Head words that make a capitalised run an organisation ("... Ministry", "Bank of ..."). */
const ORG_HEADS = new Set(
  (
    'inc,inc.,ltd,ltd.,llc,plc,corp,corp.,co.,company,corporation,group,ministry,department,dept.,party,council,' +
    'bank,university,college,school,agency,army,front,association,institute,foundation,committee,commission,union,' +
    'federation,organization,organisation,club,church,hospital,court,parliament,assembly,senate,congress,office,' +
    'bureau,authority,board,society,times,news,post,journal,airlines,airways,brigade,brigades,force,forces,police,' +
    'navy,administration,center,centre,league,fc,network,media,press,tv,radio,industries,holdings,partners,' +
    'services,systems,technologies,labs,museum,academy,movement,alliance,coalition,government,cabinet,embassy,' +
    'tribunal,guard,corps,command,battalion,division,conference,fund,trust,service,times,magazine,channel,' +
    'restaurant,cafe,hotel,bar,grill,pizza,store,shop,inn,motors,airline,reserve,exchange,commission,fed'
  ).split(','),
);
/** Head words that make a capitalised run a place ("... Street", "Lake ..."). */
const LOC_HEADS = new Set(
  (
    'street,st.,avenue,ave,ave.,road,rd,rd.,river,lake,mountain,mountains,mount,mt.,island,islands,county,province,' +
    'city,valley,bay,sea,ocean,park,square,bridge,airport,beach,region,district,peninsula,desert,gulf,strait,canyon,' +
    'coast,hills,heights,village,town,boulevard,blvd,highway,station,falls,springs,state,republic,kingdom,east,west'
  ).split(','),
);
/** Lowercase words that may sit inside a name run ("Bank of America", "Ministry for ..."). */
const RUN_LINKS = new Set(['of', 'for', 'and', '&', 'de', 'on', 'the']);

/** Name-run codes for a sentence (see NerInput.run). */
export function nameRuns(lx: Lex): Uint32Array {
  const n = lx.n;
  const out = new Uint32Array(n);
  const cap = (j: number): boolean => j < n && (lx.flags[j] & 1) !== 0 && (lx.flags[j] & 16) === 0;
  // Normalised words (lowercase, digits folded): the same set lookups as lowercase, since no head word has a digit.
  const low = lx.norm;
  let i = 0;
  while (i < n) {
    if (!cap(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && (cap(j) || (RUN_LINKS.has(low[j]) && cap(j + 1)))) j++;
    let kind = 1;
    for (let k = i; k < j; k++) {
      const l = low[k];
      if (ORG_HEADS.has(l)) kind = 2;
      else if (kind === 1 && LOC_HEADS.has(l)) kind = 3;
    }
    const lastKind = ORG_HEADS.has(low[j - 1]) ? 1 : 0;
    for (let k = i; k < j; k++)
      out[k] = kind * 16 + (k === i ? 1 : 0) + (k === j - 1 ? 2 : 0) + lastKind * 4 + (j - i > 1 ? 8 : 0);
    i = j;
  }
  return out;
}

const firstSets = new WeakMap<Gazetteer, Set<string>>();

/** Whether a capitalised word is a known given name. */
export function givenName(gz: Gazetteer, w: string): boolean {
  let fs = firstSets.get(gz);
  if (!fs) firstSets.set(gz, (fs = new Set(gz.first)));
  return fs.has(w.toLowerCase());
}

/** Per form: the given-name code (1 known capitalised given name, 2 not) and the capitalisation-prior char code. */
const formMemo = new WeakMap<object, { gz: Gazetteer; map: Map<string, number> }>();
/** Forms kept in that memo before it is reset. */
const FORM_MEMO_MAX = 200000;

/** Prepare NER inputs for a sentence. */
export function nerInput(
  lx: Lex,
  tags: Int32Array,
  amb: Uint32Array,
  gz: Gazetteer,
  capsDict?: Record<string, string>,
): NerInput {
  const g = gazTags(gz, lx.forms);
  let fs = firstSets.get(gz);
  if (!fs) firstSets.set(gz, (fs = new Set(gz.first)));
  const names = fs;
  // Keyed by the capitalisation table and the gazetteer both (training builds several).
  const owner = capsDict ?? gz;
  let entry = formMemo.get(owner);
  if (!entry || entry.gz !== gz || entry.map.size > FORM_MEMO_MAX)
    formMemo.set(owner, (entry = { gz, map: new Map() }));
  const memo = entry.map;
  const n = lx.n;
  const first = new Uint32Array(n);
  const caps = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const f = lx.forms[i];
    let v = memo.get(f);
    if (v === undefined) {
      const low = f.toLowerCase();
      const fc = /^\p{Lu}/u.test(f) && names.has(low) ? 1 : 2;
      const cp = (capsDict && Object.hasOwn(capsDict, low) ? capsDict[low] : 'u').charCodeAt(0);
      memo.set(f, (v = (cp << 2) | fc));
    }
    first[i] = v & 3;
    caps[i] = v >>> 2;
  }
  const gh = new Uint32Array(n);
  for (let i = 0; i < n; i++) gh[i] = g[i] ? gazHash(g[i]) : 0;
  return { lx, tags, gaz: gh, first, amb, caps, run: nameRuns(lx) };
}

const gazHashes = new Map<string, number>();

/** hashStr of a gazetteer tag ("B-CITY", a handful of distinct values), memoised. */
function gazHash(t: string): number {
  let h = gazHashes.get(t);
  if (h === undefined) gazHashes.set(t, (h = hashStr(t)));
  return h;
}

/** Features of token i given the previous two predicted classes. */
export function nerFeats(x: NerInput, i: number, p1: number, p2: number, out: Uint32Array): number {
  const { lx, tags, gaz, first } = x;
  const n = lx.n;
  const w = lx.lower;
  const at = (a: Uint32Array | Int32Array, j: number, edge: number): number =>
    (j < 0 ? BOS : j >= n ? EOS : a[j]) + (j < 0 || j >= n ? edge : 0);
  const cm1 = at(lx.cased, i - 1, 0);
  const cp1 = at(lx.cased, i + 1, 0);
  const sh = lx.shape[i];
  let k = 0;
  out[k++] = f1(400, 1);
  out[k++] = f1(401, w[i]);
  out[k++] = f1(402, lx.cased[i]);
  out[k++] = f1(403, sh);
  out[k++] = f1(404, lx.suf2[i]);
  out[k++] = f1(405, lx.suf3[i]);
  out[k++] = f1(406, lx.suf4[i]);
  out[k++] = f1(407, lx.pre2[i]);
  out[k++] = f1(408, lx.pre3[i]);
  out[k++] = f1(409, lx.flags[i]);
  out[k++] = f1(410, tags[i]);
  out[k++] = f2(411, tags[i], lx.flags[i] & 33);
  out[k++] = f1(412, at(tags, i - 1, 0));
  out[k++] = f1(413, at(tags, i + 1, 0));
  out[k++] = f2(414, tags[i], at(tags, i + 1, 0));
  out[k++] = f2(415, at(tags, i - 1, 0), tags[i]);
  out[k++] = f1(416, cm1);
  out[k++] = f1(417, cp1);
  out[k++] = f1(418, at(lx.cased, i - 2, 0));
  out[k++] = f1(419, at(lx.cased, i + 2, 0));
  out[k++] = f1(420, at(lx.shape, i - 1, 0));
  out[k++] = f1(421, at(lx.shape, i + 1, 0));
  out[k++] = f2(422, sh, at(lx.shape, i + 1, 0));
  out[k++] = f2(423, at(lx.shape, i - 1, 0), sh);
  out[k++] = f1(424, p1);
  out[k++] = f2(425, p1, p2);
  out[k++] = f2(426, p1, w[i]);
  out[k++] = f2(427, p1, sh);
  out[k++] = f2(428, p1, tags[i]);
  out[k++] = f1(429, gaz[i]);
  out[k++] = f2(430, gaz[i], sh);
  out[k++] = f1(431, at(gaz, i - 1, 0));
  out[k++] = f1(432, at(gaz, i + 1, 0));
  out[k++] = f2(433, p1, gaz[i]);
  out[k++] = f2(434, w[i], cp1);
  out[k++] = f2(435, cm1, w[i]);
  out[k++] = f1(436, at(lx.suf3, i - 1, 0));
  out[k++] = f1(437, at(lx.suf3, i + 1, 0));
  out[k++] = f3(438, tags[i], at(tags, i - 1, 0), at(tags, i + 1, 0));
  out[k++] = f2(439, at(lx.lower, i - 1, 0), at(lx.lower, i - 2, 0));
  out[k++] = f2(440, at(lx.lower, i + 1, 0), at(lx.lower, i + 2, 0));
  out[k++] = f2(441, first[i], lx.flags[i] & 1);
  out[k++] = f3(442, at(first, i - 1, 0), first[i], at(first, i + 1, 0));
  out[k++] = f2(443, at(first, i - 1, 0), sh);
  out[k++] = f2(444, p1, at(first, i - 1, 0));
  out[k++] = f2(445, x.amb[i], lx.flags[i] & 33);
  out[k++] = f2(446, at(x.amb, i - 1, 0), sh);
  out[k++] = f2(447, at(x.amb, i + 1, 0), sh);
  out[k++] = f2(448, x.caps[i], lx.flags[i] & 33);
  out[k++] = f3(449, at(x.caps, i - 1, 0), x.caps[i], at(x.caps, i + 1, 0));
  out[k++] = f2(450, x.caps[i], p1);
  // Name runs with organisation/place head words.
  out[k++] = f2(451, x.run[i], lx.flags[i] & 33);
  out[k++] = f2(452, x.run[i], p1);
  out[k++] = f2(453, x.run[i], tags[i]);
  // Word clusters from unlabelled text (train-clusters.ts).
  out[k++] = f1(454, lx.c8[i]);
  out[k++] = f1(455, lx.c16[i]);
  out[k++] = f2(456, lx.c8[i], lx.flags[i] & 33);
  out[k++] = f1(457, at(lx.c8, i - 1, 0));
  out[k++] = f1(458, at(lx.c8, i + 1, 0));
  out[k++] = f2(459, p1, lx.c8[i]);
  out[k++] = f2(460, lx.c4[i], sh);
  out[k++] = f2(461, gaz[i], x.run[i]);
  out[k++] = f2(462, at(lx.c8, i - 1, 0), lx.c8[i]);
  out[k++] = f2(463, lx.c8[i], at(lx.c8, i + 1, 0));
  out[k++] = f3(464, x.run[i], at(lx.c8, i + 1, 0), lx.flags[i] & 1);
  out[k++] = f3(465, at(gaz, i - 1, 0), gaz[i], at(gaz, i + 1, 0));
  out[k++] = f3(466, p1, x.run[i], lx.c8[i]);
  return k;
}

/** Whether class c may follow class prev (I-X needs B-X or I-X before it). */
export function allowed(classes: string[], prev: number, c: number): boolean {
  const t = classes[c];
  if (!t.startsWith('I-')) return true;
  if (prev < 0) return false;
  const p = classes[prev];
  return p !== 'O' && p.slice(2) === t.slice(2);
}

const allowedMemo = new WeakMap<string[], Uint8Array>();

/** {@link allowed} for every (prev + 1, class) pair, prev = -1 included, computed once per class list. */
function allowedTable(classes: string[]): Uint8Array {
  let t = allowedMemo.get(classes);
  if (!t) {
    const k = classes.length;
    t = new Uint8Array((k + 1) * k);
    for (let prev = -1; prev < k; prev++)
      for (let c = 0; c < k; c++) t[(prev + 1) * k + c] = allowed(classes, prev, c) ? 1 : 0;
    allowedMemo.set(classes, t);
  }
  return t;
}

/** Greedy IOB2 decoding of one sentence. */
export function nerDecode(model: Scorer, meta: NerMeta, x: NerInput): Int32Array {
  const n = x.lx.n;
  const out = new Int32Array(n);
  const buf = new Uint32Array(MAX_NER_FEATS);
  const scores = new Float32Array(model.nClasses);
  const nc = meta.classes.length;
  const ok = allowedTable(meta.classes);
  let p1 = -1;
  let p2 = -2;
  for (let i = 0; i < n; i++) {
    let best = 0;
    // After O, punctuation and lowercase words that are known to be (almost) never
    // capitalised ("l" prior) cannot start an entity in practice: skip scoring them.
    // Other lowercase words are scored (UNER EWT test has 107 lowercase entity starts).
    if (p1 > 0 || ((x.lx.flags[i] & PUNCT_FLAG) === 0 && !(x.caps[i] === LOWER_PRIOR && (x.lx.flags[i] & 1) === 0))) {
      const k = nerFeats(x, i, p1, p2, buf);
      model.score(buf, k, scores);
      for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best] && ok[(p1 + 1) * nc + c] === 1) best = c;
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
  return out;
}

/** IOB2 tags for a tagged sentence. */
export function nerSentence(
  model: Scorer,
  meta: NerMeta,
  gz: Gazetteer,
  lx: Lex,
  tags: Int32Array,
  amb: Uint32Array,
): string[] {
  const cls = nerDecode(model, meta, nerInput(lx, tags, amb, gz, meta.caps));
  return Array.from(cls, (c) => meta.classes[c]);
}
