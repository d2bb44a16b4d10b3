// Reads one input (file or stdin) and decodes it to text. The only code that reads input bytes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatOf } from '../document/document.js';
import type { Format } from '../document/model.js';
import type { PreRead } from './read-ahead.js';
import { decodeBytes } from './decode.js';
import { describeFsError, inputError, type InputRef, type SourceResult } from './source.js';

export type { Encoding, SourceFile, SourceResult } from './source.js';

export interface ReadOptions {
  cwd: string;
  /** Name (and so format) for stdin, from --stdin-filename. */
  stdinFilename?: string;
  /** Defaults to process.stdin; tests pass their own stream. */
  stdin?: NodeJS.ReadableStream;
  /** The file's bytes (or the error reading them met), already read ahead (read-ahead.ts). */
  preRead?: PreRead;
}

export async function readSource(ref: InputRef, options: ReadOptions): Promise<SourceResult> {
  let name: string;
  let format: Format;
  let bytes: Buffer;
  if (ref.kind === 'stdin') {
    name = options.stdinFilename ?? '<stdin>';
    format = formatOf(options.stdinFilename ?? '');
    try {
      bytes = await readAll(options.stdin ?? process.stdin);
    } catch (err) {
      return { ok: false, path: name, problem: inputError(`cannot read standard input: ${describeFsError(err)}`) };
    }
  } else {
    name = ref.path;
    format = formatOf(ref.path);
    try {
      // One synchronous whole-file read: open, fstat, read and close as four promise round trips
      // (fs/promises) cost 0.45 s of CPU per 4,400 files, more than reading the bytes. Reads are
      // from the page cache in the common case; a long list is read ahead on a worker thread.
      const pre = options.preRead;
      if (pre && 'error' in pre) throw pre.error;
      bytes = pre ? Buffer.from(pre.bytes.buffer, pre.bytes.byteOffset, pre.bytes.byteLength) : readFileSync(path.resolve(options.cwd, ref.path));
    } catch (err) {
      return { ok: false, path: name, problem: inputError(`cannot read file: ${describeFsError(err)}`) };
    }
  }
  const decoded = decodeBytes(bytes, name);
  if (!decoded.ok) return { ok: false, path: name, problem: decoded.problem };
  const { text, encoding, bom, warnings } = decoded;
  return { ok: true, source: { path: name, text, format, encoding, bom, byteLength: bytes.length, warnings } };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    // String chunks mean someone set an encoding on the stream; re-encode them as UTF-8.
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, 'utf8'));
    else chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
