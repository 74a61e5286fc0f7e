/**
 * Cuts a cleaned element tree into text blocks in reading order: paragraphs, headings, list
 * items, tables (as text), quotes, captions. Each block remembers the element that holds it
 * and how much of its text sits inside links, which the content scorer needs.
 */
import type { El, Node } from './dom.js';

/** Kinds of raw blocks; `caption` marks figure captions and photo credits. */
export type RawKind = 'paragraph' | 'heading' | 'list' | 'table' | 'quote' | 'caption' | 'pre';

/** A block of text found in the page. */
export interface RawBlock {
  text: string;
  kind: RawKind;
  /** The nearest block-level element holding the text. */
  el: El;
  /** Characters of the text that were inside links. */
  linkChars: number;
  /** Heading level 1..6 for headings, else 0. */
  level: number;
}

/** Elements that break inline text into separate blocks. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'figure',
  'figcaption',
  'header',
  'footer',
  'address',
  'hr',
  'center',
  'form',
  'fieldset',
  'details',
  'summary',
  'body',
  'html',
  'caption',
  'aside',
  'nav',
  '#root',
  'hgroup',
  'picture',
  'title',
  'head',
  'legend',
  'menu',
  'dialog',
  'font-block',
]);

const HEADING = /^h([1-6])$/;
const WS = /\s+/g;
const SPACES = /[ \t\f\r\u00a0\u200b\u2028\u2029]+/g;

/** Is this table a data table (rows of short cells) rather than page layout? */
export function isDataTable(t: El): boolean {
  let cells = 0;
  let long = 0;
  const todo: El[] = [t];
  while (todo.length) {
    const el = todo.pop()!;
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'table' || c.tag === 'p' || c.tag === 'article' || c.tag === 'h1' || c.tag === 'h2') return false;
      if (c.tag === 'td' || c.tag === 'th') {
        cells++;
        if (cellLen(c) > 300) long++;
      }
      todo.push(c);
    }
  }
  return cells >= 2 && long === 0;
}

function cellLen(el: El): number {
  let n = 0;
  const todo: Node[] = [el];
  while (todo.length && n <= 300) {
    const x = todo.pop()!;
    if (typeof x === 'string') n += x.trim().length;
    else for (const c of x.children) todo.push(c);
  }
  return n;
}

/** Length with CJK characters counted three times: one Han or kana character carries about a word. */
export function textWeight(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) n += 2;
  }
  return n;
}

/** Collapse whitespace within lines and drop blank lines. */
export function tidy(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\f\r\u00a0\u200b\u2028\u2029]+/g, ' ').trim())
    .filter((l) => l)
    .join('\n');
}

/** Cut the tree under `root` into blocks in document order; `check(steps)` is charged every 4,096 elements walked. */
export function toBlocks(root: El, check?: (steps: number) => void): RawBlock[] {
  let visits = 0;
  const out: RawBlock[] = [];
  let buf = '';
  let links = 0;
  let owner: El = root;
  let inLink = 0;
  let inPre = 0;

  const flush = () => {
    if (!buf) return;
    // Most blocks have no line breaks: one replace and a trim instead of split/map/join.
    const text = inPre
      ? buf.replace(/^\n+|\s+$/g, '')
      : buf.includes('\n')
        ? tidy(buf.replace(/\s*\n\s*/g, '\n'))
        : buf.replace(SPACES, ' ').trim();
    if (text)
      out.push({
        text,
        kind: kindOf(owner),
        el: owner,
        linkChars: Math.min(links, text.length),
        level: levelOf(owner),
      });
    buf = '';
    links = 0;
  };

  // Recursive: the tree is at most MAX_DEPTH (200) deep, and recursion allocates nothing per node.
  const walk = (n: El): void => {
    if (check && (++visits & 4095) === 0) check(4096);
    for (const c of n.children) {
      if (typeof c === 'string') {
        const t = inPre ? c : c.replace(WS, ' ');
        buf += t;
        if (inLink) links += t.trim().length;
        continue;
      }
      const tag = c.tag;
      if (tag === 'br') {
        buf += '\n';
        continue;
      }
      if (tag === 'img' || tag === 'hr') continue;
      if (tag === 'table' && isDataTable(c)) {
        flush();
        const text = tableText(c);
        if (text) out.push({ text, kind: 'table', el: c, linkChars: 0, level: 0 });
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (tag === 'a') inLink++;
      if (tag === 'pre') inPre++;
      let prevOwner = owner;
      if (block) {
        flush();
        prevOwner = owner;
        owner = c;
      }
      // Cells should not fuse words.
      if (tag === 'td' || tag === 'th' || tag === 'label') buf += ' ';
      walk(c);
      if (tag === 'a') inLink--;
      if (tag === 'pre') inPre--;
      if (block) {
        flush();
        owner = prevOwner;
      }
    }
  };
  walk(root);
  flush();
  return out;
}

function levelOf(el: El): number {
  const m = HEADING.exec(el.tag);
  return m ? Number(m[1]) : 0;
}

function kindOf(el: El): RawKind {
  if (HEADING.test(el.tag)) return 'heading';
  if (el.tag === 'figcaption' || el.tag === 'caption') return 'caption';
  if (el.tag === 'li' || el.tag === 'dd' || el.tag === 'dt') return 'list';
  if (el.tag === 'pre') return 'pre';
  for (let p: El | null = el; p; p = p.parent) {
    if (p.tag === 'blockquote') return 'quote';
    if (p.tag === 'figcaption') return 'caption';
  }
  return 'paragraph';
}

/** A data table as text: one line per row, cells separated by " | ". */
export function tableText(t: El): string {
  const rows: string[] = [];
  const todo: El[] = [t];
  const trs: El[] = [];
  while (todo.length) {
    const el = todo.pop()!;
    if (el.tag === 'tr') trs.push(el);
    else
      for (let i = el.children.length - 1; i >= 0; i--) {
        const c = el.children[i];
        if (typeof c !== 'string') todo.push(c);
      }
  }
  for (const tr of trs) {
    const cells: string[] = [];
    for (const c of tr.children) {
      if (typeof c === 'string' || (c.tag !== 'td' && c.tag !== 'th')) continue;
      const txt = flat(c);
      if (txt) cells.push(txt);
    }
    if (cells.length) rows.push(cells.join(' | '));
  }
  const cap = t.children.find((c): c is El => typeof c !== 'string' && c.tag === 'caption');
  const capText = cap ? flat(cap) : '';
  return (capText ? capText + '\n' : '') + rows.join('\n');
}

function flat(el: El): string {
  const parts: string[] = [];
  const todo: Node[] = [el];
  while (todo.length) {
    const n = todo.pop()!;
    if (typeof n === 'string') parts.push(n);
    else {
      if (n.tag === 'br' || BLOCK_TAGS.has(n.tag)) parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
