/**
 * A local news site for tests and the ingest site check, served on 127.0.0.1 by the process that uses it: RSS,
 * Atom, JSON Feed, a sitemap index (with a Google News sitemap), robots.txt rules, redirect chains, a 429 with
 * Retry-After, a 503 that recovers and one that does not, an image, a 40 MB body, a stalled response, and ETag /
 * Last-Modified validators on every page. Every request is logged with its conditional headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** One request the site received. */
export interface Logged {
  path: string;
  conditional: boolean;
  userAgent: string;
  at: number;
}

/** A running site. */
export interface TestSite {
  origin: string;
  port: number;
  log: Logged[];
  /** Paths of the articles a polite crawler can reach from the listings. */
  reachable: string[];
  close(): Promise<void>;
}

const TOPICS = [
  ['Lisbon', 'Spain and Portugal', 'fishing quotas'],
  ['Nairobi', 'Kenya and Ethiopia', 'a border road'],
  ['Santiago', 'Chile and Argentina', 'water rights'],
  ['Hanoi', 'Vietnam and Laos', 'a dam on the Mekong'],
  ['Oslo', 'Norway and Sweden', 'electricity prices'],
  ['Accra', 'Ghana and Togo', 'cross-border trade'],
  ['Tbilisi', 'Georgia and Armenia', 'a rail link'],
  ['Lima', 'Peru and Bolivia', 'lake fishing'],
  ['Dhaka', 'Bangladesh and India', 'river sharing'],
  ['Rabat', 'Morocco and Spain', 'migration'],
];

/** An article page written for the test site (the project's own words), distinct per `n`. */
export function articleHtml(n: number, title = `Talks number ${n}`): string {
  const [city, parties, topic] = TOPICS[n % TOPICS.length];
  const day = (n % 27) + 1;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-${String(day).padStart(2, '0')}T09:00:00Z">
<link rel="canonical" href="/a/${n}"></head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${title}</h1><p class="byline">By A. Reporter</p>
<p>Officials from ${parties} met in ${city} on Tuesday to discuss ${topic}, the ${n}th round of talks this year.</p>
<p>The ministers agreed to meet again next month, a spokesman for the host government said after the session.</p>
<p>Both delegations described the meeting as constructive, although no joint statement was issued on ${topic}.</p>
<p>Observers said the talks in ${city} had been delayed twice because of disagreements over the agenda.</p>
</article><footer>Copyright the test site</footer></body></html>`;
}

const etagOf = (body: string | Buffer) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
const LAST_MODIFIED = 'Mon, 04 Mar 2024 09:00:00 GMT';

/** Send `body` with validators, or 304 when the request's validators match. */
function send(req: IncomingMessage, res: ServerResponse, type: string, body: string | Buffer, gzip = false): void {
  const etag = etagOf(body);
  if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === LAST_MODIFIED) {
    res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
    res.end();
    return;
  }
  const headers: Record<string, string> = { 'content-type': type, etag, 'last-modified': LAST_MODIFIED };
  if (gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
    headers['content-encoding'] = 'gzip';
    body = gzipSync(body);
  }
  res.writeHead(200, headers);
  res.end(body);
}

function rss(origin: string): string {
  const items = ['/a/1', '/a/2', '/private/secret', '/redir/1', '/a/1']
    .map((p) => `<item><title>t</title><link>${origin}${p}</link><dc:creator>A. Reporter</dc:creator></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Site</title><link>${origin}/</link>${items}</channel></rss>`;
}

function atom(origin: string): string {
  const entries = ['/a/3', '/image.png', '/busy', '/loop/0']
    .map(
      (p, i) =>
        `<entry><id>e${i}</id><title>t</title><updated>2024-03-04T09:00:00Z</updated><link rel="alternate" href="${origin}${p}"/></entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title><id>site</id><updated>2024-03-04T09:00:00Z</updated>${entries}</feed>`;
}

function jsonFeed(origin: string): string {
  const items = ['/a/4', '/flaky', '/down', '/huge', '/stall'].map((p, i) => ({ id: String(i), url: origin + p }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Site', items });
}

function sitemapIndex(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-pages.xml.gz</loc></sitemap><sitemap><loc>${origin}/news-sitemap.xml</loc></sitemap></sitemapindex>`;
}

function urlset(origin: string, paths: string[], news = false): string {
  const ns = news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : '';
  const urls = paths
    .map(
      (p) =>
        `<url><loc>${origin}${p}</loc>${news ? `<news:news><news:publication><news:name>Site</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-03-04</news:publication_date><news:title>t</news:title></news:news>` : ''}</url>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${ns}>${urls}</urlset>`;
}

/** Start the site on 127.0.0.1 (a free port). */
export async function startTestSite(): Promise<TestSite> {
  const log: Logged[] = [];
  const hits = new Map<string, number>();
  const stalled = new Set<ServerResponse>();
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    log.push({
      path,
      conditional: !!(req.headers['if-none-match'] || req.headers['if-modified-since']),
      userAgent: String(req.headers['user-agent'] ?? ''),
      at: Date.now(),
    });
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    route(req, res, path, n);
  });
  const route = (req: IncomingMessage, res: ServerResponse, path: string, n: number) => {
    const art = /^\/a\/(\d+)$/.exec(path);
    if (art) return send(req, res, 'text/html; charset=utf-8', articleHtml(Number(art[1])), Number(art[1]) % 2 === 0);
    switch (path) {
      case '/robots.txt':
        return send(
          req,
          res,
          'text/plain',
          'User-agent: *\nDisallow: /\n\nUser-agent: dateline\nDisallow: /private/\nCrawl-delay: 0\n',
        );
      case '/feed.rss':
        return send(req, res, 'application/rss+xml', rss(origin));
      case '/feed.atom':
        return send(req, res, 'application/atom+xml', atom(origin));
      case '/feed.json':
        return send(req, res, 'application/feed+json', jsonFeed(origin));
      case '/sitemap.xml':
        return send(req, res, 'application/xml', sitemapIndex(origin));
      case '/sitemap-pages.xml.gz':
        return send(req, res, 'application/gzip', gzipSync(urlset(origin, ['/a/5', '/a/6', '/private/hidden'])));
      case '/news-sitemap.xml':
        return send(req, res, 'application/xml', urlset(origin, ['/a/7', '/a/2'], true));
      case '/redir/1':
        res.writeHead(301, { location: '/redir/2' });
        return res.end();
      case '/redir/2':
        res.writeHead(302, { location: `${origin}/a/8` });
        return res.end();
      case '/image.png':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      case '/busy':
        if (n === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          return res.end('slow down');
        }
        return send(req, res, 'text/html', articleHtml(9));
      case '/flaky':
        if (n === 1) {
          res.writeHead(503);
          return res.end('try later');
        }
        return send(req, res, 'text/html', articleHtml(10));
      case '/down':
        res.writeHead(503);
        return res.end('down');
      case '/huge':
        return hugeBody(res);
      case '/stall':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>This page never finishes');
        stalled.add(res);
        return;
    }
    const loop = /^\/loop\/(\d+)$/.exec(path);
    if (loop) {
      res.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` });
      return res.end();
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    log,
    // a/1 a/2 (RSS), a/8 via two redirects, a/3 (Atom), /busy after its 429, a/4 and /flaky after its 503
    // (JSON Feed), a/5 a/6 (gzip sitemap), a/7 (news sitemap).
    reachable: ['/a/1', '/a/2', '/a/8', '/a/3', '/busy', '/a/4', '/flaky', '/a/5', '/a/6', '/a/7'],
    close: () =>
      new Promise<void>((r) => {
        for (const s of stalled) s.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** 40 MB of page, streamed without a Content-Length. */
function hugeBody(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const chunk = Buffer.from('<p>' + 'filler text '.repeat(5000) + '</p>\n');
  let sent = 0;
  const pump = () => {
    while (sent < 40 * 1024 * 1024) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => (sent = Infinity));
  pump();
}
