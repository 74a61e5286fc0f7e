/** Request and response schemas of the HTTP API (zod, with OpenAPI metadata): validated inputs, documented outputs. */
import { z } from '@hono/zod-openapi';
import { EVENT_SORTS } from '../store/index.js';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'a real calendar date');
const code = z.string().regex(/^[A-Za-z]{1,15}$/, 'an actor code or prefix: letters only, up to 15');
const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'a whole number')
    .refine((s) => Number(s) >= min && Number(s) <= max, `a number from ${min} to ${max}`);

/** Filters every event query and aggregation accepts. */
export const FilterQuery = z.object({
  since: date.optional().openapi({ description: 'earliest event date, inclusive', example: '2015-01-01' }),
  until: date.optional().openapi({ description: 'latest event date, inclusive' }),
  actor: code.optional().openapi({ description: 'code prefix of the head actor (FRA, FRAGOV)' }),
  recipient: code.optional().openapi({ description: 'code prefix of the head recipient' }),
  party: code.optional().openapi({ description: 'code prefix of either side' }),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code')
    .optional()
    .openapi({ description: 'country of either side (ISO alpha-3)' }),
  sector: z
    .string()
    .regex(/^[A-Za-z]{2,4}$/, 'a PLOVER sector such as GOV')
    .optional(),
  type: z
    .string()
    .regex(/^[A-Za-z_]+(,[A-Za-z_]+)*$/, 'PLOVER types, comma-separated')
    .optional()
    .openapi({ description: 'PLOVER event types, comma-separated (any of)', example: 'CONSULT,ASSAULT' }),
  quad: z
    .string()
    .regex(/^[1-4](,[1-4])*$/, 'quad classes 1-4, comma-separated')
    .optional()
    .openapi({ description: 'quad classes (1 verbal coop … 4 material conflict), comma-separated' }),
  mode: z.string().max(40).optional(),
  context: z.string().max(40).optional(),
  q: z.string().max(200).optional().openapi({ description: 'words that must all appear in the sentence' }),
  doc: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'a document id (16 hex digits)')
    .optional(),
  min_confidence: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'a number from 0 to 1')
    .optional(),
  min_articles: intIn(1, 1_000_000).optional().openapi({ description: 'minimum articles reporting the cluster' }),
});

export const EventsQuery = FilterQuery.extend({
  sort: z.enum(EVENT_SORTS).optional().openapi({ description: 'field, - for descending', example: '-date' }),
  limit: intIn(1, 1000).optional().openapi({ description: 'events per page (default 50)' }),
  cursor: z.string().max(400).optional().openapi({ description: 'the `next` of the previous page' }),
});

export const ExportQuery = FilterQuery.extend({ sort: z.enum(EVENT_SORTS).optional() });

export const DyadsQuery = FilterQuery.extend({
  by: z.enum(['type', 'quad']).optional(),
  limit: intIn(1, 5000).optional(),
});

export const SeriesQuery = FilterQuery.extend({
  interval: z.enum(['day', 'week', 'month']).optional(),
  by: z.enum(['type', 'quad']).optional(),
});

export const CountriesQuery = FilterQuery.extend({ side: z.enum(['actor', 'recipient']).optional() });

export const ActorsQuery = z.object({
  prefix: z
    .string()
    .regex(/^[A-Za-z]{0,15}$/, 'letters only')
    .optional(),
  limit: intIn(1, 1000).optional(),
});

export const QuotesQuery = z.object({
  doc: FilterQuery.shape.doc,
  speaker: code.optional(),
  q: z.string().max(200).optional(),
  limit: intIn(1, 1000).optional(),
});

const Arg = z
  .object({
    text: z.string(),
    start: z.number(),
    end: z.number(),
    name: z.string(),
    country: z.string().nullable(),
    sector: z.string(),
    code: z.string(),
    wikidata: z.string().optional(),
  })
  .openapi('Argument');

const Span = z.object({ start: z.number(), end: z.number() });

const Place = z
  .object({
    text: z.string(),
    start: z.number(),
    end: z.number(),
    name: z.string().nullable(),
    country: z.string().nullable(),
    admin1: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    feature: z.string().nullable(),
    geonameid: z.number().nullable(),
  })
  .openapi('Place');

/** The one event record (docs/data.md, docs/event.schema.json): what `dateline query` and the exports print. */
export const Event = z
  .object({
    id: z.string(),
    doc: z.string(),
    source: z.string(),
    url: z.string().nullable(),
    site: z.string().nullable(),
    published: z.string().nullable(),
    sentence: z.string(),
    sentence_span: Span,
    type: z.string(),
    mode: z.string(),
    contexts: z.array(z.string()),
    cameo: z.string(),
    quad: z.number(),
    goldstein: z.number(),
    actor: z.array(Arg),
    recipient: z.array(Arg),
    date: z.string().nullable(),
    place: Place.nullable(),
    negated: z.boolean(),
    modality: z.string(),
    historical: z.boolean(),
    trigger: Span.extend({ text: z.string() }),
    decided_by: z.array(z.string()),
    confidence: z.number(),
    reported_by: Arg.nullable(),
    tone: z.number().nullable(),
    cluster: z.string().openapi({ description: "the event's cluster (same event, other articles)" }),
    mentions: z.number(),
    articles: z.number().openapi({ description: 'distinct articles (near-duplicates counted once) in the cluster' }),
    sources: z.number(),
    first_seen: z.string().nullable(),
    last_seen: z.string().nullable(),
  })
  .openapi('Event');

export const EventsPage = z.object({ events: z.array(Event), next: z.string().nullable() }).openapi('EventsPage');

export const Dyads = z.object({
  dyads: z.array(z.object({ actor: z.string(), recipient: z.string(), key: z.string(), n: z.number() })),
});

export const Series = z.object({
  series: z.array(z.object({ period: z.string(), key: z.string(), n: z.number(), tone: z.number().nullable() })),
});

export const Actors = z.object({
  actors: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      country: z.string().nullable(),
      asActor: z.number(),
      asRecipient: z.number(),
    }),
  ),
});

export const Countries = z.object({
  countries: z.array(
    z.object({ country: z.string(), numeric: z.string().nullable(), name: z.string(), n: z.number() }),
  ),
  points: z.array(z.looseObject({ id: z.string(), lat: z.number(), lon: z.number() })),
});

export const Quotes = z.object({
  quotes: z.array(z.looseObject({ id: z.string(), doc: z.string(), text: z.string() })),
});

const SpanLayer = z.array(z.looseObject({ start: z.number(), end: z.number() }));

export const Document = z
  .looseObject({
    id: z.string(),
    text: z.string(),
    title: z.string().nullable(),
    layers: z.object({
      blocks: SpanLayer,
      sentences: SpanLayer,
      entities: SpanLayer,
      mentions: SpanLayer,
      quotes: SpanLayer,
      events: SpanLayer,
    }),
  })
  .openapi('Document');

export const ApiError = z.object({ error: z.string(), reasons: z.array(z.string()) }).openapi('Error');

export const IngestBody = z
  .object({
    pages: z
      .array(
        z.object({
          content: z.string().min(1).max(16_000_000),
          url: z.string().url().optional(),
          name: z.string().max(300).optional(),
        }),
      )
      .max(500)
      .optional(),
    urls: z.array(z.string().url()).max(100).optional(),
  })
  .refine((b) => (b.pages?.length ?? 0) + (b.urls?.length ?? 0) > 0, 'give pages or urls');

export const IngestResult = z.object({
  seen: z.number(),
  stored: z.number(),
  duplicates: z.number(),
  errors: z.array(z.object({ source: z.string(), code: z.string(), stage: z.string(), reason: z.string() })),
  events: z.number(),
});
