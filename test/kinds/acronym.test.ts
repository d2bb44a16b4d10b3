import { afterAll, describe, expect, it } from 'vitest';
import type { AcronymRule } from '../../src/packs/types.js';
import { project, removeTempDirs, runCli } from '../helpers/cli.js';
import { lintText, where } from '../helpers/lint-text.js';

afterAll(removeTempDirs);

const rule: AcronymRule = {
  id: 'acronym',
  kind: 'acronym',
  severity: 'warning',
  message: "'{{actual}}' is not defined.{{hint}}",
  lateMessage: "'{{actual}}' is defined later, on line {{line}}",
  known: ['UK', 'NHS'],
};

describe('acronym', () => {
  it('accepts both definition orders and well-known acronyms', async () => {
    const text = [
      "The Children and Young People's Plan (CYPP) is annual. The CYPP matters.",
      '',
      'LSCB (Local Safeguarding Children Board) members; the LSCB meets. The NHS and UK agree.',
    ].join('\n');
    expect(await lintText(text, [rule])).toEqual([]);
  });

  it('flags only the first use of an undefined acronym, with plural and possessive forms as one', async () => {
    const findings = await lintText("The DCSF's aim.\n\nThe DCSF and two PCTs and one PCT.\n", [rule]);
    expect(where(findings)).toEqual(['1:5 DCSF', '3:18 PCTs']);
    expect(findings[0]!.message).toBe("'DCSF' is not defined.");
  });

  it('finds an acronym in Markdown underscore emphasis, but not inside a snake_case name', async () => {
    const findings = await lintText('The _NCVO_ agreed; see file_ACEVO_2 and PCT_plan too. The NCVO and ACEVO.\n', [rule]);
    expect(where(findings)).toEqual(['1:6 NCVO', '1:68 ACEVO']);
    expect(findings[0]!.message).toBe("'NCVO' is not defined.");
  });

  it('takes no acronym out of a word in capitals with an accented letter, precomposed or not', async () => {
    // CAFÉ, ÉCOLE, NCVÓ (precomposed) and ACEVÓ (O + U+0301) are words, not CAF, COLE, NCV, ACEVO.
    const text = 'The CAF\u00c9 and \u00c9COLE and NCV\u00d3 and ACEVO\u0301 met. The PCT too.\n';
    expect(where(await lintText(text, [rule]))).toEqual(['1:49 PCT']);
  });

  it('says when the definition comes after the first use', async () => {
    const text = 'The DPULOs programme.\n\nDisabled People’s User-Led Organisations (DPULOs) grow.\n';
    const findings = await lintText(text, [rule]);
    expect(where(findings)).toEqual(['1:5 DPULOs']);
    expect(findings[0]!.message).toBe("'DPULOs' is defined later, on line 3");
  });

  it('points to an unbracketed long form when there is one', async () => {
    const text = 'The Department for Children, Schools and Families consulted.\n\nThe DCSF replied.\n';
    const findings = await lintText(text, [rule]);
    expect(findings[0]!.message).toBe(
      "'DCSF' is not defined. 'Department for Children, Schools and Families' on line 1 may be what it stands for: if so, add '(DCSF)' after it.",
    );
  });

  it('finds a long form across one line break, but not across a blank line', async () => {
    const wrapped = await lintText('The Department for Children, Schools\nand Families consulted. The DCSF replied.\n', [rule]);
    expect(wrapped[0]!.message).toContain("'Department for Children, Schools and Families' on line 1 may be what it stands for");
    // A heading "Months" and the "See …" paragraph under it do not spell MS.
    const apart = await lintText('### Months\n\nSee the dates entry.\n\n### MS\n', [rule]);
    expect(apart.map((f) => f.message)).toEqual(["'MS' is not defined."]);
  });

  it('defines several acronyms in one bracket, and adds configured acronyms to the known ones', async () => {
    const text = 'Families Voluntary and Community Sector (CYPF VCS). The VCS and the CYPF. The ASCL Act.';
    expect(where(await lintText(text, [rule]))).toEqual(['1:79 ASCL']);
    expect(await lintText(text, [rule], { knownAcronyms: ['ASCL'] })).toEqual([]);
    // Spaces around a listed acronym (a YAML list written ["ASCL "]) do not count.
    expect(await lintText(text, [rule], { knownAcronyms: [' ASCL '] })).toEqual([]);
  });

  it('skips quotations, roman numerals and shouted words', async () => {
    const text = 'He said “the CCIS is late”. Part IV applies. We must NOT wait. This is IMPORTANT, and URGENT.';
    expect(await lintText(text, [rule])).toEqual([]);
  });

  it('takes a bracket as a definition only when it is still open at the acronym and holds only acronyms', async () => {
    const text = [
      'The United Kingdom (UK) and CYPP partners (see below) met.',
      '',
      'Children’s charities (Barnardos, NSPCC) signed.',
      '',
      'Umbrella bodies (NCVO, NAVCA and ACEVO) agreed.',
      '',
      'The Social Enterprise Coalition (the ‘Coalition’ or SEC) and the SEC agreed.',
    ].join('\n');
    expect(where(await lintText(text, [rule]))).toEqual(['1:29 CYPP', '3:34 NSPCC', '5:18 NCVO', '5:24 NAVCA', '5:34 ACEVO']);
  });

  // Each capitalised word is tried as a definition in its bracket: a bracket of capitals that
  // breaks off late (a digit, a comma) once made the bracket's pattern try every split of its
  // letters — minutes for one line. A regex blocks the thread it runs on, so no in-process timeout
  // could stop it: this test lints in a canvass process that is killed after 10 s.
  it('reads a long bracket in capitals at once, as shouting, like three words in capitals in a row', () => {
    const text = [
      'Reply to us (PLEASE RETURN THIS FORM TO THE CONSULTATION TEAM BY 5PM) by post.',
      '',
      'Send the form back to the team in good time (RESPONSES MUST BE RECEIVED BY THE CLOSING DATE, 31 MARCH) to be counted.',
      '',
      'We want every form that we sent out to be RETURNED VERY PROMPTLY to the CYPF VCS office.',
    ].join('\n');
    const pack = [
      'name: acronyms-only',
      'rules:',
      '  - id: acronym',
      '    kind: acronym',
      '    severity: warning',
      "    message: \"'{{actual}}' is not defined.\"",
      '    known: [UK, NHS]',
    ].join('\n');
    const cwd = project({ 'reply.md': text, 'acronyms.yaml': pack });
    const result = runCli(['lint', 'reply.md', '--pack', 'acronyms.yaml', '--format', 'json'], { cwd, timeoutMs: 10_000 });
    const report = JSON.parse(result.stdout) as { files: { findings: { line: number; column: number; match: string }[] }[] };
    const findings = report.files[0]!.findings;
    // Capitals in a bracket written in capitals, or three words in capitals in a row, are shouting;
    // two side by side may be acronyms.
    expect(findings.map((f) => `${f.line}:${f.column} ${f.match}`)).toEqual(['5:73 CYPF', '5:78 VCS']);
    expect(result.code).toBe(0);
  });

  it('takes a long word in capitals that the document also writes in lower case as that word, not an acronym', async () => {
    const text = [
      'The voluntary sector and its wellbeing matter.',
      '',
      'VOLUNTARY SECTORS across England, and WELLBEING, said the OFSTED and NAVCA reports. HE and he differ.',
    ].join('\n');
    // VOLUNTARY, SECTORS (sector) and WELLBEING are words of the text; OFSTED and NAVCA are not;
    // HE is too short to judge by "he".
    expect(where(await lintText(text, [rule]))).toEqual(['3:59 OFSTED', '3:70 NAVCA', '3:85 HE']);
  });

  it('reads a short block all in capitals as a heading, not as acronyms', async () => {
    const text = 'SUMMARY\n\nKEY POINTS\n\nCAFCASS\n\nNSPCC\n\nThe DCSF wrote.\n';
    // Seven capitals or more with no lower case is shouting; five (NSPCC) may be an acronym alone.
    expect(where(await lintText(text, [rule]))).toEqual(['7:1 NSPCC', '9:5 DCSF']);
  });
});
