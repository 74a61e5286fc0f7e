/**
 * A small, depth-capped element tree built from htmlparser2's streaming callbacks. Only what
 * extraction needs is kept: tag, attributes, children (elements or text). Nesting deeper than
 * MAX_DEPTH is flattened into the element at that depth, so every walk stays shallow.
 */
import { Parser } from 'htmlparser2';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

/** An element; children are elements or text strings. */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
}
export type Node = El | string;

/** Deepest element nesting we keep; real pages stay well under 100, hostile ones go to 10,000+. */
export const MAX_DEPTH = 200;

/**
 * Open elements at which parsing stops and keeps what it has: htmlparser2's open-element stack
 * costs O(depth) per tag, so 200,000 unclosed tags took 12 s; at 50,000 the worst case is ~0.3 s and 10,000-deep pages parse whole.
 */
export const MAX_OPEN = 50000;

/**
 * Elements at which parsing stops and keeps what it has. News pages have a few thousand; a 20 MB page
 * of 2.5 million empty paragraphs took 24 s and 2.2 GB before this cap, and 250,000 elements stay near 100 MB.
 */
export const MAX_ELEMENTS = 250000;

class StopParse extends Error {}

/** Elements whose whole subtree is dropped by cleaning anyway, so it is never built. */
const SKIP_SUBTREE = new Set([
  'svg',
  'math',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'map',
  'noscript',
  'style',
]);

/** Raw-text elements whose content we never need (JSON-LD scripts are kept for metadata). */
const DROP_TEXT = new Set(['style', 'noscript', 'template']);

/**
 * Elements whose text the tokenizer leaves as it is (raw text: no character references). Text elsewhere, and
 * attribute values, are decoded after tokenizing, as htmlparser2 would (same decoder, same modes).
 */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'plaintext', 'xmp']);

/**
 * The opening tag of a raw-text element or an `<svg>` (quoted attribute values may hold '>'), or a comment
 * opening.
 */
const RAW_OPEN = /<(script|style|svg)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>|<!--/gi;
const RAW_CLOSE: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };
const COMMENT_CLOSE = /-->/g;
/** An `<svg>` opening (not self-closed) or closing tag, for finding where an inline SVG ends. */
const SVG_TAG = /<(\/?)svg(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** Where the content of the `<svg>` whose opening tag ends at `start` ends (nested SVGs counted), or -1. */
function svgEnd(html: string, start: number): number {
  SVG_TAG.lastIndex = start;
  let depth = 1;
  let m: RegExpExecArray | null;
  while ((m = SVG_TAG.exec(html))) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index;
  }
  return -1;
}

/** Where the content of the raw-text element (or svg) opened by `open` ends, or -1 when it never closes. */
function rawEnd(html: string, name: string, open: string, start: number): number {
  if (name === 'svg') return open.endsWith('/>') ? start : svgEnd(html, start);
  const close = RAW_CLOSE[name];
  close.lastIndex = start;
  const c = close.exec(html);
  return c ? c.index : -1;
}

/**
 * The page with the contents of `<style>`, non-JSON `<script>` and `<svg>` elements taken out (the tags stay).
 * The tree drops them anyway (svg is a skipped subtree); cutting them with native string search spares the
 * tokenizer a walk, character by character, over more than half the bytes of a news page (AEB: 30% scripts,
 * 26% styles, 4% inline SVG). Comments are stepped over so that a `<script>` inside one is left alone.
 */
export function stripRawText(html: string): string {
  RAW_OPEN.lastIndex = 0;
  const out: string[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = RAW_OPEN.exec(html))) {
    if (!m[1]) {
      COMMENT_CLOSE.lastIndex = RAW_OPEN.lastIndex;
      if (!COMMENT_CLOSE.exec(html)) break;
      RAW_OPEN.lastIndex = COMMENT_CLOSE.lastIndex;
      continue;
    }
    const start = RAW_OPEN.lastIndex;
    const name = m[1].toLowerCase();
    const e = rawEnd(html, name, m[0], start);
    const end = e < 0 ? html.length : e;
    // Any script typed as JSON is left for the parser, which keeps JSON-LD (its type may be entity-encoded: ld&#x2B;json).
    if (!(name === 'script' && /json/i.test(m[0])) && end > start) {
      out.push(html.slice(last, start));
      last = end;
    }
    if (e < 0) break;
    RAW_OPEN.lastIndex = end;
  }
  if (!last) return html;
  out.push(html.slice(last));
  return out.join('');
}

/**
 * Parse HTML into an element tree rooted at a synthetic `#root`. `check(steps)` is charged every 1,024 tags opened
 * (skipped subtrees included), to enforce a work budget.
 */
export function parseHtml(html: string, check?: (steps: number) => void, lowercaseAttrs = true): El {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null };
  // Parallel to htmlparser2's own stack: null marks an element flattened away by the depth cap.
  const stack: (El | null)[] = [];
  let cur = root;
  let depth = 0;
  let dropText = 0;
  let skip = 0;
  let built = 0;
  let scriptKeep = true;
  // Inside a raw-text element (script, style, …): its text keeps its character references.
  let inRawText = false;
  let n = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (check && (++n & 1023) === 0) check(1024);
        if (skip > 0 || SKIP_SUBTREE.has(name)) {
          // Inside a subtree extraction always drops (inline SVG icons can be thousands of elements).
          skip++;
          stack.push(null);
          return;
        }
        if (stack.length >= MAX_OPEN) {
          root.attrs['data-truncated'] = 'open-elements';
          throw new StopParse();
        }
        if (++built > MAX_ELEMENTS) {
          root.attrs['data-truncated'] = 'elements';
          throw new StopParse();
        }
        decodeAttrs(attrs);
        inRawText = RAW_TEXT_TAGS.has(name);
        if (name === 'script') scriptKeep = /ld\+json/i.test(attrs.type ?? '');
        if (DROP_TEXT.has(name) || (name === 'script' && !scriptKeep)) dropText++;
        if (depth >= MAX_DEPTH) {
          stack.push(null);
          return;
        }
        const el: El = { tag: name, attrs, children: [], parent: cur };
        cur.children.push(el);
        stack.push(el);
        cur = el;
        depth++;
      },
      onclosetag(name) {
        inRawText = false;
        if (skip > 0) {
          skip--;
          stack.pop();
          return;
        }
        if (DROP_TEXT.has(name) || (name === 'script' && !scriptKeep)) dropText = Math.max(0, dropText - 1);
        if (name === 'script') scriptKeep = true;
        const el = stack.pop();
        if (el) {
          cur = el.parent ?? root;
          depth--;
        }
      },
      ontext(raw) {
        if (dropText > 0 || skip > 0) return;
        const data = inRawText || raw.indexOf('&') < 0 ? raw : decodeHTML(raw);
        const k = cur.children;
        const last = k.length - 1;
        if (last >= 0 && typeof k[last] === 'string') k[last] = (k[last] as string) + data;
        else k.push(data);
      },
    },
    {
      // Character references are decoded after tokenizing (decodeAttrs, ontext): the tokenizer then skips to the next
      // '<' or quote with native search instead of inspecting every character (AEB: tokenizing 20% faster).
      decodeEntities: false,
      lowerCaseTags: true,
      lowerCaseAttributeNames: lowercaseAttrs,
      recognizeSelfClosing: false,
    },
  );
  try {
    parser.write(stripRawText(html));
    parser.end();
  } catch (e) {
    if (!(e instanceof StopParse)) throw e;
  }
  return root;
}

/** Decode character references in attribute values, in place (the tokenizer leaves them encoded). */
function decodeAttrs(attrs: Record<string, string>): void {
  for (const k in attrs) {
    const v = attrs[k];
    if (v.indexOf('&') >= 0) attrs[k] = decodeHTMLAttribute(v);
  }
}

/** Iterate elements under `root` in document order (iterative: safe at any depth). */
export function* elements(root: El): Generator<El> {
  const todo: El[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (typeof c !== 'string') todo.push(c);
    }
  }
}

/** All descendant elements with the given tag. */
export function byTag(root: El, tag: string): El[] {
  const out: El[] = [];
  for (const el of elements(root)) if (el.tag === tag) out.push(el);
  return out;
}

/** Concatenated text under an element (raw whitespace). */
export function rawText(el: El): string {
  const parts: string[] = [];
  const todo: Node[] = [el];
  while (todo.length) {
    const n = todo.pop()!;
    if (typeof n === 'string') parts.push(n);
    else if (n.tag !== 'script') for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]);
  }
  return parts.join('');
}

/** Text under an element with whitespace collapsed. */
export function textOf(el: El): string {
  return collapseSpace(rawText(el));
}

/** White space other than a single space, or two spaces in a row: a text that needs collapsing. */
const NEEDS_COLLAPSE = /[^\S ]|  /;
const WHITE_RUNS = /\s+/g;

/**
 * `s` trimmed with each run of white space made one space. Most text between tags is bare white space or
 * already single-spaced, so the replace runs only when something is left to collapse (same result, less work).
 */
export function collapseSpace(s: string): string {
  const t = s.trim();
  return NEEDS_COLLAPSE.test(t) ? t.replace(WHITE_RUNS, ' ') : t;
}

/** Remove an element from its parent. */
export function detach(el: El): void {
  const p = el.parent;
  if (!p) return;
  const i = p.children.indexOf(el);
  if (i >= 0) p.children.splice(i, 1);
  el.parent = null;
}
