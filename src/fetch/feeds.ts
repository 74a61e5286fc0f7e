/** Feeds (RSS 2.0, Atom, RDF, JSON Feed, via feedsmith) → the page URLs they list, resolved against the feed URL. */
import { parseFeed } from 'feedsmith';

/** The page links of a feed, or the reason it could not be read. */
export type Links = { ok: true; links: string[] } | { ok: false; reason: string };

/** Most links taken from one feed (a feed is a short list of recent items; this caps a hostile one). */
export const MAX_FEED_LINKS = 10000;

type Item = Record<string, unknown>;

/** The link of one feed item, whatever the format. */
function itemLink(format: string, it: Item): string | null {
  if (format === 'json') return typeof it.url === 'string' ? it.url : null;
  if (format === 'atom') {
    const links = (it.links as { href?: string; rel?: string }[] | undefined) ?? [];
    const alt = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
    return alt?.href ?? null;
  }
  if (typeof it.link === 'string') return it.link;
  const guid = it.guid as { value?: string; isPermaLink?: boolean } | string | undefined;
  if (typeof guid === 'string' && /^https?:/i.test(guid)) return guid;
  if (guid && typeof guid === 'object' && guid.isPermaLink !== false && guid.value && /^https?:/i.test(guid.value))
    return guid.value;
  return null;
}

/** Absolute http(s) form of `href` against `base`, or null. */
export function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** Links of the feed in `text`, resolved against `base`, deduplicated, in feed order. */
export function feedLinks(text: string, base: string): Links {
  let parsed: { format: string; feed: { items?: Item[]; entries?: Item[] } };
  try {
    parsed = parseFeed(text) as typeof parsed;
  } catch (e) {
    return { ok: false, reason: `not a readable feed: ${(e as Error).message}` };
  }
  const items = parsed.feed.items ?? parsed.feed.entries ?? [];
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.size >= MAX_FEED_LINKS) break;
    const raw = itemLink(parsed.format, it);
    const abs = raw ? absolute(raw, base) : null;
    if (abs) seen.add(abs);
  }
  return { ok: true, links: [...seen] };
}
