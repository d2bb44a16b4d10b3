// Consultation questions in a response, in the forms real responses use:
//   "Question 3: Does …?"   "Q3."   "Q 3 –"   "Consultation question 12"   "**Question 5** Do …"
//   "3. Do you agree …?" (a numbered paragraph or list item that asks)
//   "### 2.3 Should the guidance …?" (a heading)
//   "Data sharing (PC-2, TD-4)", "PC-1 / PC-2" (question codes on a heading or short line)
// and not: proposed wording ("2.43 As the third sector has …"), sub-points ("i.", "a."),
// numbered recommendations ("1. Publish the data."), codes mentioned inside prose.

import type { Block, Document } from '../document/model.js';

export interface QuestionMark {
  /** Numbers as written; several when one heading carries several codes. */
  numbers: string[];
  /** The question's own text, without its label or number. */
  text: string;
  block: Block;
  /** Offset where the question starts (its label or number, or the block start). */
  start: number;
  /** Offset where its text starts. */
  textStart: number;
  textEnd: number;
}

const LABEL =
  /^(?:\*\*|__)?\s*(?:consultation\s+)?(?:question|q)\s*\.?\s*(\d+[a-z]?(?:\.\d+)*)(?:\*\*|__)?\s*(?:[:.)–—-]\s*|\s+(?=\S)|$)(?:\*\*|__)?\s*/i;
const NUMBERED = /^(?:\*\*|__)?(\d{1,3}(?:\.\d{1,3})*)(?:[.)]|(?=\s))\s+(?:\*\*|__)?/;
const CODE = /\b([A-Z]{1,4}-\d{1,3}[a-z]?)\b/g;
/** The first words of a question: an interrogative or an auxiliary verb. */
const ASKS =
  /^(?:do|does|did|is|are|was|were|can|could|should|would|will|have|has|how|what|which|who|whom|whose|why|where|when|to what extent|in what ways?|please|are there|is there|overall)\b/i;

/** Does this block open a question? The cheap test (for lint's sections). */
export function questionAt(doc: Document, block: Block): QuestionMark | undefined {
  if (block.type !== 'paragraph' && block.type !== 'heading') return undefined;
  if (block.containers.includes('blockquote') || block.containers.includes('footnote')) return undefined;
  const text = doc.text;
  if (!mayOpenQuestion(text, block)) return undefined;
  let start = block.start;
  let body = text.slice(block.start, block.end);
  // Headings keep their "#" marks in the block; list items keep their marker outside it.
  const hashes = /^#{1,6}\s+/.exec(body);
  if (hashes) {
    start += hashes[0].length;
    body = body.slice(hashes[0].length);
  }
  let full = body;
  let markerLength = 0;
  if (block.marker && /^\d/.test(block.marker)) {
    full = `${block.marker} ${body}`;
    markerLength = block.marker.length + 1;
  }

  const label = LABEL.exec(full);
  if (label) {
    return mark(doc, block, [label[1]!], start, start + label[0].length - markerLength, block.end);
  }
  const numbered = NUMBERED.exec(full);
  if (numbered) {
    const rest = full.slice(numbered[0].length);
    if (asksAQuestion(rest)) return mark(doc, block, [numbered[1]!], start, start + numbered[0].length - markerLength, block.end);
    return undefined;
  }
  // Question codes belong to headings and short standalone lines, not to prose.
  if (block.type === 'heading' || (body.length <= 120 && !body.includes('\n'))) {
    const codes = [...body.matchAll(CODE)].map((m) => m[1]!);
    if (codes.length && /^[^.!]*$/.test(body)) return mark(doc, block, codes, start, start, block.end);
  }
  return undefined;
}

/**
 * The cheap test first, as most blocks are ordinary prose: a label ("Question 3", "Q3") or a
 * number must start the block, unless it is a heading or a short line (which may carry a code).
 */
function mayOpenQuestion(text: string, block: Block): boolean {
  if (block.type === 'heading' || (block.marker && /^\d/.test(block.marker))) return true;
  const length = block.end - block.start;
  const newline = text.indexOf('\n', block.start);
  if (length <= 120 && (newline === -1 || newline >= block.end)) return true;
  const c = text.charCodeAt(block.start);
  // * _ space tab, c C q Q (consultation question, question, q), digits
  return (
    c === 42 || c === 95 || c === 32 || c === 9 || c === 99 || c === 67 || c === 113 || c === 81 || (c >= 48 && c <= 57)
  );
}

/** Does `rest` (after a number) read as a question rather than a statement? */
function asksAQuestion(rest: string): boolean {
  const firstSentence = rest.slice(0, 600);
  const q = firstSentence.indexOf('?');
  if (q === -1) return false;
  // "3.38" or "2.43 As the third sector…": text before the "?" would contain a full stop ending a sentence.
  const beforeQ = firstSentence.slice(0, q);
  if (/[.!]\s+\p{Lu}/u.test(beforeQ) && !ASKS.test(rest)) return false;
  return ASKS.test(rest.replace(/^[*_\s]+/, '')) || q < 300;
}

function mark(doc: Document, block: Block, numbers: string[], start: number, textStart: number, end: number): QuestionMark {
  const raw = doc.text.slice(textStart, end);
  // The question's text: its first paragraph, without emphasis marks.
  const text = raw.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  return { numbers, text, block, start, textStart, textEnd: end };
}

/** Every question in document order. */
export function findQuestions(doc: Document): QuestionMark[] {
  const found: QuestionMark[] = [];
  for (const block of doc.blocks) {
    const q = questionAt(doc, block);
    if (q) found.push(q);
  }
  return found;
}
