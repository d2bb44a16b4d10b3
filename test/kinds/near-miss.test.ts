import { describe, expect, it } from 'vitest';
import type { NearMissRule } from '../../src/packs/types.js';
import { compileRuleSet } from '../../src/lint/compile.js';
import { lintText, packOf, where } from '../helpers/lint-text.js';

const rule: NearMissRule = {
  id: 'spelling',
  kind: 'near-miss',
  severity: 'warning',
  message: "'{{actual}}' looks like '{{expected}}' ({{distance}})",
  terms: ['social enterprise', 'third sector', 'co-operative'],
};

describe('near-miss', () => {
  it('catches misspellings within the edit distance, keeping the plural', async () => {
    const text = 'The red tape social enteprises face.\n\nThe thrid sector and a co-operatve.\n';
    const findings = await lintText(text, [rule]);
    expect(where(findings)).toEqual(['1:14 social enteprises', '3:5 thrid sector', '3:24 co-operatve']);
    expect(findings.map((f) => f.message)).toEqual([
      "'social enteprises' looks like 'social enterprises' (1)",
      "'thrid sector' looks like 'third sector' (1)",
      "'co-operatve' looks like 'co-operative' (1)",
    ]);
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('reads a possessive ’s as a possessive, not a plural: the match stops before it', async () => {
    const text = "The thrid sector’s role. A co-operatve's rules. The socail enterprises’ boards. The third sector’s work.\n";
    const findings = await lintText(text, [rule]);
    expect(where(findings)).toEqual(['1:5 thrid sector', '1:28 co-operatve', '1:53 socail enterprises']);
    expect(findings.map((f) => f.message)).toEqual([
      "'thrid sector' looks like 'third sector' (1)",
      "'co-operatve' looks like 'co-operative' (1)",
      "'socail enterprises' looks like 'social enterprises' (1)",
    ]);
    expect(findings.map((f) => f.expected)).toEqual(['third sector', 'co-operative', 'social enterprises']);
    // A term that itself ends in ’s keeps it.
    const own = await lintText('The kinng’s speech.\n', [{ ...rule, terms: ['king’s'] }]);
    expect(where(own)).toEqual(['1:5 kinng’s']);
    expect(own[0]!.message).toBe("'kinng’s' looks like 'king’s' (1)");
  });

  it('catches a misspelling in Markdown underscore emphasis', async () => {
    const findings = await lintText('The __thrid sector__ and _socail enterprises_.\n', [rule]);
    expect(where(findings)).toEqual(['1:7 thrid sector', '1:27 socail enterprises']);
    expect(findings.map((f) => f.expected)).toEqual(['third sector', 'social enterprises']);
  });

  it('catches a misspelling that also leaves out the hyphen of a hyphenated term', async () => {
    const text = 'A cooprative and two coperatives.\n';
    const findings = await lintText(text, [rule]);
    expect(where(findings)).toEqual(['1:3 cooprative', '1:22 coperatives']);
    expect(findings.map((f) => f.message)).toEqual([
      "'cooprative' looks like 'co-operative' (1)",
      "'coperatives' looks like 'co-operatives' (1)",
    ]);
  });

  it('accepts the terms themselves in any inflection, hyphenation or case', async () => {
    const text = 'Social enterprises, a social enterprise, third-sector bodies, cooperatives, Co-operatives.';
    expect(await lintText(text, [rule])).toEqual([]);
  });

  it('leaves real words further away alone', async () => {
    expect(await lintText('The third section and social entrepreneurs, a cooperation.', [rule])).toEqual([]);
  });

  it('honours an ignore list and a tighter distance', async () => {
    expect(await lintText('A social enterprize.', [{ ...rule, ignore: ['social enterprize'] }])).toEqual([]);
    const strict = { ...rule, maxDistance: 0 };
    expect(await lintText('The red tape social enteprises face.', [strict])).toEqual([]);
  });

  it('scans past the terms as written: only other word sequences of their shape reach the distance check', () => {
    const scanner = compileRuleSet([packOf([rule])]).scanner;
    const text =
      'social enterprise, Social  Enterprises, social\nenterprise, social enteprise, social enterprise-led, social enterprises2, Third Sectors, co-operative';
    const hits = scanner.scan(text).flat().map((h) => text.slice(h.start, h.end));
    // Left out: the term and its plural in any case, across spaces or a line break, followed by
    // anything that cannot continue a word. Kept: a misspelling, the term where a hyphen runs on
    // from it ("-led": the prefilter stops before the hyphen, and the distance check decides), and
    // a term with a hyphen inside (no lookahead for it).
    expect(hits).toEqual(['social enteprise', 'social enterprise', 'co-operative']);
  });
});

