// Sentences with exact offsets, over "passages": a block, joined with the blocks that continue it
// across a page break or hard wrap ("… without explicit" / blank line / "recommendations and …"),
// so that a sentence broken that way is one sentence.

import type { Block, Document } from '../document/model.js';

export interface Passage {
  blocks: Block[];
  start: number;
  end: number;
}

export interface Sentence {
  /** Offsets in the document text: the sentence without leading sub-point labels or marks. */
  start: number;
  end: number;
  passage: Passage;
}

/** Joins a block to the next when it stops mid-sentence and the next goes on in lower case. */
export function passagesOf(doc: Document, blocks: readonly Block[]): Passage[] {
  const passages: Passage[] = [];
  for (const block of blocks) {
    const last = passages[passages.length - 1];
    if (last && continues(doc, last.blocks[last.blocks.length - 1]!, block)) {
      last.blocks.push(block);
      last.end = block.end;
    } else {
      passages.push({ blocks: [block], start: block.start, end: block.end });
    }
  }
  return passages;
}

function continues(doc: Document, before: Block, after: Block): boolean {
  if (after.marker !== undefined || after.type !== 'paragraph' || after.containers.length > 0) return false;
  const tail = doc.text.slice(Math.max(before.start, before.end - 3), before.end).trimEnd();
  if (/[.!?:;”"’)*]$/.test(tail)) return false;
  return /^\p{Ll}/u.test(doc.text.slice(after.start, after.start + 1));
}

let segmenter: Intl.Segmenter | undefined;
/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|cf|vs|viz|approx|para|paras|no|nos|pp|ch|fig|Mr|Mrs|Ms|Dr|St|Prof|Cllr|Rt|Hon)\.\s*$/i;
/** A sub-point label or emphasis marks at the start of a sentence: not part of its text. */
const LEAD = /^(?:\s|\*\*|__|[*_])*(?:(?:[ivxlc]+|[a-z]|\d{1,2})[.)]\s+)?(?:\s|\*\*|__|[*_])*/i;

export function sentencesOf(doc: Document, passage: Passage): Sentence[] {
  // Line breaks inside a passage are spaces to the segmenter (ICU breaks a sentence at every
  // line break otherwise); same length, so offsets stay exact.
  const body = doc.text.slice(passage.start, passage.end).replace(/[\r\n]/g, ' ');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const raw: Array<[number, number]> = [];
  for (const s of segmenter.segment(body)) {
    const from = s.index;
    const to = s.index + s.segment.length;
    const previous = raw[raw.length - 1];
    // ICU breaks after "e.g." or "para." before a capital; join those back.
    if (previous && ABBREVIATION.test(body.slice(previous[0], previous[1]))) previous[1] = to;
    else raw.push([from, to]);
  }
  const out: Sentence[] = [];
  for (const [from, to] of raw) {
    const slice = body.slice(from, to);
    const lead = LEAD.exec(slice)![0].length;
    let end = to;
    while (end > from + lead && /\s/.test(body[end - 1]!)) end--;
    if (end > from + lead) out.push({ start: passage.start + from + lead, end: passage.start + end, passage });
  }
  return out;
}
