/**
 * Plain-text pages, line by line: drop site-chrome lines (skip links, share and menu lines),
 * keep photo caption/credit lines apart, take the first short line as the title, cut a trailing
 * dead-page notice, mark short lines before prose as headings, and date the story from its
 * dateline or a dated caption when nothing better exists.
 */
import type { DocMeta } from '../doc/index.js';
import { emptyMeta } from '../doc/index.js';
import { BOILER_LINE } from './content.js';
import { ERROR_NOTICE } from './kind.js';
import { cleanByline, splitAuthors, textDate, type KindHints } from './meta.js';
import { dateFromUrl } from './dates.js';
import { guessLanguage } from './language.js';
import { dateLineValue, isBylineLine, TOP_BLOCKS } from './metalines.js';
import type { OutBlock } from './index.js';

/** Headings of link lists that follow stories. */
const RELATED_HEAD =
  /^(related( articles| stories| news| content| coverage| posts)?|more (stories|news|from .{0,30})|read (more|next)|you (may|might) also like|recommended( for you| stories)?|most (read|popular|viewed)|latest (news|stories)|trending( now)?|also read|see also|popular (posts|stories))\s*:?$/i;

/** A one-line teaser after the story: "Related: <headline>", "Read more: <headline>". */
const RELATED_LINE = /^(related|read more|read next|see also|also read|more)\s*:\s*.{3,150}$/i;

/** Longest line taken as a title or heading. */
const TITLE_MAX = 200;
const HEADING_MAX = 90;

/** Menu-like lines: several short items separated by bars or bullets. */
const MENU_LINE = /^([^|•·»]{1,25}\s*[|•·»]\s*){2,}[^|•·»]{1,25}$/;
/** Share/social lines like "Share on Facebook Twitter Email". */
const SHARE_LINE =
  /^(share|tweet|email|print|facebook|twitter|whatsapp|linkedin|copy link|comment)s?(\s+(on|this|via|article|story|page|link|facebook|twitter|email|whatsapp|linkedin|print))*\s*$/i;
/** Photo agencies and credit words that mark a caption's credit part. */
const CREDIT =
  /\b(AFP|AP|Reuters|Getty( Images)?|EPA|Xinhua|Anadolu|Sputnik|TASS|Bloomberg|Shutterstock|Photo|Image|Credit|Pool|File)\b/;
const CAPTION_START = /^(photo|image|picture|file photo|credit|caption)\s*[:|-]/i;
/** "Firstname Lastname, Organisation" — the usual shape of a photo credit. */
const PERSON_ORG = /^[\p{Lu}][\p{L}.'’-]+(\s[\p{Lu}][\p{L}.'’-]+){1,3}\s*[,/]\s*[\p{Lu}][\p{L}&.'’ -]{1,30}$/u;
/** "Photographer, AGENCY | description" — the credit before the bar is a few words. */
const CREDIT_BAR = /^([^|]{2,60})\s[|]\s(.{20,})$/;

/** Is this line a photo caption or credit? */
export function isCaptionLine(line: string): boolean {
  if (CAPTION_START.test(line)) return true;
  const m = CREDIT_BAR.exec(line);
  if (m && m[1].split(/\s+/).length <= 7 && (CREDIT.test(m[1]) || PERSON_ORG.test(m[1]))) return true;
  if (/\((photo|image|picture)s?:?[^)]{0,60}\)\s*$/i.test(line)) return true;
  return false;
}

/** Is this line site chrome rather than story? */
export function isChromeLine(line: string): boolean {
  return line.length < 120 && (BOILER_LINE.test(line) || MENU_LINE.test(line) || SHARE_LINE.test(line));
}

/** The result of plain-text extraction. */
export interface TextResult {
  body: OutBlock[];
  captions: OutBlock[];
  meta: DocMeta;
  kindHints: KindHints;
}

/** Split plain text into units: blank-line paragraphs, with hard-wrapped lines joined back. */
function units(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
      .filter(Boolean);
    let cur = '';
    for (const l of lines) {
      // A hard-wrapped line continues the previous one when that one ran long and did not end a sentence.
      if (cur && cur.length >= 50 && !/[.!?:"”’)]$/.test(cur) && /^[\p{Ll}\d"“(]/u.test(l)) cur += ' ' + l;
      else {
        if (cur) out.push(cur);
        cur = l;
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Extract a plain-text page: cut the tail, pick the title, sort the lines, then the metadata. */
export function extractText(text: string, url: string | null): TextResult {
  const signals: string[] = [];
  const lines = cutTail(units(text), signals);
  const tIdx = titleLine(lines);
  const title = tIdx >= 0 ? lines[tIdx] : null;
  const { body, captions, byline, shownDate } = sortLines(lines, tIdx);
  const meta = emptyMeta();
  meta.title = title ? { value: title, from: 'text:first-line' } : null;
  if (byline) {
    meta.byline = { value: byline, from: 'text:byline' };
    meta.authors = splitAuthors(byline);
  }
  const ud = dateFromUrl(url);
  meta.published = ud
    ? { value: ud, from: 'url' }
    : shownDate
      ? { value: shownDate, from: 'text:date-line' }
      : textDate(body, captions, url, null);
  const lang = guessLanguage(
    body
      .map((b) => b.text)
      .join(' ')
      .slice(0, 5000),
  );
  meta.language = lang ? { value: lang, from: 'text' } : null;
  meta.statusSignals = signals;
  return {
    body,
    captions,
    meta,
    kindHints: { ogType: null, ldTypes: [], titleText: title ?? '', h1: [], articleTags: 0, description: null },
  };
}

/** A dead-page notice, or a "Related"/"Read more" list, after the story is cut with everything after it; chrome lines go. */
function cutTail(all: string[], signals: string[]): string[] {
  let lines = all;
  const size = (a: string[]) => a.reduce((n, l) => n + l.length, 0);
  const proseBefore = (i: number) => lines.slice(0, i).filter((l) => l.length >= 140).length;
  const tailCut = (re: RegExp) =>
    lines.findIndex(
      (l, i) => l.length < 120 && re.test(l) && proseBefore(i) >= 2 && size(lines.slice(i)) < size(lines.slice(0, i)),
    );
  const notice = tailCut(ERROR_NOTICE);
  if (notice > 0) {
    signals.push(`dropped-notice:${lines[notice].slice(0, 60).toLowerCase()}`);
    lines = lines.slice(0, notice);
  }
  const related = tailCut(RELATED_HEAD);
  if (related > 0) lines = lines.slice(0, related);
  // "Related: <headline>" teaser lines after the story.
  while (lines.length > 1 && RELATED_LINE.test(lines[lines.length - 1])) lines.pop();
  return lines.filter((l) => !isChromeLine(l));
}

/** The title line: the first short line before the first prose line, or -1. */
function titleLine(lines: string[]): number {
  const firstProse = lines.findIndex((l) => l.length >= 140 || (l.length >= 60 && /[.!?]["”’]?$/.test(l)));
  // Headlines do not end with a full stop; a first line that does is the story's first sentence.
  return lines.findIndex(
    (l, i) =>
      (firstProse < 0 || i < firstProse) &&
      l.length <= TITLE_MAX &&
      !/[^.]\.$/.test(l) &&
      !isCaptionLine(l) &&
      !/^by\s/i.test(l),
  );
}

/** Lines other than the title into body blocks and captions; a byline and a bare date line at the top are metadata. */
function sortLines(
  lines: string[],
  tIdx: number,
): { body: OutBlock[]; captions: OutBlock[]; byline: string | null; shownDate: string | null } {
  const body: OutBlock[] = [];
  const captions: OutBlock[] = [];
  let byline: string | null = null;
  let shownDate: string | null = null;
  lines.forEach((l, i) => {
    if (i === tIdx) return;
    if (isCaptionLine(l)) {
      captions.push({ text: l, kind: 'caption' });
      return;
    }
    if (!byline && body.length < 2 && /^(by|written by)\s+\p{Lu}/iu.test(l) && l.length < 120) {
      byline = cleanByline(l);
      return;
    }
    // A bare date line ("Published 24 February 2022") or a byline at the top of the story is metadata.
    if (body.length < TOP_BLOCKS) {
      const d = dateLineValue(l);
      if (d) {
        shownDate ??= d;
        return;
      }
      if (isBylineLine(l)) {
        byline ??= cleanByline(l);
        return;
      }
    }
    const next = lines[i + 1];
    const heading = l.length <= HEADING_MAX && !/[.!?,;:]$/.test(l) && body.length > 0 && !!next && next.length >= 80;
    body.push({ text: l, kind: heading ? 'heading' : 'paragraph' });
  });
  return { body, captions, byline, shownDate };
}
