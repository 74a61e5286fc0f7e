/**
 * The HTTP API (Hono + zod-openapi): event lists, streamed downloads, aggregations for the charts, documents with
 * their layers, quotes, an OpenAPI document, ingestion behind a token, and the built UI at `/`. I/O comes in as
 * arguments (the store reader, an ingest function, the UI folder), so tests run it in memory with `app.request`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { StoreReader } from '../store/index.js';
import { eventRoutes } from './routes-events.js';
import { aggregateRoutes } from './routes-aggregates.js';
import { documentRoutes } from './routes-documents.js';
import { ingestRoutes, type IngestFn } from './routes-ingest.js';
import { uiRoutes } from './static.js';

/** What the API is built from. */
export interface ApiOptions {
  reader: StoreReader;
  /** With a token, POST /api/ingest accepts `Authorization: Bearer TOKEN`; without one it answers 401. */
  token?: string;
  ingest?: IngestFn;
  /** Folder of the built UI (index.html + assets); no UI routes when absent. */
  uiDir?: string;
}

/** The app type every route module adds to. */
export type Api = OpenAPIHono;

/** A 400 listing each invalid parameter and why. */
function badRequest(issues: { path: PropertyKey[]; message: string }[]) {
  return {
    error: 'bad-request',
    reasons: issues.map((i) => `${i.path.map(String).join('.') || 'request'}: ${i.message}`),
  };
}

/** Build the app. */
export function createApi(opts: ApiOptions): Api {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(badRequest(result.error.issues), 400);
    },
  });
  app.onError((err, c) => {
    const code = (err as { code?: string }).code;
    if (code === 'bad-cursor') return c.json({ error: 'bad-request', reasons: [`cursor: ${err.message}`] }, 400);
    process.stderr.write(`error: ${c.req.path}: server-error (api): ${err.message}\n`);
    return c.json({ error: 'server-error', reasons: [err.message] }, 500);
  });
  eventRoutes(app, opts.reader);
  aggregateRoutes(app, opts.reader);
  documentRoutes(app, opts.reader);
  ingestRoutes(app, opts.token, opts.ingest);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'dateline',
      version: '1',
      description: 'Political event data coded from news pages; every event points back at its sentence.',
    },
  });
  app.notFound((c) => c.json({ error: 'not-found', reasons: [`no route ${c.req.method} ${c.req.path}`] }, 404));
  if (opts.uiDir) uiRoutes(app, opts.uiDir);
  return app;
}
