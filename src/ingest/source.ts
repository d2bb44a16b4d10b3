// Shapes shared by discovery and reading, and the wording of input errors.

import type { Format } from '../document/model.js';
import type { InputProblem } from '../lint/finding.js';

/** One thing to lint: a file path as the user would write it, or standard input. */
export type InputRef = { kind: 'file'; path: string } | { kind: 'stdin' };

/** A command-line input that yielded nothing (missing path, empty glob, unreadable directory). */
export interface DiscoveryProblem {
  /** The input as given on the command line. */
  input: string;
  message: string;
}

export type Encoding = 'utf-8' | 'windows-1252';

export interface SourceFile {
  /** As in the InputRef; stdin uses --stdin-filename or "<stdin>". */
  path: string;
  /** Decoded text, BOM removed, line endings untouched. */
  text: string;
  format: Format;
  encoding: Encoding;
  /** True when a UTF-8 byte-order mark was stripped. */
  bom: boolean;
  /** Size of the raw input in bytes, BOM included. */
  byteLength: number;
  /** Non-fatal input problems, e.g. the Windows-1252 fallback. */
  warnings: InputProblem[];
}

export type SourceResult = { ok: true; source: SourceFile } | { ok: false; path: string; problem: InputProblem };

// Words for the errors users actually meet; anything else falls back to libuv's own description.
const FS_ERROR_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in system',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  EBUSY: 'resource busy or locked',
  ENOMEM: 'not enough memory',
};

/** An error-severity problem with an input. */
export function inputError(message: string): InputProblem {
  return { severity: 'error', message };
}

/**
 * "permission denied (EACCES)" from a Node fs error. Node's own message embeds the absolute
 * path and syscall, which callers already say better, so it is only used for the description.
 */

export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  if (code && FS_ERROR_WORDS[code]) return `${FS_ERROR_WORDS[code]} (${code})`;
  const uv = /^([A-Z][A-Z0-9_]+): ([^,]+)/.exec(message);
  if (uv) return `${uv[2]} (${uv[1]})`;
  return code ? `${message} (${code})` : message;
}
