/** Language guess from stop words (and script for CJK, Cyrillic, Arabic, ...) when the page does not declare one. */

const STOP: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'said', 'he', 'as'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auf', 'ein', 'eine', 'auch', 'dem'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'qui', 'pas', 'sur', 'du', 'au'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'en', 'por', 'una', 'con', 'para', 'es', 'se', 'su'],
  it: ['il', 'la', 'che', 'di', 'e', 'per', 'un', 'una', 'non', 'sono', 'con', 'della', 'del', 'gli', 'è'],
  pt: ['o', 'a', 'os', 'que', 'de', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'é', 'se'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'er', 'ook', 'aan'],
};

/** Fewest stop-word hits before we trust a guess. */
const MIN_HITS = 5;

/** ISO 639-1 guess for a text sample, or null when unsure. */
export function guessLanguage(sample: string): string | null {
  if (!sample) return null;
  let cjk = 0;
  let kana = 0;
  let hangul = 0;
  let cyr = 0;
  let arab = 0;
  let letters = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if (c >= 0x600 && c <= 0x6ff) arab++;
    else if (/\p{L}/u.test(ch)) letters++;
  }
  const total = kana + cjk + hangul + cyr + arab + letters || 1;
  if (kana / total > 0.05) return 'ja';
  if (hangul / total > 0.2) return 'ko';
  if (cjk / total > 0.2) return 'zh';
  if (cyr / total > 0.3) return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
  if (arab / total > 0.3) return 'ar';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestHits = 0;
  for (const [lang, list] of Object.entries(STOP)) {
    const set = new Set(list);
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return bestHits >= MIN_HITS ? best : null;
}
