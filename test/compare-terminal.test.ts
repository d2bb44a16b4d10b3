// The terminal view of a comparison, on hand-built comparisons: what happens when a corpus has
// more respondents than a screen has columns, and how long words are broken rather than cut.
import { describe, expect, it } from 'vitest';
import { breakLongWords, comparisonToTerminal } from '../src/compare/terminal.js';
import type { Comparison } from '../src/compare/types.js';

/** `n` respondents, one document each, all answering Q1 and each writing "voluntary sector" once. */
function crowd(n: number): Comparison {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  return {
    version: 1,
    documents: ids.map((id) => ({ id, path: `responses/r${id}.txt`, kind: 'response' })),
    respondents: ids.map((id) => ({ id, documentId: id, name: `Org ${id}`, consultation: null, date: null, line: 1, endLine: 20 })),
    questions: [{ id: 1, consultation: null, number: '1', text: 'Do you agree?' }],
    answers: ids.map((id) => ({ respondentId: id, questionId: 1, stance: id % 2 ? 'supportive' : 'critical', stanceCues: [], recommendations: 0, line: 3 })),
    recommendations: [],
    findings: ids.map((id) => ({
      id,
      respondentId: id,
      documentId: id,
      ruleId: 'third-sector/voluntary-for-third',
      severity: 'error',
      message: "'voluntary sector' leaves out social enterprises",
      match: 'voluntary sector',
      line: 5,
      column: 1,
    })),
    terms: [],
    termUsage: [],
    frame: null,
    themes: [],
    themeHits: [],
    problems: [],
  };
}

describe('comparisonToTerminal with many respondents', () => {
  const out = comparisonToTerminal(crowd(25), { width: 100, color: false });

  it('lists answers per question instead of a table wider than the screen', () => {
    const section = out.split('Questions × respondents\n')[1]!.split('\n\n')[0]!;
    expect(section).not.toMatch(/[│┌]/);
    expect(section.split('\n').slice(0, 4)).toEqual(['Consultation not stated', 'Q1 Do you agree?', '  Org 1: supportive, 0 recs', '  Org 2: critical, 0 recs']);
    expect(section).toContain('  Org 25: supportive, 0 recs');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('keeps the summary short: ten respondents under "Terminology to fix", then how many more', () => {
    const fixes = out.split('Terminology to fix\n')[1]!.split('\n\n')[0]!;
    expect(fixes).toContain('  Org 10: responses/r10.txt, line 5\n');
    expect(fixes).not.toContain('Org 11:');
    expect(fixes).toContain('  … and 15 more: canvass compare --by term lists them all');
  });

  it('draws the table while the respondents fit', () => {
    const few = comparisonToTerminal(crowd(3), { width: 100, color: false, by: 'questions' });
    expect(few).toMatch(/│ Question +│ Org 1 +│ Org 2 +│ Org 3 +│/);
  });
});

describe('breakLongWords', () => {
  it('leaves words that fit', () => {
    expect(breakLongWords('third sector organisations', 13)).toBe('third sector organisations');
  });

  it('breaks a path after its last slash that fits, keeping the file name whole', () => {
    expect(breakLongWords('corpus/cypnow-outsourcing.txt:4', 24)).toBe('corpus/\ncypnow-outsourcing.txt:4');
  });

  it('breaks at hyphens, then anywhere, never losing a character', () => {
    expect(breakLongWords('dpulo-blog-social-enterprise', 12)).toBe('dpulo-blog-\nsocial-\nenterprise');
    expect(breakLongWords('Representation', 9)).toBe('Represent\nation');
  });

  it('works line by line', () => {
    expect(breakLongWords('a\nabcdefgh', 4)).toBe('a\nabcd\nefgh');
  });
});
