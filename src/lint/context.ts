// Per-document facts a rule may ask about a match — its scope, its sentence, its section — each
// computed on first use and shared by all rules, so a document with no candidate pays nothing.

import type { Block, Document } from '../document/model.js';
import type { ContextCondition, Position, Unit } from '../packs/types.js';
import { computeSections, sameSection, sectionAt, type Section } from '../structure/sections.js';
import type { Hit } from './scanner.js';
import { isWhiteSpace } from '../document/chars.js';
import { inScopeAt, type ScopeFilter } from './scope.js';

// Created on first use: building it loads ICU sentence data (~20 ms), which most runs never need.
let sentenceSegmenter: Intl.Segmenter | undefined;

export class DocumentContext {
  private sections: Section[] | undefined;
  private readonly sentences = new WeakMap<Block, Array<[number, number]>>();

  constructor(
    readonly doc: Document,
    readonly hits: readonly Hit[][],
    /**
     * Is this rule switched off at this offset by an inline directive? Findings there are dropped
     * afterwards; a rule that weighs occurrences against each other (consistency) asks first, so
     * that text switched off for it does not count.
     */
    readonly suppressed: (offset: number, ruleId: string) => boolean = () => false,
  ) {}

  section(offset: number): Section {
    this.sections ??= computeSections(this.doc);
    return sectionAt(this.sections, offset);
  }

  /** The sentence of `block` containing `offset` (ICU sentence boundaries within the block). */
  sentence(block: Block, offset: number): [number, number] {
    let list = this.sentences.get(block);
    if (!list) {
      list = [];
      const body = this.doc.text.slice(block.start, block.end);
      sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
      for (const s of sentenceSegmenter.segment(body)) {
        list.push([block.start + s.index, block.start + s.index + s.segment.length]);
      }
      this.sentences.set(block, list);
    }
    for (const range of list) if (offset < range[1]) return range;
    return [block.start, block.end];
  }

  unitRange(unit: Unit, start: number): [number, number] | undefined {
    switch (unit) {
      case 'document':
        return [0, this.doc.text.length];
      case 'section': {
        const s = this.section(start);
        return [s.start, s.end];
      }
      case 'paragraph': {
        const block = this.doc.blockAt(start);
        return block ? [block.start, block.end] : undefined;
      }
      case 'sentence': {
        const block = this.doc.blockAt(start);
        return block ? this.sentence(block, start) : undefined;
      }
    }
  }
}

export interface CompiledCondition {
  /** Scanner owner whose hits are the `near` terms. */
  readonly owner: number;
  readonly within: Unit;
}

/** The checks every matching kind applies to a candidate, cheapest first. */
export interface Gate {
  readonly scope: ScopeFilter;
  /** Global regexes of phrases that may contain a match and make it fine. */
  readonly exceptions: readonly RegExp[];
  readonly position: Position;
  readonly when: readonly CompiledCondition[];
  readonly unless: readonly CompiledCondition[];
}

export function passesGate(ctx: DocumentContext, gate: Gate, start: number, end: number): boolean {
  if (gate.exceptions.length && insideException(ctx.doc.text, gate.exceptions, start, end)) return false;
  // Context conditions before scope: most are a binary search over hits, and a candidate they
  // rule out then never needs its block's quotations and URLs found.
  if (gate.when.length && !gate.when.some((c) => conditionHolds(ctx, c, start, end))) return false;
  if (gate.unless.some((c) => conditionHolds(ctx, c, start, end))) return false;
  if (!inScopeAt(ctx.doc, start, end, gate.scope)) return false;
  if (gate.position !== 'any') {
    const initial = isSentenceStart(ctx, start);
    if (gate.position === 'mid-sentence' ? initial : !initial) return false;
  }
  return true;
}

function conditionHolds(ctx: DocumentContext, condition: CompiledCondition, start: number, end: number): boolean {
  const hits = ctx.hits[condition.owner] ?? [];
  if (hits.length === 0) return false;
  // The nearest occurrences before and after the match decide: if neither is in the unit, none is.
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let before: Hit | undefined;
  for (let i = lo - 1; i >= 0; i--) {
    if (hits[i]!.end <= start) {
      before = hits[i];
      break;
    }
  }
  let after: Hit | undefined;
  for (let i = lo; i < hits.length; i++) {
    if (hits[i]!.start >= end) {
      after = hits[i];
      break;
    }
  }
  if (condition.within === 'document') return before !== undefined || after !== undefined;
  if (condition.within === 'section') {
    return (
      (before !== undefined && sameSection(ctx.doc, before.start, start)) ||
      (after !== undefined && sameSection(ctx.doc, end, after.start))
    );
  }
  const range = ctx.unitRange(condition.within, start);
  if (!range) return false;
  return (
    (before !== undefined && before.start >= range[0]) || (after !== undefined && after.end <= range[1])
  );
}

function insideException(text: string, exceptions: readonly RegExp[], start: number, end: number): boolean {
  const from = Math.max(0, start - 80);
  const window = text.slice(from, Math.min(text.length, end + 80));
  for (const re of exceptions) {
    // exec with lastIndex, not matchAll: matchAll copies the regex on every call.
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const s = from + m.index;
      if (s <= start && s + m[0].length >= end) return true;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return false;
}

// Between a sentence's end and its first word: spaces, quotes, brackets, emphasis marks, and the
// invisible characters word processors leave (soft hyphen, zero-width space, word joiner).
const isLead = (c: number) => isWhiteSpace(c) || c === 0xad || c === 0x200b || c === 0x2060 || c === 42 || c === 95 || c === 0x201c || c === 34 || c === 0x2018 || c === 39 || c === 40 || c === 91;
// Closing quotes and brackets after a sentence's final mark: " ” ’ ' ) ]
const isCloser = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
const isDigit = (c: number) => c >= 48 && c <= 57;
// 0-9, and the superscript digits a word processor writes for a footnote: ¹ ² ³ ⁰ ⁴-⁹
const isFootnoteDigit = (c: number) => isDigit(c) || c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x2079);
// . ! ? …
const isFinalMark = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
// At a block's start there may also be list numbering or a bullet written as text, as a word
// processor exports them: "i.", "a)", "(iv)", "2.3.", "1.2" (a paragraph number, followed by a
// space or tab), and "–", "—", "▪", "◦", "o" before a tab, the Symbol font's bullet U+F0B7.
const NUMBERING = /^(?:\(?(?:[ivxlcdm]+|[a-z]|\d+(?:\.\d+)*)[.)]|\d+(?:\.\d+)+(?=\s)|[•·–—▪◦‣●○■□►➢✓\uf0b7\uf0a7](?=\s)|o(?=\t))[\s*_“"‘'([]*$/i;
// A Markdown heading's block starts at its marks: "## Third Sector", "# 2. Third Sector".
const HEADING_MARKS = /^ {0,3}#{1,6}[ \t]+(?:(?:[ivxlcdm]+|[a-z]|\d+(?:\.\d+)*)[.)])?[\s*_“"‘'([]*$/i;
// A sentence ends at . ! ? … (and closing quotes or brackets), but not after an abbreviation.
const ABBREVIATIONS = '(?:e\\.g|i\\.e|etc|cf|vs|viz|al|approx|para|paras|no|nos|p|pp|ch|fig|Mr|Mrs|Ms|Dr|St|Prof|Cllr|Rt|Hon)\\.$';
const ABBREVIATION = new RegExp(`(?:^|[\\s(])${ABBREVIATIONS}`, 'i');
/** The same, on the last characters of a longer text (whose start is not the text's start). */
const ABBREVIATION_INSIDE = new RegExp(`[\\s(]${ABBREVIATIONS}`, 'i');
/** Enough to hold the longest abbreviation with its dot and the character before it. */
const ABBREVIATION_TAIL = 12;

/**
 * Does a sentence start at `start`? True at the start of a block (after list numbering, bullets,
 * quotes or emphasis marks) and after a sentence's closing punctuation. A cheap test on the text
 * before the match, so no sentence segmenter has to load for it.
 */
export function isSentenceStart(ctx: DocumentContext, start: number): boolean {
  const block = ctx.doc.blockAt(start);
  if (!block) return false;
  const text = ctx.doc.text;
  const from = Math.max(block.start, start - 200);
  // Walk back over what may stand between a sentence's end and its first word (a character loop:
  // end-anchored regexes would be tried from every position of the 200 characters).
  let i = start;
  while (i > from && isLead(text.charCodeAt(i - 1))) i--;
  if (from === block.start) {
    const lead = text.slice(from, start);
    if (i === from || NUMBERING.test(lead) || (block.type === 'heading' && HEADING_MARKS.test(lead))) return true;
  }
  // A table cell starts a sentence: "| Third Sector | ..." (Markdown tables are paragraphs here).
  if (text.charCodeAt(i - 1) === 124) return true; // |
  // A footnote number after the full stop ("services.12 Third Sector"), but not "2.3".
  let k = i;
  while (k > from && isFootnoteDigit(text.charCodeAt(k - 1))) k--;
  const afterMark = k < i && k - 1 > from && isFinalMark(text.charCodeAt(k - 1)) && !isDigit(text.charCodeAt(k - 2)) ? k : i;
  let j = afterMark;
  while (j > from && isCloser(text.charCodeAt(j - 1))) j--;
  if (j === from || !isFinalMark(text.charCodeAt(j - 1))) return false;
  const tailFrom = Math.max(from, afterMark - ABBREVIATION_TAIL);
  return !(tailFrom === from ? ABBREVIATION : ABBREVIATION_INSIDE).test(text.slice(tailFrom, afterMark));
}

export type { ContextCondition };
