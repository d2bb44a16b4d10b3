// What `npm pack` puts in the tarball is all an installed canvass has: package.json's `files`
// must hold everything the CLI reads at run time beside its code. This runs the CLI from a copy
// of exactly the files npm would pack (node_modules linked in, as an install would provide it).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeTempDir, removeTempDirs, repoRoot } from './helpers/cli.js';

let packed: string[];
let installed: string;

beforeAll(() => {
  assertBuilt();
  // --ignore-scripts: list the files only, without the prepare script's build.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
  packed = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  installed = join(makeTempDir('canvass-packed-'), 'canvass');
  for (const rel of packed) {
    mkdirSync(dirname(join(installed, rel)), { recursive: true });
    copyFileSync(join(repoRoot, rel), join(installed, rel));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(installed, 'node_modules'), 'junction');
}, 60_000);

afterAll(removeTempDirs);

describe('the packed files', () => {
  it('include every bundled rule pack and coding frame', () => {
    for (const folder of ['rules', 'frames']) {
      const bundled = readdirSync(join(repoRoot, folder)).filter((f) => f.endsWith('.yaml'));
      expect(bundled.length).toBeGreaterThan(0);
      for (const f of bundled) expect(packed).toContain(`${folder}/${f}`);
    }
  });

  it('run compare on the corpus, whose config names the bundled coding frame, with no problem', () => {
    const work = makeTempDir('canvass-packed-run-');
    cpSync(join(repoRoot, 'corpus'), join(work, 'corpus'), { recursive: true });
    const run = spawnSync(process.execPath, [join(installed, 'bin', 'canvass.js'), 'compare', 'corpus/', '--by', 'theme'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The themes table names the bundled frame's themes (frames/childrens-services.yaml).
    expect(run.stdout).toContain('Commissioning');
  });
});
