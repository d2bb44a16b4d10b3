// The fast block segmentation must give exactly what remark-parse gives for the whole document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { segmentBlocks } from '../src/document/blocks.js';
import { loadMarkdownParser, parseMarkdownRegion } from '../src/document/markdown-parse.js';
import type { Block, Format } from '../src/document/model.js';
import { createDocument } from '../src/document/document.js';

beforeAll(() => loadMarkdownParser());

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'utf8') }));

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
