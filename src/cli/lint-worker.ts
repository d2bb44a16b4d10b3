// A worker thread that lints batches of files for `canvass lint` (see parallel-lint.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { RuleSetResolver, type ResolverOptions } from '../config/rule-sets.js';
import type { InputRef } from '../ingest/source.js';
import type { FileResult } from '../lint/finding.js';
import { lintInput, type FileJob, type IgnoredFile } from './lint-file.js';

export interface WorkerSetup {
  job: FileJob;
  resolver: ResolverOptions;
}

export type WorkerRequest = { batch: Array<{ index: number; ref: InputRef }> } | { done: true };
export type WorkerReply =
  | { results: Array<{ index: number; result: FileResult | IgnoredFile }> }
  | { problems: RuleSetResolver['problems'] };

const setup = workerData as WorkerSetup;
const resolver = new RuleSetResolver(setup.resolver);
const port = parentPort!;

port.on('message', async (message: WorkerRequest) => {
  if ('done' in message) {
    port.postMessage({ problems: resolver.problems } satisfies WorkerReply);
    port.close();
    return;
  }
  const results = [];
  for (const { index, ref } of message.batch) results.push({ index, result: await lintInput(ref, resolver, setup.job) });
  port.postMessage({ results } satisfies WorkerReply);
});
