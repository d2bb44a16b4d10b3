// Does a block open a consultation question? A cheap test on its first characters, used to cut a
// document into sections (lint's `within: section`) before the full question extraction runs.

import type { Block, Document } from '../document/model.js';

const QUESTION_LABEL =
  /^(?:\*\*|__)?\s*(?:consultation\s+)?(?:question|q)\s*\.?\s*(\d+[a-z]?(?:\.\d+)*)(?:\*\*|__)?\s*(?:[:.)–—-]|\s+[A-Z])/i;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+\S/;

/** The text of a block including its list marker ("1. Overall, do you agree…?"). */
export function blockTextWithMarker(doc: Document, block: Block): string {
  const body = doc.text.slice(block.start, block.end);
  return block.marker ? `${block.marker} ${body}` : body;
}

export function opensQuestion(doc: Document, block: Block): boolean {
  if (block.type !== 'paragraph' && block.type !== 'heading') return false;
  if (block.containers.includes('blockquote') || block.containers.includes('footnote')) return false;
  const text = blockTextWithMarker(doc, block);
  if (QUESTION_LABEL.test(text)) return true;
  // A numbered paragraph that asks something: "12. Do you agree …?" (not "2.43 As the …").
  const numbered = NUMBERED.exec(text);
  if (!numbered) return false;
  const head = text.slice(0, 600);
  return head.includes('?') && (block.marker !== undefined || numbered[1]!.length <= 6);
}
