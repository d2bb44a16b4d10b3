// Builds the Document: blocks on first use, spans per block on demand.

import { BlockIndex } from './block-index.js';
import { mayNeedMarkdownParser } from './blocks.js';
import { findQuotations, findUrlsAndEmails } from './inline-text.js';
import { LineIndex } from './line-index.js';
import {
  bySpanStart,
  loadMarkdownParser,
  MarkdownParserNotLoaded,
  markdownParserLoaded,
  parseEmphasisMarkup,
  parseInlineMarkup,
} from './markdown-parse.js';
import type { Block, Document, Format, Span } from './model.js';

/** Format from a file name: Markdown for .md/.markdown, plain text otherwise. */
export function formatOf(path: string): Format {
  return /\.(?:md|markdown|mdown|mkd)$/i.test(path) ? 'markdown' : 'text';
}

/**
 * Make sure the Markdown parser is loaded if this text could need it. Call before using
 * `blocks`/`spansOf` of a document built from `text` (createDocument itself is synchronous).
 */
export async function prepareFor(text: string): Promise<void> {
  if (!markdownParserLoaded() && mayNeedMarkdownParser(text)) await loadMarkdownParser();
}

/**
 * Run `work` (which must start from scratch each time: build its own documents); if it turns out
 * to need the Markdown parser before it is loaded, load it and run again. Most prose never needs
 * the parser, so a one-file lint does not pay ~40 ms to load it.
 */
export async function withMarkdownParser<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof MarkdownParserNotLoaded)) throw error;
    await loadMarkdownParser();
    return await work();
  }
}

/** Build a document, loading the parser first if it may be needed. */
export async function openDocument(path: string, text: string, format: Format = formatOf(path)): Promise<Document> {
  await prepareFor(text);
  return createDocument(path, text, format);
}

export function createDocument(path: string, text: string, format: Format = formatOf(path)): Document {
  return new LazyDocument(path, text, format);
}

/**
 * A class, not an object literal with getters: V8 allocates a literal's getters (their accessor
 * pair) in the old generation, and an old object that points at the document keeps its text alive
 * through every young-generation GC until the next full one. For a corpus that copied nearly every
 * file's text to the old generation: about 0.2 s of GC per 50 MB (see docs/architecture.md).
 */
class LazyDocument implements Document {
  private readonly index: BlockIndex;
  private lineIndex: LineIndex | undefined;
  // Per block: its own text spans (URLs, emails, quotations), and those merged with the markup
  // spans parsed so far (recomputed only if more markup gets parsed). A linter asks once per
  // candidate, so the answer is kept.
  private readonly spanCache = new WeakMap<Block, { own: Span[]; merged?: Span[]; mergedFrom?: readonly Span[] }>();

  constructor(
    readonly path: string,
    readonly text: string,
    readonly format: Format,
  ) {
    this.index = new BlockIndex(text, format);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get blocks(): Block[] {
    return this.index.blocks();
  }

  blockAt(offset: number): Block | undefined {
    return this.index.at(offset);
  }

  blocksIn(from: number, to: number): readonly Block[] {
    return this.index.blocksIn(from, to);
  }

  someBlockIn(from: number, to: number, test: (block: Block) => boolean): boolean {
    return this.index.someBlockIn(from, to, test);
  }

  spansOf(block: Block, options?: { markup?: boolean }): readonly Span[] {
    const { text, format } = this;
    const wantMarkup = options?.markup ?? true;
    const inline = block.inline;
    if (inline.markup === undefined && (wantMarkup || !inline.emphasisOnly)) {
      inline.markup =
        (inline.emphasisOnly ? parseEmphasisMarkup(text, inline.start, inline.end, format) : undefined) ??
        parseInlineMarkup(text, inline.start, inline.end, format);
    }
    const allMarkup = inline.markup ?? [];
    let cached = this.spanCache.get(block);
    if (cached && (allMarkup.length === 0 || cached.mergedFrom === allMarkup)) return cached.merged ?? cached.own;
    const markup = allMarkup.length === 0 ? allMarkup : allMarkup.filter((s) => s.start < block.end && s.end > block.start);
    if (!cached) {
      const opaque = markup.filter((s) => s.type === 'code' || s.type === 'url' || s.type === 'email' || s.type === 'html');
      let addresses = findUrlsAndEmails(text, block.start, block.end);
      if (opaque.length) addresses = addresses.filter((a) => !opaque.some((o) => o.start < a.end && a.start < o.end));
      const quotes = findQuotations(text, block.start, block.end, opaque.length ? [...opaque, ...addresses] : addresses);
      // One list sorted by start, as callers stop at the first span past a match (a URL after a
      // quotation must not hide the quotation).
      const own = addresses.length === 0 ? quotes : quotes.length === 0 ? addresses : [...addresses, ...quotes].sort(bySpanStart);
      cached = { own };
      this.spanCache.set(block, cached);
    }
    if (allMarkup.length === 0) return cached.own;
    cached.mergedFrom = allMarkup;
    cached.merged = markup.length === 0 ? cached.own : [...markup, ...cached.own].sort(bySpanStart);
    return cached.merged;
  }
}
