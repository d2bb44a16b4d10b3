// Blocks found lazily: the block at an offset is segmented from its own chunk of text (the lines
// between blank lines, with any indented chunks that may belong to it), not from the whole
// document. A linter asks about a few places per document; it should not pay for the rest.
// Gives the same blocks as segmenting everything (checked in test/document-differential.test.ts).

import { hasLongRangeSyntax, segmentBlocks, segmentRange } from './blocks.js';
import type { Block, Format } from './model.js';
import { firstStartingAt } from './order.js';
import { refinePlainTextBlocks } from './plain-text.js';

interface Segment {
  start: number;
  end: number;
  blocks: Block[];
}

export class BlockIndex {
  private all: Block[] | undefined;
  /** Segmented ranges, sorted by start, non-overlapping. */
  private readonly segments: Segment[] = [];
  private readonly local: boolean;
  /** The block `at` found last. */
  private last: Block | undefined;

  constructor(
    private readonly text: string,
    private readonly format: Format,
  ) {
    this.local = !hasLongRangeSyntax(text, format);
  }

  blocks(): Block[] {
    if (!this.all) {
      this.all = this.refine(segmentBlocks(this.text, this.format));
      this.last = undefined; // from now on, hand out the whole document's block objects only
    }
    return this.all;
  }

  at(offset: number): Block | undefined {
    // The checks on one candidate ask for the same block several times in a row.
    const last = this.last;
    if (last !== undefined && offset >= last.start && offset < last.end) return last;
    const block = this.find(offset);
    if (block) this.last = block;
    return block;
  }

  private find(offset: number): Block | undefined {
    if (this.all || !this.local) return findBlock(this.blocks(), offset);
    let segment = this.segmentAt(offset);
    if (!segment) {
      const ls = lineStart(this.text, offset);
      if (isBlank(this.text, ls, lineEnd(this.text, ls))) return undefined; // between blocks
      const [start, end] = this.rangeAround(ls);
      segment = { start, end, blocks: this.refine(segmentRange(this.text, this.format, start, end)) };
      this.insert(segment);
    }
    return findBlock(segment.blocks, offset);
  }

  /** Every block that starts in [from, to), in order, segmenting only what is needed. */
  blocksIn(from: number, to: number): Block[] {
    const out: Block[] = [];
    this.someBlockIn(from, to, (b) => {
      out.push(b);
      return false;
    });
    return out;
  }

  /**
   * Does some block starting in [from, to) satisfy `test`? Segments chunk by chunk and stops at
   * the first that does.
   */
  someBlockIn(from: number, to: number, test: (block: Block) => boolean): boolean {
    if (this.all || !this.local) {
      // A search for the first block, not a scan: lint asks this for every candidate, and with
      // every block built (extract and compare build them) a scan made a large file quadratic.
      const blocks = this.blocks();
      for (let i = firstStartingAt(blocks, from); i < blocks.length && blocks[i]!.start < to; i++) {
        if (test(blocks[i]!)) return true;
      }
      return false;
    }
    // No block starts at or past the text's end; stopping there also keeps `o` (past the last
    // chunk's end) from leading back to the last line, which looped for ever.
    const end = Math.min(to, this.text.length);
    let o = from;
    while (o < end) {
      const ls = nextNonBlankLine(this.text, o === 0 ? -1 : lineStart(this.text, o) - 1);
      if (ls < 0 || ls >= to) break;
      this.at(ls);
      const segment = this.segmentAt(ls)!;
      for (const b of segment.blocks) if (b.start >= from && b.start < to && b.start >= o && test(b)) return true;
      o = segment.end + 1;
    }
    return false;
  }

  /** Keep `segments` sorted: most arrive in document order (an append), so search, don't scan. */
  private insert(segment: Segment): void {
    const list = this.segments;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start > segment.start) hi = mid;
      else lo = mid + 1;
    }
    if (lo === list.length) list.push(segment);
    else list.splice(lo, 0, segment);
  }

  private segmentAt(offset: number): Segment | undefined {
    const list = this.segments;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset > s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /**
   * The lines that must be segmented together to know the block on the line starting at `ls`:
   * its chunk (lines between blank lines), back to the nearest chunk that starts unindented (an
   * indented chunk may continue a list item), and on over indented chunks that follow.
   */
  private rangeAround(ls: number): [number, number] {
    const text = this.text;
    let start = chunkStart(text, ls);
    while (isIndented(text, start)) {
      const prev = previousNonBlankLine(text, start);
      if (prev < 0) break;
      start = chunkStart(text, prev);
    }
    let end = chunkEnd(text, ls);
    for (;;) {
      const next = nextNonBlankLine(text, end);
      if (next < 0 || !isIndented(text, next)) break;
      end = chunkEnd(text, next);
    }
    return [start, end];
  }

  private refine(blocks: Block[]): Block[] {
    return this.format === 'text' ? refinePlainTextBlocks(this.text, blocks) : blocks;
  }
}

function findBlock(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** Start of the line containing `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that contains `offset` (or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function isIndented(text: string, lineStartOffset: number): boolean {
  const c = text.charCodeAt(lineStartOffset);
  return c === 32 || c === 9;
}

/** Start of the chunk (run of non-blank lines) containing the line that starts at `ls`. */
function chunkStart(text: string, ls: number): number {
  let s = ls;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    if (isBlank(text, prev, s - 1)) break;
    s = prev;
  }
  return s;
}

/** End (line break offset) of the chunk containing the line that starts at `ls`. */
function chunkEnd(text: string, ls: number): number {
  let e = lineEnd(text, ls);
  while (e < text.length) {
    const next = lineEnd(text, e + 1);
    if (isBlank(text, e + 1, next)) break;
    e = next;
  }
  return e;
}

function previousNonBlankLine(text: string, ls: number): number {
  let s = ls;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    if (!isBlank(text, prev, s - 1)) return prev;
    s = prev;
  }
  return -1;
}

function nextNonBlankLine(text: string, end: number): number {
  let e = end;
  while (e < text.length) {
    const start = e + 1;
    const next = lineEnd(text, start);
    if (!isBlank(text, start, next)) return start;
    e = next;
  }
  return -1;
}
