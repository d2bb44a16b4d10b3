// The bundled third-sector pack on the bundled corpus: every finding a careful editor would make,
// and nothing else. Lines and matched text were worked out by reading the documents (see
// corpus/README.md); columns are computed here from the text itself, independently of the linter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDocument } from '../src/document/document.js';
import { compileRuleSet, type RuleSet } from '../src/lint/compile.js';
import type { Finding } from '../src/lint/finding.js';
import { lintDocument } from '../src/lint/lint-document.js';
import { resolvePack } from '../src/packs/load.js';

const root = join(import.meta.dirname, '..');
let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = compileRuleSet([await resolvePack('third-sector', root)]);
});

async function lintCorpus(name: string): Promise<{ text: string; findings: Finding[] }> {
  const text = readFileSync(join(root, 'corpus', name), 'utf8');
  return { text, findings: lintDocument(await openDocument(name, text), ruleSet) };
}

/** "line:column rule match" with the column of the nth occurrence of `match` on that line. */
function at(text: string, line: number, rule: string, match: string, nth = 1): string {
  const lineText = text.split('\n')[line - 1]!;
  let column = -1;
  for (let i = 0; i < nth; i++) column = lineText.indexOf(match, column + 1);
  if (column < 0) throw new Error(`'${match}' is not on line ${line}`);
  return `${line}:${column + 1} ${rule} ${match}`;
}

const show = (findings: Finding[]) => findings.map((f) => `${f.line}:${f.column} ${f.ruleId.split('/')[1]} ${f.match}`);

describe('third-sector pack on the bundled corpus', () => {
  it('Social Enterprise Coalition: the question that says "voluntary and community sector", cooperation/co-operation, DCSF', async () => {
    const { text, findings } = await lintCorpus('social-enterprise-coalition-childrens-trusts-2008.txt');
    expect(show(findings)).toEqual([
      // Title and the consultation's name use "cooperation"; the Coalition's own prose mostly "co-operation".
      at(text, 4, 'co-operation', 'cooperation'),
      at(text, 15, 'co-operation', 'cooperation'),
      // Question 4 as quoted by the Coalition, which itself says (line 51) the term is wrong.
      at(text, 31, 'voluntary-for-third', 'voluntary and community sector'),
      at(text, 43, 'co-operation', 'cooperation'),
      at(text, 57, 'acronym-defined', 'DCSF'),
    ]);
    const dcsf = findings.find((f) => f.match === 'DCSF')!;
    expect(dcsf.message).toContain("'Department for Children, Schools and Families' on line 15 may be what it stands for");
    const coop = findings.find((f) => f.line === 43)!;
    expect(coop.message).toBe(
      "This document writes both 'co-operation' (4×) and 'cooperation' (3×); use one form (GOV.UK style: hyphenated)",
    );
    expect(coop.fix).toEqual({ offset: coop.offset, length: 11, text: 'co-operation' });
  });

  it('Social Enterprise Coalition: quiet where the words are quoted, mentioned, or names', async () => {
    const { findings } = await lintCorpus('social-enterprise-coalition-childrens-trusts-2008.txt');
    // 45: the terms ‘third sector’ and ‘voluntary sector’ (quoted); 49: "the term voluntary sector"
    // (mentioned); 51: the ‘voluntary and community sector’ (quoted); Office of the Third Sector and
    // Social Enterprise Coalition are names.
    for (const line of [17, 27, 45, 49, 51, 73]) expect(findings.filter((f) => f.line === line)).toEqual([]);
  });

  it('Children England: "voluntary and community sector" used for the third sector in its answers, not in describing itself', async () => {
    const { text, findings } = await lintCorpus('children-england-childrens-trusts-2010.txt');
    expect(show(findings)).toEqual([
      at(text, 39, 'acronym-defined', 'ASCL'),
      at(text, 42, 'voluntary-for-third', 'voluntary and community sectors'),
      at(text, 47, 'voluntary-for-third', 'voluntary and community sector'),
      at(text, 54, 'acronym-defined', 'LSCB'),
      at(text, 65, 'voluntary-for-third', 'voluntary and community sector'),
      at(text, 74, 'voluntary-for-third', 'voluntary sector'),
      at(text, 95, 'acronym-defined', 'CAF'),
      at(text, 95, 'acronym-defined', 'ICS'),
      at(text, 95, 'acronym-defined', 'CCIS'),
    ]);
    const first = findings.find((f) => f.line === 47)!;
    expect(first).toMatchObject({ severity: 'error', expected: 'third sector', fix: { text: 'third sector' } });
    expect(first.message).toBe(
      "'voluntary and community sector' leaves out social enterprises, co-operatives and mutuals; where the whole sector is meant, write 'third sector'",
    );
    // About Children England (18) and the Introduction (29-35): the voluntary sector it represents.
    for (const line of [18, 29, 31, 33, 35]) expect(findings.filter((f) => f.line === line)).toEqual([]);
  });

  it('CYP Now article: undefined acronyms named by their organisation headings; the voluntary sector members left alone', async () => {
    const { text, findings } = await lintCorpus('cypnow-outsourcing-childrens-services-responses.txt');
    expect(show(findings)).toEqual([
      at(text, 14, 'acronym-defined', 'ADCS'),
      at(text, 41, 'acronym-defined', 'NCB'),
      at(text, 47, 'acronym-defined', 'TCSW'),
    ]);
    expect(findings[0]!.message).toContain("'Association of Directors of Children’s Services' on line 13 may be what it stands for: if so, add '(ADCS)' after it.");
  });

  it('DPULO blog: "social enteprises", DPULOs used before its definition, undefined acronyms', async () => {
    const { text, findings } = await lintCorpus('dpulo-blog-social-enterprise-in-health.txt');
    expect(show(findings)).toEqual([
      at(text, 9, 'acronym-defined', 'DPULOs'),
      at(text, 11, 'acronym-defined', 'CC'),
      at(text, 26, 'term-spelling', 'social enteprises'),
      at(text, 38, 'acronym-defined', 'NAO'),
      at(text, 38, 'acronym-defined', 'PCTs'),
      at(text, 45, 'acronym-defined', 'DH'),
    ]);
    expect(findings[0]!.message).toBe("'DPULOs' is used before it is defined on line 18: define it at its first use");
    expect(findings[2]!.message).toBe("'social enteprises' looks like a misspelling of 'social enterprises'");
    expect(findings[2]!.expected).toBe('social enterprises');
  });

  it('ESRC workshop report: "Third Sector" capitalised mid-sentence, but not at a sentence start, in a heading, or in a name', async () => {
    const { text, findings } = await lintCorpus('esrc-festival-mixed-economy-of-welfare-2008.txt');
    expect(show(findings)).toEqual([
      at(text, 1, 'acronym-defined', 'ESRC'),
      at(text, 12, 'sector-lower-case', 'Third Sector'),
      at(text, 15, 'sector-lower-case', 'Social Enterprise'),
      at(text, 15, 'sector-lower-case', 'Third Sector'),
      at(text, 23, 'acronym-defined', 'HE'),
      at(text, 23, 'sector-lower-case', 'Third sector'),
      at(text, 27, 'sector-lower-case', 'Third Sector'),
      at(text, 43, 'sector-lower-case', 'Third Sector'),
      at(text, 54, 'sector-lower-case', 'Third Sector'),
      at(text, 65, 'sector-lower-case', 'Third Sector'),
      at(text, 78, 'sector-lower-case', 'Social enterprises'),
    ]);
    // 25: a heading; 35: "· Third Sector and Public Sector acknowledge…" starts a sentence;
    // 76: "Social enterprises – need to…" starts one; 78 also has "Office of the Third Sector".
    for (const line of [25, 35, 76]) expect(findings.filter((f) => f.line === line)).toEqual([]);
    expect(findings.filter((f) => f.line === 78).map((f) => f.match)).toEqual(['Social enterprises']);
    expect(findings.find((f) => f.line === 27)!.fix!.text).toBe('third sector');
  });
});
