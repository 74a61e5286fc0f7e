/** CSV export: RFC 4180 (CRLF line ends, fields quoted when they hold a quote, comma or line break), UTF-8, a header. */
import type { EventOut } from '../record/index.js';
import { FLAT_COLUMNS } from './flat.js';

/** One CSV field; null is the empty field, booleans are true/false. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const t = String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The header line (with its CRLF). */
export function csvHeader(): string {
  return FLAT_COLUMNS.map((c) => c.name).join(',') + '\r\n';
}

/** One record as a CSV line (with its CRLF). */
export function csvLine(e: EventOut): string {
  return FLAT_COLUMNS.map((c) => csvField(c.get(e))).join(',') + '\r\n';
}
