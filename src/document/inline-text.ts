// Spans Markdown does not mark but readers see: bare URLs, email addresses and quotations.
// They run over one block's text; quotations never cross a block boundary.

import { isLetterOrDecimal, isWhiteSpace } from './chars.js';
import { findEmails } from './emails.js';
import type { Span } from './model.js';

const URL_CUE = /:\/\/|www\.|\.(?:org|gov|com|net|edu|ac|co|uk|int|eu|info|io)\b/i;
// Bare domains are limited to well-known suffixes, so "e.g.the" or "para.3" are not URLs.
const URL =
  /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]'*]|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:org|gov|com|net|edu|ac|co|uk|int|eu|info|io)(?:\.[a-z]{2})?\b(?:\/[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]'*])?/gi;

/** URLs and email addresses in text.slice(start, end), as absolute spans sorted by start. */
export function findUrlsAndEmails(text: string, start: number, end: number): Span[] {
  const body = text.slice(start, end);
  const spans: Span[] = [];
  for (const [s, e] of findEmails(body)) spans.push({ type: 'email', start: start + s, end: start + e });
  if (URL_CUE.test(body)) {
    for (const m of body.matchAll(URL)) {
      const s = start + m.index;
      const e = s + m[0].length;
      if (!spans.some((sp) => sp.start < e && s < sp.end)) spans.push({ type: 'url', start: s, end: e });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return spans;
}

const QUOTE_CHAR = /[“”‘’"']/g;
const isLowerCase = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * Could the mark at `at` be the apostrophe of a plural possessive: after an "s", then a space
 * and a word in lower case ("charities’ view")? A closing quotation mark can stand there too
 * ("‘social enterprises’ and others"): the caller asks what follows.
 */
function isPluralPossessive(text: string, at: number, end: number): boolean {
  const before = text[at - 1];
  return (before === 's' || before === 'S') && at + 2 < end && text[at + 1] === ' ' && isLowerCase(text[at + 2]);
}

/** How far ahead to look for the mark that closes a quotation (a bounded walk, not a search). */
const CLOSE_LOOKAHEAD = 600;

/**
 * Is there, from `from`, a mark that can only close a single quotation before any opening mark?
 * Then the mark before `from` is an apostrophe. A mark after an "s" never plainly closes: plural
 * possessives stand before a capital ("Trustees’ Annual Report") and in lists ("members’,
 * trustees’ and volunteers’ goodwill") as well as before a word in lower case.
 */
function closedLater(text: string, from: number, end: number): boolean {
  for (let i = from, stop = Math.min(end, from + CLOSE_LOOKAHEAD); i < stop; i++) {
    const c = text[i];
    if (c === '‘') return false;
    if (c !== '’') continue;
    const before = text[i - 1];
    if (before === undefined || isSpace(before) || isLetterOrDigit(text[i + 1])) continue; // apostrophe
    if (before !== 's' && before !== 'S') return true;
  }
  return false;
}
const isLetterOrDigit = (c: string | undefined) => c !== undefined && isLetterOrDecimal(c.charCodeAt(0));
const isSpace = (c: string) => isWhiteSpace(c.charCodeAt(0));
const isSpaceOrOpen = (c: string | undefined) => c === undefined || isSpace(c) || '([{\u2014\u2013/-'.includes(c);

/**
 * Quotations in text.slice(start, end): “…”, ‘…’, "…" and '…', marks included. Apostrophes
 * (Children’s, members’) are told apart from closing marks by the letters around them. An opening
 * double mark with no closing one runs to the end of the block: British style leaves a quotation
 * that continues into the next paragraph open.
 */
export function findQuotations(text: string, start: number, end: number, skip: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  let doubleOpen = -1; // offset of an open “ or "
  let doubleChar = '';
  let singleOpen = -1;
  const body = text.slice(start, end);
  // Without an opening mark there is no quotation: most blocks hold only apostrophes (’).
  if (!body.includes('“') && !body.includes('"') && !body.includes('‘') && !body.includes("'")) return spans;
  QUOTE_CHAR.lastIndex = 0;
  // test(), not exec(): no match array for each mark (apostrophes are many); the mark is the
  // character before lastIndex.
  while (QUOTE_CHAR.test(body)) {
    const index = QUOTE_CHAR.lastIndex - 1;
    const at = start + index;
    if (skip.some((s) => s.start <= at && at < s.end)) continue;
    const c = body[index]!;
    const before = at > start ? text[at - 1] : undefined;
    const after = at + 1 < end ? text[at + 1] : undefined;
    if (c === '“') {
      if (doubleOpen < 0) {
        doubleOpen = at;
        doubleChar = c;
      }
    } else if (c === '”') {
      if (doubleOpen >= 0 && doubleChar === '“') {
        spans.push({ type: 'quote', start: doubleOpen, end: at + 1 });
        doubleOpen = -1;
        if (singleOpen > at) singleOpen = -1;
      }
    } else if (c === '"') {
      if (doubleOpen >= 0 && doubleChar === '"' && before !== undefined && !isSpace(before)) {
        spans.push({ type: 'quote', start: doubleOpen, end: at + 1 });
        doubleOpen = -1;
      } else if (doubleOpen < 0 && isSpaceOrOpen(before) && after !== undefined && !isSpace(after)) {
        doubleOpen = at;
        doubleChar = c;
      }
    } else if (c === '‘' || (c === "'" && isSpaceOrOpen(before) && isLetterOrDigit(after))) {
      if (singleOpen < 0 && !isLetterOrDigit(before)) singleOpen = at;
    } else {
      // ’ or ' that is not an opener: a closing mark only if no letter follows (else apostrophe),
      // and not a plural possessive that a later mark plainly closes ("‘the charities’ view …’").
      if (singleOpen >= 0 && !isLetterOrDigit(after) && before !== undefined && !isSpace(before)) {
        if (isPluralPossessive(text, at, end) && closedLater(text, at + 1, end)) continue;
        spans.push({ type: 'quote', start: singleOpen, end: at + 1 });
        singleOpen = -1;
      }
    }
  }
  if (doubleOpen >= 0 && doubleChar === '“') spans.push({ type: 'quote', start: doubleOpen, end });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans;
}
