/** The built UI (Vite output) served at `/`: files from one folder, read once, with `index.html` for app routes. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Api } from './app.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serve `dir` at `/`; unknown paths outside /api get index.html (the UI keeps its state in the query string). */
export function uiRoutes(app: Api, dir: string): void {
  const root = normalize(dir + sep);
  const cache = new Map<string, Uint8Array>();
  const read = (path: string) => {
    let body = cache.get(path);
    if (!body) {
      body = readFileSync(path);
      cache.set(path, body);
    }
    return body;
  };
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const file = normalize(join(root, decodeURIComponent(c.req.path)));
    const inside = file.startsWith(root);
    const path = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    if (!existsSync(path)) return c.text('the UI is not built (npm run build)', 404);
    const immutable = path.includes(`${sep}assets${sep}`);
    return c.body(read(path) as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
