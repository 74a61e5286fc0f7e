/**
 * WARC reading (warcio): each HTML `response` record becomes a page with its target URI as URL; other records are
 * skipped. Works on plain and per-record-gzipped files (as Common Crawl News ships them), streamed, so a file of
 * any size runs in bounded memory; a record over the size cap is one error, not a read of it.
 */
import { WARCParser } from 'warcio';

/** One page from a WARC file, or why a response record could not be taken. */
export type WarcPage =
  | { ok: true; uri: string; date: string | null; contentType: string | null; status: number; bytes: Uint8Array }
  | { ok: false; uri: string; code: string; reason: string };

/** Content types taken from response records (anything else is skipped silently, as other record types are). */
const PAGE_TYPE = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/** Pages from a WARC byte stream; `maxBytes` caps each record's payload. */
export async function* warcPages(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<WarcPage, void, unknown> {
  const parser = new WARCParser(
    (async function* () {
      yield* chunks;
    })(),
  );
  for await (const record of parser) {
    const uri = record.warcTargetURI ?? '';
    if (record.warcType !== 'response' || !/^https?:/i.test(uri)) {
      await record.skipFully();
      continue;
    }
    const info = record.getResponseInfo();
    const type = info?.headers.get('content-type') ?? null;
    const status = Number(info?.status ?? 0);
    if (type !== null && !PAGE_TYPE.test(type)) {
      await record.skipFully();
      continue;
    }
    if (record.warcContentLength > maxBytes) {
      await record.skipFully();
      yield { ok: false, uri, code: 'too-large', reason: `record of ${record.warcContentLength} bytes > ${maxBytes}` };
      continue;
    }
    if (status < 200 || status >= 300) {
      await record.skipFully();
      yield {
        ok: false,
        uri,
        code: `http-${status || 'unknown'}`,
        reason: `the archived response has status ${status}`,
      };
      continue;
    }
    try {
      const bytes = await record.readFully(true);
      yield { ok: true, uri, date: record.warcDate ?? null, contentType: type, status, bytes };
    } catch (e) {
      yield { ok: false, uri, code: 'bad-input', reason: `damaged record: ${(e as Error).message}` };
    }
  }
}

/** True when `head` (the first bytes, decompressed) opens a WARC record. */
export function looksLikeWarc(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 8)).toString('latin1').startsWith('WARC/');
}
