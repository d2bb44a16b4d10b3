// npm run bench: throughput and start-up figures for the README (a benchmark, not a test).
//
//  1. builds a corpus of at least 50 MB by replicating the bundled documents (.bench/, reused);
//  2. canvass lint over all of it, in a child process (peak memory is its own);
//  3. the bare-regex floor: the same combined patterns over the same files, nothing else;
//  4. textlint + textlint-rule-prh with equivalent rules, and canvass, on a 10 MB slice;
//  5. the wall time of `canvass lint` on one small file, next to Node's own start-up.

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultJobs } from '../src/cli/parallel-lint.js';
import { resolvePack } from '../src/packs/load.js';
import { buildCorpus } from './corpus.js';
import { writePrhConfig } from './textlint-prh.js';

const repo = resolve(import.meta.dirname, '..', '..');
const node = process.execPath;
const MB = 1e6;

function child(script: string, args: string[]): Record<string, number> {
  const out = spawnSync(node, [join(repo, 'dist', 'bench', script), ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0 && out.status !== 1) throw new Error(`${script} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

function wall(cmd: string, args: string[], cwd = repo): number {
  const started = performance.now();
  const out = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.error) throw out.error;
  return (performance.now() - started) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function best<T extends Record<string, number>>(runs: number, f: () => T): T {
  let top: T | undefined;
  for (let i = 0; i < runs; i++) {
    const r = f();
    if (!top || r.seconds! < top.seconds!) top = r;
  }
  return top!;
}

const corpus = buildCorpus(repo, 50 * MB);
const rows: string[][] = [];
const log = (s: string) => process.stderr.write(s + '\n');
log(`corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB in ${corpus.dir}`);

// 2. canvass lint, one thread and the default.
const single = best(3, () => child('lint-worker.js', [corpus.dir, '--jobs', '1']));
const multi = best(3, () => child('lint-worker.js', [corpus.dir]));
const regex = best(3, () => child('regex-worker.js', [corpus.dir]));
const mbps = (seconds: number, bytes = corpus.bytes) => bytes / MB / seconds;
rows.push(['canvass lint, 1 thread', `${mbps(single.seconds!).toFixed(1)} MB/s`, `${(corpus.files / single.seconds!).toFixed(0)} files/s`, `${single.maxRssMB!.toFixed(0)} MB`, `${single.seconds!.toFixed(2)} s`]);
rows.push([`canvass lint, default (--jobs ${defaultJobs()})`, `${mbps(multi.seconds!).toFixed(1)} MB/s`, `${(corpus.files / multi.seconds!).toFixed(0)} files/s`, `${multi.maxRssMB!.toFixed(0)} MB`, `${multi.seconds!.toFixed(2)} s`]);
rows.push(['bare regex scan, same patterns', `${mbps(regex.seconds!).toFixed(1)} MB/s`, `${(corpus.files / regex.seconds!).toFixed(0)} files/s`, `${regex.maxRssMB!.toFixed(0)} MB`, `${regex.seconds!.toFixed(2)} s`]);

// 4. textlint + prh on a slice of about 10 MB (it is slow), and canvass on the same slice.
const sliceDirs: string[] = [];
let sliceBytes = 0;
let sliceFiles = 0;
for (let i = 0; sliceBytes < 10 * MB; i++) {
  sliceDirs.push(join(corpus.dir, String(i).padStart(3, '0')));
  sliceBytes += corpus.bytes / Math.ceil(corpus.files / 100);
  sliceFiles += 100;
}
const packs = [await resolvePack('third-sector', repo)];
const prh = writePrhConfig(packs, join(repo, '.bench', 'textlint'));
const textlintBin = join(repo, 'node_modules', 'textlint', 'bin', 'textlint.js');
const textlintSeconds = median([0, 1].map(() => wall(node, [textlintBin, '--config', prh.configPath, '--format', 'json', '--output-file', join(repo, '.bench', 'textlint', 'out.json'), ...sliceDirs.map((d) => join(d, '*.txt'))])));
const canvassSlice = median([0, 1, 2].map(() => wall(node, [join(repo, 'bin', 'canvass.js'), 'lint', ...sliceDirs, '--format', 'json', '--jobs', '1'])));
rows.push([`textlint + prh (${prh.mappedRules} rules mapped, ${prh.skippedRules} without equivalent), ${(sliceBytes / MB).toFixed(0)} MB slice`, `${mbps(textlintSeconds, sliceBytes).toFixed(1)} MB/s`, `${(sliceFiles / textlintSeconds).toFixed(0)} files/s`, '', `${textlintSeconds.toFixed(2)} s`]);
rows.push([`canvass lint (CLI, 1 thread), same slice`, `${mbps(canvassSlice, sliceBytes).toFixed(1)} MB/s`, `${(sliceFiles / canvassSlice).toFixed(0)} files/s`, '', `${canvassSlice.toFixed(2)} s`]);

// 5. One small file, start to finish, and Node's own start-up on this machine.
const small = join(repo, 'corpus', 'social-enterprise-coalition-childrens-trusts-2008.txt');
const oneFile = median(Array.from({ length: 11 }, () => wall(node, [join(repo, 'bin', 'canvass.js'), 'lint', small])));
const nodeAlone = median(Array.from({ length: 11 }, () => wall(node, ['-e', '0'])));

const table = [
  '| run | throughput | files/s | peak memory | wall time |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
process.stdout.write(`${table}

- corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB (the bundled documents replicated); ${availableParallelism()} cores
- canvass vs bare regex: ${(regex.seconds! / single.seconds!).toFixed(2)}x the regex floor's throughput on one thread (goal: within 2x, i.e. >= 0.50)
- canvass vs textlint + prh: ${(textlintSeconds / canvassSlice).toFixed(1)}x faster (goal: >= 10x)
- one small file (${small.split('/').pop()}): ${oneFile.toFixed(2)} s wall, of which Node's own start-up is ${nodeAlone.toFixed(2)} s (goal: < 0.2 s)
`);
