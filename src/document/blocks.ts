// Block segmentation that gives remark-parse's answer without running remark on plain prose.
//
// remark parses about 1-2 MB/s; a linter that must keep up with a regex scan cannot afford it on
// every byte. Most consultation text is runs of plain lines separated by blank lines, and for
// those remark's answer is known in advance: one paragraph per run. So we scan lines, emit those
// paragraphs ourselves, and hand every run that could contain other Markdown (lists, headings,
// fences, quotes, tables, HTML...) to remark as a self-contained region. The differential test
// (test/document-differential.test.ts) checks both paths give identical blocks and spans.

import { parseMarkdownRegion } from './markdown-parse.js';
import type { Block, Format, InlineSource } from './model.js';

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
  if (DEFINITION.test(text)) return parseMarkdownRegion(text, 0, text.length, format);
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let i = 0;
  let regionStart = -1; // first line of the complex region being gathered, or -1
  let regionEnd = -1; // last line (inclusive) of that region
  const flushRegion = () => {
    if (regionStart < 0) return;
    const from = lines[regionStart]!.start;
    const to = lines[regionEnd]!.end;
    for (const b of parseMarkdownRegion(text, from, to, format)) blocks.push(b);
    regionStart = regionEnd = -1;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.content === line.end) {
      i++;
      continue;
    }
    const chunk = readChunk(text, lines, i, format);
    const continuesRegion = regionStart >= 0 && line.indent !== 0;
    if (chunk.simple && !continuesRegion) {
      flushRegion();
      blocks.push(paragraph(text, lines, i, chunk.last));
    } else {
      if (regionStart < 0) regionStart = i;
      regionEnd = chunk.last;
    }
    i = chunk.last + 1;
  }
  flushRegion();
  return blocks;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  // A lone \r (old Mac line ending) also ends a line; track the next one only if there is any.
  let nextCR = text.indexOf('\r');
  let start = 0;
  while (start <= n) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = n;
    let next = nl + 1;
    let end = nl;
    if (nextCR !== -1 && nextCR < start) nextCR = text.indexOf('\r', start);
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

interface Chunk {
  /** Index of the chunk's last line. */
  last: number;
  /** Every line is plain paragraph text: remark would return exactly one paragraph. */
  simple: boolean;
}

function readChunk(text: string, lines: Line[], first: number, format: Format): Chunk {
  let simple = true;
  let k = first;
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.content === line.end) break;
    if (line.indent === -1) {
      simple = false;
      continue;
    }
    if (line.indent <= 3) {
      const fence = fenceOpener(text, line);
      if (fence) {
        simple = false;
        k = skipFence(text, lines, k, fence);
        continue;
      }
      const htmlEnd = format === 'markdown' ? rawHtmlEnd(text, line) : undefined;
      if (htmlEnd) {
        simple = false;
        k = skipUntil(text, lines, k, htmlEnd);
        continue;
      }
    }
    if (simple && !isPlainLine(text, line, k === first, format)) simple = false;
  }
  return { last: k - 1, simple };
}

/** Could this line only be paragraph text (as first line, or as a continuation line)? */
function isPlainLine(text: string, line: Line, first: boolean, format: Format): boolean {
  if (line.indent >= 4) return !first; // indented: code (or plain-text oddity) first, continuation after
  const c = text[line.content]!;
  switch (c) {
    case '#':
    case '>':
    case '*':
    case '_':
    case '+':
    case '|':
    case ':':
    case '`':
    case '~':
      return false;
    case '=':
      return format === 'text';
    case '<':
      return format === 'text';
    case '-': {
      // A lone "-" on a continuation line is text when setext underlines are off (plain text):
      // an empty list item cannot interrupt a paragraph.
      if (!first && format === 'text' && /^-[ \t]*$/.test(text.slice(line.content, line.end))) return true;
      return false;
    }
    default:
      if (c >= '0' && c <= '9') return !/^\d{1,9}[.)](?:[ \t]|$)/.test(text.slice(line.content, line.content + 12));
      return true;
  }
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

const STRUCTURAL_INLINE = /`|<[A-Za-z/!?]|\]\(/;
const EMPHASIS_INLINE = /\*|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

function paragraph(text: string, lines: Line[], first: number, last: number): Block {
  const start = lines[first]!.content;
  const end = lines[last]!.end;
  const body = text.slice(start, end);
  const structural = STRUCTURAL_INLINE.test(body);
  const emphasis = EMPHASIS_INLINE.test(body);
  const inline: InlineSource = {
    start,
    end,
    plain: !structural && !emphasis,
    emphasisOnly: !structural && emphasis,
  };
  if (inline.plain) inline.markup = [];
  return { type: 'paragraph', start, end, containers: [], inline };
}
