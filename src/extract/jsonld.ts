/** JSON-LD and entity helpers for metadata: lenient parsing, node flattening, names. */

export const ARTICLE_TYPES =
  /^(article|newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|backgroundnewsarticle|reviewnewsarticle|blogposting|socialmediaposting|liveblogposting|scholarlyarticle|techarticle|report|posting|webpage|medicalwebpage|howto|recipe|review|creativework|liveblog)$/i;

export type Json = unknown;

export function asArray<T>(v: T | T[] | undefined | null): T[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

export function str(v: Json): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, Json>;
    return str(o.name ?? o['@value'] ?? o.text ?? null);
  }
  return null;
}

/** A character from a numeric reference; out-of-range numbers become U+FFFD instead of throwing. */
export function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
    ? String.fromCodePoint(n)
    : '\ufffd';
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d) => codePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => codePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#039;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Parse JSON-LD leniently (trailing commas, raw newlines, CDATA wrappers). */
export function parseLd(raw: string): Json[] {
  const s = raw
    .replace(/^\s*(<!\[CDATA\[|\/\/<!\[CDATA\[)/, '')
    .replace(/(\]\]>|\/\/\]\]>)\s*$/, '')
    .trim();
  if (!s) return [];
  for (const attempt of [s, s.replace(/[\n\r\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')]) {
    try {
      return asArray(JSON.parse(attempt) as Json);
    } catch {
      /* try the lenient form */
    }
  }
  return [];
}

/** Flatten JSON-LD nodes (arrays, @graph, mainEntity) into a list of typed objects. */
export function ldNodes(roots: Json[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const todo = [...roots];
  let guard = 0;
  while (todo.length && guard++ < 2000) {
    const n = todo.shift();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      todo.push(...n);
      continue;
    }
    const o = n as Record<string, Json>;
    if (o['@type']) out.push(o);
    if (o['@graph']) todo.push(...asArray(o['@graph']));
    if (o.mainEntity && typeof o.mainEntity === 'object') todo.push(o.mainEntity);
  }
  return out;
}

export function ldTypes(o: Record<string, Json>): string[] {
  return asArray(o['@type']).filter((t): t is string => typeof t === 'string');
}

export function personNames(v: Json, organisations = true): string[] {
  const names: string[] = [];
  for (const a of asArray(v as Json[])) {
    if (typeof a === 'string') names.push(a);
    else if (a && typeof a === 'object') {
      const o = a as Record<string, Json>;
      if (
        !organisations &&
        asArray(o['@type']).some((t) => typeof t === 'string' && /organi[sz]ation|corporation|brand|website/i.test(t))
      )
        continue;
      const n = str(o.name);
      if (n) names.push(n);
    }
  }
  return names.map((n) => decodeEntities(n).replace(/\s+/g, ' ').trim()).filter((n) => n && !/^https?:/i.test(n));
}
