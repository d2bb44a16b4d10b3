// Builds the Document: blocks on first use, spans per block on demand.

import { mayNeedMarkdownParser, segmentBlocks } from './blocks.js';
import { findQuotations, findUrlsAndEmails } from './inline-text.js';
import { LineIndex } from './line-index.js';
import { bySpanStart, loadMarkdownParser, markdownParserLoaded, parseInlineMarkup } from './markdown-parse.js';
import type { Block, Document, Format, Span } from './model.js';
import { refinePlainTextBlocks } from './plain-text.js';

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

/** Build a document, loading the parser first if it may be needed. */
export async function openDocument(path: string, text: string, format: Format = formatOf(path)): Promise<Document> {
  await prepareFor(text);
  return createDocument(path, text, format);
}

export function createDocument(path: string, text: string, format: Format = formatOf(path)): Document {
  let blocks: Block[] | undefined;
  let lines: LineIndex | undefined;
  const textSpans = new WeakMap<Block, Span[]>();

  const getBlocks = (): Block[] => {
    if (!blocks) {
      const segmented = segmentBlocks(text, format);
      blocks = format === 'text' ? refinePlainTextBlocks(text, segmented) : segmented;
    }
    return blocks;
  };

  return {
    path,
    format,
    text,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    get blocks() {
      return getBlocks();
    },
    blockAt(offset: number) {
      const all = getBlocks();
      let lo = 0;
      let hi = all.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const b = all[mid]!;
        if (offset < b.start) hi = mid - 1;
        else if (offset >= b.end) lo = mid + 1;
        else return b;
      }
      return undefined;
    },
    spansOf(block: Block, options?: { markup?: boolean }) {
      const wantMarkup = options?.markup ?? true;
      const inline = block.inline;
      if (inline.markup === undefined && (wantMarkup || !inline.emphasisOnly)) {
        inline.markup = parseInlineMarkup(text, inline.start, inline.end, format);
      }
      const markup = (inline.markup ?? []).filter((s) => s.start < block.end && s.end > block.start);
      let own = textSpans.get(block);
      if (!own) {
        const opaque = markup.filter((s) => s.type === 'code' || s.type === 'url' || s.type === 'email' || s.type === 'html');
        const addresses = findUrlsAndEmails(text, block.start, block.end).filter(
          (a) => !opaque.some((o) => o.start < a.end && a.start < o.end),
        );
        own = [...addresses, ...findQuotations(text, block.start, block.end, [...opaque, ...addresses])];
        textSpans.set(block, own);
      }
      if (markup.length === 0) return own;
      return [...markup, ...own].sort(bySpanStart);
    },
  };
}
