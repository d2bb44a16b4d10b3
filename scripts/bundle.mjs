// Build step: join dist/src (tsc's output) into a few ES modules in dist/bundle, which
// bin/canvass.js runs. Node loads one module faster than fifty (~15 ms of a one-file lint's
// ~200 ms). Each command, and each heavy exporter, stays a chunk of its own, still imported only
// when used; packages stay external (node_modules), so lazy loading works as it does unbundled.

import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/bundle';
rmSync(outdir, { recursive: true, force: true }); // no stale chunks from an earlier build
await build({
  // The worker is an entry of its own: parallel-lint.ts starts it by URL, beside the chunk.
  entryPoints: ['dist/src/cli/main.js', 'dist/src/cli/lint-worker.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
