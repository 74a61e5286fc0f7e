/**
 * A throwaway Postgres server for tests, benchmarks and checks: Debian's binaries (/usr/lib/postgresql/N/bin),
 * `initdb` into a temp folder, a free port on 127.0.0.1 with the socket in the same folder, removed on stop.
 * initdb refuses to run as root, so as root the server runs as the `postgres` user (runuser).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running throwaway server. */
export interface ThrowawayPostgres {
  /** Connection URL of its `postgres` database (trust auth, user postgres). */
  url: string;
  port: number;
  dir: string;
  /** Stop the server and delete its folder. */
  stop(): Promise<void>;
}

/** The newest Postgres bin folder with initdb (or $PG_BIN), or null when Postgres is not installed. */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

/** Why Postgres tests cannot run here, or null when they can. Under CI a missing server is a failure, not a skip. */
export function postgresUnavailable(): string | null {
  if (postgresBinDir()) return null;
  const why = 'Postgres binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)';
  if (process.env.CI) throw new Error(`${why}; CI must install them (.ci/run)`);
  return why;
}

/** A TCP port free right now on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The uid of the `postgres` user, or null. */
function postgresUid(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Start a throwaway server; `durable` keeps fsync on (benchmarks), off by default (tests). */
export async function startThrowawayPostgres(opts: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('Postgres binaries not found under /usr/lib/postgresql/*/bin');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUid() : null;
  if (asRoot && !owner) throw new Error('running as root and there is no postgres user for initdb');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const as = (cmd: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  const data = join(dir, 'data');
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const settings = ['-c listen_addresses=127.0.0.1', `-k ${dir}`, '-c max_connections=200'];
  if (!opts.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} ${settings.join(' ')}`, 'start']);
      break;
    } catch (e) {
      if (attempt >= 2) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }
  const stopSync = () => {
    try {
      if (owner)
        execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'], {
          stdio: 'ignore',
        });
      else execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      process.removeListener('exit', stopSync);
      await as('pg_ctl', ['-D', data, '-m', 'fast', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh empty schema on a throwaway server, as a URL whose connections use it (search_path), so tests stay apart
 * without the cost of CREATE DATABASE.
 */
export async function freshSchema(server: ThrowawayPostgres, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await c.query(`CREATE SCHEMA "${name}"`);
  } finally {
    await c.end();
  }
  return `${server.url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
}
