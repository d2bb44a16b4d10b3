// Build step: join dist/src (tsc's output) into a few ES modules in dist/bundle, which
// bin/canvass.js runs. Node loads one module faster than fifty (~15 ms of a one-file lint's
// ~200 ms). Each command, and each heavy exporter, stays a chunk of its own, still imported only
// when used; packages stay external (node_modules), so lazy loading works as it does unbundled.
//
// One exception: commander, which every command needs, is bundled, and the `node:child_process`
// it requires at start-up (only for executable subcommands, which canvass does not use) is
// loaded on first use instead: that module alone pulls in net, dgram and the stream stack, 5-10 ms
// of every run.

import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/bundle';
const LAZY = 'lazy-builtin';

/** Bare imports stay external, except commander; commander's child_process becomes lazy. */
const bundleCommander = {
  name: 'bundle-commander',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path === 'commander') return undefined; // bundled
      if (/^(node:)?child_process$/.test(args.path) && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)) {
        return { path: 'node:child_process', namespace: LAZY };
      }
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: LAZY }, (args) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true }); // no stale chunks from an earlier build
await build({
  // The workers are entries of their own: parallel-lint.ts and read-ahead.ts start them by URL,
  // beside the chunk. Named, so that all three land side by side in dist/bundle.
  entryPoints: {
    main: 'dist/src/cli/main.js',
    'lint-worker': 'dist/src/cli/lint-worker.js',
    'read-ahead-worker': 'dist/src/ingest/read-ahead-worker.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [bundleCommander],
  // commander is CommonJS: its require() calls (node:events, node:path, ...) need a require in an
  // ES module. Its code is MIT-licensed; the licence is in node_modules/commander/LICENSE.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
