/** The site (host) a document came from: what `sources` counts and what near-duplicate articles are told apart by. */

/** The lower-cased host of a URL without a leading `www.`, or null when the URL is missing or not http(s). */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
