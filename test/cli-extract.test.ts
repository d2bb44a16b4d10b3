// End-to-end tests of `canvass extract`: bin/canvass.js run as a separate process, on the bundled
// corpus and on temporary files. Expected facts (respondents, question numbers and lines, the
// wording of a recommendation) come from reading the documents; positions are computed here from
// the input text, never copied from the tool's output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, project, removeTempDirs, repoRoot, runCli, type CliResult } from './helpers/cli.js';
import { emptiedFolder, emptiedGlob, ignoredInputsProject } from './helpers/ignored-inputs.js';

// --- Helpers -------------------------------------------------------------------------------

interface Rec {
  question: string | null;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  cue: string;
  strength: string;
  emphasised: boolean;
  target: string | null;
}
interface Question {
  number: string;
  text: string;
  line: number;
  column: number;
  stance: string;
  stanceCues: string[];
}
interface Response {
  respondent: string;
  respondentFrom: string;
  date: string | null;
  consultation: string | null;
  questions: Question[];
  recommendations: Rec[];
  personalData?: Array<{ kind: string; text: string; line: number; column: number }>;
}
interface Report {
  version: number;
  tool: string;
  command: string;
  documents: Array<{ path: string; kind: string; problems: Array<{ severity: string; message: string }>; responses: Response[] }>;
  problems: Array<{ path: string; severity: string; message: string }>;
  summary: { documents: number; responses: number; questions: number; recommendations: number; inputErrors: number };
}



function extract(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliResult {
  return runCli(['extract', ...args], { cwd: options.cwd ?? repoRoot, ...(options.input !== undefined ? { input: options.input } : {}) });
}

function extractJson(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): { result: CliResult; report: Report } {
  const result = extract([...args, '--format', 'json'], options);
  return { result, report: JSON.parse(result.stdout) as Report };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function pos(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const SEC = 'corpus/social-enterprise-coalition-childrens-trusts-2008.txt';
const CYPNOW = 'corpus/cypnow-outsourcing-childrens-services-responses.txt';
const ESRC = 'corpus/esrc-festival-mixed-economy-of-welfare-2008.txt';
const CORPUS = [
  'corpus/children-england-childrens-trusts-2010.txt',
  CYPNOW,
  'corpus/dpulo-blog-social-enterprise-in-health.txt',
  ESRC,
  SEC,
];
const secText = readFileSync(join(repoRoot, SEC), 'utf8');
// The Coalition's contact details (lines 7–11 of the response).
const PERSONAL = ['Olof Jonsdottir', 'olof.jonsdottir@socialenterprise.org.uk', '020 7793 2321'];

beforeAll(() => assertBuilt());
afterAll(removeTempDirs);

// --- The JSON contract on the corpus ------------------------------------------------------------

describe('canvass extract --format json', () => {
  it('prints pure JSON on stdout and nothing else', () => {
    const r = extract([...CORPUS, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('{\n')).toBe(true);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ version: 1, tool: 'canvass', command: 'extract', problems: [] });
    expect(report.documents.map((d) => d.path)).toEqual(CORPUS);
    // Colour is never applied to JSON, even when forced.
    expect(runCli(['extract', SEC, '--format', 'json', '--color'], { cwd: repoRoot }).stdout).not.toMatch(/\u001b\[/);
  });

  it('finds the Social Enterprise Coalition, its questions 3, 4 and 9, and what it urges under question 4', () => {
    const { result, report } = extractJson([SEC]);
    expect(result.code).toBe(0);
    const [doc] = report.documents;
    expect(doc!.kind).toBe('response');
    expect(doc!.responses).toHaveLength(1);
    const response = doc!.responses[0]!;
    expect(response.respondent).toBe('Social Enterprise Coalition');
    expect(response.date).toBe('June 2008');
    expect(response.questions.map((q) => [q.number, q.line])).toEqual([
      ['3', pos(secText, 'Question 3:').line],
      ['4', pos(secText, 'Question 4:').line],
      ['9', pos(secText, 'Question 9:').line],
    ]);
    expect(response.questions.map((q) => q.line)).toEqual([23, 31, 55]);
    expect(response.questions[0]!.text).toBe('Does this guidance help engage all ‘relevant partners’ named in the Children Act 2004?');

    const start = 'The Coalition urges the department to address this inconsistency';
    const urges = response.recommendations.find((r) => r.text.startsWith(start));
    expect(urges).toBeDefined();
    const at = pos(secText, start);
    expect(at.line).toBe(53);
    expect(urges).toMatchObject({ question: '4', line: at.line, column: at.column, cue: 'urges', strength: 'should', target: 'the department' });
    // The sentence as written, to its full stop.
    const sentence = secText.slice(secText.indexOf(start), secText.indexOf('social enterprises.', secText.indexOf(start)) + 'social enterprises.'.length);
    expect(urges!.text).toBe(sentence);
    // Question numbers are strings in every recommendation.
    for (const r of response.recommendations) expect(r.question === null || typeof r.question === 'string').toBe(true);
  });

  it('--question keeps only that question and its recommendations', () => {
    const { report } = extractJson([SEC, '--question', '4']);
    const response = report.documents[0]!.responses[0]!;
    expect(response.questions.map((q) => q.number)).toEqual(['4']);
    // Under question 4 the Coalition makes one recommendation: its call on the department (line 53).
    expect(response.recommendations.map((r) => [r.question, r.line, r.cue])).toEqual([['4', 53, 'urges']]);
    expect(report.summary).toMatchObject({ questions: 1, recommendations: response.recommendations.length });

    const both = extractJson([SEC, '-q', '4', '-q', '9']).report.documents[0]!.responses[0]!;
    expect(both.questions.map((q) => q.number)).toEqual(['4', '9']);
    expect(new Set(both.recommendations.map((r) => r.question))).toEqual(new Set(['4', '9']));

    const text = extract([SEC, '--question', '4']).stdout;
    expect(text).toContain('Question 4:');
    expect(text).not.toMatch(/Question [39]:/);
    expect(text).not.toContain('Outside the questions');
  });

  it('reads the cypnow article as a summary of nine organisations’ responses', () => {
    const { report } = extractJson([CYPNOW]);
    const doc = report.documents[0]!;
    expect(doc.kind).toBe('summary');
    expect(doc.responses.map((r) => r.respondent)).toEqual([
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
    for (const r of doc.responses) expect(r.date).toBeNull();
  });

  it('reads the ESRC workshop report as other, with no questions', () => {
    const { report } = extractJson([ESRC]);
    const doc = report.documents[0]!;
    expect(doc.kind).toBe('other');
    expect(doc.responses.flatMap((r) => r.questions)).toEqual([]);
    expect(doc.responses.flatMap((r) => r.recommendations).every((r) => r.question === null)).toBe(true);
  });

  it('summarises what it lists', () => {
    const { report } = extractJson(CORPUS);
    const responses = report.documents.flatMap((d) => d.responses);
    expect(report.summary).toEqual({
      documents: 5,
      responses: responses.length,
      questions: responses.flatMap((r) => r.questions).length,
      recommendations: responses.flatMap((r) => r.recommendations).length,
      inputErrors: 0,
    });
    // The text output ends with the same totals.
    const s = report.summary;
    const text = extract(CORPUS).stdout;
    expect(text.endsWith(`\n${s.documents} documents, ${s.responses} responses, ${s.questions} questions, ${s.recommendations} recommendations\n`)).toBe(true);
  });
});

// --- Personal data ------------------------------------------------------------------------------

describe('personal data', () => {
  it('the contact name, email and phone number appear in no format without --include-personal-data', () => {
    for (const format of ['text', 'json', 'jsonl', 'csv', 'markdown']) {
      const r = extract([SEC, '--format', format]);
      expect(r.code).toBe(0);
      for (const item of [...PERSONAL, 'Jonsdottir', '7793']) {
        expect(r.stdout, `${format} output holds '${item}'`).not.toContain(item);
        expect(r.stderr).not.toContain(item);
      }
    }
    expect(extractJson([SEC]).report.documents[0]!.responses[0]).not.toHaveProperty('personalData');
  });

  it('with --include-personal-data they are listed in personalData, where they are in the text', () => {
    const { report } = extractJson([SEC, '--include-personal-data']);
    const found = report.documents[0]!.responses[0]!.personalData!;
    expect(found.map((p) => [p.kind, p.text, p.line, p.column])).toEqual([
      ['name', PERSONAL[0], pos(secText, PERSONAL[0]!).line, pos(secText, PERSONAL[0]!).column],
      ['phone', PERSONAL[2], pos(secText, PERSONAL[2]!).line, pos(secText, PERSONAL[2]!).column],
      ['email', PERSONAL[1], pos(secText, PERSONAL[1]!).line, pos(secText, PERSONAL[1]!).column],
    ]);
    const text = extract([SEC, '--include-personal-data']).stdout;
    for (const item of PERSONAL) expect(text).toContain(item);
  });

  it('a contact’s email inside a recommendation is redacted in the text', () => {
    const doc = 'Response from the Play Network\n\nWe urge the council to write to jo.bloggs@example.org before May.\n';
    const dir = project({ 'play.txt': doc });
    const { report } = extractJson(['play.txt'], { cwd: dir });
    const rec = report.documents[0]!.responses[0]!.recommendations[0]!;
    expect(rec.text).toBe('We urge the council to write to [email removed] before May.');
    const kept = extractJson(['play.txt', '--include-personal-data'], { cwd: dir }).report;
    expect(kept.documents[0]!.responses[0]!.recommendations[0]!.text).toContain('jo.bloggs@example.org');
  });
});

// --- Other formats ------------------------------------------------------------------------------

describe('csv, jsonl, markdown and text', () => {
  it('csv parses, with a header and one row per recommendation in the JSON', () => {
    const r = extract([...CORPUS, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const { report } = extractJson(CORPUS);
    const recs = report.documents.flatMap((d) => d.responses.flatMap((resp) => resp.recommendations.map((rec) => ({ d, resp, rec }))));
    expect(rows).toHaveLength(recs.length);
    expect(rows.length).toBe(report.summary.recommendations);
    rows.forEach((row, i) => {
      const { d, resp, rec } = recs[i]!;
      expect(row).toMatchObject({
        path: d.path,
        kind: d.kind,
        respondent: resp.respondent,
        question: rec.question ?? '',
        text: rec.text,
        line: String(rec.line),
        cue: rec.cue,
        strength: rec.strength,
        emphasised: String(rec.emphasised),
        target: rec.target ?? '',
      });
    });
  });

  it('jsonl has one parsable line per recommendation', () => {
    const r = extract([SEC, '--format', 'jsonl']);
    const lines = r.stdout.split('\n').filter(Boolean);
    const { report } = extractJson([SEC]);
    expect(lines).toHaveLength(report.summary.recommendations);
    const first = JSON.parse(lines.find((l) => l.includes('urges the department'))!);
    expect(first).toMatchObject({
      path: SEC,
      kind: 'response',
      respondent: 'Social Enterprise Coalition',
      question: '4',
      questionText: 'Does this guidance help engage other partners not under a duty to cooperate, including those in the private, voluntary and community sector?',
      cue: 'urges',
      target: 'the department',
    });
  });

  it('markdown has a heading per document and per response', () => {
    const out = extract([SEC, CYPNOW, '--format', 'markdown']).stdout;
    expect(out.match(/^## /gm)).toHaveLength(2);
    expect(out).toContain(`## \`${SEC}\` (response)\n`);
    expect(out).toContain('### Social Enterprise Coalition (June 2008)\n');
    expect(out).toContain('### Barnardo’s\n');
    expect(out.match(/^### /gm)).toHaveLength(10);
  });

  it('text lists each question with its number, text and stance, and never colours when piped', () => {
    const out = extract([SEC]).stdout;
    expect(out).not.toMatch(/\u001b\[/);
    expect(out.startsWith(`${SEC} (response)\n`)).toBe(true);
    expect(out).toContain('  Social Enterprise Coalition, June 2008\n');
    expect(out).toMatch(/\n {4}Question 4: Does this guidance help engage other partners/);
    expect(out).toMatch(/\n {4}stance: mixed \(/);
    expect(out).toContain(`      ${pos(secText, 'The Coalition urges').line}:1 · should · cue: urges · target: the department\n`);
    // Wrapped at 100 columns when stdout is not a terminal.
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const coloured = runCli(['extract', SEC, '--color'], { cwd: repoRoot }).stdout;
    expect(coloured).toContain('\u001b[1murges\u001b[22m');
  });
});

// --- Inputs -------------------------------------------------------------------------------------

describe('inputs', () => {
  const good = 'Response from the Play Network\n\nQuestion 1: Do you agree?\n\nWe urge the council to fund play.\n';

  it('an empty file gives no response and a warning, not a respondent named after the file', () => {
    const dir = project({ 'empty.txt': '', 'blank.md': '\n  \n', 'good.txt': good });
    const { result, report } = extractJson(['empty.txt', 'blank.md', 'good.txt'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(report.documents.map((d) => [d.path, d.kind, d.responses.length])).toEqual([
      ['empty.txt', 'other', 0],
      ['blank.md', 'other', 0],
      ['good.txt', 'response', 1],
    ]);
    const warning = { severity: 'warning', message: 'the file has no text: nothing to extract' };
    expect(report.documents[0]!.problems).toEqual([warning]);
    expect(report.documents[1]!.problems).toEqual([warning]);
    expect(report.documents[2]!.problems).toEqual([]);
  });

  it('a missing path and a binary file give exit 2, and the other files are still extracted', () => {
    const bytes = Buffer.from('Hello\0world\n', 'latin1');
    const dir = project({ 'bin.txt': bytes, 'good.txt': good });
    const { result, report } = extractJson(['missing.txt', 'bin.txt', 'good.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(report.documents.map((d) => d.path)).toEqual(['good.txt']);
    expect(report.documents[0]!.responses[0]!.recommendations.map((r) => r.text)).toEqual(['We urge the council to fund play.']);
    expect(report.problems).toEqual([
      { path: 'missing.txt', severity: 'error', message: "no such file or directory: 'missing.txt'" },
      {
        path: 'bin.txt',
        severity: 'error',
        // "Hello" then the NUL.
        message: 'binary file (a NUL byte at line 1, column 6); canvass reads .txt and .md text files',
        line: 1,
        column: 6,
      },
    ]);
    expect(report.summary.inputErrors).toBe(2);
    // Also on stderr, one line each, so a person sees them when stdout is piped.
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      "missing.txt: error: no such file or directory: 'missing.txt'",
      'bin.txt:1:6: error: binary file (a NUL byte at line 1, column 6); canvass reads .txt and .md text files',
    ]);

    // The text output lists them after the documents, with the same exit code.
    const text = extract(['missing.txt', 'bin.txt', 'good.txt'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stdout).toContain("missing.txt\n  error no such file or directory: 'missing.txt'\n");
    expect(text.stdout).toContain('We urge the council to fund play.');
    expect(text.stdout.endsWith('1 document, 1 response, 1 question, 1 recommendation, 2 input errors\n')).toBe(true);
    for (const format of ['csv', 'jsonl', 'markdown']) expect(extract(['missing.txt', 'good.txt', '--format', format], { cwd: dir }).code).toBe(2);
  });

  it('invalid UTF-8 is a warning on the document (read as Windows-1252), not an input error', () => {
    const bytes = Buffer.concat([Buffer.from('Response from the Caf', 'utf8'), Buffer.from([0xe9]), Buffer.from(' Network\n\nWe urge the council to act.\n')]);
    const dir = project({ 'latin.txt': bytes });
    const { result, report } = extractJson(['latin.txt'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(report.documents[0]!.problems).toMatchObject([{ severity: 'warning', line: 1, column: 22 }]);
    expect(report.summary.inputErrors).toBe(0);
    expect(result.stderr).toMatch(/^latin\.txt:1:22: warning: not valid UTF-8/);
  });

  it('reads standard input under the --stdin-filename name, or <stdin>', () => {
    const dir = project({});
    const named = extractJson(['-', '--stdin-filename', 'play-network.txt'], { cwd: dir, input: good });
    expect(named.result.code).toBe(0);
    expect(named.report.documents.map((d) => d.path)).toEqual(['play-network.txt']);
    expect(named.report.documents[0]!.responses[0]!.questions.map((q) => [q.number, q.line])).toEqual([['1', pos(good, 'Question 1').line]]);
    const unnamed = extractJson(['-'], { cwd: dir, input: good });
    expect(unnamed.report.documents.map((d) => d.path)).toEqual(['<stdin>']);
  });

  it('walks folders like lint does, and --ignore skips files', () => {
    const dir = project({ 'a/one.txt': good, 'a/two.md': good, 'a/skip.txt': good, 'a/notes.csv': good });
    const { report } = extractJson(['a', '--ignore', 'skip.txt'], { cwd: dir });
    expect(report.documents.map((d) => d.path)).toEqual(['a/one.txt', 'a/two.md']);
  });

  it("a folder or glob that the config's ignore leaves nothing of is an input error (exit 2), as in lint; the other inputs are still extracted", () => {
    const dir = project(ignoredInputsProject(good));
    const folder = emptiedFolder;
    const glob = emptiedGlob;
    const { result, report } = extractJson(['docs/drafts', 'docs/**/d.md', 'sub', 'kept.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(report.documents.map((d) => d.path)).toEqual(['kept.txt']);
    expect(report.problems).toEqual([
      { path: 'docs/drafts', severity: 'error', message: folder('docs/drafts', "'ignore' in .canvass.yaml") },
      { path: 'docs/**/d.md', severity: 'error', message: glob },
      { path: 'sub', severity: 'error', message: folder('sub', "'ignore' in sub/.canvass.yaml") },
    ]);
    expect(report.summary.inputErrors).toBe(3);
    expect(result.stderr).toBe(
      [
        `docs/drafts: error: ${folder('docs/drafts', "'ignore' in .canvass.yaml")}`,
        `docs/**/d.md: error: ${glob}`,
        `sub: error: ${folder('sub', "'ignore' in sub/.canvass.yaml")}`,
        '',
      ].join('\n'),
    );
    // --ignore took some files of the folder, each config the others.
    const both = extractJson(['.', '--ignore', 'old', '--ignore', 'kept.txt'], { cwd: dir });
    expect(both.result.code).toBe(2);
    expect(both.report.problems).toEqual([
      { path: '.', severity: 'error', message: folder('.', "--ignore and 'ignore' in .canvass.yaml and sub/.canvass.yaml") },
    ]);
    // A file left to extract, or named on the command line, is no error.
    expect(extractJson(['docs'], { cwd: dir }).result.code).toBe(0);
    const named = extractJson(['docs/drafts', 'docs/drafts/d.md'], { cwd: dir });
    expect(named.result.code).toBe(0);
    expect(named.report.documents.map((d) => d.path)).toEqual(['docs/drafts/d.md']);
  });

  it('a config it cannot use is an error (exit 2), as in lint and compare; the files under it are still extracted', () => {
    // Line 1 opens a '[' that is never closed (column 9); the parser stops at line 2.
    const dir = project({ 'resp/a.txt': good, 'resp/.canvass.yaml': 'ignore: [drafts\n' });
    const { result, report } = extractJson(['resp'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(report.documents.map((d) => d.path)).toEqual(['resp/a.txt']);
    const message = "YAML syntax error: this '[' is never closed: a flow sequence must end with ']' (the parser stopped at line 2, column 1)";
    expect(report.problems).toEqual([{ path: 'resp/.canvass.yaml', severity: 'error', message, line: 1, column: 9 }]);
    expect(report.summary.inputErrors).toBe(1);
    expect(result.stderr).toBe(`resp/.canvass.yaml:1:9: error: ${message}\n`);
  });

  it('extracts Markdown that needs the Markdown parser (a table)', () => {
    const md = '# Response from the Play Network\n\n**Question 1:** Do you agree?\n\nWe urge the council to fund play.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
    const dir = project({ 'play.md': md });
    const { result, report } = extractJson(['play.md'], { cwd: dir });
    expect(result.code).toBe(0);
    const response = report.documents[0]!.responses[0]!;
    expect(response.questions.map((q) => q.number)).toEqual(['1']);
    expect(response.recommendations.map((r) => [r.question, r.text, r.line])).toEqual([['1', 'We urge the council to fund play.', pos(md, 'We urge').line]]);
  });
});

describe('reading ahead (512 files or more)', () => {
  it('extracts 600 files (read ahead on a worker thread from the 257th), each recommendation in its own file, and reports a binary one', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) {
      files[`many/f${String(i).padStart(3, '0')}.txt`] = `Question 1: Do you agree?\n\nWe recommend that file ${i} be kept.\n`;
    }
    const dir = project(files);
    // A file the worker reads that cannot be decoded: the others are still extracted.
    writeFileSync(join(dir, 'many', 'f400.txt'), Buffer.from([0x61, 0x00, 0x62]));
    const { result, report } = extractJson(['many'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(report.documents).toHaveLength(599);
    for (const doc of report.documents) {
      const i = Number(/f(\d+)\.txt$/.exec(doc.path)![1]);
      expect(doc.responses[0]!.recommendations.map((r) => [r.question, r.text, r.line])).toEqual([['1', `We recommend that file ${i} be kept.`, 3]]);
    }
    expect(report.problems).toEqual([
      {
        path: 'many/f400.txt',
        severity: 'error',
        message: 'binary file (a NUL byte at line 1, column 2); canvass reads .txt and .md text files',
        line: 1,
        column: 2,
      },
    ]);
  });
});

describe('usage errors', () => {
  it('exit 2 for no paths, an unknown format or an empty --question', () => {
    const none = extract([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give files, directories or globs');
    const format = extract([SEC, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stdout).toBe('');
    for (const name of ['text', 'json', 'jsonl', 'csv', 'markdown']) expect(format.stderr).toContain(name);
    expect(extract([SEC, '--question', '']).code).toBe(2);
  });

  it('--help lists the options', () => {
    const help = extract(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--format', '--question', '--include-personal-data', '--ignore', '--stdin-filename', '--color', '--no-color']) {
      expect(help.stdout).toContain(option);
    }
  });
});
