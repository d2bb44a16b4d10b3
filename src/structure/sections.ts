// Sections: a document cut at headings and at the questions of a consultation response.

import type { Block, Document } from '../document/model.js';
import { questionAt } from './questions.js';

export interface Section {
  readonly start: number;
  readonly end: number;
}

// Blocks belong to one document, so the answer is kept per block: lint asks "same section?" for
// many pairs of places, over overlapping runs of blocks.
const startsSectionCache = new WeakMap<Block, boolean>();

/** Does a new section begin with this block? */
export function startsSection(doc: Document, block: Block): boolean {
  let starts = startsSectionCache.get(block);
  if (starts === undefined) {
    starts = block.type === 'heading' || questionAt(doc, block) !== undefined;
    startsSectionCache.set(block, starts);
  }
  return starts;
}

/** Are offsets a and b in the same section (no heading or question starts in (a, b])? */
export function sameSection(doc: Document, a: number, b: number): boolean {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return !doc.someBlockIn(from + 1, to + 1, (block) => startsSection(doc, block));
}

export function computeSections(doc: Document): Section[] {
  const starts = [0];
  for (const block of doc.blocks) {
    if (startsSection(doc, block)) {
      // A list item's section starts at its marker line, not after it.
      const at = doc.lines.lineStart(doc.lines.position(block.start).line);
      if (at > starts[starts.length - 1]!) starts.push(at);
    }
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? doc.text.length }));
}

/** The section containing `offset` (sections are sorted and cover the whole text). */
export function sectionAt(sections: readonly Section[], offset: number): Section {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sections[lo]!;
}
