import { describe, expect, it } from 'vitest';
import type { ExistenceRule } from '../../src/packs/types.js';
import { lintText, where } from '../helpers/lint-text.js';

const rule: ExistenceRule = {
  id: 'exists',
  kind: 'existence',
  severity: 'suggestion',
  message: "Avoid '{{actual}}'",
  terms: ['non-profit', 'nonprofit', '/\\bNGOs?\\b/'],
};

describe('existence', () => {
  it('flags every occurrence of every term, phrases and regexes alike', async () => {
    const findings = await lintText('Non-profit groups.\n\nTwo nonprofits and an NGO, and non profit.\n', [rule]);
    expect(where(findings)).toEqual(['1:1 Non-profit', '3:5 nonprofits', '3:23 NGO', '3:32 non profit']);
    expect(findings.map((f) => f.message)).toEqual([
      "Avoid 'Non-profit'",
      "Avoid 'nonprofits'",
      "Avoid 'NGO'",
      "Avoid 'non profit'",
    ]);
    expect(findings.every((f) => f.fix === undefined && f.severity === 'suggestion')).toBe(true);
  });

  it('inflects a last word that ends in an accented letter, and not a possessive', async () => {
    const terms: ExistenceRule = { ...rule, terms: ['café', "children's"] };
    const text = 'Two cafés and a café. The children’s view.\n\nA book for children’ ends here.\n';
    expect(where(await lintText(text, [terms]))).toEqual(['1:5 cafés', '1:17 café', '1:27 children’s']);
  });

  it('counts are exact: nothing when absent', async () => {
    expect(await lintText('A not-for-profit organisation.', [rule])).toEqual([]);
  });
});
