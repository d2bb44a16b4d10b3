// What a word processor's text export means that Markdown cannot say.
//
// Plain text goes through the Markdown parser, but text saved from Word often has one paragraph
// per line with no blank line between (a news article, a signature block), "·" bullets, "¹"
// footnotes and headings that are just short lines. These refinements run on plain text only,
// after segmentation, identically on the fast path and the remark path.

import { isAsciiWordChar, isWhiteSpace } from './chars.js';
import { makeBlock, NO_CONTAINERS, type Block, type ContainerType } from './model.js';

const BULLET = /^([·•▪◦‣●○■□➢✓✔])[ \t\u00a0]+/;
const SUPERSCRIPT_LABEL = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)[ \t\u00a0]*/;
const STARTS_NEW = /^(?:[\p{Lu}\p{Nd}“"‘'(£$€]|\*\*|[·•▪◦‣●○■□➢✓✔][ \t\u00a0])/u;
const ENDS_SENTENCE = /[.!?…:][”"’')\]*¹²³⁴⁵⁶⁷⁸⁹⁰]*$|[¹²³⁴⁵⁶⁷⁸⁹⁰]$/;
const ENDS_WITH_ADDRESS = /^(?:\S+\.[a-z]{2,}\/?\S*|\S+@\S+)$/i;
/** A hard-wrapped line is long; a line this short that ends a run is a line of its own. */
const SHORT_LINE = 60;

export function refinePlainTextBlocks(text: string, blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph' && block.containers.length === 0) {
      for (const piece of softParagraphs(text, block)) out.push(classify(text, piece));
    } else {
      out.push(block);
    }
  }
  // A "heading" followed by text going on in lower case is a sentence cut by a page break.
  for (let i = 0; i + 1 < out.length; i++) {
    const b = out[i]!;
    if (b.type === 'heading' && b.depth === 0 && /^\p{Ll}/u.test(text[out[i + 1]!.start] ?? '')) {
      out[i] = makeBlock({ ...b, type: 'paragraph', depth: undefined });
    }
  }
  return out;
}

/** Split a paragraph where a line break in plain text is really a paragraph break. */
function softParagraphs(text: string, block: Block): Block[] {
  // Most blocks are one line (a paragraph per line, as word processors save them): nothing to split.
  const firstBreak = text.indexOf('\n', block.start);
  if (firstBreak === -1 || firstBreak >= block.end) return [block];
  const pieces: Block[] = [];
  let pieceStart = block.start;
  let boldOpen = false;
  // Each line but the last, as `prev`, with the line after it, walked by offsets (this runs on
  // every hard-wrapped paragraph: no array of lines).
  for (let ls = block.start; ; ) {
    const nl = lineBreakBefore(text, ls, block.end);
    const next = nl + 1;
    if (nl >= block.end || next >= block.end) break;
    const prev = text.slice(ls, withoutCR(text, ls, nl)).trimEnd();
    boldOpen = countOf(prev, '**') % 2 === 1 ? !boldOpen : boldOpen;
    if (!boldOpen) {
      const nextLine = text.slice(next, withoutCR(text, next, lineBreakBefore(text, next, block.end)));
      const nextText = nextLine.trimStart();
      if (breaksParagraph(prev, nextText)) {
        pieces.push(piece(text, block, pieceStart, withoutCR(text, ls, nl)));
        pieceStart = next + (nextLine.length - nextText.length);
      }
    }
    ls = next;
  }
  pieces.push(piece(text, block, pieceStart, block.end));
  return pieces;
}

/** The offset of the first \n at or after `from`, or `end` if there is none before it. */
function lineBreakBefore(text: string, from: number, end: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 || nl > end ? end : nl;
}

/** The end of the line [start, end) without a \r before its \n. */
function withoutCR(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function breaksParagraph(prev: string, next: string): boolean {
  // Bullets and superscript footnotes start lines of their own.
  const first = next.charCodeAt(0);
  if ((isBulletChar(first) && BULLET.test(next)) || isSuperscriptDigit(first)) return true;
  if (!startsNew(next, first)) return false;
  // A bullet is one line in a word processor's export: a capitalised line after it is new.
  if (BULLET.test(prev.trimStart())) return true;
  if (prev.length <= SHORT_LINE) return true;
  // Only the line's end matters: test its last word, not the whole line (an end-anchored regex
  // would be retried from every position of a long line).
  const lastWord = prev.slice(prev.lastIndexOf(' ') + 1);
  return ENDS_SENTENCE.test(lastWord) || ENDS_WITH_ADDRESS.test(lastWord);
}

/** STARTS_NEW, answered from the first character where it is ASCII (most lines). */
function startsNew(line: string, first: number): boolean {
  if (first >= 128) return STARTS_NEW.test(line);
  // A-Z, 0-9, " ' ( $, or "**"
  return (
    (first >= 65 && first <= 90) || (first >= 48 && first <= 57) || first === 34 || first === 39 || first === 40 ||
    first === 36 || (first === 42 && line.charCodeAt(1) === 42)
  );
}

function piece(text: string, parent: Block, start: number, end: number): Block {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return makeBlock({ type: 'paragraph', start, end: e, containers: NO_CONTAINERS, inline: parent.inline });
}

/** · • ▪ ◦ ‣ ● ○ ■ □ ➢ ✓ ✔ (the characters of BULLET) */
function isBulletChar(c: number): boolean {
  return (
    c === 0xb7 || c === 0x2022 || c === 0x2023 || c === 0x25aa || c === 0x25e6 || c === 0x25cf ||
    c === 0x25cb || c === 0x25a0 || c === 0x25a1 || c === 0x27a2 || c === 0x2713 || c === 0x2714
  );
}

/** ¹ ² ³ ⁰ ⁴-⁹ (the characters of SUPERSCRIPT_LABEL) */
function isSuperscriptDigit(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/** Bullets, superscript footnotes and heading-like lines. */
function classify(text: string, block: Block): Block {
  // Most blocks are ordinary paragraphs: rule them out on their first character and length.
  const first = text.charCodeAt(block.start);
  const bullet = isBulletChar(first);
  const superscript = !bullet && isSuperscriptDigit(first);
  if (!bullet && !superscript && first !== 42 && block.end - block.start > 80) return block;
  const body = text.slice(block.start, block.end);
  // The regexes are anchored at the start: they can only match after their first character.
  const bulletMatch = bullet ? BULLET.exec(body) : null;
  if (bulletMatch) return withContainer(block, 'list-item', bulletMatch[1]!, bulletMatch[0].length);
  const label = superscript ? SUPERSCRIPT_LABEL.exec(body) : null;
  if (label) return withContainer(block, 'footnote', label[1]!, label[0].length);
  if (looksLikeHeading(body)) return makeBlock({ ...block, type: 'heading', depth: 0 });
  return block;
}

function withContainer(block: Block, container: ContainerType, marker: string, skip: number): Block {
  return makeBlock({ ...block, start: block.start + skip, containers: [container], marker });
}

const TWO_LETTERS = /\p{L}[^]*\p{L}/u;
const LABEL_VALUE = /^[\p{Lu}][\p{L} ]{0,24}:\s+\S/u;

/**
 * A short line standing alone, with no sentence punctuation at its end, reads as a heading
 * ("Introduction", "About Children England", "What needs to change?"); so does a paragraph set
 * wholly in bold, as Word exports headings.
 */
export function looksLikeHeading(body: string): boolean {
  if (body.charCodeAt(0) === 42 && body.charCodeAt(1) === 42 && /^\*\*[^*]+\*\*$/.test(body)) {
    const inner = body.slice(2, -2).trim();
    return wordCount(inner) <= 40 && !endsWithAny(inner, ENDS_BOLD_PARAGRAPH);
  }
  // Cheapest tests first: this runs on every short line of a document.
  if (body.length > 80 || body.includes('\n')) return false;
  if (endsWithAny(body, ENDS_SENTENCE_OR_CLAUSE)) return false;
  if (!/^[“"‘'(]?[\p{Lu}\p{Nd}]/u.test(body)) return false;
  if (wordCount(body) > 12) return false;
  // A title does not end on a word that needs more after it.
  if (DANGLING_WORDS.has(lastWordChars(body).toLowerCase())) return false;
  if (!TWO_LETTERS.test(body)) return false;
  if (/@|:\/\/|www\./.test(body)) return false;
  if (LABEL_VALUE.test(body)) return false;
  return true;
}

/** . , ; : ! — a line ending on one of these is a sentence or a clause, not a title. */
const ENDS_SENTENCE_OR_CLAUSE = [46, 44, 59, 58, 33];
/** . ; , — a bold paragraph ending on one of these is text set in bold, not a heading. */
const ENDS_BOLD_PARAGRAPH = [46, 59, 44];

/** Does `s` end with one of these characters? (An end-anchored regex is tried from every position.) */
function endsWithAny(s: string, codes: readonly number[]): boolean {
  return s.length > 0 && codes.includes(s.charCodeAt(s.length - 1));
}

const DANGLING_WORDS = new Set(
  'a an the and or but of to for in on at by with without from into than that which who as'.split(' '),
);

/** The run of word characters (\w: ASCII letters, digits, _) that ends `s`, if any. */
function lastWordChars(s: string): string {
  let i = s.length;
  while (i > 0 && isAsciiWordChar(s.charCodeAt(i - 1))) i--;
  return s.slice(i);
}

/** Words separated by white space (counted without splitting: this runs on every short line). */
function wordCount(s: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    if (isWhiteSpace(s.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

function countOf(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}
