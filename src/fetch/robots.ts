/** robots.txt rules per origin (robots-parser): allowed paths and Crawl-delay for our agent. */
import robotsModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// A CommonJS module whose typings declare an ES default export: take the function whichever way it arrives.
const robotsParser = ((robotsModule as unknown as { default?: unknown }).default ?? robotsModule) as (
  url: string,
  body: string,
) => Robot;

/** What robots.txt says for one origin. */
export interface RobotsRules {
  /** Is `url` allowed for `agent`? */
  allowed(url: string): boolean;
  /** Crawl-delay in seconds for our agent, if given. */
  crawlDelay: number | null;
  /** Sitemap URLs the file names. */
  sitemaps: string[];
  /** Why everything is disallowed, when it is (robots.txt unavailable). */
  blockedBecause: string | null;
}

/** Rules from a robots.txt body. */
export function parseRobots(robotsUrl: string, body: string, agent: string): RobotsRules {
  const r = robotsParser(robotsUrl, body);
  const delay = r.getCrawlDelay(agent);
  return {
    allowed: (url) => r.isAllowed(url, agent) !== false,
    crawlDelay: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : null,
    sitemaps: r.getSitemaps(),
    blockedBecause: null,
  };
}

/** No robots.txt (404 and other 4xx): everything is allowed. */
export const ALLOW_ALL: RobotsRules = { allowed: () => true, crawlDelay: null, sitemaps: [], blockedBecause: null };

/** robots.txt could not be read (5xx, timeout): nothing is fetched from that origin this run. */
export function blockAll(reason: string): RobotsRules {
  return { allowed: () => false, crawlDelay: null, sitemaps: [], blockedBecause: reason };
}

/** A remembered robots.txt, so the next run can ask for it conditionally. */
export interface RobotsCopy {
  body: string;
  etag: string | null;
  lastModified: string | null;
}

/** Where remembered robots.txt copies live (the store's fetch state), passed in. */
export interface RobotsMemory {
  load(robotsUrl: string): RobotsCopy | null;
  save(robotsUrl: string, copy: RobotsCopy, status: number): void;
}
