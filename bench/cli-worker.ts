// Runs in a child process so its peak memory is its own: `canvass <command> <path> --format json`
// exactly as the CLI runs it (discovery, reading, decoding, the work, formatting), output
// counted and discarded. Used for lint and extract: `node cli-worker.js lint <dir> --jobs 1`.

import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

const [command, path, ...extra] = process.argv.slice(2);
let outputBytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    outputBytes += chunk.length;
    done();
  },
});
const started = performance.now();
const code = await main([command!, path!, '--format', 'json', ...extra], { cwd: process.cwd(), stdout: sink as never, stderr: process.stderr });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, code, outputBytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
