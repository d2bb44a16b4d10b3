import { describe, expect, it } from 'vitest';
import type { ConsistencyRule } from '../../src/packs/types.js';
import { lintText, where } from '../helpers/lint-text.js';

const rule: ConsistencyRule = {
  id: 'consistent',
  kind: 'consistency',
  severity: 'warning',
  message: "'{{actual}}' ({{count}}) vs '{{expected}}' ({{expectedCount}})",
  variants: [
    ['co-operation', 'cooperation'],
    ['wellbeing', 'well-being'],
  ],
};

describe('consistency', () => {
  it('flags the minority form with both counts and a fix to the majority form', async () => {
    const text = 'Co-operation matters.\n\nWe want co-operations, not cooperation.\n\nReal co-operation.\n';
    const findings = await lintText(text, [rule]);
    expect(where(findings)).toEqual(['3:28 cooperation']);
    expect(findings[0]!.message).toBe("'cooperation' (1) vs 'co-operation' (3)");
    expect(findings[0]!.fix).toEqual({ offset: text.indexOf('cooperation'), length: 11, text: 'co-operation' });
  });

  it('does not count text switched off for the rule by a directive', async () => {
    const text = [
      'Real co-operation helps.',
      '',
      '<!-- canvass-disable test/consistent -->',
      'Their plan said cooperation, cooperation and more cooperation.',
      '<!-- canvass-enable test/consistent -->',
      '',
      'Co-operation again, and cooperation once.',
    ].join('\n');
    // Outside the switched-off lines: co-operation twice, cooperation once (7:25). The three
    // switched off would have made cooperation the majority and flagged both co-operations.
    const findings = await lintText(text, [rule]);
    expect(where(findings)).toEqual(['7:25 cooperation']);
    expect(findings[0]!.message).toBe("'cooperation' (1) vs 'co-operation' (2)");
    // Switching off another rule changes nothing for this one.
    const other = text.replaceAll('test/consistent', 'test/elsewhere');
    expect(where(await lintText(other, [rule, { ...rule, id: 'elsewhere', variants: [['x-ray', 'xray']] }]))).toEqual(['1:6 co-operation', '7:1 Co-operation']);
  });

  it('writes the preferred form as a substitution writes its replacement: capitals on every word in running text are not copied', async () => {
    const findings = await lintText('# Our Well-Being\n\nOur wellbeing matters. Wellbeing is key. We value Well-Being.\n', [rule]);
    expect(where(findings)).toEqual(['1:7 Well-Being', '3:51 Well-Being']);
    // The heading keeps its capitals; mid-sentence, the form as the pack writes it.
    expect(findings.map((f) => f.expected)).toEqual(['Wellbeing', 'wellbeing']);
  });

  it('on a tie the form listed first wins', async () => {
    const findings = await lintText('Well-being first. Then wellbeing.', [rule]);
    expect(where(findings)).toEqual(['1:1 Well-being']);
    expect(findings[0]!.expected).toBe('Wellbeing');
  });

  it('is quiet when a document uses one form, and ignores quoted forms', async () => {
    expect(await lintText('Cooperation, cooperation and ‘co-operation’.', [rule])).toEqual([]);
  });

  it('treats each group on its own', async () => {
    const findings = await lintText('wellbeing, wellbeing, well-being; cooperation.', [rule]);
    expect(where(findings)).toEqual(['1:23 well-being']);
  });
});
