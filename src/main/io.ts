/** Output helpers for the CLI: JSON lines, CSV, error lines, a progress bar on terminals. */
import type { Outcome } from './engine.js';

/** Write one JSON line to stdout. */
export function jsonl(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

/** Write one line to stdout. */
export function out(line = ''): void {
  process.stdout.write(line + '\n');
}

/** One clear error line on stderr naming the document. */
export function reportError(o: Extract<Outcome, { ok: false }>): void {
  process.stderr.write(`error: ${o.source}: ${o.code} (${o.stage}): ${o.reason}\n`);
}

/** A CSV field, quoted when needed (RFC 4180). */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A progress bar on stderr when it is a terminal; silent in a pipe. */
export class Progress {
  private readonly tty = !!process.stderr.isTTY;
  private done = 0;
  private last = 0;
  constructor(private readonly total: number) {}

  /** Count one more document and redraw at most ten times a second. */
  tick(label: string): void {
    this.done++;
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const name = label.length > 40 ? '…' + label.slice(-39) : label;
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} ${name}\x1b[K`,
    );
  }

  /** Clear the bar. */
  end(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}
