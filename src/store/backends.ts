/**
 * The store backends the contract suites (`*.case.test.ts`) run against: SQLite files in a temp folder, and schemas
 * on one throwaway Postgres server (skipped with a message when Postgres is not installed and CI is not set).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshSchema, postgresUnavailable, startThrowawayPostgres, type ThrowawayPostgres } from './pg-throwaway.js';

/** A backend under test: `location()` names a new empty store (a file or a database URL). */
export interface Backend {
  name: 'sqlite' | 'postgres';
  skip: string | false;
  start(): Promise<void>;
  stop(): Promise<void>;
  location(): Promise<string>;
}

let counter = 0;

export function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'sqlite',
    skip: false,
    async start() {
      dir = mkdtempSync(join(tmpdir(), 'dateline-store-'));
    },
    async stop() {
      rmSync(dir, { recursive: true, force: true });
    },
    async location() {
      return join(dir, `s${counter++}.db`);
    },
  };
}

export function postgresBackend(): Backend {
  let server: ThrowawayPostgres | null = null;
  const why = postgresUnavailable();
  if (why) process.stdout.write(`# postgres store tests skipped: ${why}\n`);
  return {
    name: 'postgres',
    skip: why ?? false,
    async start() {
      server = await startThrowawayPostgres();
    },
    async stop() {
      await server?.stop();
    },
    async location() {
      return freshSchema(server!, `s${process.pid}_${counter++}`);
    },
  };
}

/** Both backends, SQLite first. */
export function backends(): Backend[] {
  return [sqliteBackend(), postgresBackend()];
}
