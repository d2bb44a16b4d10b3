// The indexes compare's tables, terminal view and HTML charts count through, and the binary
// search that places a hit in its response.
import { describe, expect, it } from 'vitest';
import { containing } from '../src/compare/compare.js';
import { lookup } from '../src/compare/lookup.js';
import type { Comparison } from '../src/compare/types.js';

function comparison(): Comparison {
  const respondent = (id: number, documentId: number) => ({ id, documentId, name: `R${id}`, consultation: null, date: null, line: 1, endLine: 9 });
  const finding = (id: number, respondentId: number | null, ruleId: string) => ({
    id,
    respondentId,
    documentId: 1,
    ruleId,
    severity: 'error' as const,
    message: 'm',
    match: 'voluntary sector',
    line: id,
    column: 1,
  });
  const hit = (themeId: number, respondentId: number, questionId: number | null) => ({ themeId, respondentId, questionId, documentId: 1, line: 1, match: 'x' });
  return {
    version: 1,
    documents: [
      { id: 1, path: 'a.md', kind: 'response' },
      { id: 2, path: 'b.md', kind: 'response' },
    ],
    respondents: [respondent(1, 1), respondent(2, 2), respondent(3, 2)],
    questions: [
      { id: 1, consultation: null, number: '1', text: 'One?' },
      { id: 2, consultation: 'Other', number: '1', text: 'Other one?' },
    ],
    answers: [
      { respondentId: 1, questionId: 1, stance: 'supportive', stanceCues: [], recommendations: 2, line: 3 },
      { respondentId: 3, questionId: 2, stance: 'critical', stanceCues: [], recommendations: 0, line: 4 },
    ],
    recommendations: [
      { id: 1, respondentId: 1, questionId: 1, text: 'a', cue: 'should', strength: 'should', emphasised: false, target: null, documentId: 1, line: 4, column: 1 },
      { id: 2, respondentId: 1, questionId: 1, text: 'b', cue: 'should', strength: 'should', emphasised: false, target: null, documentId: 1, line: 5, column: 1 },
      { id: 3, respondentId: 2, questionId: null, text: 'c', cue: 'must', strength: 'must', emphasised: false, target: null, documentId: 2, line: 2, column: 1 },
    ],
    findings: [finding(1, 1, 'p/a'), finding(2, 1, 'p/a'), finding(3, 1, 'p/b'), finding(4, null, 'p/a'), finding(5, 2, 'p/a')],
    terms: [
      { id: 1, term: 'third sector' },
      { id: 2, term: 'voluntary sector' },
    ],
    termUsage: [
      { respondentId: 1, termId: 1, count: 3 },
      { respondentId: 2, termId: 1, count: 4 },
      { respondentId: 2, termId: 2, count: 1 },
    ],
    frame: 'f',
    themes: [
      { id: 1, key: 'a', label: 'A' },
      { id: 2, key: 'b', label: 'B' },
    ],
    themeHits: [hit(1, 1, 1), hit(1, 1, 1), hit(1, 2, null), hit(2, 3, 2)],
    problems: [],
  };
}

describe('lookup', () => {
  const c = comparison();
  const index = lookup(c);

  it('finds entities by id, and nothing for an unknown id', () => {
    expect(index.document(2)?.path).toBe('b.md');
    expect(index.respondent(3)?.documentId).toBe(2);
    expect(index.question(2)?.consultation).toBe('Other');
    expect(index.document(9)).toBeUndefined();
  });

  it('finds a respondent’s answer to a question, and who answered a set of questions', () => {
    expect(index.answer(1, 1)?.stance).toBe('supportive');
    expect(index.answer(1, 3)).toBeUndefined();
    expect(index.answeredBy(new Set([1, 2]))).toEqual([1, 3]);
    expect(index.answeredBy(new Set([2]))).toEqual([3]);
  });

  it('counts term uses per respondent and in all', () => {
    expect(index.termCount(2, 1)).toBe(4);
    expect(index.termCount(1, 2)).toBe(0);
    expect(index.termTotal(1)).toBe(7);
    expect(index.termTotal(2)).toBe(1);
  });

  it('counts findings per respondent and rule, leaving out those outside every response', () => {
    expect(index.findingCount(1, 'p/a')).toBe(2);
    expect(index.findingCount(1, 'p/b')).toBe(1);
    expect(index.findingCount(2, 'p/a')).toBe(1);
    expect(index.findingCount(3, 'p/a')).toBe(0);
  });

  it('counts theme passages per respondent, per question and in all', () => {
    expect(index.themeCount(1, 1)).toBe(2);
    expect(index.themeCount(2, 1)).toBe(1);
    expect(index.themeQuestionCount(1, 1)).toBe(2);
    expect(index.themeQuestionCount(2, 2)).toBe(1);
    expect(index.themeQuestionCount(2, 1)).toBe(0);
    expect(index.themeTotal(1)).toBe(3);
  });

  it('counts recommendations per question and outside any', () => {
    expect(index.recommendationCount(1)).toBe(2);
    expect(index.recommendationCount(2)).toBe(0);
    expect(index.recommendationCount(null)).toBe(1);
  });

  it('is built once per comparison', () => {
    expect(lookup(c)).toBe(index);
    expect(lookup(comparison())).not.toBe(index);
  });
});

describe('containing', () => {
  const ranges: Array<[number, number]> = [
    [0, 10],
    [10, 25],
    [40, 41],
  ];

  it('finds the range holding a position: start inclusive, end exclusive', () => {
    expect(containing(ranges, 0)).toBe(0);
    expect(containing(ranges, 9)).toBe(0);
    expect(containing(ranges, 10)).toBe(1);
    expect(containing(ranges, 24)).toBe(1);
    expect(containing(ranges, 40)).toBe(2);
  });

  it('returns -1 in a gap, before the first range, after the last, and with no ranges', () => {
    expect(containing(ranges, 25)).toBe(-1);
    expect(containing(ranges, 39)).toBe(-1);
    expect(containing(ranges, 41)).toBe(-1);
    expect(containing(ranges, -1)).toBe(-1);
    expect(containing([], 0)).toBe(-1);
  });
});
