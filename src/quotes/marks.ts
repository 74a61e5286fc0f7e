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

/** Find direct quotations in `text` (optionally only inside [from, to)). */
export function findMarkedQuotes(text: string, from = 0, to = text.length): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  const stack: Open[] = [];
  let pieces: Span[] = [];
  let pieceStart = -1;
  let quoteStart = -1;

  const closeOuter = (end: number, unclosed: boolean, markLen = 1): void => {
    pieces.push({ start: pieceStart, end: unclosed ? end : end - markLen });
    const inner = pieces.filter((p) => p.end > p.start);
    if (inner.length > 0) out.push({ start: quoteStart, end, inner, unclosed });
    pieces = [];
    stack.length = 0;
  };

  const open = (o: Open): void => {
    if (stack.length === 0) {
      quoteStart = o.at;
      pieceStart = o.at + 1;
      pieces = [];
    }
    stack.push(o);
  };

  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\n') {
      // A paragraph break inside an open double quote: continue if the next paragraph reopens.
      if (stack.length === 0) continue;
      let j = i;
      while (j < to && /\s/.test(text[j])) j++;
      if (j - i >= 1 && text.slice(i, j).includes('\n')) {
        const reopen = text[j];
        const outer = stack[0];
        const reopenNyt = reopen === "'" && text[j + 1] === "'" && outer.closers === "''";
        if (outer.kind === 'double' && (reopen === '“' || reopen === '"' || reopen === '„' || reopenNyt)) {
          // Trim trailing spaces of the piece that ends at this break.
          let e = i;
          while (e > pieceStart && /\s/.test(text[e - 1])) e--;
          pieces.push({ start: pieceStart, end: e });
          stack.length = 1;
          pieceStart = j + (reopenNyt ? 2 : 1);
          i = j + (reopenNyt ? 1 : 0);
          continue;
        }
        if (outer.kind === 'guillemet' && reopen === '«') {
          let e = i;
          while (e > pieceStart && /\s/.test(text[e - 1])) e--;
          pieces.push({ start: pieceStart, end: e });
          stack.length = 1;
          pieceStart = j + 1;
          i = j;
          continue;
        }
        let e = i;
        while (e > quoteStart && /\s/.test(text[e - 1])) e--;
        closeOuter(e, true);
        i = j - 1;
      }
      continue;
    }
    // NYT style: two apostrophes '' stand for a double quote mark, opening and closing.
    if (c === "'" && text[i + 1] === "'") {
      const k2 = stack.findIndex((o) => o.closers === "''");
      if (k2 >= 0 && !(opensHere(text, i + 1) && /\s/.test(text[i - 1] ?? ' '))) {
        stack.length = k2;
        if (stack.length === 0) closeOuter(i + 2, false, 2);
        i++;
        continue;
      }
      if (opensHere(text, i + 1) || (stack.length === 0 && !isWordChar(text[i - 1]))) {
        open({ kind: 'double', at: i, closers: "''" });
        if (stack.length === 1) pieceStart = i + 2;
        i++;
        continue;
      }
    }
    // A closer may close the top quote or, when an inner single mark was never closed, one below it.
    let k = stack.length - 1;
    while (k >= 0 && !stack[k].closers.includes(c)) k--;
    if (k >= 0) {
      const apostrophe = (c === '’' || c === "'") && isWordChar(text[i + 1]);
      if (!apostrophe && !(c === '“' && opensHere(text, i) && stack[k].at !== quoteStart)) {
        stack.length = k;
        if (stack.length === 0) closeOuter(i + 1, false);
        continue;
      }
      if (apostrophe) continue;
    }
    switch (c) {
      case '“':
        // In „…“ style “ closes; handled above. Otherwise it opens.
        if (opensHere(text, i) || stack.length === 0) open({ kind: 'double', at: i, closers: '”“' });
        break;
      case '”':
        // A right mark at a word start with nothing open is a typo for a left one (”Mr. Trump …”).
        if (stack.length === 0 && opensHere(text, i) && !isWordChar(text[i - 1]))
          open({ kind: 'double', at: i, closers: '”“' });
        break;
      case '„':
        open({ kind: 'double', at: i, closers: '“”' });
        break;
      case '"':
        if (opensHere(text, i)) open({ kind: 'double', at: i, closers: '"' });
        break;
      case '«':
        open({ kind: 'guillemet', at: i, closers: '»' });
        break;
      case '‹':
        open({ kind: 'angle', at: i, closers: '›' });
        break;
      case '‘':
        if (opensHere(text, i)) open({ kind: 'single', at: i, closers: '’' });
        break;
      case "'":
        // Straight singles open only inside a double quote (nested) or at a clear word start.
        if (opensHere(text, i) && !isWordChar(text[i - 1]) && stack.length > 0) {
          open({ kind: 'single', at: i, closers: "'" });
        }
        break;
      default:
        break;
    }
  }
  if (stack.length > 0 && pieceStart >= 0) {
    let e = to;
    while (e > quoteStart && /\s/.test(text[e - 1])) e--;
    closeOuter(e, true);
  }
  return out;
}
