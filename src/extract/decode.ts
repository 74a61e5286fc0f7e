/**
 * Bytes → text: gunzip when the gzip magic is present, refuse binary input, and pick the
 * character encoding in the order BOM, HTTP charset, in-document declaration, detection.
 */
import { gunzipMembers } from './gunzip.js';
import { isUtf8 as nativeIsUtf8 } from 'node:buffer';
import type { ErrorCode } from '../doc/index.js';

/** Largest decompressed page we accept (bytes); 20 MB pages must pass, 64 MB is clearly not a news page. */
export const MAX_BYTES = 64 * 1024 * 1024;

/** A decoding outcome: text with its encoding, or an error code. */
export type Decoded =
  | { ok: true; bytes: Uint8Array; text: string; encoding: string; from: string }
  | { ok: false; code: ErrorCode; reason: string };

/** Gunzip if the bytes start with the gzip magic; errors for truncated or oversize streams. */
export function maybeGunzip(
  bytes: Uint8Array,
): { ok: true; bytes: Uint8Array } | { ok: false; code: ErrorCode; reason: string } {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { ok: true, bytes };
  // Member by member, so trailing junk after the last member is ignored as gzip -d does.
  const r = gunzipMembers(bytes, MAX_BYTES);
  if (r.ok) return { ok: true, bytes: r.bytes };
  if (r.tooLarge) return { ok: false, code: 'too-large', reason: `gzip expands beyond ${MAX_BYTES} bytes` };
  return { ok: false, code: 'bad-gzip', reason: `gzip stream is damaged or truncated: ${r.reason}` };
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
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
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

// Order breaks ties: Chinese before Japanese encodings (real Japanese wins on kana), 1252 before Cyrillic.
const DETECT_CANDIDATES = [
  'windows-1252',
  'windows-1251',
  'koi8-r',
  'iso-8859-2',
  'gb18030',
  'big5',
  'shift_jis',
  'euc-jp',
  'euc-kr',
];

/** The most frequent Han characters (simplified and traditional forms): right decodes hit them, wrong ones rarely do. */
const COMMON_HAN = new Set([
  ...'的一是不了人我在有他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可她里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話儿兒者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并並内內加化由却卻代军軍产產入先山五太水万萬市眼体體别別处處总總才场場师師书書比住员員九笑性通目华華报報立马馬命张張活难難神数數件安表原车車白应應路期叫死常提感金何更反合放做系计計或司利受光王果亲親界及今京务務制解各任至清物台象记記边邊共风風战戰干接它许許八特觉覺望直服毛林题題建南度统統色字请請交爱愛让讓认認算论論百吃义義科怎元社术術结結六功指思非流每青管夫连連远遠资資队隊跟带帶花快条條院变變联聯言权權往展该該领領传傳近留红紅治决決周保达達办辦运運武半候七必城父强強步完革深区區即求品士转轉量空甚众眾技轻輕程告江语語英基派满滿式李息写寫呢识識极極令黄黃德收脸臉钱錢党黨倒未持取设設始版双雙历歷越史商千片容研像找友孩站广廣改议議形委早房音火际際则則首单單据據导導影失拿网網香似斯专專石若兵弟谁誰校读讀志飞飛观觀争爭究包组組造落视視济濟喜离離虽雖坐集编編宝寶谈談府拉黑且随隨格尽盡剑劍讲講布杀殺微怕母调調局根曾准准团團段终終乐樂切级級克精哪官示冷域',
]);

/** Plausibility of decoded text: rewards letters of one script, penalises replacement and odd characters. */
export function plausibility(text: string): number {
  let s = 0;
  const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const nearAscii = isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + 1));
    if (c === 0xfffd) s -= 6;
    else if (c >= 0x80 && c < 0xa0) s -= 3;
    // Accented Latin letters sit inside ASCII words; Cyrillic letters do not.
    else if (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7) s += nearAscii ? 1 : 0.2;
    else if (c >= 0x430 && c <= 0x44f)
      s += nearAscii ? -1 : 1; // lowercase Cyrillic: dominant in real Russian text
    else if (c >= 0x410 && c <= 0x42f) s += nearAscii ? -1 : 0.3;
    else if (c >= 0x3040 && c <= 0x30ff)
      s += 2.5; // kana
    else if (c >= 0x4e00 && c <= 0x9fff) s += COMMON_HAN.has(text[i]) ? 3 : 1.5;
    else if (c >= 0xac00 && c <= 0xd7af)
      s += 2; // hangul
    else if (c >= 0x3000 && c <= 0x303f) s += 1.5;
    else if (c >= 0xff01 && c <= 0xff5e) s += 1;
    else if (c >= 0xff61 && c <= 0xff9f)
      s += 0.1; // half-width katakana: usually a wrong guess
    else if (c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014 || c === 0xa0) s += 0.8;
    else s -= 0.5;
  }
  return s;
}

/** windows-1252's characters for bytes 0x80-0x9F (undefined bytes stay as they are). */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decode with a WHATWG label. Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (C1 controls
 * instead of curly quotes and dashes), so those 32 code points are mapped here.
 */
export function decodeAs(bytes: Uint8Array, enc: string): string {
  const text = new TextDecoder(enc).decode(bytes);
  if (enc !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}

/** Guess the encoding of bytes that are not valid UTF-8. */
export function detectEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 262144);
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const enc of DETECT_CANDIDATES) {
    const sc = plausibility(decodeAs(sample, enc));
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
  if (enc && from !== 'bom' && enc !== 'utf-8' && hasHighBytes(bytes) && isUtf8(bytes))
    [enc, from] = ['utf-8', 'detected'];
  if (enc === 'utf-8' && from !== 'bom' && !isUtf8(bytes)) {
    const guess = detectEncoding(bytes);
    const sUtf = plausibility(new TextDecoder('utf-8').decode(bytes.subarray(0, 262144)));
    const sGuess = plausibility(decodeAs(bytes.subarray(0, 262144), guess));
    if (sGuess > sUtf) [enc, from] = [guess, 'detected'];
  }
  if (!enc) {
    if (isUtf8(bytes)) [enc, from] = ['utf-8', 'detected'];
    else [enc, from] = [detectEncoding(bytes), 'detected'];
  }
  let text: string;
  if (enc === 'utf-8' && from !== 'bom' && isUtf8(bytes)) {
    // Valid UTF-8: no replacement characters to count.
    return {
      ok: true,
      bytes,
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      encoding: enc,
      from,
    };
  }
  try {
    text = decodeAs(bytes, enc);
  } catch (e) {
    return { ok: false, code: 'undecodable', reason: `cannot decode as ${enc}: ${(e as Error).message}` };
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (text.length > 0 && bad / text.length > UNDECODABLE_SHARE) {
    return {
      ok: false,
      code: 'undecodable',
      reason: `${Math.round((100 * bad) / text.length)}% of characters undecodable as ${enc}`,
    };
  }
  return { ok: true, bytes, text, encoding: enc, from };
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return !Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).every((b) => b < 0x80);
}
