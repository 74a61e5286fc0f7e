/** Errors as values with codes and the document they concern. */

/** Codes for per-document failures. */
export type ErrorCode =
  | 'not-found'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'timeout'
  | 'bad-gzip'
  | 'stage-failed'
  | 'bad-input';

/** A failure that concerns one document; the batch goes on. */
export class DocError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${code}: ${message}`);
    this.name = 'DocError';
  }
}

/** A result that is either a value or a reason. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; reason: string; signals?: string[] };
