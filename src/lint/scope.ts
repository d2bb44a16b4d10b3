// Where a rule applies: block and span types around a match (Vale's scopes).
//
// By default a rule applies everywhere except text that is not the author's own words or not
// prose: quotations (marks or blockquotes), URLs, email addresses, code, raw HTML, and terms that
// are mentioned rather than used ("the term voluntary sector").

import { isWhiteSpace } from '../document/chars.js';
import type { Document, ScopeName } from '../document/model.js';

export const DEFAULT_EXCLUDED: readonly ScopeName[] = ['quote', 'blockquote', 'url', 'email', 'code', 'html', 'mention'];

export interface ScopeFilter {
  /** Apply only where one of these is present; undefined = anywhere. */
  readonly include: ReadonlySet<string> | undefined;
  readonly exclude: ReadonlySet<string>;
  /** Whether emphasis/strong/link spans matter (they may need a Markdown parse). */
  readonly needsMarkup: boolean;
}

const MARKUP_SCOPES = new Set(['strong', 'emphasis', 'link']);
const MARKUP_OPTION = [{ markup: false }, { markup: true }] as const;

export function compileScope(scope: readonly string[] | undefined): ScopeFilter {
  const include = new Set<string>();
  const exclude = new Set<string>(DEFAULT_EXCLUDED);
  for (const entry of scope ?? []) {
    if (entry.startsWith('~')) exclude.add(entry.slice(1));
    else {
      include.add(entry);
      exclude.delete(entry); // naming a default exclusion ("quote") opts into it
    }
  }
  const mentioned = [...include, ...exclude].some((s) => MARKUP_SCOPES.has(s));
  return { include: include.size ? include : undefined, exclude, needsMarkup: mentioned };
}

// "the term voluntary sector", "the phrase ‘third sector’", "so-called", "referred to as".
const MENTION_CUE =
  /(?:\b(?:terms?|phrases?|words?|expressions?|labels?|so-called|called|termed|known as|referred to as)|\bterminology(?: of)?)[\s:]*$/i;

/** The last word of each cue above, in lower case. */
const CUE_LAST_WORDS = new Set(
  'term terms phrase phrases word words expression expressions label labels called termed as terminology of'.split(' '),
);

/** Is the text just before `start` (in its block) introducing the match as a term? */
export function isMention(text: string, blockStart: number, start: number): boolean {
  const from = Math.max(blockStart, start - 40);
  // This runs for every candidate, and the end-anchored regex would be tried from each of the 40
  // positions: first see whether the word before the match (past spaces and colons) could end a cue.
  let end = start;
  while (end > from && (isWhiteSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 58)) end--;
  let begin = end;
  while (begin > from && isAsciiLetter(text.charCodeAt(begin - 1))) begin--;
  if (begin === end || !CUE_LAST_WORDS.has(text.slice(begin, end).toLowerCase())) return false;
  return MENTION_CUE.test(text.slice(from, start));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Does a rule with this filter apply at [start, end)? The scope names there are the block's type,
 * its containers, the spans overlapping the match and "mention"; none may be excluded, and with
 * an include list one must be included. Called for every candidate, so it checks names as it
 * meets them instead of collecting them first.
 */
export function inScopeAt(doc: Document, start: number, end: number, filter: ScopeFilter): boolean {
  const block = doc.blockAt(start);
  if (!block || end > block.end) return false;
  const { include, exclude } = filter;
  // No name may be excluded; with an include list, one of them must be included.
  let included = include === undefined || include.has(block.type);
  if (exclude.has(block.type)) return false;
  for (const c of block.containers) {
    if (exclude.has(c)) return false;
    if (!included && include!.has(c)) included = true;
  }
  for (const span of doc.spansOf(block, MARKUP_OPTION[filter.needsMarkup ? 1 : 0])) {
    if (span.start >= end) break;
    if (span.end <= start) continue;
    if (exclude.has(span.type)) return false;
    if (!included && include!.has(span.type)) included = true;
  }
  if ((exclude.has('mention') || include?.has('mention')) && isMention(doc.text, block.start, start)) {
    if (exclude.has('mention')) return false;
    included = true;
  }
  return included;
}
