// analyseDocument places each theme passage under the question whose answer holds it (found by a
// search over the answers, which are in document order), and counts no words of a directive.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseDocument, countingScanner, makeCounters, termsOf, type Counters } from '../src/compare/compare.js';
import { loadFrame } from '../src/compare/frame.js';
import { createDocument, withMarkdownParser } from '../src/document/document.js';
import { compileRuleSet, type RuleSet } from '../src/lint/compile.js';
import { resolvePack } from '../src/packs/load.js';
import { repoRoot } from './helpers/cli.js';

const text = [
  'Response to the consultation on commissioning', // line 1: before any question
  '',
  'PC-1 and PC-2: Do you agree with the proposals?', // line 3: one mark, two numbers
  '',
  'We are concerned about commissioning.', // line 5
  '',
  'Question 3: Is the guidance clear?', // line 7
  '',
  'No. Funding is short.', // line 9
  '',
  'We also think more evidence is needed.', // line 11
  '',
].join('\n');

describe('theme passages by question', () => {
  it('gives the first number of a mark with several, the later question after it, and none before the first', async () => {
    const frame = await loadFrame('childrens-services', repoRoot);
    const analysis = await analyseDocument(createDocument('multi.md', text), undefined, makeCounters([], frame));
    expect(analysis.extracted.responses[0]!.questions.map((q) => q.number)).toEqual(['PC-1', 'PC-2', '3']);
    expect(analysis.themeHits.map((h) => [h.theme, h.line, h.question, h.match])).toEqual([
      ['commissioning', 1, null, 'commissioning'],
      ['commissioning', 5, 'PC-1', 'commissioning'],
      ['funding', 9, '3', 'Funding'],
      ['evidence', 11, '3', 'evidence'],
    ]);
  });
});

describe('directives are not counted', () => {
  // The rule ids in these directives hold two of the pack's terms: 'third-sector' is written
  // 'third sector' with a hyphen, and 'co-operation' is a variant of the co-operation rule; and
  // 'non-profit' holds the frame's 'profit'. Only the sentences are prose: each term once.
  const markdown = [
    'Response from the Play Network',
    '',
    '<!-- canvass-disable third-sector/co-operation -->',
    'We value co-operation with the third sector.',
    '<!-- canvass-enable third-sector/co-operation -->',
    '',
  ].join('\n');
  const plain = [
    'Response from the Youth Trust', // line 1
    '',
    'canvass-disable-next-line third-sector/co-operation', // line 3
    'We value co-operation with the third sector.', // line 4
    '',
    'canvass-disable-next-line third-sector/non-profit', // line 6
    'We are a non-profit.', // line 7
    '',
    '<!-- canvass-disable third-sector/non-profit -->', // line 9
    '',
    'Our board met.', // line 11
    '',
  ].join('\n');

  let ruleSet: RuleSet;
  let counters: Counters;
  beforeAll(async () => {
    ruleSet = compileRuleSet([await resolvePack('third-sector', repoRoot)]);
    counters = makeCounters(termsOf([ruleSet]), await loadFrame('childrens-services', repoRoot));
  });

  // Scanned here, and as the read-ahead thread hands over its scan (hits as numbers, and its findings).
  const analyses = async (path: string, text: string) => {
    const scanner = countingScanner(counters, ruleSet).scanner;
    const here = await withMarkdownParser(() => analyseDocument(createDocument(path, text), ruleSet, counters));
    const linted = { hits: { scanner, flat: scanner.scanFlat(text) }, findings: here.findings };
    const ahead = await withMarkdownParser(() => analyseDocument(createDocument(path, text), ruleSet, counters, { linted }));
    return [here, ahead];
  };

  it('leaves the words of a Markdown comment directive out of the term counts', async () => {
    for (const analysis of await analyses('play.md', markdown)) {
      expect(analysis.termCounts).toEqual([
        new Map([
          ['co-operation', 1],
          ['third sector', 1],
        ]),
      ]);
    }
  });

  it('leaves the words of a bare directive line and a comment in plain text out of the term counts and theme passages', async () => {
    for (const analysis of await analyses('youth.txt', plain)) {
      expect(analysis.termCounts).toEqual([
        new Map([
          ['co-operation', 1],
          ['third sector', 1],
          ['non-profit', 1],
        ]),
      ]);
      expect(analysis.themeHits.map((h) => [h.theme, h.line, h.match])).toEqual([
        ['representation', 11, 'board'],
        ['profit', 7, 'profit'],
      ]);
    }
  });
});
