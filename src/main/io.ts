/** Output helpers for the CLI: JSON lines, CSV, error lines, a progress bar on terminals. */
import type { Outcome } from './engine.js';
import { printable, printableText } from './printable.js';

/** Write one JSON line to stdout. */
export function jsonl(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

/** Write one line to stdout, control characters (ANSI escapes from page text) escaped. */
export function out(line = ''): void {
  process.stdout.write(printableText(line) + '\n');
}

/** One error line on stderr, `error: SOURCE: CODE (STEP): REASON`, with every field escaped to stay one line. */
export function errorLine(source: string, code: string, stage: string, reason: string): void {
  process.stderr.write(`error: ${printable(source)}: ${printable(code)} (${printable(stage)}): ${printable(reason)}\n`);
}

/** One clear error line on stderr naming the document. */
export function reportError(o: Extract<Outcome, { ok: false }>): void {
  errorLine(o.source, o.code, o.stage, o.reason);
}

/** A CSV field, quoted when needed (RFC 4180). */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A progress bar on stderr when it is a terminal (count, rate, ETA, errors so far); silent in a pipe. */
export class Progress {
  private readonly tty: boolean;
  private done = 0;
  private errors = 0;
  private last = 0;
  private readonly t0 = Date.now();
  constructor(
    private total: number,
    tty: boolean = !!process.stderr.isTTY,
  ) {
    this.tty = tty;
  }

  /** More documents became known (a feed or sitemap expanded). */
  grow(n: number): void {
    this.total += n;
  }

  /** Count one more document (an error when `failed`) and redraw at most ten times a second. */
  tick(label: string, failed = false): void {
    this.done++;
    if (failed) this.errors++;
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    process.stderr.write(`\r${this.line(label, now)}\x1b[K`);
  }

  /** The bar as text: `[####....] 120/400 3.2/s ETA 1m27s 2 errors name`. */
  line(label: string, now = Date.now()): string {
    const width = 24;
    const total = Math.max(this.total, this.done, 1);
    const filled = Math.round((this.done / total) * width);
    const secs = Math.max(0.001, (now - this.t0) / 1000);
    const rate = this.done / secs;
    const eta = rate > 0 ? (total - this.done) / rate : 0;
    const shown = printable(label);
    const name = shown.length > 30 ? '…' + shown.slice(-29) : shown;
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${total} ${rate.toFixed(1)}/s ` +
      `ETA ${duration(eta)} ${this.errors} error${this.errors === 1 ? '' : 's'} ${name}`
    );
  }

  /** Clear the bar (before an error line, and at the end). */
  end(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}

/** Seconds as `1h02m`, `3m07s` or `12s`. */
export function duration(secs: number): string {
  const s = Math.round(secs);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
