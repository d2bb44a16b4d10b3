#!/usr/bin/env node
// Entry point: run the compiled CLI (npm install builds it via the prepare script).
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`canvass lint . | head`) closes the pipe: stop quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
// Let stdout drain before exiting: a large JSON report piped to another program must not be cut.
process.exitCode = code;
