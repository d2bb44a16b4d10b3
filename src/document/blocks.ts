// Block segmentation that gives remark-parse's answer without running remark on plain prose.
//
// remark parses about 1-2 MB/s; a linter that must keep up with a regex scan cannot afford it on
// every byte. Most consultation text is runs of plain lines separated by blank lines, and for
// those remark's answer is known in advance: one paragraph per run. So we scan lines, emit those
// paragraphs ourselves, and hand every run that could contain other Markdown (lists, headings,
// fences, quotes, tables, HTML...) to remark as a self-contained region. The differential test
// (test/document-differential.test.ts) checks both paths give identical blocks and spans.

import { parseMarkdownRegion } from './markdown-parse.js';
import { IN_LIST_ITEM, makeBlock, NO_CONTAINERS, type Block, type Format, type InlineSource, type Span } from './model.js';

interface Line {
  start: number;
  /** End of content, before \r?\n. */
  end: number;
  /** Offset of the first non-space character (== end for a blank line). */
  content: number;
  /** Leading spaces; -1 when the indentation contains a tab (always left to remark). */
  indent: number;
}

/** Link reference or footnote definitions make inline parsing depend on the whole document. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** True when `text` may need the Markdown parser (anything beyond plain paragraphs). */
export function mayNeedMarkdownParser(text: string): boolean {
  return /[`<[*_#>|~=+:-]|^ {0,3}\d{1,9}[.)]|\t/m.test(text);
}

export function segmentBlocks(text: string, format: Format): Block[] {
  if (text.includes(']:') && DEFINITION.test(text)) return parseMarkdownRegion(text, 0, text.length, format);
  return segmentLines(text, format, splitLines(text, 0, text.length));
}

/**
 * Blocks of the lines in [from, to): `from` must start a line after a blank line (or the text),
 * and `to` end a line before one. Exact only when nothing outside the range can change it: see
 * hasLongRangeSyntax.
 */
export function segmentRange(text: string, format: Format, from: number, to: number): Block[] {
  return segmentLines(text, format, splitLines(text, from, to));
}

/**
 * Constructs whose effect crosses blank lines — fenced code, raw HTML blocks, link and footnote
 * definitions — or odd line endings. Without them, a chunk between blank lines can be segmented
 * on its own (with any indented chunks next to it).
 */
export function hasLongRangeSyntax(text: string, format: Format): boolean {
  return (
    text.includes('```') ||
    text.includes('~~~') ||
    text.includes(']:') ||
    (format === 'markdown' && text.includes('<')) ||
    (text.includes('\r') && /\r(?!\n)/.test(text))
  );
}

/** The segmentation proper, over lines that start a fresh context (document or chunk start). */
function segmentLines(text: string, format: Format, lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let regionStart = -1; // first line of the complex region being gathered, or -1
  let regionEnd = -1; // last line (inclusive) of that region
  // A list read on the fast path stays pending until the next chunk shows it is complete: an
  // indented chunk after it continues its last item, and then remark must see both.
  let pendingList: Chunk | undefined;
  const flushRegion = () => {
    if (regionStart < 0) return;
    const from = lines[regionStart]!.start;
    const to = lines[regionEnd]!.end;
    for (const b of parseMarkdownRegion(text, from, to, format)) blocks.push(b);
    regionStart = regionEnd = -1;
  };
  const flushList = () => {
    if (pendingList) for (const b of listBlocks(text, lines, pendingList)) blocks.push(b);
    pendingList = undefined;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.content === line.end) {
      i++;
      continue;
    }
    const chunk = readChunk(text, lines, i, format);
    i = chunk.last + 1;
    if (line.indent !== 0) {
      // Indented after a blank line: possibly a continuation of the list or region before it.
      if (regionStart >= 0) {
        regionEnd = chunk.last;
        continue;
      }
      if (pendingList) {
        regionStart = pendingList.first;
        regionEnd = chunk.last;
        pendingList = undefined;
        continue;
      }
    }
    flushRegion();
    flushList();
    switch (chunk.kind) {
      case 'paragraph':
        blocks.push(paragraph(text, lines, chunk.first, chunk.last));
        break;
      case 'heading':
        blocks.push(heading(text, lines, chunk.first));
        if (chunk.last > chunk.first) blocks.push(paragraph(text, lines, chunk.first + 1, chunk.last));
        break;
      case 'list':
        pendingList = chunk;
        break;
      case 'complex':
        regionStart = chunk.first;
        regionEnd = chunk.last;
        break;
    }
  }
  flushRegion();
  flushList();
  return blocks;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  const n = to;
  // A lone \r (old Mac line ending) also ends a line; track the next one only if there is any.
  // Searched for within [from, to] only: indexOf on the whole text would run on to the document's
  // next \r (its end, for most text), and lazy segmentation, chunk by chunk, would then cost the
  // document's length for every chunk — quadratic in a large file.
  const range = from === 0 && to >= text.length ? text : text.slice(from, to + 1);
  const crFrom = (i: number) => {
    const j = range.indexOf('\r', i - from);
    return j === -1 ? -1 : j + from;
  };
  let nextCR = crFrom(from);
  let start = from;
  while (start <= n) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl > n) nl = n;
    let next = nl + 1;
    let end = nl;
    if (nextCR !== -1 && nextCR < start) nextCR = crFrom(start);
    if (nextCR !== -1 && nextCR < nl) {
      end = nextCR;
      next = nextCR + 1 === nl ? nl + 1 : nextCR + 1;
    }
    let p = start;
    let indent = 0;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c === 32) {
        indent++;
        p++;
      } else {
        if (c === 9) indent = -1;
        break;
      }
    }
    // Tabs make indentation width depend on column arithmetic: leave those lines to remark.
    if (indent === -1) while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    lines.push({ start, end, content: p, indent });
    if (next > n) break;
    start = next;
  }
  return lines;
}

type ChunkKind = 'paragraph' | 'heading' | 'list' | 'complex';

interface Chunk {
  first: number;
  /** Index of the chunk's last line. */
  last: number;
  /**
   * paragraph: plain lines, one paragraph; heading: an ATX heading line, then plain lines;
   * list: one simple list item per line, all of one list type; complex: anything else (remark).
   */
  kind: ChunkKind;
}

function readChunk(text: string, lines: Line[], first: number, format: Format): Chunk {
  let complex = false;
  let k = first;
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.content === line.end) break;
    if (line.indent === -1) {
      complex = true;
      continue;
    }
    if (line.indent <= 3) {
      const fence = fenceOpener(text, line);
      if (fence) {
        complex = true;
        k = skipFence(text, lines, k, fence);
        continue;
      }
      const htmlEnd = format === 'markdown' ? rawHtmlEnd(text, line) : undefined;
      if (htmlEnd) {
        complex = true;
        k = skipUntil(text, lines, k, htmlEnd);
        continue;
      }
    }
  }
  const last = k - 1;
  if (complex) return { first, last, kind: 'complex' };
  return { first, last, kind: classify(text, lines, first, last, format) };
}

function classify(text: string, lines: Line[], first: number, last: number, format: Format): ChunkKind {
  const head = lines[first]!;
  const plainAfter = (from: number) => {
    for (let k = from + 1; k <= last; k++) if (!isPlainLine(text, lines[k]!, false, format)) return false;
    return true;
  };
  if (isPlainLine(text, head, true, format)) return plainAfter(first) ? 'paragraph' : 'complex';
  if (head.indent <= 3 && ATX_HEADING.test(text.slice(head.content, head.content + 8))) {
    if (first === last) return 'heading';
    return isPlainLine(text, lines[first + 1]!, true, format) && plainAfter(first + 1) ? 'heading' : 'complex';
  }
  return isSimpleList(text, lines, first, last, format) ? 'list' : 'complex';
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const LIST_ITEM = /^(?:([-+*])|\d{1,9}([.)]))( {1,4})(?=\S)/;
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

interface ItemLine {
  /** "-", "*", "+", or "." / ")" for ordered items: items of one list share it. */
  type: string;
  marker: string;
  content: number;
}

function itemLine(text: string, line: Line, format: Format): ItemLine | undefined {
  if (line.indent < 0 || line.indent > 3) return undefined;
  const rest = text.slice(line.content, line.end);
  if (THEMATIC_BREAK.test(rest)) return undefined;
  const m = LIST_ITEM.exec(rest);
  if (!m) return undefined;
  const content = line.content + m[0].length;
  // The item's own content must be plain text (not a nested list, quote, heading, fence...).
  const inner: Line = { start: content, end: line.end, content, indent: 0 };
  if (!isPlainLine(text, inner, true, format)) return undefined;
  return { type: m[1] ?? m[2]!, marker: m[0].slice(0, m[0].length - m[3]!.length), content };
}

/** Every line a list item of the same list, each less indented than the previous item's content. */
function isSimpleList(text: string, lines: Line[], first: number, last: number, format: Format): boolean {
  let previous: { type: string; contentColumn: number } | undefined;
  for (let k = first; k <= last; k++) {
    const line = lines[k]!;
    const item = itemLine(text, line, format);
    if (!item) return false;
    if (previous && (item.type !== previous.type || line.indent >= previous.contentColumn)) return false;
    previous = { type: item.type, contentColumn: item.content - line.start };
  }
  return true;
}

function listBlocks(text: string, lines: Line[], chunk: Chunk): Block[] {
  const blocks: Block[] = [];
  for (let k = chunk.first; k <= chunk.last; k++) {
    const line = lines[k]!;
    const item = itemLine(text, line, 'markdown')!;
    blocks.push(textBlock(text, item.content, line.end, 'paragraph', IN_LIST_ITEM, undefined, item.marker));
  }
  return blocks;
}

/** Could this line only be paragraph text (as first line, or as a continuation line)? */
function isPlainLine(text: string, line: Line, first: boolean, format: Format): boolean {
  if (line.indent >= 4) return !first; // indented: code (or plain-text oddity) first, continuation after
  const c = text[line.content]!;
  switch (c) {
    case '#':
    case '>':
    case '|':
    case ':':
    case '`':
    case '~':
      return false;
    case '*':
    case '_':
    case '+':
      // "**Bold**", "*em*", "_em_", "+44": inline text. A bullet needs a space after it, and a
      // thematic break is a line of *, - or _ only.
      return !startsBlockWithMarker(text, line);
    case '=':
      return format === 'text';
    case '<':
      return format === 'text';
    case '-': {
      // A lone "-" on a continuation line is text when setext underlines are off (plain text):
      // an empty list item cannot interrupt a paragraph.
      if (!first && format === 'text' && /^-[ \t]*$/.test(text.slice(line.content, line.end))) return true;
      // "-word" is text; "- item", "---" and a setext underline are not.
      return !startsBlockWithMarker(text, line) && !/^-+[ \t]*$/.test(text.slice(line.content, line.end));
    }
    default:
      if (c >= '0' && c <= '9') return !/^\d{1,9}[.)](?:[ \t]|$)/.test(text.slice(line.content, line.content + 12));
      return true;
  }
}

/** A bullet (marker then space or end of line) or a thematic break at the start of the line. */
function startsBlockWithMarker(text: string, line: Line): boolean {
  const next = text[line.content + 1];
  if (next === undefined || next === ' ' || next === '\t' || line.content + 1 >= line.end) return true;
  return THEMATIC_BREAK.test(text.slice(line.content, line.end));
}

function fenceOpener(text: string, line: Line): { char: string; length: number } | undefined {
  const c = text[line.content];
  if (c !== '`' && c !== '~') return undefined;
  let p = line.content;
  while (p < line.end && text[p] === c) p++;
  const length = p - line.content;
  if (length < 3) return undefined;
  if (c === '`' && text.slice(p, line.end).includes('`')) return undefined;
  return { char: c, length };
}

function skipFence(text: string, lines: Line[], opener: number, fence: { char: string; length: number }): number {
  for (let k = opener + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.indent < 0 || line.indent > 3) continue;
    const run = text.slice(line.content, line.end);
    const m = /^([`~]+)[ \t]*$/.exec(run);
    if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) return k;
  }
  return lines.length - 1;
}

/** HTML blocks of CommonMark types 1-5 run until an end marker, across blank lines. */
function rawHtmlEnd(text: string, line: Line): string | undefined {
  if (text[line.content] !== '<') return undefined;
  const head = text.slice(line.content, Math.min(line.end, line.content + 12)).toLowerCase();
  if (head.startsWith('<!--')) return '-->';
  if (head.startsWith('<?')) return '?>';
  if (head.startsWith('<![cdata[')) return ']]>';
  if (/^<![a-z]/.test(head)) return '>';
  const m = /^<(script|pre|style|textarea)(?:[\s>]|$)/.exec(head);
  if (m) return `</${m[1]}>`;
  return undefined;
}

function skipUntil(text: string, lines: Line[], from: number, endMarker: string): number {
  const firstLine = lines[from]!;
  // The end marker may sit on the opening line itself (after the opener).
  const openerLength = endMarker === '-->' ? 4 : 2;
  if (text.slice(firstLine.content + openerLength, firstLine.end).toLowerCase().includes(endMarker)) return from;
  for (let k = from + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (text.slice(line.start, line.end).toLowerCase().includes(endMarker)) return k;
  }
  return lines.length - 1;
}

/** The markup of every plain block: shared, as nothing adds to it. */
const NO_SPANS: readonly Span[] = [];
const STRUCTURAL_INLINE = /`|<[A-Za-z/!?]|\]\(/;
const EMPHASIS_INLINE = /\*|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

function paragraph(text: string, lines: Line[], first: number, last: number): Block {
  return textBlock(text, lines[first]!.content, lines[last]!.end, 'paragraph', NO_CONTAINERS);
}

function heading(text: string, lines: Line[], index: number): Block {
  const line = lines[index]!;
  const depth = /^#+/.exec(text.slice(line.content, line.content + 7))![0].length;
  return textBlock(text, line.content, line.end, 'heading', NO_CONTAINERS, depth);
}

function textBlock(
  text: string,
  start: number,
  end: number,
  type: 'paragraph' | 'heading',
  containers: Block['containers'],
  depth?: number,
  marker?: string,
): Block {
  const body = text.slice(start, end);
  // indexOf first: most paragraphs have none of these characters, and the regexes cost more.
  const structural =
    body.includes('`') || (body.includes('<') && STRUCTURAL_INLINE.test(body)) || body.includes('](');
  const emphasis = body.includes('*') || (body.includes('_') && EMPHASIS_INLINE.test(body));
  const inline: InlineSource = {
    start,
    end,
    plain: !structural && !emphasis,
    emphasisOnly: !structural && emphasis,
  };
  if (inline.plain) inline.markup = NO_SPANS;
  return makeBlock({ type, start, end, containers, inline, depth, marker });
}
