// npm run bench: throughput and start-up figures for the README (a benchmark, not a test).
//
//  1. builds a corpus of at least 50 MB by replicating the bundled documents (.bench/, reused);
//  2. canvass lint over all of it, in a child process (peak memory is its own), and over one
//     10 MB file of the documents joined;
//  3. the bare-regex floor: the same combined patterns over the same files, nothing else (and,
//     for context, each pattern in its own pass, as a simple regex linter runs its rules);
//  4. textlint + textlint-rule-prh with equivalent rules, and canvass, on slices of 2, 10 and 30 MB
//     and on the whole corpus;
//  5. the wall time of `canvass lint` on one small file, next to Node's own start-up.

import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultJobs } from '../src/cli/parallel-lint.js';
import { resolvePack } from '../src/packs/load.js';
import { buildCorpus, buildOneFile, corpusFiles } from './corpus.js';
import { writePrhConfig } from './textlint-prh.js';

const repo = resolve(import.meta.dirname, '..', '..');
const node = process.execPath;
const MB = 1e6;

// Every run reads the corpus from the page cache, as a corpus being worked on is. This machine
// reclaims pages left idle for a while, so a run that followed a long one could find part of the
// corpus evicted (compare's reads once took 0.76 s where extract's took 0.09 s): read every file
// just before each timed run.
let corpusPaths: string[] = [];
function warmCache(): void {
  for (const file of corpusPaths) readFileSync(file);
}

function child(script: string, args: string[]): Record<string, number> {
  warmCache();
  const out = spawnSync(node, [join(repo, 'dist', 'bench', script), ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0 && out.status !== 1) throw new Error(`${script} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

/**
 * Wall time of a command. `stdoutFile`: its standard output goes to that file (as textlint's
 * --output-file writes its report), not down a pipe to this process, which would time the pipe too.
 */
function wall(cmd: string, args: string[], cwd = repo, stdoutFile?: string): number {
  warmCache();
  const fd = stdoutFile === undefined ? undefined : openSync(stdoutFile, 'w');
  try {
    const started = performance.now();
    const out = spawnSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      ...(fd === undefined ? {} : { stdio: ['ignore', fd, 'pipe'] as const }),
    });
    if (out.error) throw out.error;
    return (performance.now() - started) / 1000;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const corpus = buildCorpus(repo, 50 * MB);
corpusPaths = corpusFiles(corpus.dir);
const rows: string[][] = [];
const log = (s: string) => process.stderr.write(s + '\n');
log(`corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB in ${corpus.dir}`);

// 2-3. canvass lint and the bare-regex floor, interleaved so that a slow spell of the machine
// hits both alike; the best of three of each.
const runs: Record<'single' | 'multi' | 'regex' | 'perPattern', Array<Record<string, number>>> = {
  single: [],
  multi: [],
  regex: [],
  perPattern: [],
};
for (let i = 0; i < 3; i++) {
  runs.single.push(child('cli-worker.js', ['lint', corpus.dir, '--jobs', '1']));
  runs.regex.push(child('regex-worker.js', [corpus.dir]));
  runs.perPattern.push(child('regex-worker.js', [corpus.dir, '--per-pattern']));
  if (defaultJobs() > 1) runs.multi.push(child('cli-worker.js', ['lint', corpus.dir]));
}
const fastest = (list: Array<Record<string, number>>) => list.reduce((a, b) => (b.seconds! < a.seconds! ? b : a));
const single = fastest(runs.single);
const regex = fastest(runs.regex);
const perPattern = fastest(runs.perPattern);
const mbps = (seconds: number, bytes = corpus.bytes) => bytes / MB / seconds;
const row = (name: string, r: Record<string, number>) =>
  rows.push([name, `${mbps(r.seconds!).toFixed(1)} MB/s`, `${(corpus.files / r.seconds!).toFixed(0)} files/s`, `${r.maxRssMB!.toFixed(0)} MB`, `${r.seconds!.toFixed(2)} s`]);
row('canvass lint, --jobs 1 (one thread lints; files from the 257th on are read and scanned ahead on a second)', single);
if (runs.multi.length) row(`canvass lint, --jobs ${defaultJobs()} (the default here)`, fastest(runs.multi));
row('bare regex scan of the same patterns, combined as canvass runs them (read, decode, match)', regex);
row('bare regex scan, each pattern in its own pass (for context)', perPattern);

// One large file: a spreadsheet export of many responses is one document, and per-document work
// that grows faster than the document (a search that runs on to its end, a filter per item over
// all items) shows here. Each command on one file of 10 MB and one of 30 MB: three times the
// text should take three times as long; a quadratic step makes it nine.
const largeFiles = [buildOneFile(repo, 10 * MB, 'one-file-10mb.txt'), buildOneFile(repo, 30 * MB, 'one-file-30mb.txt')];
for (const f of largeFiles) corpusPaths.push(f.path);
const largeRun = (command: string, path: string) =>
  command === 'compare'
    ? child('compare-worker.js', [path])
    : child('cli-worker.js', [command, path, ...(command === 'lint' ? ['--jobs', '1'] : [])]);
const growth: string[] = [];
for (const command of ['lint', 'extract', 'compare']) {
  const best = largeFiles.map((f) => fastest([0, 1].map(() => largeRun(command, f.path))));
  best.forEach((r, k) =>
    rows.push([
      `canvass ${command}, one ${(largeFiles[k]!.bytes / MB).toFixed(0)} MB file (the documents joined), 1 thread`,
      `${mbps(r.seconds!, largeFiles[k]!.bytes).toFixed(1)} MB/s`,
      '',
      `${r.maxRssMB!.toFixed(0)} MB`,
      `${r.seconds!.toFixed(2)} s`,
    ]),
  );
  growth.push(`${command} ${(best[1]!.seconds! / best[0]!.seconds!).toFixed(1)}x`);
}

// Extraction and comparison over the same corpus, one thread, best of three (interleaved).
const extractRuns: Array<Record<string, number>> = [];
const compareRuns: Array<Record<string, number>> = [];
// Three rounds, each a lint, an extract and a compare back to back: beside the ratio of the
// fastest runs, each round's own ratio (a slow spell of the machine hits a round's runs alike).
const compareRoundRatios: number[] = [];
for (let i = 0; i < 3; i++) {
  const lint = child('cli-worker.js', ['lint', corpus.dir, '--jobs', '1']);
  extractRuns.push(child('cli-worker.js', ['extract', corpus.dir]));
  compareRuns.push(child('compare-worker.js', [corpus.dir]));
  compareRoundRatios.push(compareRuns[i]!.seconds! / (lint.seconds! + extractRuns[i]!.seconds!));
}
const extract = fastest(extractRuns);
const compare = fastest(compareRuns);
row('canvass extract (one thread extracts; files read ahead on a second; lint also scans there)', extract);
row('canvass compare (lint + extract + terms + themes, JSON export)', compare);

// 4. textlint + prh, and canvass, on slices of 2, 10 and 30 MB and on the whole corpus. The
// difference between two sizes gives throughput without each tool's start-up (textlint's is about
// a second). Three spans: 2 -> 10 MB, which still holds the JIT's warm-up (canvass's code runs
// unoptimised for its first few MB, about 0.4 s); 10 -> 30 MB, the steady state a large corpus
// runs at; and 2 -> 50 MB, the whole corpus the benchmark builds, warm-up and all. The second span is
// 20 MB wide, not 10: canvass lints 10 MB in about 0.3 s, so on a shared machine a hiccup of a tenth of a
// second swung a 10 MB span's ratio by a third (one round even measured 20 MB faster than 10).
const sliceOf = (megabytes: number) => {
  const dirs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * MB; i++) {
    dirs.push(join(corpus.dir, String(i).padStart(3, '0')));
    bytes += corpus.bytes / Math.ceil(corpus.files / 100);
  }
  return { dirs, bytes };
};
// The whole corpus: the throughput a user linting all of it gets, warm-up and all.
const wholeCorpus = {
  dirs: readdirSync(corpus.dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(corpus.dir, d.name))
    .sort(),
  bytes: corpus.bytes,
};
const slices = [sliceOf(2), sliceOf(10), sliceOf(30), wholeCorpus] as const;
const packs = [await resolvePack('third-sector', repo)];
const prh = writePrhConfig(packs, join(repo, '.bench', 'textlint'));
const allRules = packs.reduce((n, p) => n + p.rules.length, 0);
const textlintBin = join(repo, 'node_modules', 'textlint', 'bin', 'textlint.js');
const textlint = (dirs: string[]) =>
  wall(node, [textlintBin, '--config', prh.configPath, '--format', 'json', '--output-file', join(repo, '.bench', 'textlint', 'out.json'), ...dirs.map((d) => join(d, '*.txt'))]);
// Both tools write their JSON report to a file.
const canvass = (dirs: string[], extra: string[] = []) =>
  wall(node, [join(repo, 'bin', 'canvass.js'), 'lint', ...dirs, '--format', 'json', '--jobs', '1', ...extra], repo, join(repo, '.bench', 'textlint', 'canvass-out.json'));
// times[tool][slice][round]. canvass runs twice: as a user runs it (every rule of the pack), and
// like for like, with only the rules textlint runs too (the others turned off in a config).
const times = {
  textlint: slices.map(() => [] as number[]),
  canvass: slices.map(() => [] as number[]),
  canvassSameRules: slices.map(() => [] as number[]),
};
// Five rounds; in each, the tools run back to back on every slice.
const ROUNDS = 5;
for (let i = 0; i < ROUNDS; i++) {
  slices.forEach((slice, k) => {
    times.textlint[k]!.push(textlint(slice.dirs));
    times.canvass[k]!.push(canvass(slice.dirs));
    times.canvassSameRules[k]!.push(canvass(slice.dirs, ['--config', prh.canvassConfigPath]));
  });
}
const min = (xs: number[]) => Math.min(...xs);
const marginal = (from: number, to: number, fromT: number, toT: number) => (slices[to]!.bytes - slices[from]!.bytes) / MB / (toT - fromT);
interface Span {
  label: string;
  textlintRate: number;
  canvassRate: number;
  roundRatios: number[];
  sameRulesRate: number;
  sameRulesRoundRatios: number[];
}
// For each span, the headline is each tool's fastest runs (what it does on a quiet machine); beside
// it, the median of the rounds' own ratios: within a round a slow spell hits both tools alike.
const span = (from: number, to: number, label: string): Span => {
  const rate = (t: number[][]) => marginal(from, to, min(t[from]!), min(t[to]!));
  const roundRatios = (t: number[][]) =>
    Array.from(
      { length: ROUNDS },
      (_, i) => marginal(from, to, t[from]![i]!, t[to]![i]!) / marginal(from, to, times.textlint[from]![i]!, times.textlint[to]![i]!),
    );
  return {
    label,
    textlintRate: rate(times.textlint),
    canvassRate: rate(times.canvass),
    roundRatios: roundRatios(times.canvass),
    sameRulesRate: rate(times.canvassSameRules),
    sameRulesRoundRatios: roundRatios(times.canvassSameRules),
  };
};
const mbOf = (k: number) => (slices[k]!.bytes / MB).toFixed(0);
const spans = [
  span(0, 1, `${mbOf(0)} -> ${mbOf(1)} MB, warm-up included`),
  span(1, 2, `${mbOf(1)} -> ${mbOf(2)} MB, steady state`),
  span(0, 3, `${mbOf(0)} -> ${mbOf(3)} MB, the whole corpus, warm-up included`),
];
for (const s of spans) {
  rows.push([`textlint + textlint-rule-prh (${prh.mappedRules} of the pack's rules have a prh equivalent), CLI, ${s.label}`, `${s.textlintRate.toFixed(1)} MB/s`, '', '', '']);
  rows.push([`canvass lint (all ${allRules} rules), CLI, same files, ${s.label}`, `${s.canvassRate.toFixed(1)} MB/s`, '', '', '']);
  rows.push([`canvass lint (the same ${prh.mappedRules} rules as textlint), CLI, same files, ${s.label}`, `${s.sameRulesRate.toFixed(1)} MB/s`, '', '', '']);
}
const ratioText = (s: Span, rate: number, ratios: number[]) =>
  `${s.label}: ${(rate / s.textlintRate).toFixed(1)}x (fastest runs; median of ${ROUNDS} rounds' ratios ${median(ratios).toFixed(1)}x, rounds: ${ratios.map((r) => r.toFixed(1)).join(', ')})`;
const textlintLine = spans.map((s) => ratioText(s, s.canvassRate, s.roundRatios)).join('; ');
const sameRulesLine = spans.map((s) => ratioText(s, s.sameRulesRate, s.sameRulesRoundRatios)).join('; ');

// 5. One small file, start to finish, and Node's own start-up on this machine.
const oneSmallFile = join(repo, 'corpus', 'social-enterprise-coalition-childrens-trusts-2008.txt');
// Interleaved, 15 of each: on a busy machine a slow spell then hits both alike. The median is the
// figure; the fastest shows what the machine does when nothing else is running.
const oneFileRuns: number[] = [];
const nodeRuns: number[] = [];
for (let i = 0; i < 15; i++) {
  oneFileRuns.push(wall(node, [join(repo, 'bin', 'canvass.js'), 'lint', oneSmallFile]));
  nodeRuns.push(wall(node, ['-e', '0']));
}
const oneFile = median(oneFileRuns);
const nodeAlone = median(nodeRuns);

const table = [
  '| run | throughput | files/s | peak memory | wall time |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
process.stdout.write(`${table}

- corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB (the bundled documents replicated); ${availableParallelism()} cores
- canvass vs bare regex: ${(regex.seconds! / single.seconds!).toFixed(2)}x the regex floor's throughput (the floor reads and scans on one thread; goal: within 2x, i.e. >= 0.50); ${(perPattern.seconds! / single.seconds!).toFixed(2)}x a scan that runs each pattern in its own pass
- canvass (all ${allRules} rules) vs textlint + prh, start-up excluded (goal: >= 10x): ${textlintLine}
- canvass with the same ${prh.mappedRules} rules as textlint, like for like: ${sameRulesLine}
- canvass extract: ${mbps(extract.seconds!).toFixed(2)} MB/s, extraction on one thread (goal: at least 1 MB/s per core)
- one file of ${(largeFiles[1]!.bytes / MB).toFixed(0)} MB against one of ${(largeFiles[0]!.bytes / MB).toFixed(0)} MB, time taken: ${growth.join(', ')} (${(largeFiles[1]!.bytes / largeFiles[0]!.bytes).toFixed(1)}x is linear)
- canvass compare: ${compare.seconds!.toFixed(1)} s against lint + extract ${(single.seconds! + extract.seconds!).toFixed(1)} s, ${((100 * compare.seconds!) / (single.seconds! + extract.seconds!)).toFixed(0)}% (goal: at most 110%); each round's compare against its own lint + extract: ${compareRoundRatios.map((r) => `${(100 * r).toFixed(0)}%`).join(', ')}
- one small file (${oneSmallFile.split('/').pop()}): ${oneFile.toFixed(2)} s wall (median of 15; fastest ${min(oneFileRuns).toFixed(2)} s), of which Node's own start-up is ${nodeAlone.toFixed(2)} s (fastest ${min(nodeRuns).toFixed(2)} s): canvass's own share ${(oneFile - nodeAlone).toFixed(2)} s (goal: < 0.2 s in all)
`);
