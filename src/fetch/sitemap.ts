/**
 * Sitemaps, our own streaming reader on htmlparser2 in xmlMode (sitemapper fetches by itself, bypassing our limits
 * and address checks): a `urlset` (Google News sitemaps included) lists pages, a `sitemapindex` lists sitemaps.
 */
import { Parser } from 'htmlparser2';
import { absolute } from './feeds.js';

/** What a sitemap lists. */
export interface SitemapLinks {
  kind: 'urlset' | 'sitemapindex' | 'unknown';
  links: string[];
}

/** The protocol's own cap on URLs per sitemap file. */
export const MAX_SITEMAP_LINKS = 50000;

/** Read the `<loc>` of each `<url>` or `<sitemap>` in a sitemap, resolved against `base`. */
export function sitemapLinks(text: string, base: string): SitemapLinks {
  let kind: SitemapLinks['kind'] = 'unknown';
  const links = new Set<string>();
  let depth = 0;
  let inEntry = false;
  let inLoc = false;
  let loc = '';
  const local = (name: string) => name.toLowerCase().replace(/^[\w.-]+:/, '');
  const parser = new Parser(
    {
      onopentag(raw) {
        depth++;
        const name = local(raw);
        if (depth === 1 && (name === 'urlset' || name === 'sitemapindex')) kind = name;
        // A news:loc or image:loc inside <url> is not the page's own <loc>.
        if (depth === 2 && (name === 'url' || name === 'sitemap')) inEntry = true;
        else if (inEntry && depth === 3 && raw.toLowerCase() === 'loc') {
          inLoc = true;
          loc = '';
        }
      },
      ontext(t) {
        if (inLoc && loc.length < 4096) loc += t;
      },
      onclosetag(raw) {
        const name = local(raw);
        if (inLoc && raw.toLowerCase() === 'loc') {
          inLoc = false;
          const abs = absolute(loc, base);
          if (abs && links.size < MAX_SITEMAP_LINKS) links.add(abs);
        }
        if (depth === 2 && (name === 'url' || name === 'sitemap')) inEntry = false;
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return { kind, links: [...links] };
}
