/** Aggregations for the charts: /api/dyads (network), /api/series (timeline), /api/countries (map), /api/actors. */
import { createRoute, type z } from '@hono/zod-openapi';
import iso from 'i18n-iso-countries';
import type { StoreReader } from '../store/index.js';
import type { Api } from './app.js';
import { intOr, toEventQuery } from './query.js';
import * as S from './schemas.js';

const json = (schema: z.ZodType, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  400: { description: 'invalid parameters', content: { 'application/json': { schema: S.ApiError } } },
});

const dyadsRoute = createRoute({
  method: 'get',
  path: '/api/dyads',
  summary: 'head actor → head recipient counts, split by type or quad class',
  request: { query: S.DyadsQuery },
  responses: json(S.Dyads, 'dyads, most frequent first'),
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/series',
  summary: 'event counts and mean sentence tone per day, week or month, split by type or quad class',
  request: { query: S.SeriesQuery },
  responses: json(S.Series, 'one row per period and key'),
});

const countriesRoute = createRoute({
  method: 'get',
  path: '/api/countries',
  summary: 'events by country of the head actor (or recipient), and located events as points',
  request: { query: S.CountriesQuery },
  responses: json(S.Countries, 'counts by ISO alpha-3 code with the ISO numeric id world-atlas uses'),
});

const actorsRoute = createRoute({
  method: 'get',
  path: '/api/actors',
  summary: 'actor codes with a name and counts, by code prefix',
  request: { query: S.ActorsQuery },
  responses: json(S.Actors, 'actors, most active first'),
});

/** Add the aggregation routes. */
export function aggregateRoutes(app: Api, reader: StoreReader): void {
  app.openapi(dyadsRoute, async (c) => {
    const p = c.req.valid('query');
    return c.json({ dyads: await reader.dyads(toEventQuery(p), p.by ?? 'quad', intOr(p.limit, 300)) }, 200);
  });
  app.openapi(seriesRoute, async (c) => {
    const p = c.req.valid('query');
    return c.json({ series: await reader.series(toEventQuery(p), p.interval ?? 'month', p.by ?? 'quad') }, 200);
  });
  app.openapi(countriesRoute, async (c) => {
    const p = c.req.valid('query');
    const q = toEventQuery(p);
    const countries = (await reader.countries(q, p.side ?? 'actor')).map((x) => ({
      ...x,
      numeric: iso.alpha3ToNumeric(x.country) ?? null,
      name: iso.getName(x.country, 'en') ?? x.country,
    }));
    return c.json({ countries, points: await reader.points(q, 2000) }, 200);
  });
  app.openapi(actorsRoute, async (c) => {
    const p = c.req.valid('query');
    return c.json({ actors: await reader.actors(p.prefix ?? '', intOr(p.limit, 50)) }, 200);
  });
}
