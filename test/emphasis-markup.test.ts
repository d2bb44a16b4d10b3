// parseEmphasisMarkup reads strong and emphasis from micromark's events without remark's tree:
// it must give exactly the spans parseInlineMarkup gives, or give up (undefined) and leave the
// text to it. Checked on every emphasis block of the corpus and on generated texts that mix
// emphasis with the constructs that could change it (lists, quotes, headings, escapes,
// references, tables, line breaks).
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { isOneParagraph, loadMarkdownParser, parseEmphasisMarkup, parseInlineMarkup } from '../src/document/markdown-parse.js';
import type { Format } from '../src/document/model.js';
import { corpusDocuments } from './helpers/corpus.js';

beforeAll(() => loadMarkdownParser());

describe('parseEmphasisMarkup', () => {
  it('finds the bold of a paragraph, with offsets in the whole text', () => {
    const text = 'Intro.\n\nWe **strongly urge** the _department_ to act.\n';
    const start = text.indexOf('We');
    const end = text.indexOf('\n', start);
    const strong = text.indexOf('**strongly');
    const em = text.indexOf('_department_');
    expect(parseEmphasisMarkup(text, start, end, 'text')).toEqual([
      { type: 'strong', start: strong, end: strong + '**strongly urge**'.length },
      { type: 'emphasis', start: em, end: em + '_department_'.length },
    ]);
  });

  it('finds nothing where the marks do not make emphasis', () => {
    const text = 'a * b and snake_case_name and 5 * 3 * 2 and ** alone';
    expect(parseEmphasisMarkup(text, 0, text.length, 'text')).toEqual([]);
  });

  it('gives up on a link, a footnote call or a table, and forgets a definition between calls', () => {
    const withDefinition = '[a]: http://x.y\n\nSee [a] and **this**.';
    expect(parseEmphasisMarkup(withDefinition, 0, withDefinition.length, 'markdown')).toBeUndefined();
    // The same reference without its definition is plain text: the earlier call's label is gone.
    const withoutDefinition = 'See [a] and **this**.';
    expect(parseEmphasisMarkup(withoutDefinition, 0, withoutDefinition.length, 'markdown')).toEqual([
      { type: 'strong', start: 12, end: 20 },
    ]);
    const footnote = 'Text[^1] **here**.\n\n[^1]: The note.';
    expect(parseEmphasisMarkup(footnote, 0, footnote.length, 'markdown')).toBeUndefined();
    const table = '| **a** | b |\n| - | - |\n| c | d |';
    expect(parseEmphasisMarkup(table, 0, table.length, 'markdown')).toBeUndefined();
  });

  it('sees a block opened after any line ending (LF, CR, CRLF): the bold cannot cross into it', () => {
    // A list item, a quote or a heading interrupts the paragraph, so the two ** do not pair.
    for (const eol of ['\n', '\r', '\r\n']) {
      for (const opener of ['- ', '> ', '# ', '1. ']) {
        const text = `a **b${eol}${opener}c** d`;
        expect(parseEmphasisMarkup(text, 0, text.length, 'text'), JSON.stringify(text)).toEqual([]);
      }
    }
    // Without a block opener the line ending is inside one paragraph, and the bold spans it.
    const text = 'a **b\rc** d';
    expect(parseEmphasisMarkup(text, 0, text.length, 'text')).toEqual([{ type: 'strong', start: 2, end: 9 }]);
  });

  it('agrees with parseInlineMarkup on every emphasis block of the corpus', () => {
    let checked = 0;
    for (const { name, text } of corpusDocuments()) {
      const doc = createDocument(name, text);
      for (const block of doc.blocks) {
        if (!block.inline.emphasisOnly) continue;
        const { start, end } = block.inline;
        const fast = parseEmphasisMarkup(text, start, end, doc.format);
        expect(fast, `${name}:${doc.lines.position(start).line}`).toEqual(parseInlineMarkup(text, start, end, doc.format));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  it('agrees with parseInlineMarkup on generated texts, in both formats, or gives up', () => {
    // A fixed linear congruential sequence: the same texts on every run.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['*', '*', '**', '_', '__', ' ', ' ', 'a', 'bc', 'Word', '\n', '\n\n', '- ', '1. ', '> ', '# ',
      '\\', '&amp;', '[', ']', ':', '^', '|', '---', '    ', '\t', '.', '(', ')', '"', '’', 'é', '\r\n', '  \n', '=', '+ ', '2) ',
      // Whole constructs that make spans other than emphasis, so that giving up is tested too.
      '\n[a]: http://x.y\n', '[a]', '[^1]', '\n[^1]: note\n', '\n| a | b |\n| - | - |\n', '![i]', '&#42;',
      // Lines that open blocks, after each kind of line ending: the inline-only parse must not see them.
      '\r', '\r- ', '\n> ', '\n===', '\n***', '\n    ', 'a | b\n:-- | --:\n', '\n10) ', '\n~~~\n'];
    // Half the texts from pieces without line breaks: most of those are parsed as inline content.
    const onOneLine = pieces.filter((p) => !/[\r\n]/.test(p));
    let fast = 0;
    let inlineOnly = 0;
    for (let i = 0; i < 4000; i++) {
      const from = i % 2 ? pieces : onOneLine;
      let body = '';
      const length = 1 + Math.floor(next() * 25);
      for (let j = 0; j < length; j++) body += from[Math.floor(next() * from.length)];
      if (isOneParagraph(body)) inlineOnly++;
      const text = `x ${body} y`;
      for (const format of ['text', 'markdown'] as Format[]) {
        const spans = parseEmphasisMarkup(text, 2, 2 + body.length, format);
        if (spans === undefined) continue;
        fast++;
        expect(spans, `${format} ${JSON.stringify(body)}`).toEqual(parseInlineMarkup(text, 2, 2 + body.length, format));
      }
    }
    // Of the 8,000 parses, thousands take the fast path and thousands give up, and a fifth of
    // the texts (858) are parsed as inline content alone: each way is tested.
    expect(fast).toBeGreaterThan(2000);
    expect(8000 - fast).toBeGreaterThan(2000);
    expect(inlineOnly).toBeGreaterThan(700);
  });
});
