/** GET /api/documents/:id (text and layers, for highlighting evidence) and GET /api/quotes. */
import { createRoute, z } from '@hono/zod-openapi';
import type { StoreReader } from '../store/index.js';
import type { Api } from './app.js';
import { intOr } from './query.js';
import { ApiError, Document, Quotes, QuotesQuery } from './schemas.js';

const err = (description: string) => ({ description, content: { 'application/json': { schema: ApiError } } });

const documentRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  summary: 'a document: its text and every layer as character spans over it',
  request: {
    params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a document id (16 hex digits)') }),
  },
  responses: {
    200: { description: 'the document', content: { 'application/json': { schema: Document } } },
    400: err('invalid id'),
    404: err('no such document'),
  },
});

const quotesRoute = createRoute({
  method: 'get',
  path: '/api/quotes',
  summary: 'quotations with their speakers',
  request: { query: QuotesQuery },
  responses: {
    200: { description: 'quotes in date order', content: { 'application/json': { schema: Quotes } } },
    400: err('invalid parameters'),
  },
});

/** Add the document and quote routes. */
export function documentRoutes(app: Api, reader: StoreReader): void {
  app.openapi(documentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const doc = await reader.document(id);
    if (!doc) return c.json({ error: 'not-found', reasons: [`no document ${id}`] }, 404);
    return c.json(doc, 200);
  });
  app.openapi(quotesRoute, async (c) => {
    const p = c.req.valid('query');
    return c.json(
      { quotes: await reader.quotes({ doc: p.doc, speaker: p.speaker, q: p.q }, intOr(p.limit, 100)) },
      200,
    );
  });
}
