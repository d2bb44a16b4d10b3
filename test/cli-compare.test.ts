// canvass compare end to end: the terminal tables, and every export read back by a real reader
// (csv-parse, exceljs, SQLite through Python's standard library, JSON.parse, Chromium for HTML).
// Facts about the bundled corpus come from reading the documents (see corpus/README.md and the
// annotations in fixtures/eval/), or are computed here independently of canvass.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonToTerminal } from '../src/compare/terminal.js';
import type { Comparison } from '../src/compare/types.js';
import { assertBuilt, makeTempDir, project, repoRoot, runCli } from './helpers/cli.js';
import { emptiedFolder, emptiedGlob, ignoredInputsProject } from './helpers/ignored-inputs.js';

let dir: string;
let json: Comparison & { tool: string; command: string };

const COALITION = 'corpus/social-enterprise-coalition-childrens-trusts-2008.txt';
const CE = 'corpus/children-england-childrens-trusts-2010.txt';

beforeAll(() => {
  assertBuilt();
  dir = makeTempDir('canvass-compare-');
  // A copy of the corpus (with its config: third-sector pack, the children's services frame).
  mkdirSync(join(dir, 'corpus'));
  for (const f of readdirSync(join(repoRoot, 'corpus'))) copyFileSync(join(repoRoot, 'corpus', f), join(dir, 'corpus', f));
  const run = runCli(['compare', 'corpus/', '--out', 'out/comparison.json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  json = JSON.parse(readFileSync(join(dir, 'out', 'comparison.json'), 'utf8'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const respondent = (name: string, path?: string) =>
  json.respondents.find((r) => r.name === name && (!path || json.documents.find((d) => d.id === r.documentId)!.path === path))!;

describe('the comparison of the bundled corpus', () => {
  it('has the five documents and thirteen respondents the documents contain', () => {
    expect(json.documents.map((d) => [d.path, d.kind])).toEqual([
      [CE, 'response'],
      ['corpus/cypnow-outsourcing-childrens-services-responses.txt', 'summary'],
      ['corpus/dpulo-blog-social-enterprise-in-health.txt', 'other'],
      ['corpus/esrc-festival-mixed-economy-of-welfare-2008.txt', 'other'],
      [COALITION, 'response'],
    ]);
    expect(json.respondents.map((r) => r.name).slice(1, 10)).toEqual([
      '4Children',
      'Action for Children',
      'Association of Directors of Children’s Services',
      'Barnardo’s',
      'Catch22',
      'Children England',
      'National Children’s Bureau',
      'The College of Social Work',
      'Unison',
    ]);
    expect(json.respondents).toHaveLength(13);
  });

  it('keeps the two consultations apart: Q3 of 2008 is not Q3 of 2010', () => {
    const byConsultation = (who: string, path: string) =>
      json.answers
        .filter((a) => a.respondentId === respondent(who, path).id)
        .map((a) => json.questions.find((q) => q.id === a.questionId)!)
        .map((q) => [q.number, q.consultation?.slice(0, 40)]);
    expect(byConsultation('Children England', CE)).toEqual(
      ['1', '2', '3', '4', '5', '12'].map((n) => [n, "Children's Trusts: statutory guidance on"]),
    );
    expect(byConsultation('Social Enterprise Coalition', COALITION)).toEqual(
      ['3', '4', '9'].map((n) => [n, 'Children’s Trusts: Statutory guidance on']),
    );
    expect(json.questions).toHaveLength(9);
  });

  it('puts the Coalition’s call on the department under its Question 4', () => {
    const coalition = respondent('Social Enterprise Coalition', COALITION);
    const q4 = json.questions.find((q) => q.number === '4' && q.consultation?.startsWith('Children’s Trusts'))!;
    const rec = json.recommendations.find((r) => r.respondentId === coalition.id && r.line === 53)!;
    expect(rec).toMatchObject({ questionId: q4.id, cue: 'urges', strength: 'should', target: 'the department' });
    expect(json.answers.find((a) => a.respondentId === coalition.id && a.questionId === q4.id)).toMatchObject({ stance: 'mixed', recommendations: 1 });
  });

  it('counts the terms each respondent uses (checked against a plain count of the text)', () => {
    const text = readFileSync(join(repoRoot, COALITION), 'utf8');
    const plain = (re: RegExp) => (text.match(re) ?? []).length;
    const term = (t: string) => json.terms.find((x) => x.term === t)!.id;
    const used = (who: string, path: string, t: string) =>
      json.termUsage.find((u) => u.respondentId === respondent(who, path).id && u.termId === term(t))?.count ?? 0;
    expect(used('Social Enterprise Coalition', COALITION, 'third sector')).toBe(plain(/\bthird[\s-]+sectors?\b/gi));
    expect(used('Social Enterprise Coalition', COALITION, 'voluntary sector')).toBe(plain(/\bvoluntary[\s-]+sectors?\b/gi));
    expect(used('Social Enterprise Coalition', COALITION, 'social enterprise')).toBe(plain(/\bsocial[\s-]+enterprises?\b/gi));
  });

  it('shows who writes "voluntary sector" where "third sector" is meant', () => {
    const findings = (who: string, path: string) =>
      json.findings.filter((f) => f.respondentId === respondent(who, path).id && f.ruleId === 'third-sector/voluntary-for-third').map((f) => f.line);
    expect(findings('Children England', CE)).toEqual([42, 47, 65, 74]);
    expect(findings('Social Enterprise Coalition', COALITION)).toEqual([31]);
    expect(json.findings).toHaveLength(34);
  });

  it('codes the frame named in the corpus config', () => {
    expect(json.frame).toBe("children's services and the third sector");
    expect(json.themes.map((t) => t.key)).toEqual(['commissioning', 'representation', 'safeguarding', 'profit', 'funding', 'evidence']);
    // Barnardo’s warns against profit from child protection (lines 25-28): profit-motive passages.
    const barnardos = respondent('Barnardo’s');
    const profit = json.themes.find((t) => t.key === 'profit')!.id;
    expect(json.themeHits.filter((h) => h.respondentId === barnardos.id && h.themeId === profit).map((h) => h.line)).toEqual([25, 26, 27, 28]);
  });

  it('keeps personal data out unless asked', () => {
    const all = readFileSync(join(dir, 'out', 'comparison.json'), 'utf8');
    for (const secret of ['Olof Jonsdottir', 'olof.jonsdottir@socialenterprise.org.uk', '020 7793 2321', 'vicky@childrenengland.org.uk']) {
      expect(all).not.toContain(secret);
    }
    const run = runCli(['compare', COALITION, '--out', 'out/with.html', '--include-personal-data'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'with.html'), 'utf8')).toContain('olof.jonsdottir@socialenterprise.org.uk');
    runCli(['compare', COALITION, '--out', 'out/without.html'], { cwd: dir });
    expect(readFileSync(join(dir, 'out', 'without.html'), 'utf8')).not.toContain('olof.jonsdottir@socialenterprise.org.uk');
  });
});

describe('the terminal output', () => {
  it('prints a summary a policy officer can read, then the tables', () => {
    const run = runCli(['compare', 'corpus/'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('5 documents, 13 respondents, 9 questions, 89 recommendations, 34 terminology findings');
    expect(run.stdout).toContain('Terminology to fix');
    // Who, in which file, on which lines: the places to look, before the message.
    expect(run.stdout).toContain(`  Children England [1]: ${CE}, lines 42, 47, 65, 74\n`);
    expect(run.stdout).toContain(`  Social Enterprise Coalition: ${COALITION}, line 31\n`);
    for (const title of ['Questions × respondents', 'Recommendations by question', 'Terminology × respondents', 'Themes × respondents']) {
      expect(run.stdout).toContain(title);
    }
    expect(run.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it('cuts nothing at the width of a pipe (100): paths break, line numbers stay', () => {
    const run = runCli(['compare', 'corpus/'], { cwd: dir });
    expect(run.stdout).not.toContain('…');
    for (const line of run.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    // 4Children's "quality and not profit" sentence is line 4 of the news article; its path is
    // longer than the column, so it breaks after "corpus/" and keeps ":4".
    const rows = run.stdout.split('\n');
    const at = rows.findIndex((l) => l.includes('│ cypnow-outsourcing-childrens-services-responses.txt:4 '));
    expect(at).toBeGreaterThan(0);
    expect(rows[at - 1]).toMatch(/│ corpus\/ +│/);
    expect(rows.slice(at - 3, at).join(' ')).toContain('should be the drivers behind any decision to outsource.');
    // Theme headings too long for a word wrap keep every letter.
    expect(run.stdout).toMatch(/│ Commissioning +│ Representation +│/);
  });

  it('shows themes × questions per consultation: Q3 of 2008 is not Q3 of 2010', () => {
    const section = comparisonToTerminal(json, { width: 100, color: false, by: 'themes' }).split('Themes × questions\n')[1]!;
    const headings = section.split('\n').filter((l) => l.startsWith('Consultation: '));
    expect(headings).toEqual([
      "Consultation: Children's Trusts: statutory guidance on co-operation arrangements, including the",
      'Consultation: Children’s Trusts: Statutory guidance on inter-agency cooperation to improve',
    ]);
    expect(section.match(/│ Q3 /g)).toHaveLength(2);
  });

  it('prints one CSV table on standard output with --by, its companion table named on stderr', () => {
    const run = runCli(['compare', COALITION, '--format', 'csv', '--by', 'term'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('canvass: printing the terms table; findings too with --out FILE.csv\n');
    const rows = parseCsv(run.stdout) as string[][];
    expect(rows[0]!.slice(0, 2)).toEqual(['respondent', 'file']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Social Enterprise Coalition']);
  });

  it('refuses impossible output choices before analysing anything (exit 2, nothing written)', () => {
    const cases: Array<[string[], string]> = [
      [['--format', 'csv'], 'canvass: CSV on standard output holds one table: choose it with --by or --table (question, respondent, term, theme), or write a file per table with --out FILE.csv\n'],
      [['--format', 'xlsx'], 'canvass: --format xlsx writes a file: give --out FILE\n'],
      [['--format', 'text', '--out', 'out/t.txt'], 'canvass: --out writes csv, json, markdown, html, xlsx or sqlite; the text format is for the terminal\n'],
    ];
    for (const [args, message] of cases) {
      // The missing input is never reported: the run stops at the usage error.
      const run = runCli(['compare', 'no-such-file.txt', ...args], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toBe(message);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'out', 't.txt'))).toBe(false);
  });

  it('prints one table with --by', () => {
    const run = runCli(['compare', 'corpus/', '--by', 'term'], { cwd: dir });
    expect(run.stdout.startsWith('Terminology × respondents\n')).toBe(true);
    expect(run.stdout).not.toContain('Questions × respondents');
  });

  it('fits the width and falls back to lists in a narrow terminal', () => {
    const wide = comparisonToTerminal(json, { width: 120, color: false });
    for (const line of wide.split('\n')) if (/[│┌└├]/.test(line)) expect(line.length).toBeLessThanOrEqual(120);
    const narrow = comparisonToTerminal(json, { width: 50, color: false, by: 'recommendations' });
    expect(narrow).not.toMatch(/[│┌]/);
    const rec = json.recommendations.find((r) => r.line === 53)!;
    expect(narrow).toContain(rec.text); // wrapped or not, never cut
  });
});

describe('exports, read back', () => {
  it('CSV: one file per table, RFC 4180, a BOM with --excel', () => {
    const run = runCli(['compare', 'corpus/', '--out', 'out/t.csv', '--excel'], { cwd: dir });
    expect(run.code).toBe(0);
    const files = readdirSync(join(dir, 'out')).filter((f) => f.startsWith('t-')).sort();
    expect(files).toEqual(['t-findings.csv', 't-questions.csv', 't-recommendations.csv', 't-terms.csv', 't-theme-questions.csv', 't-themes.csv']);
    const raw = readFileSync(join(dir, 'out', 't-recommendations.csv'), 'utf8');
    expect(raw.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(raw.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(json.recommendations.length);
    const row = rows.find((r) => r.file === COALITION && r.line === '53')!;
    expect(row).toMatchObject({ respondent: 'Social Enterprise Coalition', question: '4', strength: 'should', cue: 'urges' });
    expect(row.recommendation).toBe(json.recommendations.find((r) => r.line === 53 && r.respondentId === respondent('Social Enterprise Coalition').id)!.text);
    // --table picks one table for one file.
    runCli(['compare', 'corpus/', '--out', 'out/q.csv', '--table', 'question'], { cwd: dir });
    expect(parseCsv(readFileSync(join(dir, 'out', 'q.csv'), 'utf8'), { columns: true })).toHaveLength(9);
  });

  it('XLSX: one sheet per table, with the rows', async () => {
    expect(runCli(['compare', 'corpus/', '--out', 'out/t.xlsx'], { cwd: dir }).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out', 't.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['questions', 'recommendations', 'terms', 'findings', 'themes', 'theme-questions']);
    const questions = book.getWorksheet('questions')!;
    expect(questions.rowCount).toBe(1 + 9);
    expect(questions.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('SQLite: entities with keys, queried by Python', () => {
    expect(runCli(['compare', 'corpus/', '--out', 'out/t.sqlite'], { cwd: dir }).code).toBe(0);
    const query = (sql: string) =>
      execFileSync('python3', ['-c', `import sqlite3,json,sys; c=sqlite3.connect(sys.argv[1]); print(json.dumps(c.execute(sys.argv[2]).fetchall()))`, join(dir, 'out', 't.sqlite'), sql], { encoding: 'utf8' });
    expect(JSON.parse(query('select count(*) from documents'))).toEqual([[5]]);
    expect(JSON.parse(query('select count(*) from respondents'))).toEqual([[13]]);
    expect(JSON.parse(query('select count(*) from answers'))).toEqual([[9]]);
    expect(
      JSON.parse(
        query(
          "select q.number from answers a join respondents r on r.id = a.respondent_id join questions q on q.id = a.question_id where r.name = 'Social Enterprise Coalition' order by a.line",
        ),
      ),
    ).toEqual([['3'], ['4'], ['9']]);
    expect(JSON.parse(query('pragma foreign_key_check'))).toEqual([]);
  });

  it('HTML: self-contained, tables and charts rendered in Chromium, rows linked to file:line', async () => {
    expect(runCli(['compare', 'corpus/', '--out', 'out/t.html'], { cwd: dir }).code).toBe(0);
    if (!existsSync('/usr/bin/chromium')) throw new Error("Chromium is missing: install Debian's chromium package (.ci/run does)");
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(dir, 'out', 't.html')).href;
      await page.goto(url);
      expect(await page.locator('table[data-table="recommendations"] tbody tr').count()).toBe(json.recommendations.length);
      expect(await page.locator('table[data-table="questions"] tbody tr').count()).toBe(9);
      // One bar per question with at least one recommendation, as the JSON export has them.
      const questionsWithRecommendations = new Set(json.recommendations.flatMap((r) => (r.questionId === null ? [] : [r.questionId])));
      expect(await page.locator('svg[data-chart="recommendations-per-question"] [data-value]').count()).toBe(questionsWithRecommendations.size);
      expect(await page.locator('svg[data-chart="terms-per-respondent"] [data-value]').count()).toBe(13);
      const link = page.locator('table[data-table="recommendations"] a', { hasText: `${COALITION}:53` }).first();
      await link.click();
      const hash = await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);
      expect(await page.locator(hash).textContent()).toContain('The Coalition urges the department to address this inconsistency');
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  });

  it('refuses to write over one of the inputs, and leaves no temporary files', () => {
    const before = readFileSync(join(dir, COALITION));
    const run = runCli(['compare', COALITION, '--out', COALITION.replace('.txt', '.txt')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is one of the inputs');
    expect(readFileSync(join(dir, COALITION))).toEqual(before);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.includes('.canvass-'))).toEqual([]);
  });

  it('compares a file read as Windows-1252, and says so on stderr without failing the run', () => {
    // "Café" saved by Word: é is the single byte 0xE9, not valid UTF-8; line 2, column 4.
    writeFileSync(join(dir, 'word.txt'), Buffer.from('Response\nCaf\xe9 owners and the third sector.\n', 'latin1'));
    const run = runCli(['compare', 'word.txt', COALITION, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'word.txt:2:4: warning: not valid UTF-8 (first invalid byte at line 2, column 4); read as Windows-1252 — re-save the file as UTF-8 to silence this\n',
    );
    const out = JSON.parse(run.stdout) as { documents: Array<{ path: string }>; problems: unknown[] };
    expect(out.documents.map((d) => d.path)).toEqual(['word.txt', COALITION]);
    expect(out.problems).toEqual([]);
  });

  it('refuses an --out it cannot write before analysing anything (exit 2, the reason given)', () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder\n');
    const run = runCli(['compare', COALITION, 'missing.txt', '--out', 'a-file/c.json'], { cwd: dir });
    expect(run.code).toBe(2);
    // The missing input is never reported: the run stops at the usage error.
    expect(run.stderr).toBe("canvass: cannot write --out a-file/c.json: 'a-file' is a file, not a folder; choose a folder you can write to\n");
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a folder\n');
  });

  it('reports a broken pack and a missing file by their paths and positions, and compares the rest', () => {
    mkdirSync(join(dir, 'packs'), { recursive: true });
    // The kind is misspelt on line 4, from column 11.
    writeFileSync(join(dir, 'packs', 'local.yaml'), 'name: local\nrules:\n  - id: y\n    kind: substitutoin\n    message: m\n    swap: {a: b}\n');
    const run = runCli(['compare', COALITION, 'missing.txt', '--pack', 'packs/local.yaml', '--pack', 'third-sector', '--out', 'out/broken.json'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => !l.startsWith('wrote '));
    expect(lines).toContainEqual("missing.txt: no such file or directory: 'missing.txt'");
    expect(lines.some((l) => l.startsWith('packs/local.yaml:4:11: ') && l.includes("'substitutoin'"))).toBe(true);
    const out = JSON.parse(readFileSync(join(dir, 'out', 'broken.json'), 'utf8')) as Comparison;
    expect(out.problems.find((p) => p.path === 'packs/local.yaml')).toMatchObject({ line: 4, column: 11 });
    expect(out.problems.find((p) => p.path === 'missing.txt')).toMatchObject({ line: 0, column: 0 });
    // The Coalition's response is still compared, with the third-sector pack's findings.
    expect(out.respondents.map((r) => r.name)).toEqual(['Social Enterprise Coalition']);
    expect(out.findings.some((f) => f.ruleId === 'third-sector/voluntary-for-third' && f.line === 31)).toBe(true);
  });

  it("a folder or glob that the config's ignore leaves nothing of is an input error (exit 2), as in lint; the other inputs are still compared", () => {
    const text = 'Response from the Play Network\n\nQuestion 1: Do you agree?\n\nWe urge the council to fund play.\n';
    const root = project(ignoredInputsProject(text));
    const folder = emptiedFolder;
    const glob = emptiedGlob;
    const compare = (args: string[]) => {
      const run = runCli(['compare', ...args, '--format', 'json'], { cwd: root });
      return { run, out: JSON.parse(run.stdout) as Comparison };
    };
    const { run, out } = compare(['docs/drafts', 'docs/**/d.md', 'sub', 'kept.txt']);
    expect(run.code).toBe(2);
    expect(out.documents.map((d) => d.path)).toEqual(['kept.txt']);
    expect(out.problems).toEqual([
      { path: 'docs/drafts', line: 0, column: 0, message: folder('docs/drafts', "'ignore' in .canvass.yaml") },
      { path: 'docs/**/d.md', line: 0, column: 0, message: glob },
      { path: 'sub', line: 0, column: 0, message: folder('sub', "'ignore' in sub/.canvass.yaml") },
    ]);
    expect(run.stderr).toBe(
      [`docs/drafts: ${folder('docs/drafts', "'ignore' in .canvass.yaml")}`, `docs/**/d.md: ${glob}`, `sub: ${folder('sub', "'ignore' in sub/.canvass.yaml")}`, ''].join('\n'),
    );
    // --ignore took some files of the folder, each config the others.
    const both = compare(['.', '--ignore', 'old', '--ignore', 'kept.txt']);
    expect(both.run.code).toBe(2);
    expect(both.out.problems).toEqual([
      { path: '.', line: 0, column: 0, message: folder('.', "--ignore and 'ignore' in .canvass.yaml and sub/.canvass.yaml") },
    ]);
    // One --config for every file: its ignore is named.
    const config = compare(['docs/drafts', 'kept.txt', '--config', 'sub/.canvass.yaml']);
    expect(config.run.code).toBe(2);
    expect(config.out.problems).toEqual([
      { path: 'docs/drafts', line: 0, column: 0, message: folder('docs/drafts', "'ignore' in sub/.canvass.yaml") },
    ]);
    // A file left to compare, or named on the command line, is no error.
    expect(compare(['docs']).run.code).toBe(0);
    const named = compare(['docs/drafts', 'docs/drafts/d.md']);
    expect(named.run.code).toBe(0);
    expect(named.out.documents.map((d) => d.path)).toEqual(['docs/drafts/d.md']);
  });

  it('reports a broken coding frame with its position and exits 2', () => {
    writeFileSync(join(dir, 'frame.yaml'), 'name: x\nthemes:\n  - key: a\n    label: A\n    terms: []\n');
    const run = runCli(['compare', COALITION, '--themes', 'frame.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("frame.yaml:5:12: 'terms' must not be empty");
    const unknown = runCli(['compare', COALITION, '--themes', 'nosuch'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'nosuch: not a bundled coding frame (bundled: childrens-services); for your own, give the path of its .yaml file\n',
    );
  });
});
