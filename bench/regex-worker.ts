// The bare-regex baseline, in a child process: read every file, decode it, and run the same
// patterns canvass's scanner runs, counting matches. No scopes, no rules, no output.
//
// --combined (the default, the floor the goal is judged against): the patterns joined into one
// alternation per case mode, as canvass's scanner runs them: the floor a regex-based linter
// cannot go below. --per-pattern: each pattern its own pass over the text, as a simple regex
// linter runs its rules; for context only.

import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { compileRuleSet } from '../src/lint/compile.js';
import { resolvePack } from '../src/packs/load.js';
import { corpusFiles } from './corpus.js';

const args = process.argv.slice(2);
const perPattern = args.includes('--per-pattern');
const [dir, ...packNames] = args.filter((a) => !a.startsWith('--'));
const packs = await Promise.all((packNames.length ? packNames : ['third-sector']).map((p) => resolvePack(p, process.cwd())));
const scanner = compileRuleSet(packs).scanner;
const regexes = (perPattern ? scanner.patternSources() : scanner.combinedSources()).map((s) => new RegExp(s.source, s.flags));
const files = corpusFiles(dir!);
const started = performance.now();
let matches = 0;
let bytes = 0;
for (const file of files) {
  const buf = readFileSync(file); // as canvass reads (src/ingest/read.ts)
  bytes += buf.length;
  const text = isUtf8(buf) ? buf.toString('utf8') : '';
  for (const re of regexes) {
    re.lastIndex = 0;
    while (re.exec(text)) matches++;
  }
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, matches, bytes, files: files.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
