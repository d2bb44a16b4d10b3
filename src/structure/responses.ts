// A document as responses: one response (a single organisation's, or a report or blog that is
// not a response at all), or several when the document summarises several organisations'
// responses under their names — each name on a line of its own, then paragraphs about it.

import type { Block, Document } from '../document/model.js';
import type { DocumentKind } from '../extract/types.js';
import { findQuestions, type QuestionMark } from './questions.js';

export interface ResponsePart {
  /** Blocks of this response, in order. */
  blocks: Block[];
  /** The organisation's name when the document named it on a line of its own (summaries). */
  heading?: string;
}

export interface DocumentStructure {
  kind: DocumentKind;
  parts: ResponsePart[];
  questions: QuestionMark[];
}

const RESPONSE_WORDS = /\b(?:response|respond|responding|submission|consultation|question)\b/i;

export function structureOf(doc: Document): DocumentStructure {
  const blocks = [...doc.blocks];
  const questions = findQuestions(doc);
  // Nothing but whitespace: no response to attribute (not one named after the file).
  if (blocks.length === 0) return { kind: 'other', parts: [], questions };
  if (questions.length === 0) {
    const sections = organisationSections(doc, blocks);
    if (sections.length >= 2) return { kind: 'summary', parts: sections, questions };
  }
  const head = blocks.slice(0, 8).map((b) => doc.text.slice(b.start, b.end)).join(' ');
  const kind: DocumentKind = questions.length > 0 || RESPONSE_WORDS.test(head) ? 'response' : 'other';
  return { kind, parts: [{ blocks }], questions };
}

/**
 * Organisation sections: a heading-like line, then a paragraph that names it (or its initials:
 * "Association of Directors of Children’s Services" … "The ADCS"). A heading that is not followed
 * by such a paragraph ends the last section ("Register Now to Continue Reading").
 */
function organisationSections(doc: Document, blocks: Block[]): ResponsePart[] {
  const parts: ResponsePart[] = [];
  let current: ResponsePart | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading') {
      const name = doc.text.slice(b.start, b.end).replace(/\*\*|__/g, '').trim();
      const next = blocks[i + 1];
      if (next && next.type !== 'heading' && namesOrganisation(doc.text.slice(next.start, next.end), name)) {
        current = { blocks: [], heading: name };
        parts.push(current);
        continue;
      }
      current = undefined; // furniture or another kind of heading: not part of a response
      continue;
    }
    current?.blocks.push(b);
  }
  return parts;
}

function namesOrganisation(paragraph: string, name: string): boolean {
  if (name.length > 80 || name.split(/\s+/).length > 8) return false;
  const head = paragraph.slice(0, 400);
  if (head.includes(name)) return true;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 && new RegExp(`\\b${initials}\\b`).test(head);
}
