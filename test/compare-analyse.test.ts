// analyseDocument places each theme passage under the question whose answer holds it (found by a
// search over the answers, which are in document order).
import { describe, expect, it } from 'vitest';
import { analyseDocument, makeCounters } from '../src/compare/compare.js';
import { loadFrame } from '../src/compare/frame.js';
import { createDocument } from '../src/document/document.js';
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
