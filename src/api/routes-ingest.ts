/** POST /api/ingest: pages (or URLs) into the store — only when the server was started with a token. */
import { createRoute } from '@hono/zod-openapi';
import { timingSafeEqual } from 'node:crypto';
import type { Api } from './app.js';
import { ApiError, IngestBody, IngestResult } from './schemas.js';

/** One page to ingest, or a URL to fetch first. */
export type IngestInput =
  { kind: 'page'; content: string; url: string | null; name: string } | { kind: 'url'; url: string };

/** What an ingest call reports. */
export interface IngestReport {
  seen: number;
  stored: number;
  duplicates: number;
  errors: { source: string; code: string; stage: string; reason: string }[];
  events: number;
}

/** Ingestion as the server is given it (the CLI's engine and store, passed in). */
export type IngestFn = (inputs: IngestInput[]) => Promise<IngestReport>;

const err = (description: string) => ({ description, content: { 'application/json': { schema: ApiError } } });

const ingestRoute = createRoute({
  method: 'post',
  path: '/api/ingest',
  summary: 'extract, code and store pages (needs the server token)',
  security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: IngestBody } }, required: true } },
  responses: {
    200: { description: 'what was stored', content: { 'application/json': { schema: IngestResult } } },
    400: err('invalid body'),
    401: err('no token configured, or a wrong one'),
  },
});

/** True when `header` is `Bearer <token>` (compared in constant time). */
function authorised(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Add the ingest route; the token check runs before the body is read. */
export function ingestRoutes(app: Api, token?: string, ingest?: IngestFn): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.use('/api/ingest', async (c, next) => {
    if (!token || !ingest)
      return c.json({ error: 'unauthorized', reasons: ['this server is read-only (no --token)'] }, 401);
    if (!authorised(c.req.header('Authorization'), token))
      return c.json({ error: 'unauthorized', reasons: ['missing or wrong bearer token'] }, 401);
    await next();
  });
  app.openapi(ingestRoute, async (c) => {
    const body = c.req.valid('json');
    const inputs: IngestInput[] = [
      ...(body.pages ?? []).map((p, i) => ({
        kind: 'page' as const,
        content: p.content,
        url: p.url ?? null,
        name: p.name ?? p.url ?? `api:page-${i + 1}`,
      })),
      ...(body.urls ?? []).map((url) => ({ kind: 'url' as const, url })),
    ];
    return c.json(await ingest!(inputs), 200);
  });
}
