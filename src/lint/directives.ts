// Inline directives: <!-- canvass-disable rule-id --> … <!-- canvass-enable -->,
// <!-- canvass-disable-next-line rule-id -->. In plain text the same words may also stand on a
// line of their own without the comment marks. No ids means every rule.

import type { Document } from '../document/model.js';
import { firstStartingAt } from '../document/order.js';
import type { Hit } from './scanner.js';

export interface Directive {
  /**
   * 'unknown' for a word that starts like a directive but is none ("canvass-disable-line"): it
   * does nothing, and is reported, rather than read as a directive it only begins with.
   */
  kind: 'disable' | 'enable' | 'disable-next-line' | 'unknown';
  /** The word after "canvass-" as written. */
  name: string;
  /** Rule ids or pack names; empty = all rules. */
  rules: string[];
  /** Offsets of the directive itself. */
  start: number;
  end: number;
}

const DIRECTIVE_NAMES: readonly string[] = ['disable', 'enable', 'disable-next-line'];

// The whole word after "canvass-", so that a misspelt directive is not taken for one it begins with.
// In a comment any word after "canvass-" was meant as a directive ("canvass-ignore"); on a bare
// line of plain text only one that starts like a directive, so that prose is never taken for one.
const COMMENT = /<!--\s*canvass-([\w-]+)([^]*?)-->/g;
const BARE_LINE = /^[ \t]*canvass-((?:dis|en)able[\w-]*)([^\n\r]*)$/gm;

export function findDirectives(doc: Document): Directive[] {
  const text = doc.text;
  // "vass-" first: a search led by a rare letter runs several times faster than one led by "c".
  if (!text.includes('vass-') || !text.includes('canvass-')) return [];
  const found: Directive[] = [];
  const add = (m: RegExpExecArray) =>
    found.push({
      kind: DIRECTIVE_NAMES.includes(m[1]!) ? (m[1] as Directive['kind']) : 'unknown',
      name: m[1]!,
      rules: ruleNames(m[2]!),
      start: m.index,
      end: m.index + m[0].length,
    });
  for (const m of outsideCode(doc, COMMENT)) add(m);
  if (doc.format === 'text') {
    // A line that holds a comment directive (or lies in one) is not a bare directive as well.
    const comments = found.slice();
    for (const m of outsideCode(doc, BARE_LINE)) {
      const end = m.index + m[0].length;
      if (!comments.some((d) => d.start < end && m.index < d.end)) add(m);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The rule names of a directive, separated by spaces or commas; a reason may follow two dashes,
 * as in ESLint: "canvass-disable uk-spelling -- quoting the US survey".
 */
function ruleNames(written: string): string[] {
  const reason = /(?:^|\s)--(?:\s|$)/.exec(written);
  return (reason ? written.slice(0, reason.index) : written).split(/[\s,]+/).filter(Boolean);
}

/**
 * The matches of a global regex whose "canvass-" is not in code: text in a fence or a `code` span
 * is shown, not obeyed. After one in code the search goes on from its next character, so that
 * a quoted "<!-- canvass-disable" cannot swallow a real directive up to its "-->".
 */
function* outsideCode(doc: Document, regex: RegExp): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (let m = regex.exec(doc.text); m; m = regex.exec(doc.text)) {
    if (!inCode(doc, m.index + m[0].indexOf('canvass-'))) yield m;
    else regex.lastIndex = m.index + 1;
  }
}

/** Is `offset` in a code block or a code span? Asked only where a directive is written. */
function inCode(doc: Document, offset: number): boolean {
  const block = doc.blockAt(offset);
  if (!block) return false;
  if (block.type === 'code') return true;
  for (const span of doc.spansOf(block, { markup: false })) {
    if (span.start > offset) break;
    if (span.type === 'code' && offset < span.end) return true;
  }
  return false;
}

/**
 * The scan's hits without those that touch a directive: a directive is not prose, so no rule may
 * flag, count or fix its words (a rule id such as 'third-sector/co-operation' holds a term).
 * `directives` are in order and do not overlap.
 */
export function hitsOutsideDirectives(hits: readonly Hit[][], directives: readonly Directive[]): Hit[][] {
  return hits.map((list) => list.filter((hit) => !touchesDirective(directives, hit.start, hit.end)));
}

function touchesDirective(directives: readonly Directive[], start: number, end: number): boolean {
  // The last directive starting before `end` is the only one that can overlap [start, end).
  const after = firstStartingAt(directives, end);
  return after > 0 && directives[after - 1]!.end > start;
}

/**
 * Is `ruleId` switched off at `offset`? The last disable/enable before it that covers the rule
 * decides ("disable" all, then "enable x" re-enables only x); disable-next-line covers the next
 * non-blank line after the directive. In Markdown a line of only blockquote markers (">") is a
 * blank line of the quote, as in the paragraph break "> directive / > / > text".
 */
export function isSuppressed(
  text: string,
  directives: readonly Directive[],
  offset: number,
  ruleId: string,
  format: Document['format'] = 'text',
): boolean {
  let off = false;
  for (const d of directives) {
    if (d.start > offset) break;
    if (d.kind === 'unknown' || !coversRule(d.rules, ruleId)) continue;
    if (d.kind === 'disable-next-line') {
      const line = nextLine(text, d.end, format === 'markdown' ? QUOTE_BLANK : PLAIN_BLANK);
      if (line && line.start <= offset && offset <= line.end) return true;
    } else if (d.end <= offset) {
      off = d.kind === 'disable';
    }
  }
  return off;
}

const PLAIN_BLANK = /^\s*$/;
const QUOTE_BLANK = /^[\s>]*$/;

/** The next non-blank line after `offset`'s line (lines end at \n, \r\n or a lone \r). */
function nextLine(text: string, offset: number, blank: RegExp): { start: number; end: number } | undefined {
  const breakAt = (from: number) => {
    const m = /\r\n?|\n/g;
    m.lastIndex = from;
    const found = m.exec(text);
    return found ? { at: found.index, next: found.index + found[0].length } : undefined;
  };
  let br = breakAt(offset);
  while (br) {
    const start = br.next;
    const following = breakAt(start);
    const end = following ? following.at : text.length;
    if (!blank.test(text.slice(start, end))) return { start, end };
    br = following;
  }
  return undefined;
}

/** Does a directive's rule list cover this rule id? (Exact id, or its pack name.) */
export function coversRule(rules: readonly string[], ruleId: string): boolean {
  if (rules.length === 0) return true;
  const pack = ruleId.slice(0, ruleId.indexOf('/'));
  return rules.some((r) => r === ruleId || r === pack);
}
