// Golden end-to-end cases: each folder under fixtures/lint/ holds input documents (and maybe a
// .canvass.yaml and a local pack) plus expected.txt, the exact `--format compact` output of
// `canvass lint .` run in that folder. The expected lines were written by reading the inputs
// (line and column counted by hand), not copied from the tool.
//
// expected.txt and expected-exit.txt are themselves .txt files, so the run ignores them with
// --ignore. The exit code is the one in expected-exit.txt, or else the one the findings imply
// (docs/json-output.md, "Exit codes").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoRoot, runCli } from './helpers/cli.js';

const casesDir = join(repoRoot, 'fixtures', 'lint');
const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The exit code a list of compact lines implies: 2 for config or input errors, 1 for error findings. */
function impliedExit(lines: readonly string[]): number {
  let code = 0;
  for (const line of lines) {
    const m = /^.+?:\d+:\d+ (error|warning|suggestion) (\S+) /.exec(line);
    if (!m) throw new Error(`not a compact line: ${line}`);
    const [, severity, ruleId] = m;
    if (ruleId === 'canvass/config' || (ruleId === 'canvass/input' && severity === 'error')) code = Math.max(code, 2);
    else if (severity === 'error') code = Math.max(code, 1);
  }
  return code;
}

beforeAll(() => {
  assertBuilt();
});

describe('golden lint cases (fixtures/lint/*)', () => {
  it('has the cases the suite relies on', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'voluntary-vs-third',
        'capitalisation',
        'acronyms',
        'consistency-uk-spelling',
        'custom-pack',
        'directives',
        'crlf-and-bom',
        'broken-pack',
      ]),
    );
  });

  it.each(cases)('%s', (name) => {
    const dir = join(casesDir, name);
    const expected = readFileSync(join(dir, 'expected.txt'), 'utf8');
    const exitFile = join(dir, 'expected-exit.txt');
    const expectedExit = existsSync(exitFile)
      ? Number(readFileSync(exitFile, 'utf8').trim())
      : impliedExit(expected.split('\n').filter(Boolean));

    const result = runCli(
      ['lint', '.', '--format', 'compact', '--ignore', 'expected.txt', '--ignore', 'expected-exit.txt'],
      { cwd: dir },
    );

    expect(result.stdout).toBe(expected);
    expect(result.code).toBe(expectedExit);
    // Compact repeats config problems on stderr as `file:line:col: message`; nothing else goes there.
    const configLines = expected
      .split('\n')
      .filter((l) => / error canvass\/config /.test(l))
      .map((l) => l.replace(' error canvass/config ', ': ') + '\n');
    expect(result.stderr).toBe(configLines.join(''));
  });
});

describe('crlf-and-bom fixture bytes', () => {
  // Guards the fixture itself: a checkout that converted line endings would make the case moot.
  it('crlf-bom.txt starts with a UTF-8 BOM and uses CRLF line endings only', () => {
    const bytes = readFileSync(join(casesDir, 'crlf-and-bom', 'crlf-bom.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('latin1');
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('lf.txt is the same text with LF endings and no BOM', () => {
    const crlf = readFileSync(join(casesDir, 'crlf-and-bom', 'crlf-bom.txt'), 'utf8');
    const lf = readFileSync(join(casesDir, 'crlf-and-bom', 'lf.txt'), 'utf8');
    expect(lf.includes('\r')).toBe(false);
    expect(crlf.replace(/^\ufeff/, '').replace(/\r\n/g, '\n')).toBe(lf);
  });
});
