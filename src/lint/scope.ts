// Where a rule applies: block and span types around a match (Vale's scopes).
//
// By default a rule applies everywhere except text that is not the author's own words or not
// prose: quotations (marks or blockquotes), URLs, email addresses, code, raw HTML, and terms that
// are mentioned rather than used ("the term voluntary sector").

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

/** Is the text just before `start` (in its block) introducing the match as a term? */
export function isMention(text: string, blockStart: number, start: number): boolean {
  const from = Math.max(blockStart, start - 40);
  return MENTION_CUE.test(text.slice(from, start));
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
