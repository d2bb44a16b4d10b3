// Formatters are pure: a hand-built LintReport in, an exact string out.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadColour } from '../src/report/paint.js';
import type { FileResult, Finding } from '../src/lint/finding.js';
import { summarise, type LintReport } from '../src/report/lint-report.js';
import { lintFormatters } from '../src/report/formatters/index.js';
import { compact } from '../src/report/formatters/compact.js';
import { github } from '../src/report/formatters/github.js';
import { json } from '../src/report/formatters/json.js';
import { stylish } from '../src/report/formatters/stylish.js';

// Colour output needs chalk, which the CLI loads only when colour is on.
beforeAll(loadColour);

const ANSI = /\u001b\[/;
const plain = { color: false };

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'third-sector/voluntary-for-third',
    severity: 'warning',
    message: "'voluntary sector' leaves out social enterprises",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 17,
    offset: 0,
    length: 16,
    match: 'voluntary sector',
    ...overrides,
  };
}

function report(files: FileResult[], configProblems: LintReport['configProblems'] = []): LintReport {
  return { files, configProblems, summary: summarise(files, configProblems) };
}

const warning = finding({
  line: 42,
  column: 112,
  endLine: 42,
  endColumn: 128,
  offset: 5000,
  expected: 'third sector',
  fix: { offset: 5000, length: 16, text: 'third sector' },
  link: 'https://example.org/third-sector',
});
const suggestion = finding({
  ruleId: 'third-sector/acronym-defined',
  severity: 'suggestion',
  message: 'Define VCS before using it',
  line: 54,
  column: 92,
  endLine: 54,
  endColumn: 95,
  offset: 6000,
  length: 3,
  match: 'VCS',
});
const error = finding({
  ruleId: 'style/banned',
  severity: 'error',
  message: "Don't write 'Big Society', write: plain words",
  line: 7,
  column: 3,
  endLine: 7,
  endColumn: 14,
  offset: 80,
  length: 11,
  match: 'Big Society',
});

const sample = report([
  { path: 'corpus/a.txt', findings: [warning, suggestion], problems: [], fixedText: 'not in any output' },
  { path: 'corpus/clean.txt', findings: [], problems: [] },
  {
    path: 'corpus/broken.txt',
    findings: [],
    problems: [{ severity: 'error', message: 'binary file (contains NUL bytes at byte 12)' }],
  },
  {
    path: 'corpus/b.md',
    findings: [error],
    problems: [{ severity: 'warning', message: 'invalid UTF-8 replaced', line: 3, column: 5 }],
  },
]);

describe('lintFormatters', () => {
  it('registers every format by name', () => {
    expect(Object.keys(lintFormatters)).toEqual(['stylish', 'json', 'compact', 'github']);
  });

  it('returns strings and never colours unless asked', () => {
    for (const format of Object.values(lintFormatters)) {
      expect(format(sample, plain)).not.toMatch(ANSI);
    }
  });
});

describe('compact', () => {
  it('prints one line per finding, input problems first', () => {
    expect(compact(sample, plain)).toBe(
      [
        "corpus/a.txt:42:112 warning third-sector/voluntary-for-third 'voluntary sector' leaves out social enterprises",
        'corpus/a.txt:54:92 suggestion third-sector/acronym-defined Define VCS before using it',
        'corpus/broken.txt error canvass/input binary file (contains NUL bytes at byte 12)',
        'corpus/b.md:3:5 warning canvass/input invalid UTF-8 replaced',
        "corpus/b.md:7:3 error style/banned Don't write 'Big Society', write: plain words",
        '',
      ].join('\n'),
    );
  });

  it('keeps a multi-line message on one line', () => {
    const r = report([{ path: 'x.txt', findings: [finding({ message: 'one\ntwo\r\nthree' })], problems: [] }]);
    expect(compact(r, plain)).toBe('x.txt:1:1 warning third-sector/voluntary-for-third one two three\n');
  });

  it('is empty when there is nothing to report', () => {
    expect(compact(report([{ path: 'x.txt', findings: [], problems: [] }]), plain)).toBe('');
    expect(compact(report([]), plain)).toBe('');
  });
});

describe('github', () => {
  it('prints workflow commands with escaped properties and messages', () => {
    expect(github(sample, plain)).toBe(
      [
        "::warning file=corpus/a.txt,line=42,col=112,endLine=42,endColumn=128,title=third-sector/voluntary-for-third::'voluntary sector' leaves out social enterprises",
        '::notice file=corpus/a.txt,line=54,col=92,endLine=54,endColumn=95,title=third-sector/acronym-defined::Define VCS before using it',
        '::error file=corpus/broken.txt::binary file (contains NUL bytes at byte 12)',
        '::warning file=corpus/b.md,line=3,col=5::invalid UTF-8 replaced',
        "::error file=corpus/b.md,line=7,col=3,endLine=7,endColumn=14,title=style/banned::Don't write 'Big Society', write: plain words",
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF everywhere, and : and , in property values', () => {
    const r = report([
      {
        path: 'dir,1/a:b%.txt',
        findings: [finding({ ruleId: 'p/r', message: '100% sure:\r\nyes, really' })],
        problems: [],
      },
    ]);
    expect(github(r, plain)).toBe(
      '::warning file=dir%2C1/a%3Ab%25.txt,line=1,col=1,endLine=1,endColumn=17,title=p/r::100%25 sure:%0D%0Ayes, really\n',
    );
  });

  it('is empty when there is nothing to report', () => {
    expect(github(report([{ path: 'x.txt', findings: [], problems: [] }]), plain)).toBe('');
  });
});

describe('json', () => {
  const text = json(sample, plain);
  const parsed = JSON.parse(text);

  it('is pretty-printed with two spaces and ends with a newline', () => {
    expect(text.startsWith('{\n  "version": 1,\n  "tool": "canvass",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('is laid out exactly as JSON.stringify(…, null, 2) lays it out (it is written a file at a time)', () => {
    const withConfig = report(sample.files, [{ file: 'p.yaml', line: 2, column: 3, message: 'bad\nkey "x"' }]);
    for (const r of [sample, report([]), report([sample.files[0]!]), withConfig]) {
      const out = json(r, plain);
      expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2) + '\n');
    }
    expect(json(report([]), plain)).toContain('"files": [],\n  "configProblems": [],');
  });

  it('has the documented top-level shape, listing clean files too', () => {
    expect(Object.keys(parsed)).toEqual(['version', 'tool', 'files', 'configProblems', 'summary']);
    expect(parsed.version).toBe(1);
    expect(parsed.tool).toBe('canvass');
    expect(parsed.files.map((f: { path: string }) => f.path)).toEqual([
      'corpus/a.txt',
      'corpus/clean.txt',
      'corpus/broken.txt',
      'corpus/b.md',
    ]);
    for (const file of parsed.files) expect(Object.keys(file)).toEqual(['path', 'findings', 'problems']);
    expect(parsed.files[1]).toEqual({ path: 'corpus/clean.txt', findings: [], problems: [] });
  });

  it('writes findings with keys in fixed order, optional keys only when present', () => {
    const [full, bare] = parsed.files[0].findings;
    expect(Object.keys(full)).toEqual([
      'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn',
      'offset', 'length', 'match', 'expected', 'fix', 'link',
    ]);
    expect(Object.keys(full.fix)).toEqual(['offset', 'length', 'text']);
    expect(full).toEqual({ ...warning });
    expect(Object.keys(bare)).toEqual([
      'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'match',
    ]);
    expect(text).not.toContain('null');
    expect(text).not.toContain('fixedText');
  });

  it('writes input problems with a position only when known', () => {
    expect(parsed.files[2].problems).toEqual([
      { severity: 'error', message: 'binary file (contains NUL bytes at byte 12)' },
    ]);
    expect(Object.keys(parsed.files[3].problems[0])).toEqual(['severity', 'message', 'line', 'column']);
  });

  it('copies the summary with keys in fixed order', () => {
    expect(Object.keys(parsed.summary)).toEqual(['files', 'errors', 'warnings', 'suggestions', 'inputErrors', 'fixable', 'configErrors']);
    expect(parsed.summary).toEqual({ files: 4, errors: 1, warnings: 1, suggestions: 1, inputErrors: 1, fixable: 1, configErrors: 0 });
  });

  it('orders keys the same way whatever order the input objects had', () => {
    const shuffled = { link: 'l', fix: { text: 't', length: 1, offset: 0 }, ...finding({}) } as Finding;
    const out = JSON.parse(json(report([{ path: 'x', findings: [shuffled], problems: [] }]), plain));
    expect(Object.keys(out.files[0].findings[0]).slice(-2)).toEqual(['fix', 'link']);
    expect(Object.keys(out.files[0].findings[0].fix)).toEqual(['offset', 'length', 'text']);
  });
});

describe('stylish', () => {
  it('groups by file with aligned columns and a summary (no colour)', () => {
    expect(stylish(sample, plain)).toBe(
      [
        'corpus/a.txt',
        "  42:112  warning     'voluntary sector' leaves out social enterprises  third-sector/voluntary-for-third",
        '  54:92   suggestion  Define VCS before using it                        third-sector/acronym-defined',
        '',
        'corpus/broken.txt',
        '  error  binary file (contains NUL bytes at byte 12)',
        '',
        'corpus/b.md',
        '  3:5  warning  invalid UTF-8 replaced',
        "  7:3  error    Don't write 'Big Society', write: plain words  style/banned",
        '',
        '✖ 5 problems (2 errors, 2 warnings, 1 suggestion) in 3 of 4 files',
        '  1 finding can be fixed with --fix',
        '',
      ].join('\n'),
    );
  });

  it('pads a position-less input problem when other rows have positions', () => {
    const r = report([
      { path: 'x.txt', findings: [finding({})], problems: [{ severity: 'error', message: 'odd' }] },
    ]);
    expect(stylish(r, plain)).toBe(
      [
        'x.txt',
        '       error    odd',
        "  1:1  warning  'voluntary sector' leaves out social enterprises  third-sector/voluntary-for-third",
        '',
        '✖ 2 problems (1 error, 1 warning, 0 suggestions) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('uses singular and plural wording', () => {
    const one = report([{ path: 'x.txt', findings: [finding({ fix: { offset: 0, length: 16, text: 'third sector' } })], problems: [] }]);
    expect(stylish(one, plain).split('\n').slice(-3)).toEqual([
      '✖ 1 problem (0 errors, 1 warning, 0 suggestions) in 1 file',
      '  1 finding can be fixed with --fix',
      '',
    ]);
    const fix = { offset: 0, length: 16, text: 'third sector' };
    const two = report([
      { path: 'x.txt', findings: [finding({ fix }), finding({ fix, line: 2 })], problems: [] },
      { path: 'y.txt', findings: [finding({ severity: 'suggestion' })], problems: [] },
    ]);
    expect(stylish(two, plain).split('\n').slice(-3)).toEqual([
      '✖ 3 problems (0 errors, 2 warnings, 1 suggestion) in 2 files',
      '  2 findings can be fixed with --fix',
      '',
    ]);
  });

  it('says so on a clean run', () => {
    const clean = report([
      { path: 'x.txt', findings: [], problems: [] },
      { path: 'y.txt', findings: [], problems: [] },
    ]);
    expect(stylish(clean, plain)).toBe('✔ No problems found in 2 files\n');
    expect(stylish(report([{ path: 'x.txt', findings: [], problems: [] }]), plain)).toBe('✔ No problems found in 1 file\n');
    expect(stylish(clean, { color: false, quiet: true })).toBe('✔ No problems found in 2 files (--quiet: warnings hidden)\n');
  });

  it('notes --quiet in the summary', () => {
    const errorsOnly = report([{ path: 'b.md', findings: [error], problems: [] }]);
    expect(stylish(errorsOnly, { color: false, quiet: true })).toContain(
      '✖ 1 problem (1 error, 0 warnings, 0 suggestions) in 1 file (--quiet: warnings hidden)\n',
    );
  });

  it('colours only when asked', () => {
    expect(stylish(sample, { color: true })).toMatch(ANSI);
    expect(stylish(sample, plain)).not.toMatch(ANSI);
    const clean = report([{ path: 'x.txt', findings: [], problems: [] }]);
    expect(stylish(clean, { color: true })).toMatch(ANSI);
    expect(stylish(clean, plain)).not.toMatch(ANSI);
  });

  it('keeps the same text once colour codes are stripped', () => {
    const stripped = stylish(sample, { color: true }).replace(/\u001b\[[0-9;]*m/g, '');
    expect(stripped).toBe(stylish(sample, plain));
  });
});

describe('stylish: files not linted for the same reason', () => {
  const packBroken = 'not linted: no rule pack could be loaded (./mine.yaml); see the pack errors';
  const configBroken = 'not linted: the configuration sub/.canvass.yaml has errors';
  const notLinted = (path: string, message = packBroken): FileResult => ({
    path,
    findings: [],
    problems: [{ severity: 'error', message, notLinted: true }],
  });
  const configProblems = [{ file: 'mine.yaml', line: 4, column: 11, message: "unknown kind 'existance'" }];

  it('make one block where the first of them stood, naming the first ten and counting the rest', () => {
    const files = [
      notLinted('a/01.txt'),
      { path: 'b.txt', findings: [warning], problems: [] },
      ...Array.from({ length: 11 }, (_, i) => notLinted(`a/${String(i + 2).padStart(2, '0')}.txt`)),
      notLinted('sub/x.txt', configBroken),
    ];
    expect(stylish(report(files, configProblems), plain)).toBe(
      [
        "error  mine.yaml:4:11: unknown kind 'existance'",
        '',
        `error  12 files ${packBroken}`,
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((n) => `  a/${n}.txt`),
        '  … and 2 more (--format compact lists each file)',
        '',
        'b.txt',
        "  42:112  warning  'voluntary sector' leaves out social enterprises  third-sector/voluntary-for-third",
        '',
        'sub/x.txt',
        `  error  ${configBroken}`,
        '',
        '✖ 15 problems (14 errors, 1 warning, 0 suggestions) in 14 files',
        '  1 finding can be fixed with --fix',
        '',
      ].join('\n'),
    );
  });

  it('are not merged with a file that has more to say (a warning of its own)', () => {
    const withWarning: FileResult = {
      path: 'c.txt',
      findings: [],
      problems: [{ severity: 'warning', message: 'read as Windows-1252' }, { severity: 'error', message: packBroken, notLinted: true }],
    };
    const out = stylish(report([notLinted('a.txt'), notLinted('b.txt'), withWarning]), plain);
    expect(out).toContain(`error  2 files ${packBroken}\n  a.txt\n  b.txt\n\nc.txt\n  warning  read as Windows-1252\n  error    ${packBroken}\n`);
  });
});

describe('config problems', () => {
  const problems = [{ file: 'rules/bad.yaml', line: 12, column: 3, message: "unknown key 'sevrity' in rule 'x' (did you mean 'severity'?)" }];
  const r = report([{ path: 'a.md', findings: [], problems: [] }], problems);

  it('come first in stylish and count as errors', () => {
    expect(lintFormatters.stylish(r, { color: false })).toBe(
      "error  rules/bad.yaml:12:3: unknown key 'sevrity' in rule 'x' (did you mean 'severity'?)\n\n" +
        '✖ 1 problem (1 error, 0 warnings, 0 suggestions) in 0 of 1 file\n',
    );
  });

  it('are listed in json and compact', () => {
    const parsed = JSON.parse(lintFormatters.json(r, { color: false }));
    expect(parsed.configProblems).toEqual(problems);
    expect(parsed.summary.configErrors).toBe(1);
    expect(lintFormatters.compact(r, { color: false })).toBe(
      "rules/bad.yaml:12:3 error canvass/config unknown key 'sevrity' in rule 'x' (did you mean 'severity'?)\n",
    );
  });
});

describe('problems with no position', () => {
  // A pack named by --pack is in no file; a config file that cannot be read has no line; a file
  // that cannot be linted at all has no place in it. None may be given a made-up 1:1 or line 0.
  // (stylish already writes 'file: message' for them, and json documents line and column 0.)
  const packMessage = "unknown rule pack 'thrid-sector' (available packs: third-sector, uk-spelling)";
  const configMessage = 'cannot read config file: no such file or directory (ENOENT)';
  const r = report(
    [{ path: 'a.md', findings: [], problems: [{ severity: 'error', message: 'not linted: no rule pack could be loaded' }] }],
    [
      { file: '--pack', line: 0, column: 0, message: packMessage },
      { file: 'nope.yaml', line: 0, column: 0, message: configMessage },
    ],
  );

  it('compact leaves out :line:column', () => {
    expect(compact(r, plain)).toBe(
      [
        `--pack error canvass/config ${packMessage}`,
        `nope.yaml error canvass/config ${configMessage}`,
        'a.md error canvass/input not linted: no rule pack could be loaded',
        '',
      ].join('\n'),
    );
  });

  it('github leaves out file= for --pack (saying it in the message) and line= and col= for all', () => {
    expect(github(r, plain)).toBe(
      [
        `::error title=canvass/config::--pack: ${packMessage}`,
        `::error file=nope.yaml,title=canvass/config::${configMessage}`,
        '::error file=a.md::not linted: no rule pack could be loaded',
        '',
      ].join('\n'),
    );
  });
});
