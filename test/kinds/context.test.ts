// when/unless context conditions and inline directives.
import { describe, expect, it } from 'vitest';
import type { SubstitutionRule } from '../../src/packs/types.js';
import { lintText, where } from '../helpers/lint-text.js';

const base: SubstitutionRule = {
  id: 'vs',
  kind: 'substitution',
  severity: 'error',
  message: 'x',
  swap: { 'voluntary sector': 'third sector' },
};

describe('context conditions', () => {
  it('when near ... within paragraph', async () => {
    const r = { ...base, when: [{ near: ['social enterprise'], within: 'paragraph' as const }] };
    const text = 'The voluntary sector and social enterprises.\n\nThe voluntary sector alone.\n';
    expect(where(await lintText(text, [r]))).toEqual(['1:5 voluntary sector']);
  });

  it('when near ... within sentence', async () => {
    const r = { ...base, when: [{ near: ['mutuals'], within: 'sentence' as const }] };
    const text = 'The voluntary sector and mutuals. The voluntary sector again.';
    expect(where(await lintText(text, [r]))).toEqual(['1:5 voluntary sector']);
  });

  it('when near ... within section: sections start at headings and at numbered questions', async () => {
    const r = { ...base, when: [{ near: ['third sector'], within: 'section' as const }] };
    const text = [
      '# About us',
      '',
      'We are the voluntary sector.',
      '',
      '1. Do you agree with the guidance?',
      '',
      'The third sector is missing. The voluntary sector is left out.',
      '',
      'Question 2: Is it clear?',
      '',
      'Our voluntary sector members agree.',
    ].join('\n');
    expect(where(await lintText(text, [r]))).toEqual(['7:34 voluntary sector']);
  });

  it('when near ... within document, and unless', async () => {
    const r = { ...base, when: [{ near: ['third sector'], within: 'document' as const }] };
    const text = 'The voluntary sector.\n\nLater, the third sector.\n';
    expect(where(await lintText(text, [r]))).toEqual(['1:5 voluntary sector']);
    const u = { ...base, unless: [{ near: ['charities'], within: 'sentence' as const }] };
    expect(where(await lintText('The voluntary sector of charities. The voluntary sector.', [u]))).toEqual([
      '1:40 voluntary sector',
    ]);
  });

  it('any of several when conditions suffices', async () => {
    const r = {
      ...base,
      when: [
        { near: ['mutuals'], within: 'paragraph' as const },
        { near: ['third sector'], within: 'document' as const },
      ],
    };
    expect(where(await lintText('Mutuals and the voluntary sector.', [r]))).toEqual(['1:17 voluntary sector']);
    expect(await lintText('Only the voluntary sector.', [r])).toEqual([]);
  });
});

describe('inline directives', () => {
  it('disable/enable ranges, by rule id or pack, in Markdown comments', async () => {
    const text = [
      'The voluntary sector.',
      '<!-- canvass-disable test/vs -->',
      'The voluntary sector.',
      '<!-- canvass-enable -->',
      'The voluntary sector.',
      '<!-- canvass-disable test -->',
      'The voluntary sector.',
    ].join('\n');
    expect(where(await lintText(text, [base]))).toEqual(['1:5 voluntary sector', '5:5 voluntary sector']);
  });

  it('disable-next-line, and bare lines in plain text', async () => {
    const md = 'The voluntary sector.\n<!-- canvass-disable-next-line -->\nThe voluntary sector.\n';
    expect(where(await lintText(md, [base]))).toEqual(['1:5 voluntary sector']);
    const txt = 'canvass-disable-next-line test/vs\nThe voluntary sector.\nThe voluntary sector.\n';
    expect(where(await lintText(txt, [base], { format: 'text' }))).toEqual(['3:5 voluntary sector']);
  });

  it('warns about an unknown rule id in a directive', async () => {
    const findings = await lintText('<!-- canvass-disable test/nope -->\nText.\n', [base]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'canvass/directive', severity: 'warning', line: 1, column: 1 });
    expect(findings[0]!.message).toContain("unknown rule 'test/nope'");
  });
});
