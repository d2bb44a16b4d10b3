// Reading ahead on a worker thread: while the main thread lints one file, the worker reads the
// next ones (open, read and close cost the main thread about a tenth of linting a corpus, mostly
// waiting on the system; from a cold disk, far more). Used for long lists of files, on machines
// with a second core: the worker takes some 30 ms to start, so the caller reads the first files
// itself meanwhile (see READ_AHEAD_FROM).

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { BatchTaken, ReadAheadSetup, ReadOutcome } from './read-ahead-worker.js';
import type { InputRef } from './source.js';
import type { FlatHits, Scanner } from '../lint/scanner.js';
import type { Finding } from '../lint/finding.js';
import type { LintAheadSetup } from '../lint/lint-ahead.js';

/** Shorter lists are read on the main thread: the worker's start-up (~0.1 s of CPU) would not pay. */
export const READ_AHEAD_MIN_FILES = 512;
/** The worker starts at this file; the caller reads the ones before it while the worker starts. */
export const READ_AHEAD_FROM = 256;

/**
 * A file read ahead: its bytes, or the error reading it met. With `hits`, the worker also scanned
 * the text the bytes decode to, with `scanner`'s patterns (lint: see lint-file.ts); with
 * `findings`, it also linted it (compare: see compare-command.ts).
 */
export type PreRead =
  | { bytes: Uint8Array; hits?: { scanner: Scanner; flat: FlatHits }; findings?: Finding[] }
  | { error: Error };

export interface ReadAheadOptions {
  scanner?: () => Promise<Scanner | undefined>;
  /** With `scanner`: the worker also lints what it scans, with these rules (see lint-ahead.ts). */
  lint?: LintAheadSetup;
  script?: URL;
}

export class ReadAhead {
  private readonly batches: ReadOutcome[][] = [];
  private current: ReadOutcome[] = [];
  private taken = 0;
  private received = 0;
  private waiting: (() => void) | undefined;
  private failed = false;

  private constructor(
    private readonly worker: Worker,
    /** How many files the worker reads. */
    private readonly count: number,
    /** The scanner the worker scans with, if it does. */
    private readonly scanner: Scanner | undefined,
  ) {
    worker.on('message', (batch: ReadOutcome[]) => {
      this.received += batch.length;
      this.batches.push(batch);
      this.wake();
    });
    // If the worker dies, the caller reads the rest itself.
    worker.on('error', () => {
      this.failed = true;
      this.wake();
    });
    worker.on('exit', () => {
      this.failed = true;
      this.wake();
    });
  }

  /**
   * Start reading `paths` (absolute), from READ_AHEAD_FROM on, or undefined for a short list.
   * `scanner`: asked for only if the worker starts; the worker then scans what it reads with it.
   * `script` is the compiled worker beside this module (tests running the TypeScript name it).
   */
  static async start(
    paths: readonly string[],
    { scanner, lint, script = new URL('./read-ahead-worker.js', import.meta.url) }: ReadAheadOptions = {},
  ): Promise<ReadAhead | undefined> {
    // On one core a second thread has nothing to overlap with: it would only add its start-up.
    if (paths.length < READ_AHEAD_MIN_FILES || availableParallelism() < 2) return undefined;
    const { Worker } = await import('node:worker_threads');
    const scanWith = await scanner?.();
    const setup: ReadAheadSetup = {
      paths: paths.slice(READ_AHEAD_FROM),
      ...(scanWith ? { scanner: scanWith.spec(), ...(lint ? { lint } : {}) } : {}),
    };
    return new ReadAhead(new Worker(script, { workerData: setup }), setup.paths.length, scanWith);
  }

  /**
   * The file at `index` of the list, or undefined when the caller should read it itself (before
   * READ_AHEAD_FROM, or if the worker failed). Files must be asked for in order.
   */
  async take(index: number): Promise<PreRead | undefined> {
    if (index < READ_AHEAD_FROM || this.failed) return undefined;
    if (index !== READ_AHEAD_FROM + this.taken) throw new Error(`read-ahead: file ${index} asked for out of order`);
    while (this.current.length === 0) {
      const batch = this.batches.shift();
      if (batch) {
        this.current = batch.reverse();
        // Room for more: the worker reads a few batches and a few MB ahead, no further.
        this.worker.postMessage(batch.reduce((n, b) => n + byteLength(b), 0) satisfies BatchTaken);
        break;
      }
      if (this.failed) return undefined;
      // Everything sent was taken: waiting would never end.
      if (this.received >= this.count) throw new Error(`read-ahead: file ${index} asked for past the end of the list`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    this.taken++;
    const outcome = this.current.pop()!;
    if (outcome instanceof Uint8Array) return { bytes: outcome };
    if ('hits' in outcome) {
      const hits = { scanner: this.scanner!, flat: outcome.hits };
      return outcome.findings ? { bytes: outcome.bytes, hits, findings: outcome.findings } : { bytes: outcome.bytes, hits };
    }
    return { error: Object.assign(new Error(outcome.message), outcome.code ? { code: outcome.code } : {}) };
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.();
  }
}

function byteLength(outcome: ReadOutcome): number {
  return outcome instanceof Uint8Array ? outcome.byteLength : 'bytes' in outcome ? outcome.bytes.byteLength : 0;
}

/**
 * The inputs in order, each with its bytes when they were read ahead (undefined: the caller reads
 * it, as before). Nothing is read ahead when `enabled` is false, when standard input is among the
 * inputs, or for a short list. The worker stops when the loop ends, however it ends.
 */
export async function* withReadAhead<T extends InputRef>(
  inputs: readonly T[],
  cwd: string,
  enabled = true,
  options: Omit<ReadAheadOptions, 'script'> = {},
): AsyncGenerator<{ index: number; input: T; preRead: PreRead | undefined }> {
  const paths = inputs.flatMap((f) => (f.kind === 'file' ? [resolve(cwd, f.path)] : []));
  const ahead = enabled && paths.length === inputs.length ? await ReadAhead.start(paths, options) : undefined;
  try {
    for (const [index, input] of inputs.entries()) yield { index, input, preRead: await ahead?.take(index) };
  } finally {
    await ahead?.close();
  }
}
