/**
 * Direct quotations from quote marks alone: pairs “ ” " " ‘ ’ ' ' « » „ “ (and ‹ ›),
 * keeps only the outermost quote of a nested pair, and joins multi-paragraph quotes
 * (a paragraph left open whose next paragraph reopens with a mark) into one span.
 */
import type { Span } from '../doc/index.js';

/** A direct quotation found from its marks; the span includes the marks. */
export interface MarkedQuote extends Span {
  /** Spans of the quoted text inside the marks, one per paragraph piece. */
  inner: Span[];
  /** True when the quote ran to a paragraph end with no closing mark and was not reopened. */
  unclosed: boolean;
}

type Kind = 'double' | 'single' | 'guillemet' | 'angle';

interface Open {
  kind: Kind;
  at: number;
  /** Closing characters accepted for this opening. */
  closers: string;
}

const WORD = /[\p{L}\p{N}]/u;
/** Characters after which a straight or curly mark reads as opening. */
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:;,]/u;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD.test(c);
}

function opensHere(text: string, i: number): boolean {
  const prev = i === 0 ? undefined : text[i - 1];
  const next = text[i + 1];
  const prevOk = prev === undefined || OPENING_CONTEXT.test(prev) || '“‘"\'«„‹'.includes(prev);
  return prevOk && next !== undefined && !/\s/.test(next);
}

/** The scan state: the quotes found, the open marks, and the pieces of the quote being read. */
class MarkScanner {
  readonly out: MarkedQuote[] = [];
  readonly stack: Open[] = [];
  pieces: Span[] = [];
  pieceStart = -1;
  quoteStart = -1;

  constructor(
    readonly text: string,
    readonly to: number,
  ) {}

  /** Close the outermost quote at `end` (after its closing mark of `markLen` characters, unless unclosed). */
  closeOuter(end: number, unclosed: boolean, markLen = 1): void {
    this.pieces.push({ start: this.pieceStart, end: unclosed ? end : end - markLen });
    const inner = this.pieces.filter((p) => p.end > p.start);
    if (inner.length > 0) this.out.push({ start: this.quoteStart, end, inner, unclosed });
    this.pieces = [];
    this.stack.length = 0;
  }

  /** Open a quote mark (a new outermost quote when none is open). */
  open(o: Open): void {
    if (this.stack.length === 0) {
      this.quoteStart = o.at;
      this.pieceStart = o.at + 1;
      this.pieces = [];
    }
    this.stack.push(o);
  }

  /** End the piece being read at the break at i, trimmed of trailing spaces; the next piece starts at `next`. */
  private cutPiece(i: number, next: number): void {
    let e = i;
    while (e > this.pieceStart && /\s/.test(this.text[e - 1])) e--;
    this.pieces.push({ start: this.pieceStart, end: e });
    this.stack.length = 1;
    this.pieceStart = next;
  }

  /**
   * A paragraph break at i inside an open quote: the quote goes on when the next paragraph reopens it (“, ", „, NYT
   * '' for double quotes; « for guillemets), else it ends unclosed. Returns the index the scan goes on after.
   */
  paragraphBreak(i: number): number {
    const { text, to, stack } = this;
    if (stack.length === 0) return i;
    let j = i;
    while (j < to && /\s/.test(text[j])) j++;
    if (!(j - i >= 1 && text.slice(i, j).includes('\n'))) return i;
    const reopen = text[j];
    const outer = stack[0];
    const reopenNyt = reopen === "'" && text[j + 1] === "'" && outer.closers === "''";
    if (outer.kind === 'double' && (reopen === '“' || reopen === '"' || reopen === '„' || reopenNyt)) {
      this.cutPiece(i, j + (reopenNyt ? 2 : 1));
      return j + (reopenNyt ? 1 : 0);
    }
    if (outer.kind === 'guillemet' && reopen === '«') {
      this.cutPiece(i, j + 1);
      return j;
    }
    let e = i;
    while (e > this.quoteStart && /\s/.test(text[e - 1])) e--;
    this.closeOuter(e, true);
    return j - 1;
  }

  /** NYT style: two apostrophes '' at i stand for a double quote mark; the index after them, or -1 when not read so. */
  nytPair(i: number): number {
    const { text, stack } = this;
    const k2 = stack.findIndex((o) => o.closers === "''");
    if (k2 >= 0 && !(opensHere(text, i + 1) && /\s/.test(text[i - 1] ?? ' '))) {
      stack.length = k2;
      if (stack.length === 0) this.closeOuter(i + 2, false, 2);
      return i + 1;
    }
    if (opensHere(text, i + 1) || (stack.length === 0 && !isWordChar(text[i - 1]))) {
      this.open({ kind: 'double', at: i, closers: "''" });
      if (stack.length === 1) this.pieceStart = i + 2;
      return i + 1;
    }
    return -1;
  }

  /**
   * A closer at i may close the top quote or, when an inner single mark was never closed, one below it; apostrophes
   * inside words close nothing. True when the character is used up.
   */
  closer(i: number, c: string): boolean {
    const { text, stack } = this;
    let k = stack.length - 1;
    while (k >= 0 && !stack[k].closers.includes(c)) k--;
    if (k < 0) return false;
    const apostrophe = (c === '’' || c === "'") && isWordChar(text[i + 1]);
    if (!apostrophe && !(c === '“' && opensHere(text, i) && stack[k].at !== this.quoteStart)) {
      stack.length = k;
      if (stack.length === 0) this.closeOuter(i + 1, false);
      return true;
    }
    return apostrophe;
  }

  /** An opening mark at i, when the context reads it as one. */
  opener(i: number, c: string): void {
    const { text, stack } = this;
    switch (c) {
      case '“':
        // In „…“ style “ closes; handled above. Otherwise it opens.
        if (opensHere(text, i) || stack.length === 0) this.open({ kind: 'double', at: i, closers: '”“' });
        break;
      case '”':
        // A right mark at a word start with nothing open is a typo for a left one (”Mr. Trump …”).
        if (stack.length === 0 && opensHere(text, i) && !isWordChar(text[i - 1]))
          this.open({ kind: 'double', at: i, closers: '”“' });
        break;
      case '„':
        this.open({ kind: 'double', at: i, closers: '“”' });
        break;
      case '"':
        if (opensHere(text, i)) this.open({ kind: 'double', at: i, closers: '"' });
        break;
      case '«':
        this.open({ kind: 'guillemet', at: i, closers: '»' });
        break;
      case '‹':
        this.open({ kind: 'angle', at: i, closers: '›' });
        break;
      case '‘':
        if (opensHere(text, i)) this.open({ kind: 'single', at: i, closers: '’' });
        break;
      case "'":
        // Straight singles open only inside a double quote (nested) or at a clear word start.
        if (opensHere(text, i) && !isWordChar(text[i - 1]) && stack.length > 0)
          this.open({ kind: 'single', at: i, closers: "'" });
        break;
      default:
        break;
    }
  }

  /** Close a quote still open at the end of the range (unclosed) and return what was found. */
  finish(): MarkedQuote[] {
    if (this.stack.length > 0 && this.pieceStart >= 0) {
      let e = this.to;
      while (e > this.quoteStart && /\s/.test(this.text[e - 1])) e--;
      this.closeOuter(e, true);
    }
    return this.out;
  }
}

/** Find direct quotations in `text` (optionally only inside [from, to)). */
export function findMarkedQuotes(text: string, from = 0, to = text.length): MarkedQuote[] {
  const s = new MarkScanner(text, to);
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\n') {
      i = s.paragraphBreak(i);
      continue;
    }
    if (c === "'" && text[i + 1] === "'") {
      const after = s.nytPair(i);
      if (after >= 0) {
        i = after;
        continue;
      }
    }
    if (!s.closer(i, c)) s.opener(i, c);
  }
  return s.finish();
}
