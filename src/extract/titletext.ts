/** Title strings: cutting site names off <title>-style strings, repairing double-encoded UTF-8. */

const SEPARATORS = /\s+(?:[|–—:•·»]|-|::|\/\/)\s+/;

/** UTF-8 bytes read as Latin-1 ("Investorâ\u0080\u0099s"): lead byte then continuation bytes as characters. */
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/;

/** Repair text that was UTF-8 decoded as Latin-1 somewhere upstream (sites that double-encode their headline). */
export function fixMojibake(s: string): string {
  if (!MOJIBAKE.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  const fixed = Buffer.from(s, 'latin1').toString('utf8');
  return fixed.includes('\ufffd') ? s : fixed;
}

/** Cut a site name off a <title>-style string ("Story – Site"). */
export function cleanTitle(t: string, siteName: string | null, url: string | null): string {
  const s = t.replace(/\s+/g, ' ').trim();
  const parts = s.split(SEPARATORS);
  if (parts.length < 2) return s;
  const host = url ? hostWords(url) : '';
  const isSite = (p: string) => {
    const low = p.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!low) return true;
    if (siteName && low === siteName.toLowerCase().replace(/[^a-z0-9]/g, '')) return true;
    if (host && (host.includes(low) || low.includes(host))) return true;
    return false;
  };
  const sep = s.match(SEPARATORS);
  const bar = !!sep && /[|•·»]/.test(sep[0]);
  const words = (p: string) => p.split(' ').length;
  let out = parts;
  const last = out[out.length - 1];
  if (isSite(last) || /\.[a-z]{2,4}$/i.test(last)) out = out.slice(0, -1);
  else if (isSite(out[0])) out = out.slice(1);
  // Bars separate a headline from site or section names; the short side is the name.
  else if (bar && words(last) <= 4 && words(out[0]) >= 3) out = out.slice(0, -1);
  else if (bar && words(out[0]) <= 3 && words(last) >= 4) out = out.slice(1);
  else if (words(last) <= 3 && words(out[0]) >= 4) out = out.slice(0, -1);
  return out.join(sep ? sep[0] : ' | ').trim();
}

function hostWords(url: string): string {
  try {
    const h = new URL(url).hostname.replace(/^www\d?\./, '');
    return h
      .split('.')
      .slice(0, -1)
      .join('')
      .replace(/[^a-z0-9]/g, '');
  } catch {
    return '';
  }
}

export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
