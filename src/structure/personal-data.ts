// Personal data in a response: names given as contacts, email addresses, phone numbers. Always
// detected, so that every output can keep them out unless --include-personal-data is given.

import { findEmails } from '../document/emails.js';
import type { Document } from '../document/model.js';
import { firstStartingAt } from '../document/order.js';

export interface PersonalSpan {
  kind: 'name' | 'email' | 'phone';
  start: number;
  end: number;
}

// UK numbers (020 7793 2321, 01632 960 123, +44 20 7946 0958) and other international forms.
const PHONE = /(?<![\w.])(?:\+\d{1,3}[ \t-]?)?\(?0?\d{2,5}\)?[ \t-]?\d{3,4}[ \t-]?\d{3,4}(?!\w|\.\d)/g;
// "Contact: Olof Jonsdottir", "Contact name: …", "Author: …": a label and its colon, then a name.
const LABEL_SOURCE = '(?:contact(?:[ \\t]+name)?|author|name|written by|prepared by)[ \\t]*:';
export const LABELLED_NAME = new RegExp(
  `\\b${LABEL_SOURCE}[ \\t]*((?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?[ \\t]+)?(\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+\\p{Lu}[\\p{L}'’-]+){1,3})`,
  'giu',
);
const LABELLED_NAME_AT = new RegExp(LABELLED_NAME.source, 'iuy');
/**
 * Where LABELLED_NAME can start: the label alone, without the \b and the Unicode name classes
 * that make a search with LABELLED_NAME slow (it is tried at every character). The labels are
 * ASCII letters with no Unicode case variants (no k or s), so this finds every start it has.
 */
const LABEL = new RegExp(LABEL_SOURCE, 'gi');
const PERSON_NAME = /^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$/u;
/** Words that make a capitalised line an organisation or a role, not a person. */
const NOT_A_PERSON =
  /\b(?:coalition|council|trust|trusts|association|england|network|society|partnership|forum|alliance|federation|foundation|group|services?|university|department|ltd|limited|charity|bureau|union|agency|board|office|institute|centre|center|team|officer|manager|director|policy|unit|programme|project|children|young|people|families|development|regional|national|local|committee|commission|response|consultation)\b/i;

export function findPersonalData(doc: Document): PersonalSpan[] {
  const text = doc.text;
  const spans: PersonalSpan[] = [];
  for (const [start, end] of findEmails(text)) spans.push({ kind: 'email', start, end });
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 9 && digits.length <= 13 && !/^(?:19|20)\d\d$/.test(m[0].trim())) {
      spans.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of labelledNames(text)) {
    const name = m[2]!;
    if (NOT_A_PERSON.test(name)) continue;
    const start = m.index + m[0].length - name.length - (m[1]?.length ?? 0);
    spans.push({ kind: 'name', start, end: m.index + m[0].length });
  }
  // "For more information …, contact:" followed by a name on a line of its own.
  const contactIntro = /\bcontact\s*:?\s*$/im;
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const body = text.slice(block.start, block.end);
    if (!contactIntro.test(body)) continue;
    const next = blocks[i + 1];
    if (!next) continue;
    const firstLine = text.slice(next.start, next.end).split('\n')[0]!.trim();
    if (PERSON_NAME.test(firstLine) && !NOT_A_PERSON.test(firstLine)) {
      spans.push({ kind: 'name', start: next.start, end: next.start + firstLine.length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
}

/**
 * The matches of LABELLED_NAME in `text`, as a global search finds them, found by trying it only
 * where a label and its colon are (0.57-0.59 s -> 0.08 s over 50 MB of responses).
 */
export function labelledNames(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let resume = 0;
  LABEL.lastIndex = 0;
  for (let label = LABEL.exec(text); label; label = LABEL.exec(text)) {
    const at = label.index;
    // Every start, overlapping ones too ("name:" inside "contact name:").
    LABEL.lastIndex = at + 1;
    if (at < resume) continue;
    LABELLED_NAME_AT.lastIndex = at;
    const m = LABELLED_NAME_AT.exec(text);
    if (!m) continue;
    found.push(m);
    resume = at + m[0].length;
  }
  return found;
}

/** `text` (which starts at `offset` in the document) with personal data replaced. */
export function redact(text: string, offset: number, spans: readonly PersonalSpan[]): string {
  let out = '';
  let cursor = 0;
  // `spans` are in order and do not overlap (findPersonalData): start at the one before the first
  // that starts in the text (it may run into it) and stop past the text. Every extracted text is
  // redacted, so a walk over all of a document's spans each time made a large file quadratic.
  const lo = Math.max(0, firstStartingAt(spans, offset) - 1);
  for (let i = lo; i < spans.length; i++) {
    const s = spans[i]!;
    const from = s.start - offset;
    const to = s.end - offset;
    if (from >= text.length) break;
    if (to <= 0) continue;
    out += text.slice(cursor, Math.max(from, cursor)) + `[${s.kind} removed]`;
    cursor = Math.min(to, text.length);
  }
  return out + text.slice(cursor);
}
