// Who is responding, when, and to what: from the title ("Response by the Social Enterprise
// Coalition to …"), an "About X" section, a letterhead, or the signature at the end
// ("Social Enterprise Coalition / Policy Team / June 2008"); else the file name.

import { basename } from 'node:path';
import type { Block, Document } from '../document/model.js';

export interface Respondent {
  name: string;
  from: 'title' | 'about' | 'letterhead' | 'signature' | 'heading' | 'file name';
}

const TITLE = /\b(?:response|submission|evidence|comments?)\s+(?:by|from|of)\s+(?:the\s+)?(.+?)\s+(?:to|on|in response to|regarding|concerning)\b/i;
const ABOUT = /^about\s+(?:the\s+)?(.+?)\s*$/i;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})\\b`,
);
/** A heading that starts so is a document's title, however it names a charity or a council. */
const TITLE_WORD = /^(?:consultation|response|responses|submission|evidence|comments?|summary|introduction|questions?|guidance|draft)\b/i;
/** Words that mark an organisation's name. */
const ORGANISATION =
  /\b(?:coalition|council|trust|association|network|society|partnership|forum|alliance|federation|foundation|group|services|university|department|ltd|limited|charity|bureau|union|agency|board|office|institute|centre|center|england|scotland|wales|uk|confederation|consortium|collective|commission|cic|plc|action|children)\b/i;

/**
 * "Response from Play England" as the document's title (its first heading), with no "to …".
 * Case-sensitive, so that the name must start with a capital ("Response from respondents" is
 * none); "Evidence from Scotland" is a section's heading, not a respondent.
 */
const TITLE_ALONE = /^(?:[Rr]esponse|[Ss]ubmission)\s+(?:by|from|of)\s+(?:[Tt]he\s+)?(\p{Lu}.{1,80}?)\s*$/u;

// Text without its Markdown marks: emphasis, code, and a heading's "## … ##".
const plain = (s: string) =>
  s
    .replace(/^#{1,6}[ \t]+/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/\*\*|__|[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The respondent of the blocks [first, last] of a document. */
export function findRespondent(doc: Document, blocks: readonly Block[]): Respondent {
  const text = (b: Block) => plain(doc.text.slice(b.start, b.end));
  const head = blocks.slice(0, 6);
  const titleHeading = head.find((b) => b.type === 'heading');
  for (const b of head) {
    const m = TITLE.exec(text(b)) ?? (b === titleHeading ? TITLE_ALONE.exec(text(b)) : null);
    if (m) return { name: tidyName(m[1]!), from: 'title' };
  }
  for (const b of blocks) {
    if (b.type !== 'heading') continue;
    const m = ABOUT.exec(text(b));
    if (m && m[1]!.split(' ').length <= 8) return { name: tidyName(m[1]!), from: 'about' };
  }
  // A letterhead: the first block, a short heading-like line naming an organisation.
  const first = blocks[0];
  if (first && first.type === 'heading') {
    const name = text(first);
    if (name.split(' ').length <= 6 && ORGANISATION.test(name) && !DATE.test(name) && !TITLE_WORD.test(name)) {
      return { name, from: 'letterhead' };
    }
  }
  const signed = signature(doc, blocks);
  if (signed) return { name: signed, from: 'signature' };
  return { name: basename(doc.path).replace(/\.[^.]+$/, ''), from: 'file name' };
}

/** The organisation in a signature block: short lines near the end, one naming an organisation. */
function signature(doc: Document, blocks: readonly Block[]): string | undefined {
  const tail = blocks.slice(-8).filter((b) => !b.containers.includes('footnote'));
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = plain(doc.text.slice(tail[i]!.start, tail[i]!.end));
    if (line.length > 60 || /[.?!:]$/.test(line)) continue;
    if (ORGANISATION.test(line) && !DATE.test(line)) {
      // The first of a run of short lines is the organisation ("Social Enterprise Coalition / Policy Team").
      let j = i;
      while (j > 0) {
        const prev = plain(doc.text.slice(tail[j - 1]!.start, tail[j - 1]!.end));
        if (prev.length > 60 || /[.?!:]$/.test(prev) || !ORGANISATION.test(prev)) break;
        j--;
      }
      return plain(doc.text.slice(tail[j]!.start, tail[j]!.end));
    }
  }
  return undefined;
}

function tidyName(name: string): string {
  return plain(name).replace(/^the\s+/i, '').replace(/[.,;:]+$/, '');
}

/** A date as written, from the title area or the signature. */
export function findDate(doc: Document, blocks: readonly Block[]): string | null {
  for (const b of [...blocks.slice(0, 8), ...blocks.slice(-6).reverse()]) {
    if (b.containers.includes('footnote')) continue;
    const m = DATE.exec(plain(doc.text.slice(b.start, b.end)));
    if (m) return m[0];
  }
  return null;
}

/** The consultation's title, where the response states it. */
export function findConsultation(doc: Document, blocks: readonly Block[]): string | null {
  for (const b of blocks.slice(0, 6)) {
    const t = plain(doc.text.slice(b.start, b.end));
    const response = /\b(?:response|submission|evidence|comments?)\s+(?:by|from|of)\s+.+?\s+(?:to|on|in response to)\s+(?:the\s+)?(.+)$/i.exec(t);
    if (response) return tidyTitle(response[1]!);
    const labelled = /^consultation\s+response\s*:\s*(.+)$/i.exec(t);
    if (labelled) return tidyTitle(labelled[1]!);
  }
  return null;
}

function tidyTitle(title: string): string {
  return title
    .replace(/\s+consultation$/i, '')
    .replace(/^consultation\s+on\s+/i, '')
    .replace(/[.;:]+$/, '')
    .trim();
}
