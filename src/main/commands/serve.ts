/** `dateline serve`: the HTTP API and the web UI over a store, printing the address it listens on. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApi } from '../../api/index.js';
import { PACKAGE_ROOT } from '../../doc/index.js';
import { redact, type Store } from '../../store/index.js';
import type { Command } from '../args.js';
import { loadAnalysis } from '../engine.js';
import { storeIngest } from './serve-ingest.js';
import { withStore } from './shared.js';

/** Where the build puts the UI (vite, src/ui/vite.config.ts). */
export const UI_DIR = join(PACKAGE_ROOT, 'dist', 'web');

/** Listen options. */
export interface ServeOptions {
  port: number;
  host: string;
  token?: string;
}

/** Serve `store` until SIGINT/SIGTERM; resolves with the exit code once the server has closed (the caller closes the store). */
export async function serveStore(store: Store, label: string, o: ServeOptions): Promise<number> {
  if (!('read' in store)) {
    process.stderr.write(`error: ${label}: this store has no API reader\n`);
    return 1;
  }
  if (o.token) await loadAnalysis();
  const app = createApi({
    reader: (store as Store & { read: import('../../store/index.js').StoreReader }).read,
    token: o.token,
    ingest: o.token ? storeIngest(store) : undefined,
    uiDir: existsSync(join(UI_DIR, 'index.html')) ? UI_DIR : undefined,
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      process.stdout.write(`dateline: serving ${label} at http://${host}:${info.port}/\n`);
      if (!existsSync(join(UI_DIR, 'index.html'))) process.stdout.write('  (API only: the UI is not built)\n');
    });
    server.on('error', (e) => reject(e));
    const stop = () => {
      server.close(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Parse --port/--host/--token, or an error message. */
export function serveOptions(v: Record<string, unknown>): ServeOptions | string {
  const port = v.port === undefined ? 8080 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be 0..65535, not ${v.port}`;
  const token = v.token as string | undefined;
  if (token !== undefined && token.length < 8) return '--token must be at least 8 characters';
  return { port, host: (v.host as string) ?? '127.0.0.1', token };
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the HTTP API and the web UI over a store',
  usage: `
Usage: dateline serve [--db FILE|URL] [--port N] [--host ADDR] [--token TOKEN]

Serve the store: the web UI at /, the JSON API under /api (OpenAPI document at /api/openapi.json).
Read-only unless --token is given; then POST /api/ingest accepts "Authorization: Bearer TOKEN".

Options:
  --db FILE|URL    SQLite file (default ./dateline.db) or postgres://… URL
  --port N         port (default 8080; 0 picks a free one)
  --host ADDR      address to listen on (default 127.0.0.1)
  --token TOKEN    allow ingestion with this bearer token (8+ characters)
  -h, --help       this help`,
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    token: { type: 'string' },
  },
  async run(v) {
    const o = serveOptions(v);
    if (typeof o === 'string') {
      process.stderr.write(`dateline serve: ${o}\n`);
      return 2;
    }
    const spec = (v.db as string) ?? 'dateline.db';
    return withStore(spec, { mustExist: true }, (store) => serveStore(store, redact(spec), o));
  },
};
