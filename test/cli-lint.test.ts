// End-to-end tests of the real CLI: bin/canvass.js run as a separate process in a temporary
// folder. Expected positions are computed here from the input text (indexOf / split), never
// copied from the tool's output. Message texts are the rule packs' templates filled in by hand.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, project, removeTempDirs, repoRoot, runCli, type CliResult } from './helpers/cli.js';
import { emptiedFolder, emptiedGlob, ignoredInputsProject } from './helpers/ignored-inputs.js';

// --- Helpers -------------------------------------------------------------------------------



function lint(cwd: string, args: string[], input?: string | Buffer): CliResult {
  return runCli(['lint', ...args], { cwd, ...(input !== undefined ? { input } : {}) });
}

/** 1-based line and column of the nth occurrence of `needle` in `text` (LF line ends). */
function pos(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** 1-based line and column of the nth `key:` in a YAML text (after indentation or a list dash). */
function keyPos(yamlText: string, key: string, nth = 1): { line: number; column: number } {
  const lines = yamlText.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^(\\s*(?:- )?)${key}:`).exec(lines[i]!);
    if (m && ++seen === nth) return { line: i + 1, column: m[1]!.length + 1 };
  }
  throw new Error(`key '${key}' not found ${nth} times`);
}

function compactLine(path: string, text: string, needle: string, severity: string, ruleId: string, message: string, nth = 1) {
  const { line, column } = pos(text, needle, nth);
  return `${path}:${line}:${column} ${severity} ${ruleId} ${message}`;
}

/** Every file under `dir` (relative path -> bytes), dot files included. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.set(abs.slice(dir.length + 1), readFileSync(abs));
    }
  };
  walk(dir);
  return out;
}

const lines = (s: string) => s.split('\n').filter(Boolean);

// --- Messages, from rules/third-sector.yaml and rules/uk-spelling.yaml -----------------------

const VFT = 'third-sector/voluntary-for-third';
const vftMessage = (actual: string, expected = 'third sector') =>
  `'${actual}' leaves out social enterprises, co-operatives and mutuals; where the whole sector is meant, write '${expected}'`;
const ACRONYM = 'third-sector/acronym-defined';
const undefinedAcronym = (actual: string) =>
  `'${actual}' is not defined: spell it out in full the first time, with the abbreviation in brackets after it.`;
const NON_PROFIT = 'third-sector/non-profit';
const nonProfitMessage = (actual: string) =>
  `'${actual}' is US usage; in UK documents write 'not-for-profit', or name the sector (third sector, VCSE)`;

// Inputs used across tests.
const ERROR_TEXT = 'The voluntary sector, including social enterprises, delivers services.\n';
const WARNING_TEXT = 'The LSCB met on Tuesday.\n';
const SUGGESTION_TEXT = 'Many non-profit groups applied.\n';
const CLEAN_TEXT = 'We welcome the proposals and look forward to working with you.\n';

const errorLine = (path: string, text = ERROR_TEXT) => compactLine(path, text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector'));
const warningLine = (path: string, text = WARNING_TEXT) => compactLine(path, text, 'LSCB', 'warning', ACRONYM, undefinedAcronym('LSCB'));

// --- The JSON schema of docs/json-output.md -------------------------------------------------

const FINDING_KEYS = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'match'];
const FINDING_OPTIONAL = ['expected', 'fix', 'link'];
const SUMMARY_KEYS = ['files', 'errors', 'warnings', 'suggestions', 'inputErrors', 'fixable'];

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  match: string;
  expected?: string;
  fix?: { offset: number; length: number; text: string };
  link?: string;
}
interface JsonProblem {
  severity: string;
  message: string;
  line?: number;
  column?: number;
}
interface JsonFile {
  path: string;
  findings: JsonFinding[];
  problems: JsonProblem[];
}
interface JsonReport {
  version: number;
  tool: string;
  files: JsonFile[];
  configProblems: Array<{ file: string; line: number; column: number; message: string }>;
  summary: Record<string, number>;
}

/** Parses stdout as one JSON document and checks it against the documented schema. */
function parseReport(stdout: string): JsonReport {
  expect(stdout.startsWith('{')).toBe(true);
  expect(stdout.endsWith('}\n')).toBe(true);
  const report = JSON.parse(stdout) as JsonReport;
  // Documented keys, in the documented order (configProblems sits between files and summary).
  const top = Object.keys(report);
  expect(top.filter((k) => ['version', 'tool', 'files', 'summary'].includes(k))).toEqual(['version', 'tool', 'files', 'summary']);
  expect(report.version).toBe(1);
  expect(report.tool).toBe('canvass');
  expect(Array.isArray(report.files)).toBe(true);
  expect(Array.isArray(report.configProblems)).toBe(true);
  for (const file of report.files) {
    expect(Object.keys(file)).toEqual(['path', 'findings', 'problems']);
    expect(typeof file.path).toBe('string');
    for (const f of file.findings) {
      const keys = Object.keys(f);
      expect(keys.slice(0, FINDING_KEYS.length)).toEqual(FINDING_KEYS);
      for (const k of keys.slice(FINDING_KEYS.length)) expect(FINDING_OPTIONAL).toContain(k);
      expect(['error', 'warning', 'suggestion']).toContain(f.severity);
      for (const k of ['line', 'column', 'endLine', 'endColumn', 'offset', 'length'] as const) {
        expect(Number.isInteger(f[k])).toBe(true);
      }
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(f.match.length).toBe(f.length);
      if (f.line === f.endLine && !f.match.includes('\n')) expect(f.endColumn).toBe(f.column + f.length);
      for (const k of FINDING_OPTIONAL) expect((f as unknown as Record<string, unknown>)[k]).not.toBeNull();
      if (f.fix) expect(Object.keys(f.fix)).toEqual(['offset', 'length', 'text']);
    }
    for (const p of file.problems) {
      expect(['error', 'warning']).toContain(p.severity);
      expect(typeof p.message).toBe('string');
      expect(Object.keys(p).every((k) => ['severity', 'message', 'line', 'column'].includes(k))).toBe(true);
    }
  }
  for (const k of SUMMARY_KEYS) expect(Number.isInteger(report.summary[k])).toBe(true);
  const findings = report.files.flatMap((f) => f.findings);
  expect(report.summary.files).toBe(report.files.length);
  expect(report.summary.errors).toBe(findings.filter((f) => f.severity === 'error').length);
  expect(report.summary.warnings).toBe(findings.filter((f) => f.severity === 'warning').length);
  expect(report.summary.suggestions).toBe(findings.filter((f) => f.severity === 'suggestion').length);
  expect(report.summary.fixable).toBe(findings.filter((f) => f.fix).length);
  expect(report.summary.inputErrors).toBe(report.files.flatMap((f) => f.problems).filter((p) => p.severity === 'error').length);
  return report;
}

beforeAll(() => {
  // Nothing is built here: `npm test` runs `npm run build` first (pretest). Fail clearly if not.
  assertBuilt();
});

afterAll(removeTempDirs);

// --- Exit codes -----------------------------------------------------------------------------

describe('exit codes', () => {
  it('0 for a clean file', () => {
    const dir = project({ 'clean.md': CLEAN_TEXT });
    const r = lint(dir, ['clean.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ No problems found in 1 file\n');
  });

  it('1 for an error-severity finding (voluntary sector at line 1, column 5)', () => {
    const dir = project({ 'err.md': ERROR_TEXT });
    expect(pos(ERROR_TEXT, 'voluntary sector')).toEqual({ line: 1, column: 5 });
    const r = lint(dir, ['err.md', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`err.md:1:5 error ${VFT} ${vftMessage('voluntary sector')}\n`);
  });

  it('0 for warnings and suggestions only', () => {
    const dir = project({ 'warn.md': WARNING_TEXT, 'sugg.md': SUGGESTION_TEXT });
    const r = lint(dir, ['warn.md', 'sugg.md', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      warningLine('warn.md'),
      compactLine('sugg.md', SUGGESTION_TEXT, 'non-profit', 'suggestion', NON_PROFIT, nonProfitMessage('non-profit')),
    ]);
  });

  it('--max-warnings 0 with one warning exits 1; --max-warnings 1 exits 0', () => {
    const dir = project({ 'warn.md': WARNING_TEXT });
    const over = lint(dir, ['warn.md', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    // No finding is an error: the exit code's reason is said on stderr.
    expect(over.stderr).toBe('canvass: 1 warning, more than --max-warnings 0 allows\n');
    const json = lint(dir, ['warn.md', '--max-warnings', '0', '--format', 'json', '--quiet']);
    expect(json.code).toBe(1);
    // --quiet leaves the warning out of the report, not out of the count --max-warnings checks.
    expect(JSON.parse(json.stdout).summary.warnings).toBe(0);
    expect(json.stderr).toBe('canvass: 1 warning, more than --max-warnings 0 allows\n');
    const within = lint(dir, ['warn.md', '--max-warnings', '1']);
    expect(within.code).toBe(0);
    expect(within.stderr).toBe('');
  });

  it('--quiet hides warnings in stylish output', () => {
    const dir = project({ 'warn.md': WARNING_TEXT, 'err.md': ERROR_TEXT });
    const r = lint(dir, ['warn.md', 'err.md', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(vftMessage('voluntary sector'));
    expect(r.stdout).not.toContain(undefinedAcronym('LSCB'));
    expect(r.stdout).not.toMatch(/^\s+\d+:\d+\s+warning\s/m);
    expect(r.stdout).not.toContain(ACRONYM);
  });

  it('--quiet lists errors only in JSON', () => {
    const dir = project({ 'warn.md': WARNING_TEXT, 'sugg.md': SUGGESTION_TEXT, 'err.md': ERROR_TEXT });
    const r = lint(dir, ['warn.md', 'sugg.md', 'err.md', '--quiet', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.files.map((f) => [f.path, f.findings.map((x) => x.severity)])).toEqual([
      ['warn.md', []],
      ['sugg.md', []],
      ['err.md', ['error']],
    ]);
    expect(report.summary.warnings).toBe(0);
    expect(report.summary.suggestions).toBe(0);
  });
});

// --- Bad input: each alongside a good file that is still linted ------------------------------

describe('bad input', () => {
  it('a binary file is an input error (exit 2); the good file is still linted', () => {
    const bytes = Buffer.from('Hello\0world\n', 'latin1');
    const dir = project({ 'bin.txt': bytes, 'good.md': ERROR_TEXT });
    const r = lint(dir, ['bin.txt', 'good.md', '--format', 'compact']);
    expect(r.code).toBe(2);
    // "Hello" then the NUL: line 1, column 6, where the compact line's position points too.
    expect(lines(r.stdout)).toEqual([
      'bin.txt:1:6 error canvass/input binary file (a NUL byte at line 1, column 6); canvass reads .txt and .md text files',
      errorLine('good.md'),
    ]);
  });

  it('invalid UTF-8 is a warning, read as Windows-1252 and still linted (no exit 2)', () => {
    const head = 'Notes from the meeting\n\nOur Caf';
    const tail = ' is run by the voluntary sector with social enterprises.\n';
    const bytes = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0xe9]), Buffer.from(tail, 'utf8')]);
    const decoded = head + 'é' + tail; // 0xE9 is é in Windows-1252: one UTF-16 unit
    const bad = pos(decoded, 'é');
    expect(bad).toEqual({ line: 3, column: 8 });
    const warning = `not valid UTF-8 (first invalid byte at line ${bad.line}, column ${bad.column}); read as Windows-1252 — re-save the file as UTF-8 to silence this`;
    const dir = project({ 'latin.txt': bytes, 'good.md': WARNING_TEXT, 'clean-latin.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e, 0x0a]) });

    // An error finding in the decoded text: exit 1, not 2 (the input problem is only a warning).
    const r = lint(dir, ['latin.txt', 'good.md', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      `latin.txt:${bad.line}:${bad.column} warning canvass/input ${warning}`,
      compactLine('latin.txt', decoded, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector')),
      warningLine('good.md'),
    ]);

    // No findings in the bad file, a warning in the good one: exit 0.
    const quiet = lint(dir, ['clean-latin.txt', 'good.md', '--format', 'json']);
    expect(quiet.code).toBe(0);
    const report = parseReport(quiet.stdout);
    expect(report.files[0]).toEqual({
      path: 'clean-latin.txt',
      findings: [],
      problems: [
        {
          severity: 'warning',
          message: 'not valid UTF-8 (first invalid byte at line 1, column 4); read as Windows-1252 — re-save the file as UTF-8 to silence this',
          line: 1,
          column: 4,
        },
      ],
    });
    expect(report.summary.inputErrors).toBe(0);
    expect(report.files[1]!.findings.map((f) => f.ruleId)).toEqual([ACRONYM]);
  });

  it('in a file with lone CR line ends, the invalid byte and a finding are placed alike', () => {
    const head = 'Notes\rOur caf';
    const tail = ' and the voluntary sector with social enterprises.\r';
    // "é" in UTF-8, a space, then 0xE9: the first invalid byte.
    const bytes = Buffer.concat([Buffer.from(head + 'é ', 'utf8'), Buffer.from([0xe9]), Buffer.from(tail, 'utf8')]);
    // As Windows-1252 the UTF-8 "é" is the two characters "Ã©", and 0xE9 is "é".
    const line2 = 'Our caf\u00c3\u00a9 \u00e9' + tail.slice(0, -1);
    const bad = line2.indexOf('\u00e9') + 1;
    expect(bad).toBe(11);
    const dir = project({ 'mac.txt': bytes });
    const r = lint(dir, ['mac.txt', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      `mac.txt:2:${bad} warning canvass/input not valid UTF-8 (first invalid byte at line 2, column ${bad}); read as Windows-1252 — re-save the file as UTF-8 to silence this`,
      `mac.txt:2:${line2.indexOf('voluntary sector') + 1} error ${VFT} ${vftMessage('voluntary sector')}`,
    ]);
  });

  it('an empty file is clean: exit 0 on its own, and it does not hide other findings', () => {
    const dir = project({ 'empty.md': '', 'good.md': ERROR_TEXT });
    const alone = lint(dir, ['empty.md', '--format', 'json']);
    expect(alone.code).toBe(0);
    expect(parseReport(alone.stdout).files).toEqual([{ path: 'empty.md', findings: [], problems: [] }]);
    const both = lint(dir, ['empty.md', 'good.md', '--format', 'compact']);
    expect(both.code).toBe(1);
    expect(lines(both.stdout)).toEqual([errorLine('good.md')]);
  });

  it('a missing path is an input error naming the path (exit 2); the good file is still linted', () => {
    const dir = project({ 'good.md': ERROR_TEXT });
    const r = lint(dir, ['missing.md', 'good.md', '--format', 'compact']);
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    // No position: the file is not there to point into.
    expect(out[0]).toBe("missing.md error canvass/input no such file or directory: 'missing.md'");
    expect(out[1]).toBe(errorLine('good.md'));

    const json = parseReport(lint(dir, ['missing.md', 'good.md', '--format', 'json']).stdout);
    expect(json.files[0]!.path).toBe('missing.md');
    expect(json.files[0]!.problems).toHaveLength(1);
    expect(json.files[0]!.problems[0]!.severity).toBe('error');
    expect(json.files[0]!.problems[0]!.message).toContain('missing.md');
  });

  const BROKEN_PACK = [
    'name: broken',
    'rules:',
    '  - id: spelling',
    '    kind: existence',
    '    severity: warning',
    '    message: "\'{{actual}}\' is misspelt"',
    '    severity: error',
    '    terms: [recieve]',
    '',
  ].join('\n');

  it('a broken YAML pack is reported at file:line:col (exit 2); the other packs still lint', () => {
    const dir = project({
      '.canvass.yaml': 'packs: [third-sector, ./broken.yaml]\n',
      'broken.yaml': BROKEN_PACK,
      'good.md': ERROR_TEXT,
    });
    // The second 'severity' key is the YAML error.
    const at = keyPos(BROKEN_PACK, 'severity', 2);
    expect(at).toEqual({ line: 7, column: 5 });

    const r = lint(dir, ['good.md', '--format', 'compact']);
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^broken\\.yaml:${at.line}:${at.column} error canvass/config \\S`));
    expect(out[0]).toMatch(/unique|duplicate/i);
    expect(out[1]).toBe(errorLine('good.md'));
    expect(r.stderr).toContain(`broken.yaml:${at.line}:${at.column}: `);

    const stylish = lint(dir, ['good.md']);
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain(`broken.yaml:${at.line}:${at.column}: `);
    expect(stylish.stdout).toContain(vftMessage('voluntary sector'));
  });

  it('a pack with an unknown kind lists the allowed kinds (exit 2)', () => {
    const pack = ['name: mine', 'rules:', '  - id: x', '    kind: existance', '    severity: warning', '    message: m', '    terms: [foo]', ''].join('\n');
    const dir = project({ '.canvass.yaml': 'packs: [third-sector, ./mine.yaml]\n', 'mine.yaml': pack, 'good.md': ERROR_TEXT });
    const kind = pos(pack, 'existance');
    const r = lint(dir, ['good.md', '--format', 'compact']);
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^mine\\.yaml:${kind.line}:${kind.column} error canvass/config `));
    expect(out[0]).toContain("'existance'");
    expect(out[0]).toContain('substitution, existence, consistency, acronym, near-miss');
    expect(out[1]).toBe(errorLine('good.md'));
  });

  it('when every pack fails to load, the files are not linted (not reported clean) and exit 2', () => {
    const pack = ['name: mine', 'rules:', '  - id: x', '    kind: existance', '    severity: warning', '    message: m', '    terms: [foo]', ''].join('\n');
    const dir = project({ '.canvass.yaml': 'packs: [./mine.yaml]\n', 'mine.yaml': pack, 'good.md': ERROR_TEXT });
    const kind = pos(pack, 'existance');
    const r = lint(dir, ['good.md', '--format', 'compact']);
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^mine\\.yaml:${kind.line}:${kind.column} error canvass/config `));
    expect(out[1]).toBe('good.md error canvass/input not linted: no rule pack could be loaded (./mine.yaml); see the pack errors');
    const stylish = lint(dir, ['good.md']);
    expect(stylish.stdout).not.toContain('0 of 1 file');
    expect(stylish.stdout).toContain('not linted: no rule pack could be loaded');
  });

  it('a .canvass.yaml with an unknown key: its files are not linted, the problem says so (exit 2)', () => {
    const config = 'packs: [third-sector]\nrule:\n  third-sector/voluntary-for-third: off\n';
    const dir = project({ 'sub/.canvass.yaml': config, 'sub/a.md': ERROR_TEXT, 'good.md': ERROR_TEXT });
    const key = pos(config, 'rule:');
    const r = lint(dir, ['sub/a.md', 'good.md', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = parseReport(r.stdout);
    expect(report.configProblems).toHaveLength(1);
    expect(report.configProblems[0]).toMatchObject({ file: 'sub/.canvass.yaml', line: key.line, column: key.column });
    expect(report.configProblems[0]!.message).toContain("'rule'");
    expect(report.configProblems[0]!.message).toContain("did you mean 'rules'");
    const [a, good] = report.files;
    expect(a!.path).toBe('sub/a.md');
    expect(a!.findings).toEqual([]);
    expect(a!.problems).toHaveLength(1);
    expect(a!.problems[0]!.severity).toBe('error');
    expect(a!.problems[0]!.message).toMatch(/not linted/);
    expect(a!.problems[0]!.message).toContain('.canvass.yaml');
    expect(good!.findings.map((f) => f.ruleId)).toEqual([VFT]);
  });
  it('stylish names the files a broken pack left unlinted once, under one message, on one thread or several', () => {
    const pack = ['name: mine', 'rules:', '  - id: x', '    kind: existance', '    severity: warning', '    message: m', '    terms: [foo]', ''].join('\n');
    // 70 files: enough for --jobs 2 to lint on worker threads (PARALLEL_MIN_FILES).
    const names = Array.from({ length: 70 }, (_, i) => `f${String(i + 1).padStart(2, '0')}.md`);
    const dir = project({ '.canvass.yaml': 'packs: [./mine.yaml]\n', 'mine.yaml': pack, ...Object.fromEntries(names.map((n) => [n, ERROR_TEXT])) });
    const kind = pos(pack, 'existance');
    for (const jobs of ['1', '2']) {
      const r = lint(dir, ['.', '--jobs', jobs]);
      expect(r.code).toBe(2);
      const out = lines(r.stdout);
      expect(out[0]).toMatch(new RegExp(`^error  mine\\.yaml:${kind.line}:${kind.column}: `));
      expect(out.slice(1)).toEqual([
        'error  70 files not linted: no rule pack could be loaded (./mine.yaml); see the pack errors',
        ...names.slice(0, 10).map((n) => `  ${n}`),
        '  … and 60 more (--format compact lists each file)',
        '✖ 71 problems (71 errors, 0 warnings, 0 suggestions) in 70 files',
      ]);
    }
  });
});

// --- JSON -------------------------------------------------------------------------------------

describe('--format json', () => {
  it('stdout is exactly one JSON document with the documented schema and positions', () => {
    const text = 'Intro line.\n\nMany non-profit groups and the voluntary sector, with social enterprises, applied.\nThe LSCB met.\n';
    const dir = project({ 'a.md': text, 'clean.md': CLEAN_TEXT });
    const r = lint(dir, ['a.md', 'clean.md', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.files.map((f) => f.path)).toEqual(['a.md', 'clean.md']);
    const [a] = report.files;
    expect(a!.findings.map((f) => [f.ruleId, f.line, f.column, f.match])).toEqual([
      [NON_PROFIT, pos(text, 'non-profit').line, pos(text, 'non-profit').column, 'non-profit'],
      [VFT, pos(text, 'voluntary sector').line, pos(text, 'voluntary sector').column, 'voluntary sector'],
      [ACRONYM, pos(text, 'LSCB').line, pos(text, 'LSCB').column, 'LSCB'],
    ]);
    for (const f of a!.findings) expect(text.slice(f.offset, f.offset + f.length)).toBe(f.match);
    const vft = a!.findings[1]!;
    expect(vft.expected).toBe('third sector');
    expect(vft.fix).toEqual({ offset: text.indexOf('voluntary sector'), length: 'voluntary sector'.length, text: 'third sector' });
    expect(vft.message).toBe(vftMessage('voluntary sector'));
    expect(report.files[1]).toEqual({ path: 'clean.md', findings: [], problems: [] });
    expect(report.configProblems).toEqual([]);
    expect(report.summary).toMatchObject({ files: 2, errors: 1, warnings: 1, suggestions: 1, inputErrors: 0, fixable: 1 });
    expect(r.stderr).toBe('');
  });

  it('with a broken pack, stdout is still pure JSON and carries configProblems', () => {
    const pack = 'name: broken\nrules:\n  - id: x\n    kind: existence\n    kind: existence\n';
    const dir = project({ '.canvass.yaml': 'packs: [third-sector, ./broken.yaml]\n', 'broken.yaml': pack, 'good.md': ERROR_TEXT });
    const r = lint(dir, ['good.md', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = parseReport(r.stdout);
    const at = keyPos(pack, 'kind', 2);
    expect(report.configProblems.length).toBeGreaterThanOrEqual(1);
    expect(report.configProblems[0]).toMatchObject({ file: 'broken.yaml', line: at.line, column: at.column });
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual([VFT]);
    // People reading the terminal still see the problem, on stderr.
    expect(r.stderr).toContain('broken.yaml');
  });
});

// --- Other formats --------------------------------------------------------------------------

describe('other formats', () => {
  it('compact: one line per finding, path:line:col severity ruleId message', () => {
    const dir = project({ 'b.md': WARNING_TEXT, 'a.md': ERROR_TEXT });
    const r = lint(dir, ['a.md', 'b.md', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${errorLine('a.md')}\n${warningLine('b.md')}\n`);
  });

  it('github: workflow commands with file, positions and title; suggestion is a notice', () => {
    const dir = project({ 'a.md': ERROR_TEXT, 'b.md': SUGGESTION_TEXT });
    const r = lint(dir, ['a.md', 'b.md', '--format', 'github']);
    expect(r.code).toBe(1);
    const v = pos(ERROR_TEXT, 'voluntary sector');
    const n = pos(SUGGESTION_TEXT, 'non-profit');
    expect(lines(r.stdout)).toEqual([
      `::error file=a.md,line=${v.line},col=${v.column},endLine=${v.line},endColumn=${v.column + 16},title=${VFT}::${vftMessage('voluntary sector')}`,
      `::notice file=b.md,line=${n.line},col=${n.column},endLine=${n.line},endColumn=${n.column + 10},title=${NON_PROFIT}::${nonProfitMessage('non-profit')}`,
    ]);
  });

  it('an unknown --format exits 2 and lists the formats', () => {
    const dir = project({ 'a.md': ERROR_TEXT });
    const r = lint(dir, ['a.md', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("'xml'");
    for (const f of ['stylish', 'json', 'compact', 'github']) expect(r.stderr).toContain(f);
  });

  it("a format named like an object's own property is unknown too, and --fix writes nothing", () => {
    const dir = project({ 'a.md': ERROR_TEXT });
    for (const format of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = lint(dir, ['a.md', '--fix', '--format', format]);
      expect(r.code, format).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`canvass: unknown format '${format}'; choose one of: stylish, json, compact, github\n`);
    }
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(ERROR_TEXT);
  });

  it('--max-warnings and --jobs take digits only', () => {
    const dir = project({ 'a.md': ERROR_TEXT });
    for (const value of ['', ' ', '0x1', '1e0', '1.0', '-1']) {
      const r = lint(dir, ['a.md', `--max-warnings=${value}`]);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toBe(`canvass: --max-warnings must be a whole number of 0 or more (got '${value}')\n`);
    }
    for (const value of ['1.0', ' 2', '0']) {
      const r = lint(dir, ['a.md', `--jobs=${value}`]);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toBe(`canvass: --jobs must be a whole number of 1 or more (got '${value}')\n`);
    }
  });
});

// --- Standard input -------------------------------------------------------------------------

describe('standard input', () => {
  const text = 'Our partners in the voluntary sector include social enterprises.\n';

  it('- with --stdin-filename reports under that name', () => {
    const dir = project({});
    const r = lint(dir, ['-', '--stdin-filename', 'notes.md', '--format', 'compact'], text);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(compactLine('notes.md', text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector')) + '\n');
  });

  it('- without --stdin-filename is named <stdin>', () => {
    const dir = project({});
    const r = lint(dir, ['-', '--format', 'json'], text);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.files.map((f) => f.path)).toEqual(['<stdin>']);
    expect(report.files[0]!.findings.map((f) => [f.line, f.column])).toEqual([[1, pos(text, 'voluntary sector').column]]);
  });

  it('--fix with - is a usage error', () => {
    const dir = project({});
    const r = lint(dir, ['-', '--fix'], text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input/);
  });
});

// --- --fix ----------------------------------------------------------------------------------

describe('--fix', () => {
  it('rewrites fixable findings on disk, leaves other files byte-identical and no temp files', () => {
    const dir = project({
      'fix.md': 'The voluntary sector, with social enterprises.\n',
      'nofix.md': WARNING_TEXT,
      'sub/also.txt': 'Co-operatives and the Voluntary Sector work together.\n',
    });
    const before = snapshot(dir);
    const r = lint(dir, ['.', '--fix', '--format', 'compact']);
    // What is left after fixing: the warning, which has no fix.
    expect(lines(r.stdout)).toEqual([warningLine('nofix.md')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'fix.md'), 'utf8')).toBe('The third sector, with social enterprises.\n');
    // Two rules fix 'Voluntary Sector' (lower case; third sector): fix passes apply both.
    expect(readFileSync(join(dir, 'sub/also.txt'), 'utf8')).toBe('Co-operatives and the third sector work together.\n');
    expect(readFileSync(join(dir, 'nofix.md')).equals(before.get('nofix.md')!)).toBe(true);
    expect([...snapshot(dir).keys()].sort()).toEqual([...before.keys()].sort());
  });

  // A later pass reads the fixed text, but fixes only what lint showed on the text as read: once
  // the paragraph says "third sector", the heading of the same section that says "Voluntary
  // Sector" reads as two names for one thing — a finding the fix brought about, which is reported
  // at its line and column and left to a person (docs/configuration.md).
  it('fixes only the findings lint reported, and reports one that the fixes brought about', () => {
    const text = 'Notes on the Voluntary Sector\n\nThe voluntary sector, including social enterprises and mutuals, should be on the board.\n';
    const dir = project({ 'notes.txt': text });
    const before = lint(dir, ['notes.txt', '--format', 'compact']);
    // As read: the paragraph's name only (a heading is in title case; its section has no "third sector").
    expect(lines(before.stdout)).toEqual([expect.stringMatching(/^notes\.txt:3:5 error third-sector\/voluntary-for-third /)]);
    const r = lint(dir, ['notes.txt', '--fix', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe(
      'Notes on the Voluntary Sector\n\nThe third sector, including social enterprises and mutuals, should be on the board.\n',
    );
    // The heading now says "voluntary sector" in a section that says "third sector".
    expect(lines(r.stdout)).toEqual([expect.stringMatching(/^notes\.txt:1:14 error third-sector\/voluntary-for-third /)]);
    const again = lint(dir, ['notes.txt', '--fix']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe(
      'Notes on the Third Sector\n\nThe third sector, including social enterprises and mutuals, should be on the board.\n',
    );
  });

  it('leaves a usage that only a fix made look wrong as it was written, and says so', () => {
    const text = '# Funding\n\nThe voluntary sector and social enterprises both bid.\n\nWe are proud to be part of the voluntary sector.\n';
    const dir = project({ 'c.md': text });
    const r = lint(dir, ['c.md', '--fix']);
    expect(readFileSync(join(dir, 'c.md'), 'utf8')).toBe(
      '# Funding\n\nThe third sector and social enterprises both bid.\n\nWe are proud to be part of the voluntary sector.\n',
    );
    expect(r.stdout).toContain('✔ Fixed 1 finding in 1 file\n');
    // What is left: the self-description, now in a section that says "third sector".
    const left = lint(dir, ['c.md', '--format', 'compact']);
    expect(lines(left.stdout)).toEqual([expect.stringMatching(/^c\.md:5:32 error third-sector\/voluntary-for-third 'voluntary sector' /)]);
    expect(r.code).toBe(1);
  });

  // The atomic write must write through the link (a temp file renamed over the link itself would
  // turn it into a regular file and leave the file it points to unchanged).
  it.skipIf(process.platform === 'win32')('fixes the file a symlink points to and keeps the link', () => {
    const dir = project({ 'real/doc.md': 'The voluntary sector, with social enterprises.\n' });
    symlinkSync(join('real', 'doc.md'), join(dir, 'link.md'));
    const r = lint(dir, ['link.md', '--fix', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'doc.md'), 'utf8')).toBe('The third sector, with social enterprises.\n');
  });

  it('fixes a file whose name is near the 255-byte limit (the temporary file beside it gets a shorter one)', () => {
    const name = `${'a'.repeat(245)}.md`;
    const dir = project({ [name]: 'The voluntary sector, with social enterprises.\n' });
    const r = lint(dir, [name, '--fix', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, name), 'utf8')).toBe('The third sector, with social enterprises.\n');
    expect(readdirSync(dir).filter((f) => f.includes('.canvass-'))).toEqual([]);
  });

  // Permissions do not bind root (CI runs as root): this runs for everyone else.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'a file that cannot be written is reported as not fixed, with its findings as read; other files are still fixed (exit 2)',
    () => {
      const dir = project({ 'locked/doc.md': ERROR_TEXT, 'open.md': ERROR_TEXT });
      chmodSync(join(dir, 'locked'), 0o555);
      try {
        const r = lint(dir, ['locked/doc.md', 'open.md', '--fix', '--format', 'compact']);
        expect(r.code).toBe(2);
        expect(lines(r.stdout)).toEqual([
          'locked/doc.md error canvass/input not fixed: cannot write the file: permission denied (EACCES)',
          errorLine('locked/doc.md'),
        ]);
        expect(readFileSync(join(dir, 'locked', 'doc.md'), 'utf8')).toBe(ERROR_TEXT);
        expect(readFileSync(join(dir, 'open.md'), 'utf8')).toBe('The third sector, including social enterprises, delivers services.\n');
      } finally {
        chmodSync(join(dir, 'locked'), 0o755);
      }
    },
  );

  // The atomic write renames over the file, which needs only a writable folder: a file marked
  // read-only (no write bit, as `chmod a-w` leaves it) must be left as it is, for root too.
  it.skipIf(process.platform === 'win32')(
    'a read-only file in a writable folder is not replaced: reported as not fixed, with its findings as read (exit 2)',
    () => {
      const dir = project({ 'ro.md': ERROR_TEXT, 'open.md': ERROR_TEXT });
      chmodSync(join(dir, 'ro.md'), 0o444);
      const r = lint(dir, ['ro.md', 'open.md', '--fix', '--format', 'compact']);
      expect(r.code).toBe(2);
      expect(lines(r.stdout)).toEqual([
        'ro.md error canvass/input not fixed: cannot write the file: permission denied (EACCES)',
        errorLine('ro.md'),
      ]);
      expect(readFileSync(join(dir, 'ro.md'), 'utf8')).toBe(ERROR_TEXT);
      expect(statSync(join(dir, 'ro.md')).mode & 0o777).toBe(0o444);
      expect(readFileSync(join(dir, 'open.md'), 'utf8')).toBe('The third sector, including social enterprises, delivers services.\n');
      expect(readdirSync(dir).filter((f) => f.includes('.canvass-'))).toEqual([]);
    },
  );

  // A link to /proc/self/fd/0 (as /dev/stdin is) reads the pipe canvass was given; realpath
  // cannot resolve its target ('pipe:[…]'), and the write renamed a file over the link.
  it.skipIf(process.platform !== 'linux')('does not write over a link to a pipe (as /dev/stdin is): not fixed, exit 2', () => {
    const dir = project({});
    symlinkSync('/proc/self/fd/0', join(dir, 'in.md'));
    // Through a shell's pipe: Node gives a child's stdin as a socket, which /proc/self/fd/0 cannot open.
    const r = spawnSync('sh', ['-c', 'printf "%s" "$TEXT" | "$NODE" "$BIN" lint in.md --fix --format compact'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TEXT: ERROR_TEXT, NODE: process.execPath, BIN: binPath },
    });
    expect(r.status).toBe(2);
    expect(lines(r.stdout)).toEqual([
      'in.md error canvass/input not fixed: cannot write the file: not a regular file (a pipe, device or socket)',
      errorLine('in.md'),
    ]);
    expect(lstatSync(join(dir, 'in.md')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(['in.md']);
  });

  it('without --fix no input file changes', () => {
    const dir = project({
      'fix.md': 'The voluntary sector, with social enterprises.\n',
      'nofix.md': WARNING_TEXT,
      'sub/also.txt': 'Co-operatives and the voluntary sector work together.\n',
      'bom.txt': Buffer.from('\ufeffThe voluntary sector and mutuals.\r\n', 'utf8'),
    });
    const before = snapshot(dir);
    const mtimes = [...before.keys()].map((k) => statSync(join(dir, k)).mtimeMs);
    for (const format of ['stylish', 'json', 'compact', 'github']) {
      const r = lint(dir, ['.', '--format', format]);
      expect(r.code).toBe(1);
    }
    const after = snapshot(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, bytes] of before) expect(after.get(k)!.equals(bytes)).toBe(true);
    expect([...before.keys()].map((k) => statSync(join(dir, k)).mtimeMs)).toEqual(mtimes);
  });
});

// --- Configuration --------------------------------------------------------------------------

describe('config discovery and options', () => {
  const offConfig = 'rules:\n  third-sector/voluntary-for-third: off\n';

  it('a .canvass.yaml in a parent folder applies to files in subfolders', () => {
    const dir = project({
      'proj/.canvass.yaml': offConfig,
      'proj/a/b/x.md': ERROR_TEXT,
      'other/y.md': ERROR_TEXT,
    });
    const r = lint(dir, ['proj', 'other', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([errorLine('other/y.md')]);
    // Also when the config is above the working directory.
    const inner = lint(join(dir, 'proj', 'a', 'b'), ['x.md', '--format', 'compact']);
    expect(inner.code).toBe(0);
    expect(inner.stdout).toBe('');
  });

  it('--config overrides the nearest config', () => {
    const dir = project({
      'proj/.canvass.yaml': offConfig,
      'proj/a/x.md': ERROR_TEXT,
      'alt.yaml': 'packs: [third-sector]\n',
    });
    expect(lint(dir, ['proj', '--format', 'compact']).code).toBe(0);
    const r = lint(dir, ['proj', '--config', 'alt.yaml', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([errorLine('proj/a/x.md')]);
  });

  it("config ignore skips files found in a directory walk, but not a file named explicitly", () => {
    const dir = project({
      'proj/.canvass.yaml': 'ignore: ["drafts/**"]\n',
      'proj/drafts/d.md': ERROR_TEXT,
      'proj/final.md': ERROR_TEXT,
    });
    const walked = parseReport(lint(dir, ['proj', '--format', 'json']).stdout);
    expect(walked.files.map((f) => f.path)).toEqual(['proj/final.md']);
    const named = lint(dir, ['proj', 'proj/drafts/d.md', '--format', 'compact']);
    expect(named.code).toBe(1);
    expect(lines(named.stdout).sort()).toEqual([errorLine('proj/drafts/d.md'), errorLine('proj/final.md')].sort());
  });

  it('a --config that does not exist: its name, the reason in words and what to do, no position; no file is linted (exit 2)', () => {
    const dir = project({ 'docs/a.md': ERROR_TEXT });
    const r = lint(dir, ['docs', '--config', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      [
        'error  nope.yaml: cannot read config file: no such file or directory (ENOENT); give --config the path of a config file, relative to the current folder',
        '',
        'docs/a.md',
        '  error  not linted: the configuration nope.yaml cannot be read',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 suggestions) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it("--config from outside the linted folder: its ignore globs, relative to the config's folder, still apply", () => {
    const dir = project({
      // "proj/final.md" is relative to cfg/, so it names cfg/proj/final.md, not this file.
      'cfg/.canvass.yaml': 'ignore: [drafts, "*.old.md", ../proj/notes/**, proj/final.md]\n',
      'proj/drafts/d.md': ERROR_TEXT,
      'proj/a.old.md': ERROR_TEXT,
      'proj/notes/n.md': ERROR_TEXT,
      'proj/final.md': ERROR_TEXT,
    });
    const fromAbove = lint(dir, ['proj', '--config', 'cfg/.canvass.yaml', '--format', 'compact']);
    expect(fromAbove.code).toBe(1);
    expect(lines(fromAbove.stdout)).toEqual([errorLine('proj/final.md')]);
    const fromInside = lint(join(dir, 'proj'), ['.', '--config', '../cfg/.canvass.yaml', '--format', 'compact']);
    expect(fromInside.code).toBe(1);
    expect(lines(fromInside.stdout)).toEqual([errorLine('final.md')]);
  });

  it('two pack files with one name: a config error (exit 2) at the later one, which is left out', () => {
    const pack = (word: string) =>
      `name: house\nrules:\n  - id: word\n    kind: existence\n    severity: warning\n    message: "'{{actual}}' (${word})"\n    terms: [${word}]\n`;
    const text = 'The alpha and the beta.\n';
    const dir = project({
      '.canvass.yaml': 'packs: [a.yaml, b.yaml]\n',
      'a.yaml': pack('alpha'),
      'b.yaml': pack('beta'),
      'doc.txt': text,
    });
    const r = lint(dir, ['doc.txt', '--format', 'compact']);
    expect(r.code).toBe(2);
    const config = 'packs: [a.yaml, b.yaml]\n';
    const at = pos(config, 'b.yaml');
    expect(lines(r.stdout)).toEqual([
      `.canvass.yaml:${at.line}:${at.column} error canvass/config the rule pack 'b.yaml' is named 'house', like the rule pack 'a.yaml': rule ids and 'rules' settings cannot tell the two apart; give one of them another 'name', or use only one (the rule pack 'b.yaml' is left out)`,
      compactLine('doc.txt', text, 'alpha', 'warning', 'house/word', "'alpha' (alpha)"),
    ]);
  });

  it("a folder or glob that the config's ignore leaves nothing of is an input error (exit 2), as with --ignore, saying which ignore", () => {
    const dir = project(ignoredInputsProject(ERROR_TEXT));
    const folder = (input: string, by: string) => `${input} error canvass/input ${emptiedFolder(input, by)}`;
    const r = lint(dir, ['docs/drafts', 'docs/**/d.md', 'sub', '--format', 'compact']);
    expect(r.code).toBe(2);
    expect(lines(r.stdout)).toEqual([
      folder('docs/drafts', "'ignore' in .canvass.yaml"),
      `docs/**/d.md error canvass/input ${emptiedGlob}`,
      folder('sub', "'ignore' in sub/.canvass.yaml"),
    ]);
    // --ignore took some files of the folder, each config the others.
    const both = lint(dir, ['.', '--ignore', 'old', '--ignore', 'kept.txt', '--format', 'compact']);
    expect(both.code).toBe(2);
    expect(lines(both.stdout)).toEqual([folder('.', "--ignore and 'ignore' in .canvass.yaml and sub/.canvass.yaml")]);
    // --ignore alone says so too.
    const option = lint(dir, ['docs', '--ignore', 'drafts', '--ignore', 'old', '--format', 'compact']);
    expect(option.code).toBe(2);
    expect(lines(option.stdout)).toEqual([folder('docs', '--ignore')]);
    // A file left to lint, or named on the command line, is no error.
    expect(lint(dir, ['docs', '--format', 'compact']).code).toBe(1);
    const named = lint(dir, ['docs/drafts', 'docs/drafts/d.md', '--format', 'compact']);
    expect(named.code).toBe(1);
    expect(lines(named.stdout)).toEqual([errorLine('docs/drafts/d.md')]);
  });

  it("the config's ignore leaving nothing of a folder is an error on worker threads too", () => {
    const files: Record<string, string> = { '.canvass.yaml': 'ignore: [drafts]\n' };
    for (let i = 0; i < 70; i++) files[`docs/drafts/f${String(i).padStart(2, '0')}.md`] = ERROR_TEXT;
    const dir = project(files);
    const r = lint(dir, ['docs', '--jobs', '2', '--format', 'compact']);
    expect(r.code).toBe(2);
    expect(lines(r.stdout)).toEqual([
      "docs error canvass/input no .txt, .md or .markdown files found in 'docs/' that are not ignored by 'ignore' in .canvass.yaml",
    ]);
  });

  it('--ignore on the command line skips matching files', () => {
    const dir = project({ 'docs/archive/old.md': ERROR_TEXT, 'docs/new.md': WARNING_TEXT });
    const r = lint(dir, ['docs', '--ignore', 'archive/**', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(parseReport(r.stdout).files.map((f) => f.path)).toEqual(['docs/new.md']);
    const r2 = lint(dir, ['docs', '--ignore', 'docs/new.md', '--format', 'json']);
    expect(parseReport(r2.stdout).files.map((f) => f.path)).toEqual(['docs/archive/old.md']);
  });

  it('--pack uk-spelling lints with that pack instead of the config’s', () => {
    const text = 'We organise events. The voluntary sector, with social enterprises, will organize more.\n';
    const dir = project({ 'a.md': text });
    const r = lint(dir, ['a.md', '--pack', 'uk-spelling', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      compactLine(
        'a.md',
        text,
        'organize',
        'warning',
        'uk-spelling/organise',
        "Both 'organise' (1×) and 'organize' (1×) spellings are used; pick one (GOV.UK: -ise)",
      ),
    ]);
  });
});

// --- Inline directives ----------------------------------------------------------------------

describe('inline directives', () => {
  const sentence = 'The voluntary sector, with social enterprises.';

  it('<!-- canvass-disable-next-line rule --> in Markdown silences the next line only', () => {
    const text = `<!-- canvass-disable-next-line ${VFT} -->\n${sentence}\n\n${sentence}\n`;
    const dir = project({ 'a.md': text });
    const r = lint(dir, ['a.md', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([compactLine('a.md', text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector'), 2)]);
    expect(pos(text, 'voluntary sector', 2).line).toBe(4);
  });

  it('in .txt the same words on a line of their own work too (but not in Markdown)', () => {
    const text = `canvass-disable-next-line ${VFT}\n${sentence}\n\n${sentence}\n`;
    const dir = project({ 'a.txt': text, 'a.md': text });
    const r = lint(dir, ['a.txt', 'a.md', '--format', 'compact']);
    expect(lines(r.stdout)).toEqual([
      compactLine('a.txt', text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector'), 2),
      compactLine('a.md', text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector'), 1),
      compactLine('a.md', text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector'), 2),
    ]);
    // From standard input, --stdin-filename decides the format.
    const stdin = lint(dir, ['-', '--stdin-filename', 'piped.txt', '--format', 'compact'], text);
    expect(lines(stdin.stdout)).toEqual([compactLine('piped.txt', text, 'voluntary sector', 'error', VFT, vftMessage('voluntary sector'), 2)]);
  });
});

describe('a directive naming a rule of a pack that the file\'s config does not load', () => {
  it('says that the pack is not loaded for the file, rather than suggesting a rule id from another pack', () => {
    // The nearest config of easy-read/a.md loads uk-spelling only: third-sector is not loaded there.
    const text = `<!-- canvass-disable-next-line ${NON_PROFIT} -->\nThe text.\n`;
    const dir = project({ 'easy-read/.canvass.yaml': 'packs: [uk-spelling]\n', 'easy-read/a.md': text, 'b.md': text.replace('non-profit', 'non-profits') });
    const r = lint(dir, ['.', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      `b.md:1:1 warning canvass/directive unknown rule '${NON_PROFIT}s' in canvass-disable-next-line; it disables nothing (use a rule id like '${VFT}' or a pack name)`,
      `easy-read/a.md:1:1 warning canvass/directive unknown rule '${NON_PROFIT}' in canvass-disable-next-line; it disables nothing (the pack 'third-sector' is not loaded for this file; loaded packs: uk-spelling)`,
    ]);
  });
});

describe('a directive line in plain text is never linted, counted or fixed', () => {
  it('--fix leaves the rule id in a directive as written (it holds the term co-operation)', () => {
    // The text writes 'cooperation' only; the directive's 'co-operation' is a rule id, not prose.
    const text = 'We value cooperation.\nReal cooperation helps.\ncanvass-disable-next-line third-sector/co-operation\nCooperation is hard.\n';
    const dir = project({ 'letter.txt': text });
    const r = lint(dir, ['letter.txt', '--fix', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'letter.txt'), 'utf8')).toBe(text);
  });
});

describe('a misspelt directive', () => {
  it('is a canvass/directive warning at its file:line:col, and disables nothing', () => {
    const text = `Dear colleague,\ncanvass-disable-line ${NON_PROFIT}\nMany non-profit groups applied.\n`;
    const dir = project({ 'a.txt': text });
    const r = lint(dir, ['a.txt', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      "a.txt:2:1 warning canvass/directive unknown directive 'canvass-disable-line'; it does nothing (the directives are canvass-disable, canvass-enable and canvass-disable-next-line)",
      // The first 'non-profit' is the directive's own rule id.
      compactLine('a.txt', text, 'non-profit', 'suggestion', NON_PROFIT, nonProfitMessage('non-profit'), 2),
    ]);
  });
});

describe('inline directives with old Mac (lone CR) line endings', () => {
  // docs/json-output.md: "A line ends at \n, \r\n or a lone \r". Known bug at the time of writing:
  // disable-next-line looks for the next '\n' only, so it silences nothing in such a file.
  it('disable-next-line silences the next line', () => {
    const sentence = 'The voluntary sector, with social enterprises.';
    const text = `<!-- canvass-disable-next-line ${VFT} -->\r${sentence}\r\r${sentence}\r`;
    const dir = project({ 'cr.md': text });
    const r = lint(dir, ['cr.md', '--format', 'compact']);
    const column = sentence.indexOf('voluntary sector') + 1;
    // Lines: 1 directive, 2 sentence, 3 blank, 4 sentence.
    expect(lines(r.stdout)).toEqual([`cr.md:4:${column} error ${VFT} ${vftMessage('voluntary sector')}`]);
  });
});

// --- Worker threads -------------------------------------------------------------------------

describe('--jobs', () => {
  it('--jobs 2 gives the same files array as --jobs 1 on 72 files (parallel path starts at 64)', () => {
    const files: Record<string, string> = {};
    const texts = [ERROR_TEXT, WARNING_TEXT, CLEAN_TEXT, SUGGESTION_TEXT];
    for (let i = 0; i < 72; i++) files[`many/f${String(i).padStart(3, '0')}.md`] = `File ${i}.\n\n${texts[i % texts.length]}`;
    const dir = project(files);
    const one = lint(dir, ['many', '--jobs', '1', '--format', 'json']);
    const two = lint(dir, ['many', '--jobs', '2', '--format', 'json']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    const a = parseReport(one.stdout);
    const b = parseReport(two.stdout);
    expect(a.files).toHaveLength(72);
    expect(a.files.map((f) => f.path)).toEqual(Object.keys(files).sort());
    expect(a.files.filter((f) => f.findings.length > 0)).toHaveLength(54);
    expect(b.files).toEqual(a.files);
    expect(b.summary).toEqual(a.summary);
  });
});

// --- Reading ahead ---------------------------------------------------------------------------

describe('reading ahead (512 files or more)', () => {
  it('lints 600 files (read ahead on a worker thread from the 257th) each with its own text', () => {
    const files: Record<string, string> = {};
    // Which files hold which text depends on the index, so a file given another's bytes shows.
    const textOf = (i: number) => (i % 5 === 0 ? ERROR_TEXT : i % 7 === 0 ? WARNING_TEXT : CLEAN_TEXT);
    for (let i = 0; i < 600; i++) files[`many/f${String(i).padStart(3, '0')}.md`] = `File ${i}.\n\n${textOf(i)}`;
    const dir = project(files);
    const r = lint(dir, ['many', '--jobs', '1', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.files.map((f) => f.path)).toEqual(Object.keys(files).sort());
    report.files.forEach((file, i) => {
      const expected = textOf(i) === ERROR_TEXT ? [[VFT, 3, 5]] : textOf(i) === WARNING_TEXT ? [[ACRONYM, 3, 5]] : [];
      expect(file.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual(expected);
    });
    expect(report.summary).toMatchObject({ files: 600, errors: 120, warnings: 68 });
  });

  it('scans ahead with the first file\'s rules only: files under another config get their own rules', () => {
    // The worker scans with a/'s rules (the default pack); b/'s config names another pack, so the
    // worker's hits do not fit b/'s rules: b/'s files must be scanned again with their own.
    const text = 'Organisations organise events. An organization can help. The voluntary sector, including social enterprises, delivers services.\n';
    const files: Record<string, string> = { 'b/.canvass.yaml': 'packs: [uk-spelling]\n' };
    for (let i = 0; i < 300; i++) {
      files[`a/f${String(i).padStart(3, '0')}.md`] = `File ${i}.\n\n${text}`;
      files[`b/g${String(i).padStart(3, '0')}.md`] = `File ${i}.\n\n${text}`;
    }
    const dir = project(files);
    const r = lint(dir, ['a', 'b', '--jobs', '1', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.files).toHaveLength(600);
    for (const file of report.files) {
      const expected = file.path.startsWith('a/') ? [[VFT, 3, 62, 'voluntary sector']] : [['uk-spelling/organise', 3, 35, 'organization']];
      expect(file.findings.map((f) => [f.ruleId, f.line, f.column, f.match])).toEqual(expected);
    }
  });
});

// --- canvass rules ---------------------------------------------------------------------------

describe('canvass rules', () => {
  const packYaml = (name: string) => parseYaml(readFileSync(join(repoRoot, 'rules', `${name}.yaml`), 'utf8')) as {
    name: string;
    rules: Array<{ id: string; examples?: { valid?: unknown[]; invalid?: unknown[] } }>;
  };

  it('rules list third-sector prints a table with every rule id of the pack', () => {
    const dir = project({});
    const r = runCli(['rules', 'list', 'third-sector'], { cwd: dir });
    expect(r.code).toBe(0);
    const pack = packYaml('third-sector');
    expect(pack.rules.length).toBeGreaterThan(0);
    for (const rule of pack.rules) expect(r.stdout).toContain(`${pack.name}/${rule.id}`);
    expect(r.stdout).toMatch(/Rule\s.*Kind\s.*Severity/);
  });

  it('rules test passes every bundled example', () => {
    const dir = project({});
    const r = runCli(['rules', 'test'], { cwd: dir });
    expect(r.code).toBe(0);
    let total = 0;
    for (const name of ['third-sector', 'uk-spelling']) {
      const pack = packYaml(name);
      for (const rule of pack.rules) {
        const n = (rule.examples?.valid?.length ?? 0) + (rule.examples?.invalid?.length ?? 0);
        total += n;
        expect(r.stdout).toContain(`✔ ${name}/${rule.id}  ${n}/${n} examples`);
      }
    }
    expect(r.stdout).toContain(`✔ ${total}/${total} examples pass`);
    expect(r.stdout).not.toContain('✖');
  });

  it('rules test <path> fails (exit 1) with expected vs actual spans when an example marks the wrong span', () => {
    const marked = 'Many [[nonprofit groups]] applied.';
    const text = 'Many nonprofit groups applied.';
    const pack = [
      'name: mypack',
      'rules:',
      '  - id: np',
      '    kind: existence',
      '    severity: warning',
      `    message: "'{{actual}}' is US usage"`,
      '    terms: [nonprofit]',
      '    examples:',
      '      valid:',
      '        - A not-for-profit body.',
      '      invalid:',
      `        - ${marked}`,
      '',
    ].join('\n');
    const dir = project({ 'my-pack.yaml': pack });
    const r = runCli(['rules', 'test', 'my-pack.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const start = text.indexOf('nonprofit');
    expect(r.stdout).toContain(`${start}+${'nonprofit groups'.length} "nonprofit groups"`);
    expect(r.stdout).toContain(`${start}+${'nonprofit'.length} "nonprofit"`);
    expect(r.stdout.indexOf('"nonprofit groups"')).toBeLessThan(r.stdout.indexOf(`+${'nonprofit'.length} "nonprofit"`));
    expect(r.stdout).toContain('mypack/np');
    expect(r.stdout).toContain('1/2 examples');
  });

  it('an unknown pack name exits 2 and lists the available packs', () => {
    const dir = project({});
    for (const command of ['list', 'test']) {
      const r = runCli(['rules', command, 'nope'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("'nope'");
      expect(r.stderr).toContain('third-sector');
      expect(r.stderr).toContain('uk-spelling');
    }
  });
});

// --- Help and usage -------------------------------------------------------------------------

describe('help and usage', () => {
  it('canvass --help and canvass lint --help exit 0', () => {
    const dir = project({});
    const top = runCli(['--help'], { cwd: dir });
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: canvass');
    expect(top.stdout).toContain('lint');
    expect(top.stdout).toContain('rules');
    const sub = runCli(['lint', '--help'], { cwd: dir });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: canvass lint');
    for (const option of ['--format', '--config', '--pack', '--ignore', '--stdin-filename', '--max-warnings', '--quiet', '--fix', '--jobs']) {
      expect(sub.stdout).toContain(option);
    }
  });

  it('lint with no paths exits 2 with a clear message', () => {
    const dir = project({ 'a.md': ERROR_TEXT });
    const r = lint(dir, []);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/give files, directories or globs/);
  });
});
