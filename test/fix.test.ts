import { describe, expect, it } from 'vitest';
import { applyFixes, carryThroughEdits, stillPending } from '../src/lint/fix.js';
import type { Finding } from '../src/lint/finding.js';

function finding(ruleId: string, offset: number, length: number, text?: string): Finding {
  return {
    ruleId,
    severity: 'error',
    message: '',
    line: 1,
    column: offset + 1,
    endLine: 1,
    endColumn: offset + length + 1,
    offset,
    length,
    match: '',
    ...(text !== undefined ? { fix: { offset, length, text } } : {}),
  };
}

describe('applyFixes', () => {
  it('applies fixes in text order and leaves one that overlaps an applied fix for later', () => {
    //             0123456789012345678901234
    const text = 'The Voluntary Sector bids.';
    const caseFix = finding('a/case', 4, 16, 'voluntary sector');
    const nameFix = finding('a/name', 4, 16, 'third sector');
    const other = finding('a/other', 21, 4, 'asks');
    const result = applyFixes(text, [other, nameFix, caseFix]);
    // Equal spans: the first of the sort (stable: nameFix came first) wins.
    expect(result.text).toBe('The third sector asks.');
    expect(result.applied).toBe(2);
    expect(result.skipped).toEqual([caseFix]);
    expect(result.edits).toEqual([
      { offset: 4, length: 16, text: 'third sector' },
      { offset: 21, length: 4, text: 'asks' },
    ]);
  });
});

describe('carryThroughEdits', () => {
  const edits = [
    { offset: 4, length: 16, text: 'third sector' }, // 4 shorter
    { offset: 30, length: 2, text: 'four' }, // 2 longer
  ];
  it('moves a span after an edit by what the edit changed in length', () => {
    expect(carryThroughEdits([{ ruleId: 'r', start: 22, end: 26 }], edits)).toEqual([{ ruleId: 'r', start: 18, end: 22 }]);
    expect(carryThroughEdits([{ ruleId: 'r', start: 40, end: 45 }], edits)).toEqual([{ ruleId: 'r', start: 38, end: 43 }]);
    expect(carryThroughEdits([{ ruleId: 'r', start: 0, end: 3 }], edits)).toEqual([{ ruleId: 'r', start: 0, end: 3 }]);
  });
  it('grows a span an edit overlapped to take in the edit’s new text', () => {
    expect(carryThroughEdits([{ ruleId: 'r', start: 4, end: 20 }], edits)).toEqual([{ ruleId: 'r', start: 4, end: 16 }]);
    expect(carryThroughEdits([{ ruleId: 'r', start: 10, end: 25 }], edits)).toEqual([{ ruleId: 'r', start: 4, end: 21 }]);
    expect(carryThroughEdits([{ ruleId: 'r', start: 0, end: 8 }], edits)).toEqual([{ ruleId: 'r', start: 0, end: 16 }]);
  });
});

describe('stillPending', () => {
  it('keeps a re-lint finding with a fix where the same rule was left waiting, and no other', () => {
    const pending = [{ ruleId: 'a/case', start: 4, end: 16 }];
    const same = finding('a/case', 4, 12, 'third sector');
    const otherRule = finding('a/name', 4, 12, 'x');
    const elsewhere = finding('a/case', 30, 5, 'y');
    const noFix = finding('a/case', 4, 12);
    expect(stillPending([same, otherRule, elsewhere, noFix], pending)).toEqual([same]);
  });
});
