/** The HTTP API package. */
export { createApi, type ApiOptions } from './app.js';
export type { IngestFn, IngestInput, IngestReport } from './routes-ingest.js';
