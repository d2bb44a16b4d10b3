// A worker thread that reads files for the main thread, in order, a batch at a time (see
// read-ahead.ts). Given a scanner, it also finds each file's candidate matches (the lint's regex
// pass) and sends them with the bytes; given lint rules as well (compare), it lints each file too.

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../lint/finding.js';
import type { LintAhead, LintAheadSetup } from '../lint/lint-ahead.js';
import { Scanner, type FlatHits, type ScannerSpec } from '../lint/scanner.js';
import { decodeBytes } from './decode.js';

export interface ReadAheadSetup {
  /** Absolute paths, in the order they are wanted. */
  paths: string[];
  /** Scan each file that decodes with this scanner. */
  scanner?: ScannerSpec;
  /** With a scanner: lint each file it scans with these rules (the scanner extends theirs). */
  lint?: LintAheadSetup;
}

/**
 * A file's bytes (with the scanner's hits in its text, when asked for and the bytes decode), or
 * why it could not be read (the fs error's code and message).
 */
export type ReadOutcome =
  | Uint8Array
  | { bytes: Uint8Array; hits: FlatHits; findings?: Finding[] }
  | { code?: string; message: string };

/** The caller's word that it took a batch: how many bytes the batch held. */
export type BatchTaken = number;

const BATCH_FILES = 32;
const BATCH_BYTES = 1 << 20;
/** How far ahead of the caller to read: at most this many batches, and bytes (past one batch). */
const AHEAD_BATCHES = 4;
const AHEAD_BYTES = 4 << 20;

const setup = workerData as ReadAheadSetup;
const port = parentPort!;
const scanner = setup.scanner ? Scanner.fromSpec(setup.scanner) : undefined;
// Loaded only when asked for: the rules, documents and their parser are most of the bundle.
const linter: LintAhead | undefined =
  scanner && setup.lint ? await (await import('../lint/lint-ahead.js')).startLintAhead(setup.lint, scanner) : undefined;
let next = 0;
let batchesAhead = 0;
let bytesAhead = 0;

function send(): void {
  while (next < setup.paths.length && (batchesAhead === 0 || (batchesAhead < AHEAD_BATCHES && bytesAhead < AHEAD_BYTES))) {
    const batch: ReadOutcome[] = [];
    const transfer: ArrayBuffer[] = [];
    let bytes = 0;
    while (next < setup.paths.length && batch.length < BATCH_FILES && bytes < BATCH_BYTES) {
      try {
        const buf = readFileSync(setup.paths[next]!);
        // The caller decodes the bytes again, the same way, into the same text these offsets
        // point into (sending the text instead would copy it, which costs as much as decoding).
        const decoded = scanner ? decodeBytes(buf, setup.paths[next]!) : undefined;
        if (decoded?.ok) {
          const hits = scanner!.scanFlat(decoded.text);
          const findings = linter?.lint(setup.paths[next]!, decoded.text, hits);
          batch.push(findings ? { bytes: buf, hits, findings } : { bytes: buf, hits });
          transfer.push(hits.buffer as ArrayBuffer);
        } else batch.push(buf);
        bytes += buf.length;
        // Moved, not copied, when the buffer has its memory to itself; a small file's buffer may
        // share Node's pool, which must not be moved.
        if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.length) transfer.push(buf.buffer as ArrayBuffer);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        batch.push({ ...(e.code ? { code: e.code } : {}), message: e.message ?? String(err) });
      }
      next++;
    }
    batchesAhead++;
    bytesAhead += bytes;
    port.postMessage(batch, transfer);
  }
}

port.on('message', (taken: BatchTaken) => {
  batchesAhead--;
  bytesAhead -= taken;
  send();
});
send();
