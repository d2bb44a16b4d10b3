// Runs in a child process: `canvass compare <dir> --out <tmp>.json` as the CLI runs it (lint,
// extract, term and theme counts, the JSON export written atomically).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

const [dir, ...extra] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'canvass-bench-'));
const sink = new Writable({ write: (_c, _e, done) => done() });
const started = performance.now();
const code = await main(['compare', dir!, '--out', join(out, 'comparison.json'), '--themes', 'childrens-services', ...extra], {
  cwd: process.cwd(),
  stdout: sink as never,
  stderr: sink as never,
});
const seconds = (performance.now() - started) / 1000;
rmSync(out, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ seconds, code, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
