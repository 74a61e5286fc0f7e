/** Byline strings: cleaning ("By …", trailing dates and roles) and splitting into author names. */
import { parseTextDate } from './dates.js';
import { decodeEntities } from './jsonld.js';

/** Split a byline into author names. */
export function splitAuthors(byline: string): string[] {
  return byline
    .replace(/^(by|written by|words by|von|par|por)\s+/i, '')
    .split(/\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b)\s*/i)
    .map((s) => s.trim())
    .filter(
      (s) =>
        s.length > 1 &&
        s.length < 60 &&
        !/\d{4}|^(staff|reporter|correspondent|editor|writer|updated|published)$/i.test(s),
    );
}

/** Clean a byline string: drop "By", trailing dates and roles. */
export function cleanByline(s: string): string | null {
  let t = decodeEntities(s).replace(/\s+/g, ' ').trim();
  t = t.replace(/^[\s,;:|•·–—-]+/, '');
  t = t.replace(/^(written by|words by|posted by|reviewed by|author|by|von|par|por)\s*:?\s*(?=\p{Lu}|\s)/iu, '').trim();
  t = t.replace(
    /\s*(\||•|·|—|–|-)\s*(updated|published|posted|last|on|\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/i,
    '',
  );
  t = t.replace(/\s*(updated|published|posted|last)\b.*$/i, '');
  t = t.replace(/(?<=\p{Ll})(Last|Updated|Published|Posted)$/u, '');
  t = t.replace(/[,\s]+$/, '');
  if (!t || t.length > 80 || /^https?:\/\//.test(t) || /^\d/.test(t) || parseTextDate(t)) return null;
  // Usernames and placeholders are not bylines.
  if (/^[\p{Ll}\d._-]+$/u.test(t) || /^(the )?(author|admin|administrator|staff|editor|guest|user|unknown)$/i.test(t))
    return null;
  return t;
}
