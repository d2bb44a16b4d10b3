// unified + remark-parse (with GFM footnotes and tables) turned into our blocks and spans; for
// paragraphs whose only markup can be emphasis, micromark's events without remark's tree.
// Loaded lazily: most prose never needs it (see blocks.ts), and loading it costs ~40 ms.
//
// Two flavours: Markdown as written, and plain text, which is Markdown minus the constructs that
// word-processor text produces by accident (setext underlines, indented code, raw HTML).

import type { Root, Nodes, Parents } from 'mdast';
import type { parse as micromarkParse, postprocess as micromarkPostprocess } from 'micromark';
import { makeBlock, type Block, type ContainerType, type Format, type InlineSource, type Span, type SpanType } from './model.js';

type Parse = (text: string) => Root;
type ParseContext = ReturnType<typeof micromarkParse>;
type Event = ReturnType<typeof micromarkPostprocess>[number];
const parsers: Partial<Record<Format, Parse>> = {};
/** The same syntax as `parsers`, for micromark's events alone (see parseEmphasisMarkup). */
const emphasisParsers: Partial<Record<Format, (text: string) => Event[]>> = {};
let loading: Promise<void> | undefined;

export function markdownParserLoaded(): boolean {
  return parsers.markdown !== undefined;
}

export function loadMarkdownParser(): Promise<void> {
  loading ??= (async () => {
    const [{ unified }, { default: remarkParse }, footnote, footnoteMdast, table, tableMdast, micromark] =
      await Promise.all([
        import('unified'),
        import('remark-parse'),
        import('micromark-extension-gfm-footnote'),
        import('mdast-util-gfm-footnote'),
        import('micromark-extension-gfm-table'),
        import('mdast-util-gfm-table'),
        import('micromark'),
      ]);
    // GFM footnotes and tables, but not GFM autolink literals: bare URLs and emails are found by
    // our own scanner (inline-text.ts) in every format, so the fast path and remark agree on them.
    const plugin = (plainText: boolean) =>
      function gfmParts(this: { data(): Record<string, unknown[] | undefined> }) {
        const data = this.data();
        const micromark = (data.micromarkExtensions ??= []);
        micromark.push(footnote.gfmFootnote(), table.gfmTable());
        if (plainText) {
          micromark.push({ disable: { null: ['setextUnderline', 'codeIndented', 'htmlFlow', 'htmlText'] } });
        }
        (data.fromMarkdownExtensions ??= []).push(
          footnoteMdast.gfmFootnoteFromMarkdown(),
          tableMdast.gfmTableFromMarkdown(),
        );
      };
    for (const format of ['markdown', 'text'] as const) {
      const processor = unified()
        .use(remarkParse)
        .use(plugin(format === 'text') as never);
      parsers[format] = (text: string) => processor.parse(text) as Root;
      // One parse context per flavour, made once: micromark's parse() merges every construct
      // table on each call. The context keeps what a document defines (link and footnote labels,
      // lazy lines) between calls, so that is cleared before each one.
      const extensions = [footnote.gfmFootnote(), table.gfmTable()];
      if (format === 'text') extensions.push({ disable: { null: ['setextUnderline', 'codeIndented', 'htmlFlow', 'htmlText'] } });
      const context = micromark.parse({ extensions }) as ParseContext & { gfmFootnotes?: string[] };
      emphasisParsers[format] = (text: string) => {
        context.defined = [];
        context.lazy = {};
        delete context.gfmFootnotes;
        // Text whose lines cannot open or end a block is one paragraph: its inline content alone
        // gives the same tokens, five times faster than a document parse.
        const tokenizer = isOneParagraph(text) ? context.text() : context.document();
        return micromark.postprocess(tokenizer.write(micromark.preprocess()(text, undefined, true)));
      };
    }
  })();
  return loading;
}

/** Thrown when a synchronous stage needs the parser before loadMarkdownParser() has resolved. */
export class MarkdownParserNotLoaded extends Error {
  override name = 'MarkdownParserNotLoaded';
}

function parser(format: Format): Parse {
  const parse = parsers[format];
  if (!parse) throw new MarkdownParserNotLoaded('the Markdown parser is not loaded yet');
  return parse;
}

/**
 * Parse `text.slice(start, end)` as a self-contained Markdown region and return its leaf blocks,
 * with offsets in `text` and their inline markup spans filled in.
 */
export function parseMarkdownRegion(text: string, start: number, end: number, format: Format): Block[] {
  const tree = parser(format)(text.slice(start, end));
  const blocks: Block[] = [];
  collectBlocks(tree, [], start, blocks, text);
  return blocks;
}

/**
 * What could make a text more than one plain paragraph: leading indentation, a blank line, or a
 * line (after LF, CR or CRLF, as micromark counts them) that starts a list, quote, heading, rule,
 * table, setext underline, fence or definition.
 */
const BLOCK_SYNTAX = /^[ \t]|(?:\r\n?|\n)[ \t]*(?:\r\n?|\n|$)|(?:^|\r\n?|\n)[ \t]*(?:[-+*>#|=_:\[~`<]|\d{1,9}[.)])/;

/** True when `text` can only be one plain paragraph (see BLOCK_SYNTAX). */
export function isOneParagraph(text: string): boolean {
  return !BLOCK_SYNTAX.test(text);
}

/**
 * Token types of prose that holds no span but emphasis: anything else (a link, a footnote call,
 * a table, code, HTML) and parseEmphasisMarkup leaves the block to parseInlineMarkup.
 */
const EMPHASIS_PROSE = new Set([
  'content', 'paragraph', 'data', 'lineEnding', 'lineEndingBlank', 'linePrefix', 'whitespace',
  'strong', 'strongSequence', 'strongText', 'emphasis', 'emphasisSequence', 'emphasisText',
  'characterEscape', 'escapeMarker', 'characterEscapeValue', 'characterReference',
  'characterReferenceMarker', 'characterReferenceMarkerNumeric', 'characterReferenceMarkerHexadecimal',
  'characterReferenceMarkerSemi', 'characterReferenceValue', 'hardBreakEscape', 'hardBreakTrailing',
  'listOrdered', 'listUnordered', 'listItemPrefix', 'listItemMarker', 'listItemValue',
  'listItemPrefixWhitespace', 'listItemIndent', 'blockQuote', 'blockQuotePrefix', 'blockQuoteMarker',
  'blockQuotePrefixWhitespace', 'atxHeading', 'atxHeadingSequence', 'atxHeadingText', 'setextHeading',
  'setextHeadingText', 'setextHeadingLine', 'setextHeadingLineSequence', 'thematicBreak',
  'thematicBreakSequence',
]);

/**
 * The strong and emphasis spans of a block whose only possible markup is emphasis (`*`, `_`):
 * the same spans as parseInlineMarkup, read from micromark's events — the tokens remark builds
 * its tree from, with the same offsets — without building the tree. Recommendations ask for
 * every emphasised block (bold means emphasised), and remark's set-up per call was most of the
 * cost. Undefined when the text holds anything else, for parseInlineMarkup to parse.
 */
export function parseEmphasisMarkup(text: string, start: number, end: number, format: Format): Span[] | undefined {
  const parse = emphasisParsers[format];
  if (!parse) throw new MarkdownParserNotLoaded('the Markdown parser is not loaded yet');
  const spans: Span[] = [];
  for (const [kind, token] of parse(text.slice(start, end))) {
    if (kind !== 'enter') continue;
    if (token.type === 'strong' || token.type === 'emphasis') {
      spans.push({ type: token.type, start: start + token.start.offset, end: start + token.end.offset });
    } else if (!EMPHASIS_PROSE.has(token.type)) {
      return undefined;
    }
  }
  spans.sort(bySpanStart);
  return spans;
}

/** Inline markup spans of one paragraph, parsed on its own. */
export function parseInlineMarkup(text: string, start: number, end: number, format: Format): Span[] {
  const tree = parser(format)(text.slice(start, end));
  const spans: Span[] = [];
  for (const child of tree.children) {
    if ('children' in child) for (const inline of child.children as Nodes[]) collectSpans(inline, start, spans);
  }
  spans.sort(bySpanStart);
  return spans;
}

function collectBlocks(
  node: Parents,
  containers: readonly ContainerType[],
  base: number,
  out: Block[],
  text: string,
): void {
  for (const child of node.children as Nodes[]) {
    switch (child.type) {
      case 'list':
        collectBlocks(child, containers, base, out, text);
        break;
      case 'listItem': {
        const before = out.length;
        collectBlocks(child, [...containers, 'list-item'], base, out, text);
        const first = out[before];
        if (first && child.position) {
          const marker = text.slice(base + child.position.start.offset!, first.start).trim();
          if (marker) out[before] = makeBlock({ ...first, marker: marker.split(/\s+/)[0]! });
        }
        break;
      }
      case 'blockquote':
        collectBlocks(child, [...containers, 'blockquote'], base, out, text);
        break;
      case 'footnoteDefinition':
        collectBlocks(child, [...containers, 'footnote'], base, out, text);
        break;
      case 'paragraph':
      case 'heading':
      case 'table': {
        const range = rangeOf(child, base);
        if (!range) break;
        const spans: Span[] = [];
        for (const inline of child.children as Nodes[]) collectSpans(inline, base, spans);
        spans.sort(bySpanStart);
        const inline: InlineSource = {
          start: range[0],
          end: range[1],
          markup: spans,
          plain: spans.length === 0,
          emphasisOnly: false,
        };
        out.push(
          makeBlock({
            type: child.type,
            start: range[0],
            end: range[1],
            containers,
            depth: child.type === 'heading' ? child.depth : undefined,
            inline,
          }),
        );
        break;
      }
      case 'code':
      case 'html':
      case 'thematicBreak': {
        const range = rangeOf(child, base);
        if (!range) break;
        out.push(
          makeBlock({
            type: child.type === 'thematicBreak' ? 'thematic-break' : child.type,
            start: range[0],
            end: range[1],
            containers,
            inline: { start: range[0], end: range[1], markup: [], plain: true, emphasisOnly: false },
          }),
        );
        break;
      }
      default:
        break; // definitions carry no prose
    }
  }
}

const SPAN_OF: Partial<Record<string, SpanType>> = {
  strong: 'strong',
  emphasis: 'emphasis',
  link: 'link',
  linkReference: 'link',
  inlineCode: 'code',
  html: 'html',
  footnoteReference: 'footnote-ref',
  image: 'url',
  imageReference: 'url',
};

function collectSpans(node: Nodes, base: number, out: Span[]): void {
  const type = SPAN_OF[node.type];
  const range = rangeOf(node, base);
  if (type && range) {
    if (node.type === 'link') {
      const children = (node.children as Nodes[]).map((c) => rangeOf(c, base)).filter(isRange);
      const isAutolink = textOf(node) === node.url.replace(/^mailto:/, '');
      if (isAutolink) {
        out.push({ type: node.url.startsWith('mailto:') ? 'email' : 'url', start: range[0], end: range[1] });
      } else {
        out.push({ type: 'link', start: range[0], end: range[1] });
        // The destination "(http://…)" after the link text is a URL, not prose.
        const textEnd = children.length ? Math.max(...children.map((c) => c[1])) : range[0] + 1;
        if (textEnd + 1 < range[1]) out.push({ type: 'url', start: textEnd + 1, end: range[1] });
      }
    } else {
      out.push({ type, start: range[0], end: range[1] });
    }
  }
  if ('children' in node) for (const child of node.children as Nodes[]) collectSpans(child, base, out);
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function rangeOf(node: Nodes, base: number): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined) return undefined;
  return [base + s, base + e];
}

function isRange(r: [number, number] | undefined): r is [number, number] {
  return r !== undefined;
}

export function bySpanStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
