// The document model every stage after ingest works on: one shape for Markdown and plain text.
// Offsets are UTF-16 code-unit indexes into `text` (the decoded file, BOM removed), half-open [start, end).

import type { LineIndex } from './line-index.js';

export type Format = 'markdown' | 'text';

/** Leaf block kinds. Container kinds (list item, blockquote, footnote) are in `Block.containers`. */
export type BlockType = 'heading' | 'paragraph' | 'code' | 'html' | 'table' | 'thematic-break';
export type ContainerType = 'list-item' | 'blockquote' | 'footnote';

export interface Block {
  readonly type: BlockType;
  readonly start: number;
  readonly end: number;
  /** Enclosing containers, outermost first: a paragraph in a list item has ['list-item']. */
  readonly containers: readonly ContainerType[];
  /** Heading level 1-6; 0 for a plain-text line that stands alone like a heading. */
  readonly depth?: number;
  /** The list marker as written ("-", "1.", "·") for the first block of a list item. */
  readonly marker?: string;
  /** Inline markup is parsed per Markdown paragraph; plain-text blocks split from one share it. */
  readonly inline: InlineSource;
}

/** The Markdown-level block whose inline content a Block's spans come from. */
export interface InlineSource {
  readonly start: number;
  readonly end: number;
  /** Spans Markdown itself defines (strong, emphasis, link, code, html), once parsed. */
  markup?: readonly Span[];
  /** True when the source text cannot contain Markdown inline markup (no parse needed). */
  readonly plain: boolean;
  /** True when the only possible markup is emphasis/strong (`*`, `_`). */
  readonly emphasisOnly: boolean;
}

export type SpanType =
  | 'strong'
  | 'emphasis'
  | 'link'
  | 'code'
  | 'html'
  | 'footnote-ref'
  | 'quote'
  | 'url'
  | 'email';

export interface Span {
  readonly type: SpanType;
  readonly start: number;
  readonly end: number;
}

/** Every name a rule's `scope` may use. */
export const SCOPE_NAMES = [
  'heading',
  'paragraph',
  'code',
  'html',
  'table',
  'list-item',
  'blockquote',
  'footnote',
  'strong',
  'emphasis',
  'link',
  'footnote-ref',
  'quote',
  'url',
  'email',
  'mention',
] as const;
export type ScopeName = (typeof SCOPE_NAMES)[number];

export interface Document {
  readonly path: string;
  readonly format: Format;
  readonly text: string;
  readonly lines: LineIndex;
  /** Leaf blocks in document order, non-overlapping. Built on first access. */
  readonly blocks: readonly Block[];
  /** The block containing `offset`, if any (offsets between blocks belong to none). */
  blockAt(offset: number): Block | undefined;
  /** Blocks starting in [from, to), in order; segments only that part of the text. */
  blocksIn(from: number, to: number): readonly Block[];
  /** Does a block starting in [from, to) pass `test`? Stops segmenting at the first that does. */
  someBlockIn(from: number, to: number, test: (block: Block) => boolean): boolean;
  /**
   * Inline spans of a block, sorted by start. `markup: false` skips a Markdown parse that could
   * only add emphasis/strong spans, for callers that do not need them.
   */
  spansOf(block: Block, options?: { markup?: boolean }): readonly Span[];
}

/** The containers of a block outside any list, quote or footnote: one shared empty list. */
export const NO_CONTAINERS: readonly ContainerType[] = [];
/** The containers of a paragraph that is a list item's content. */
export const IN_LIST_ITEM: readonly ContainerType[] = ['list-item'];

/**
 * Every Block is built here, with all fields present in the same order: objects of one shape
 * keep V8's property access fast on the hot paths that read thousands of them.
 */
export function makeBlock(b: {
  type: BlockType;
  start: number;
  end: number;
  containers: readonly ContainerType[];
  inline: InlineSource;
  depth?: number | undefined;
  marker?: string | undefined;
}): Block {
  return { type: b.type, start: b.start, end: b.end, containers: b.containers, depth: b.depth, marker: b.marker, inline: b.inline };
}
