// The fast block segmentation must give exactly what remark-parse gives for the whole document.
import { beforeAll, describe, expect, it } from 'vitest';
import { segmentBlocks } from '../src/document/blocks.js';
import { loadMarkdownParser, parseMarkdownRegion } from '../src/document/markdown-parse.js';
import type { Block, Format } from '../src/document/model.js';
import { createDocument } from '../src/document/document.js';
import { corpusDocuments } from './helpers/corpus.js';

beforeAll(() => loadMarkdownParser());

const corpus = corpusDocuments();

const EDGE_CASES: Record<string, string> = {
  'paragraphs and trailing spaces': 'foo  \nbar   \n\n  baz **x**  \n',
  'lists with sub-points': '- i. one\n - a. two\n\n- b. three\n\nAfter the list.\n',
  'ordered question then bullets': '1. Overall, do you agree?\n\n- i. Yes.\n\n12. Next?\n\n2.43 As the third sector has\n',
  'list continuation after blank': '- item\n\n  continued paragraph\n\nnot continued\n',
  'fenced code with blank lines': 'text\n\n```\ncode\n\nstill code\n```\n\nafter\n',
  'html comment across blanks': '<!-- canvass-disable\n\nstill comment -->\nThe voluntary sector.\n\nNext.\n',
  'setext heading': 'Title\n=====\n\nBody text\nmore\n---\n',
  'blockquote': '> quoted voluntary sector\n> more\n\nplain\n',
  'indented code': 'para\n\n    code block\n\npara again\n',
  'table': '| a | b |\n| - | - |\n| voluntary sector | 2 |\n\nafter\n',
  'links and code spans': 'See [the guide](http://x.y/z) and `code` and <http://a.b>.\n\nPlain.\n',
  'heading atx': '# Heading\n\n## Sub\ntext right after\n',
  'crlf': 'one\r\ntwo\r\n\r\n- three\r\n\r\nfour\r\n',
  'tabs': '\tindented with tab\n\npara\n',
  'footnotes': 'Text[^1] here.\n\n[^1]: The note.\n',
  'lone dash lines': 'What is included\n-\nFree access\n-\nEmail newsletter\n',
  'atx headings': '## Head ##  \ntext\n\n#   Head  \n\n#\n\n####### not a heading\n\n# Heading with **bold** and `code`\n',
  'list types change': '- a\n2. b\n\n1. a\n2) b\n\n- a\n* b\n\n+ one\n+ two\n',
  'nested lists': '- a\n  - b\n\n- c\n - d\n   - e\n',
  'thematic breaks': '* * *\n- a\n\n- - -\n\n***\n',
  'list then indented continuation': '- item one\n- item two\n\n  more of item two\n\nAfter.\n',
  'list item markup': '- i. **Bold recommendation** here.\n- ii. A [link](http://x.y) and *emphasis*.\n',
  'items with odd content': '- # heading in item\n\n- > quote in item\n\n-     code in item\n\n-\n\n- 1. nested ordered\n',
  'lines starting with markup': '**Bold** start\n*em* next\n_em_ too\n+44 20 7946\n-word\n\n***\n\n___\n\n- - -\n\n**Title**\n---\n\n*\n\n+ item\n\n_ _ _\n',
  'bold title block': '**Response by the Coalition to:\nStatutory guidance**\n\nContact: A. Person\n',
  'ordered items and numbers': '1. First?\n\n12. Twelfth?\n\n2.43 As the third sector has\n\n3) Third\n',
};

function strip(blocks: Block[]) {
  return blocks.map((b) => ({ type: b.type, start: b.start, end: b.end, containers: b.containers, depth: b.depth, marker: b.marker }));
}

describe('fast segmentation agrees with remark on the whole document', () => {
  const cases = [
    ...corpus.map((c) => ({ name: `corpus/${c.name}`, text: c.text })),
    ...Object.entries(EDGE_CASES).map(([name, text]) => ({ name, text })),
  ];
  for (const format of ['markdown', 'text'] as Format[]) {
    for (const c of cases) {
      it(`${format}: ${c.name}`, () => {
        const fast = segmentBlocks(c.text, format);
        const full = parseMarkdownRegion(c.text, 0, c.text.length, format);
        expect(strip(fast)).toEqual(strip(full));
        // Inline markup spans must agree too.
        const docFast = createDocument('x', c.text, format);
        for (let k = 0; k < fast.length; k++) {
          const a = fast[k]!;
          const b = full[k]!;
          docFast.spansOf(a); // parses the inline markup on the fast path if it was deferred
          expect((a.inline.markup ?? []).map((s) => [s.type, s.start, s.end])).toEqual(
            (b.inline.markup ?? []).map((s) => [s.type, s.start, s.end]),
          );
        }
      });
    }
  }
});

describe('lazy block lookup agrees with segmenting the whole document', () => {
  const cases = [
    ...corpus.map((c) => ({ name: `corpus/${c.name}`, text: c.text })),
    ...Object.entries(EDGE_CASES).map(([name, text]) => ({ name, text })),
  ];
  for (const format of ['markdown', 'text'] as Format[]) {
    for (const c of cases) {
      it(`${format}: ${c.name}`, () => {
        const full = createDocument('x', c.text, format).blocks;
        const lazy = createDocument('x', c.text, format);
        // Ask in a scrambled order, so segments are built out of order and reused.
        let seed = 7;
        const offsets = Array.from({ length: c.text.length + 1 }, (_, i) => i);
        for (let i = offsets.length - 1; i > 0; i--) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const j = seed % (i + 1);
          [offsets[i], offsets[j]] = [offsets[j]!, offsets[i]!];
        }
        for (const o of offsets) {
          const expected = full.find((b) => b.start <= o && o < b.end);
          const got = lazy.blockAt(o);
          if (expected === undefined) expect(got, `offset ${o}`).toBeUndefined();
          else expect(got && strip([got]), `offset ${o}`).toEqual(strip([expected]));
        }
      });
    }
  }
});

describe('blocks in a range: the same lazily, with every block built, and as a filter', () => {
  // With every block built (extract and compare build them), the range is found by binary search.
  const cases = [
    ...corpus.map((c) => ({ name: `corpus/${c.name}`, text: c.text })),
    ...Object.entries(EDGE_CASES).map(([name, text]) => ({ name, text })),
  ];
  for (const c of cases) {
    it(c.name, () => {
      const built = createDocument('x.txt', c.text);
      const all = built.blocks;
      const starts = (blocks: readonly Block[]) => blocks.map((b) => b.start);
      let ranges = 0;
      for (let from = 0; from <= c.text.length; from += 1 + Math.floor(c.text.length / 97)) {
        for (const width of [0, 1, 40, 400, c.text.length]) {
          const to = from + width;
          const expected = starts(all.filter((b) => b.start >= from && b.start < to));
          expect(starts(built.blocksIn(from, to)), `[${from}, ${to})`).toEqual(expected);
          expect(starts(createDocument('x.txt', c.text).blocksIn(from, to)), `lazy [${from}, ${to})`).toEqual(expected);
          if (expected.length) ranges++;
        }
      }
      expect(ranges).toBeGreaterThan(0);
    });
  }
});

describe('the Document object', () => {
  // An object literal with getters kept every file's text alive through young-generation GCs
  // (V8 allocates a literal's accessors in the old generation): 0.2 s of a 1.75 s corpus lint.
  // The getters must live on a class's prototype (docs/architecture.md, "Why Document is a class").
  it('has no getters of its own', () => {
    const doc = createDocument('x.txt', 'The voluntary sector.\n');
    const own = Object.getOwnPropertyDescriptors(doc);
    expect(Object.entries(own).filter(([, d]) => d.get || d.set).map(([k]) => k)).toEqual([]);
    // and still answers through its prototype's getters
    expect(doc.lines.position(4)).toEqual({ line: 1, column: 5 });
    expect(doc.blocks.map((b) => [b.type, b.start, b.end])).toEqual([['paragraph', 0, 21]]);
  });
});
