/**
 * GET /api/events (a page, cursor-paginated) and /api/events.csv, /api/events.jsonl (the whole query, streamed): the one
 * event record (docs/data.md), and the export's CSV columns, as `dateline query` and `dateline export` print them.
 */
import { createRoute } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { EventSort, StoreReader } from '../store/index.js';
import type { Api } from './app.js';
import { csvHeader, csvLine } from '../export/index.js';
import { intOr, toEventQuery } from './query.js';
import { ApiError, EventsPage, EventsQuery, ExportQuery } from './schemas.js';

/** Rows fetched per store call while streaming; one write per batch (one write per row is ~4× slower). */
const EXPORT_BATCH = 1000;

const bad = { 400: { description: 'invalid parameters', content: { 'application/json': { schema: ApiError } } } };

const listRoute = createRoute({
  method: 'get',
  path: '/api/events',
  summary: 'events matching the filters, one page at a time',
  request: { query: EventsQuery },
  responses: {
    200: {
      description: 'a page of events and the cursor of the next',
      content: { 'application/json': { schema: EventsPage } },
    },
    ...bad,
  },
});

const exportRoute = (format: 'csv' | 'jsonl') =>
  createRoute({
    method: 'get',
    path: `/api/events.${format}`,
    summary: `every event matching the filters, streamed as ${format.toUpperCase()}`,
    request: { query: ExportQuery },
    responses: {
      200: {
        description: 'the download',
        content: { [format === 'csv' ? 'text/csv' : 'application/x-ndjson']: { schema: { type: 'string' } } },
      },
      ...bad,
    },
  });

/** Add the event routes. */
export function eventRoutes(app: Api, reader: StoreReader): void {
  app.openapi(listRoute, async (c) => {
    const p = c.req.valid('query');
    const page = await reader.eventPage(toEventQuery(p), p.sort ?? 'date', intOr(p.limit, 50), p.cursor);
    return c.json(page, 200);
  });
  for (const format of ['csv', 'jsonl'] as const) {
    app.openapi(exportRoute(format), async (c) => {
      const p = c.req.valid('query');
      const q = toEventQuery(p);
      const sort: EventSort = p.sort ?? 'date';
      c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
      c.header('Content-Disposition', `attachment; filename="events.${format}"`);
      return stream(c, async (s) => {
        let aborted = false;
        s.onAbort(() => {
          aborted = true;
        });
        if (format === 'csv') await s.write(csvHeader());
        let cursor: string | undefined;
        do {
          const page = await reader.eventPage(q, sort, EXPORT_BATCH, cursor);
          const lines = page.events.map((e) => (format === 'csv' ? csvLine(e) : JSON.stringify(e) + '\n'));
          if (lines.length) await s.write(lines.join(''));
          cursor = page.next ?? undefined;
        } while (cursor && !aborted);
      }) as never;
    });
  }
}
