#!/usr/bin/env node
// Entry point: run the compiled CLI (npm install builds it via the prepare script).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
// Let stdout drain before exiting: a large JSON report piped to another program must not be cut.
process.exitCode = code;
