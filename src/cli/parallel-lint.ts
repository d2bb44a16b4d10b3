// Linting many files on every core: worker threads take batches of files from a queue (so a slow
// file does not hold up the rest) and send back results, which are put back in input order.
// Each worker loads its own modules and rules (~0.1-0.2 s), so small runs stay on one thread.

import { availableParallelism } from 'node:os';
import type { ResolverOptions } from '../config/rule-sets.js';
import type { InputRef } from '../ingest/source.js';
import type { FileResult } from '../lint/finding.js';
import type { LocatedProblem } from '../yaml/located-error.js';
import type { FileJob, IgnoredFile } from './lint-file.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './lint-worker.js';

/** Below this many files the start-up of workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 64;
const BATCH = 16;

/**
 * Threads by default: one per core beyond the first (the main thread merges and formats), at most
 * 8. On a 2-core machine that is 1: measured there, a worker pair was no faster than one thread.
 */
export function defaultJobs(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : Math.min(cores - 1, 8);
}

/**
 * Lint `files` on `jobs` worker threads. Each result is handed to `emit` in input order (an
 * IgnoredFile for a file the config ignores) as soon as every file before it is done, and then let go.
 * Resolves to the config problems the workers met.
 */
export async function lintInParallel(
  files: readonly InputRef[],
  jobs: number,
  setup: { job: FileJob; resolver: ResolverOptions },
  emit: (result: FileResult | IgnoredFile) => void,
): Promise<LocatedProblem[]> {
  // Results that arrived ahead of an earlier file, by index.
  const waiting = new Map<number, FileResult | IgnoredFile>();
  let nextToEmit = 0;
  const problems: LocatedProblem[] = [];
  let next = 0;
  const workerCount = Math.min(jobs, Math.ceil(files.length / BATCH));
  // Loaded here, not at start-up: a one-file lint never starts a worker.
  const { Worker } = await import('node:worker_threads');
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: setup satisfies WorkerSetup });
      const send = () => {
        if (next >= files.length) {
          worker.postMessage({ done: true } satisfies WorkerRequest);
          return;
        }
        const batch = [];
        for (const end = Math.min(next + BATCH, files.length); next < end; next++) batch.push({ index: next, ref: files[next]! });
        worker.postMessage({ batch } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('results' in reply) {
          for (const { index, result } of reply.results) waiting.set(index, result);
          while (waiting.has(nextToEmit)) {
            const result = waiting.get(nextToEmit)!;
            waiting.delete(nextToEmit++);
            emit(result);
          }
          send();
        } else {
          problems.push(...reply.problems);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lint worker stopped with code ${code}`))));
      send();
    });
  await Promise.all(Array.from({ length: workerCount }, run));
  return problems;
}
