// A command loads only what it needs: `lint` of one file must not pay for the libraries that
// `compare` exports with or that `extract` tags with (exceljs alone once added 0.35 s to every
// lint). The real CLI runs in a child process with a hook that records every module it imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeTempDir, removeTempDirs, repoRoot, runCli } from './helpers/cli.js';

const trace = join(import.meta.dirname, 'helpers', 'module-trace.mjs');
afterAll(removeTempDirs);

/** The packages (names under node_modules) a CLI run imported, and the Node built-ins (node:name) it loaded. */
function packagesLoaded(args: string[]): Set<string> {
  assertBuilt();
  const dir = makeTempDir();
  const out = join(dir, 'modules.txt');
  const result = runCli(args, { cwd: repoRoot, env: { NODE_OPTIONS: `--import=${trace}`, CANVASS_MODULE_TRACE: out } });
  expect(result.stderr).not.toMatch(/Error/);
  const packages = new Set<string>();
  for (const url of readFileSync(out, 'utf8').split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) packages.add(m[1]!);
    if (url.startsWith('node:')) packages.add(url);
  }
  return packages;
}

const HEAVY_FOR_LINT = ['exceljs', 'better-sqlite3', 'csv-stringify', 'compromise', 'natural', 'zod', 'fast-glob', 'cli-table3'];

describe('lazy loading', () => {
  it('lint of one plain-text file, piped, loads js-yaml (the corpus config), not chalk, the export, NLP or table libraries', () => {
    const loaded = packagesLoaded(['lint', 'corpus/esrc-festival-mixed-economy-of-welfare-2008.txt']);
    expect(loaded.has('js-yaml')).toBe(true); // the trace works
    expect(loaded.has('node:fs')).toBe(true); // and sees built-ins
    // commander is bundled, and the child_process it requires (for executable subcommands, not
    // used) is loaded only on first use: it brings net, dgram and the stream stack with it.
    expect(loaded.has('node:child_process')).toBe(false);
    // A valid config needs neither the locating YAML parser nor, with no glob in its ignore list
    // ("README.md"), the glob matcher.
    for (const name of [...HEAVY_FOR_LINT, 'yaml', 'picomatch', 'chalk']) expect(loaded.has(name), name).toBe(false);
  });

  it('lint in colour loads chalk', () => {
    const loaded = packagesLoaded(['lint', '--color', 'corpus/esrc-festival-mixed-economy-of-welfare-2008.txt']);
    expect(loaded.has('chalk')).toBe(true);
  });

  it('a config that is not plainly valid loads yaml to say where the problem is', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '.canvass.yaml'), 'packs: [third-sector]\nignores: [drafts]\n');
    writeFileSync(join(dir, 'a.txt'), 'Plain text.\n');
    const out = join(dir, 'modules.txt');
    const result = runCli(['lint', 'a.txt'], { cwd: dir, env: { NODE_OPTIONS: `--import=${trace}`, CANVASS_MODULE_TRACE: out } });
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain(".canvass.yaml:2:1: unknown key 'ignores' in config (did you mean 'ignore'?)");
    expect(readFileSync(out, 'utf8')).toMatch(/\/node_modules\/yaml\//);
  });

  it('compare to JSON loads neither exceljs nor better-sqlite3', () => {
    const dir = makeTempDir();
    const loaded = packagesLoaded(['compare', 'corpus/', '--out', join(dir, 'c.json')]);
    expect(loaded.has('js-yaml')).toBe(true); // the trace works
    expect(loaded.has('exceljs')).toBe(false);
    expect(loaded.has('better-sqlite3')).toBe(false);
  });
});
