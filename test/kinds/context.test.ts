// when/unless context conditions and inline directives.
import { describe, expect, it } from 'vitest';
import type { ConsistencyRule, ExistenceRule, SubstitutionRule } from '../../src/packs/types.js';
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

  it('takes what follows " -- " in a directive as its reason, not as rule names', async () => {
    const md = [
      '<!-- canvass-disable-next-line test/vs -- the Act\'s own words -->',
      'The voluntary sector.',
      '<!-- canvass-disable test/vs, test/other -- quoting the 2008 survey -->',
      'The voluntary sector.',
      '<!-- canvass-enable -- back to our words -->',
      'The voluntary sector.',
    ].join('\n');
    const other = { ...base, id: 'other' };
    // Line 2 by the other rule (the first directive names test/vs only), line 6 by both; and no
    // "unknown rule" warning for the reasons' words ("the", "Act's", "quoting"...).
    expect(where(await lintText(md, [base, other]))).toEqual(['2:5 voluntary sector', '6:5 voluntary sector', '6:5 voluntary sector']);
    const txt = 'canvass-disable-next-line test/vs -- a quotation\nThe voluntary sector.\nThe voluntary sector.\n';
    expect(where(await lintText(txt, [base], { format: 'text' }))).toEqual(['3:5 voluntary sector']);
  });

  it('disable-next-line, and bare lines in plain text', async () => {
    const md = 'The voluntary sector.\n<!-- canvass-disable-next-line -->\nThe voluntary sector.\n';
    expect(where(await lintText(md, [base]))).toEqual(['1:5 voluntary sector']);
    const txt = 'canvass-disable-next-line test/vs\nThe voluntary sector.\nThe voluntary sector.\n';
    expect(where(await lintText(txt, [base], { format: 'text' }))).toEqual(['3:5 voluntary sector']);
  });

  it('disable-next-line in a Markdown blockquote skips the quote\'s blank ">" lines, as it skips blank lines', async () => {
    // A rule that applies in blockquotes (they are excluded by default).
    const quoted = { ...base, scope: ['blockquote'] };
    const lines = ['> <!-- canvass-disable-next-line test/vs -->', '>', '> The voluntary sector.', '>', '> The voluntary sector.'];
    // "> The " puts the term at column 7; line 3 is the next line that is not blank.
    expect(where(await lintText(lines.join('\n'), [quoted]))).toEqual(['5:7 voluntary sector']);
    expect(where(await lintText(lines.join('\r\n'), [quoted]))).toEqual(['5:7 voluntary sector']);
    // A nested quote's blank line is ">>" or "> >".
    const nested = ['> > <!-- canvass-disable-next-line -->', '> >', '>>  ', '> > The voluntary sector.', '> > The voluntary sector.'];
    expect(where(await lintText(nested.join('\n'), [quoted]))).toEqual(['5:9 voluntary sector']);
  });

  it('a directive is not prose: its words are never flagged (plain text, bare or in a comment)', async () => {
    const nonProfit: ExistenceRule = { id: 'non-profit', kind: 'existence', severity: 'warning', message: 'x', terms: ['non-profit'] };
    const text = [
      'canvass-disable test/non-profit',
      'A non-profit replied.',
      'canvass-enable test/non-profit',
      '<!-- canvass-disable-next-line test/non-profit -->',
      'A non-profit replied.',
      'A non-profit replied.',
    ].join('\n');
    // Only line 6 is neither a directive nor switched off; "A " puts the term at column 3.
    expect(where(await lintText(text, [nonProfit], { format: 'text' }))).toEqual(['6:3 non-profit']);
  });

  it('a directive line is not counted by a consistency rule', async () => {
    const coOperation: ConsistencyRule = {
      id: 'co-operation',
      kind: 'consistency',
      severity: 'warning',
      message: '{{expected}} {{expectedCount}}, {{actual}} {{count}}',
      variants: [['co-operation', 'cooperation']],
    };
    // Without the directive's own 'co-operation', the text writes co-operation once and
    // cooperation once: a tie, which the form listed first wins.
    const tie = 'Co-operation matters.\ncanvass-disable-next-line test/co-operation\nA line.\nWe value cooperation.\n';
    const tieFindings = await lintText(tie, [coOperation], { format: 'text' });
    expect(where(tieFindings)).toEqual(['4:10 cooperation']);
    expect(tieFindings[0]!.message).toBe('co-operation 1, cooperation 1');
    // Here the text only ever writes 'cooperation': nothing to flag, and no fix for the directive.
    const oneForm = 'We value cooperation.\nReal cooperation helps.\ncanvass-disable-next-line test/co-operation\nCooperation is hard.\n';
    expect(await lintText(oneForm, [coOperation], { format: 'text' })).toEqual([]);
  });

  it('a misspelt directive is reported where it is written and switches nothing off', async () => {
    const unknown = (name: string) =>
      `unknown directive 'canvass-${name}'; it does nothing (the directives are canvass-disable, canvass-enable and canvass-disable-next-line)`;
    const md = 'Intro.\n\n<!-- canvass-disable-line test/vs -->\nThe voluntary sector.\n\nThe voluntary sector.\n';
    const mdFindings = await lintText(md, [base]);
    expect(where(mdFindings)).toEqual(['3:1 <!-- canvass-disable-line test/vs -->', '4:5 voluntary sector', '6:5 voluntary sector']);
    expect(mdFindings[0]).toMatchObject({ ruleId: 'canvass/directive', severity: 'warning', message: unknown('disable-line') });
    // In a comment, any canvass- word is taken as meant for a directive.
    const ignore = await lintText('<!-- canvass-ignore test/vs -->\nThe voluntary sector.\n', [base]);
    expect(where(ignore)).toEqual(['1:1 <!-- canvass-ignore test/vs -->', '2:5 voluntary sector']);
    expect(ignore[0]!.message).toBe(unknown('ignore'));
    const txt = 'Intro.\n  canvass-enable-next-line test/vs\ncanvass-disabled\nThe voluntary sector.\n';
    const txtFindings = await lintText(txt, [base], { format: 'text' });
    // A bare line's directive starts where its line does, indentation included.
    expect(where(txtFindings)).toEqual(['2:1   canvass-enable-next-line test/vs', '3:1 canvass-disabled', '4:5 voluntary sector']);
    expect(txtFindings.map((f) => f.message).slice(0, 2)).toEqual([unknown('enable-next-line'), unknown('disabled')]);
  });

  it('a directive in a code fence or a code span is text, not a directive', async () => {
    const fence = '```\n<!-- canvass-disable test/vs -->\n```\n\nThe voluntary sector.\n';
    expect(where(await lintText(fence, [base]))).toEqual(['5:5 voluntary sector']);
    const span = 'Use `<!-- canvass-disable-next-line -->` to switch a line off.\nThe voluntary sector.\n';
    expect(where(await lintText(span, [base]))).toEqual(['2:5 voluntary sector']);
    // A directive quoted in code does not swallow the real one that follows, up to its "-->".
    const quoted = 'Write `<!-- canvass-disable` to begin.\n\n<!-- canvass-disable-next-line test/vs -->\nThe voluntary sector.\n\nThe voluntary sector.\n';
    expect(where(await lintText(quoted, [base]))).toEqual(['6:5 voluntary sector']);
    const txt = '```\ncanvass-disable test/vs\n```\nThe voluntary sector.\n';
    expect(where(await lintText(txt, [base], { format: 'text' }))).toEqual(['4:5 voluntary sector']);
  });

  it('warns about an unknown rule id in a directive', async () => {
    const findings = await lintText('<!-- canvass-disable test/nope -->\nText.\n', [base]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'canvass/directive', severity: 'warning', line: 1, column: 1 });
    expect(findings[0]!.message).toContain("unknown rule 'test/nope'");
  });

  it('an unknown rule\'s warning gives an example from the packs loaded, and names a pack that is not loaded', async () => {
    const findings = await lintText('<!-- canvass-disable other/vs test/nope -->\nText.\n', [base]);
    expect(findings.map((f) => f.message)).toEqual([
      // The rule set holds the pack 'test' alone, whose one rule is 'test/vs'.
      "unknown rule 'other/vs' in canvass-disable; it disables nothing (the pack 'other' is not loaded for this file; loaded packs: test)",
      "unknown rule 'test/nope' in canvass-disable; it disables nothing (use a rule id like 'test/vs' or a pack name)",
    ]);
  });
});
