// Bytes -> text: UTF-8 (with or without BOM), or Windows-1252 with a warning; binary and UTF-16
// input refused. Pure, with no reading of its own, so the read-ahead worker can decode too.

import { isUtf8 } from 'node:buffer';
import type { InputProblem } from '../lint/finding.js';
import { LineIndex } from '../document/line-index.js';
import { inputError, type Encoding } from './source.js';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; warnings: InputProblem[] }
  | { ok: false; problem: InputProblem };

/**
 * Bytes -> text. Rejects binary and UTF-16 input; strips a UTF-8 BOM; keeps line endings as
 * they are (offsets refer to the original file); falls back to Windows-1252 with a warning
 * when the bytes are not valid UTF-8. `_path` is unused: problems don't repeat the path, since
 * the result they end up in (SourceResult, FileResult) already carries it.
 */
export function decodeBytes(bytes: Uint8Array, _path: string): Decoded {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // UTF-16 first: its BOM is followed by NULs for ASCII text, which would read as "binary".
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return { ok: false, problem: inputError('UTF-16 text is not supported; re-save the file as UTF-8') };
  }
  const bom = hasUtf8Bom(buf);
  const body = bom ? buf.subarray(3) : buf;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    // Placed like every position canvass gives: in the text as it would be read (NUL is valid UTF-8).
    const before = body.subarray(0, nul);
    const { line, column } = positionAfter(isUtf8(body) ? before.toString('utf8') : decodeWindows1252(before));
    const message = `binary file (a NUL byte at line ${line}, column ${column}); canvass reads .txt and .md text files`;
    return { ok: false, problem: { ...inputError(message), line, column } };
  }
  // isUtf8 (simdutf) then toString is several times faster than a fatal TextDecoder.
  if (isUtf8(body)) return { ok: true, text: body.toString('utf8'), encoding: 'utf-8', bom, warnings: [] };
  const text = decodeWindows1252(body);
  // Windows-1252 gives one character per byte: the byte's index is its offset in the text.
  const invalid = firstInvalidUtf8(body);
  const { line, column } = positionAfter(invalid < 0 ? '' : text.slice(0, invalid));
  const warning: InputProblem = {
    severity: 'warning',
    message: `not valid UTF-8 (first invalid byte at line ${line}, column ${column}); read as Windows-1252 — re-save the file as UTF-8 to silence this`,
    line,
    column,
  };
  return { ok: true, text, encoding: 'windows-1252', bom, warnings: [warning] };
}

/** Does the text start with the UTF-8 byte-order mark (EF BB BF)? */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * 1-based line and column of the character after `before` (the decoded text up to a byte), as
 * findings are placed (line-index.ts: CR, LF and CRLF each end a line; columns count UTF-16 code
 * units). Only the text before it is indexed: this runs for a file with a problem, not for every file.
 */
export function positionAfter(before: string): { line: number; column: number } {
  return new LineIndex(before).position(before.length);
}

/**
 * Index of the first byte of the first ill-formed UTF-8 sequence (the lead byte of a truncated
 * sequence, so "Caf\xE9\n" gives 3), or -1. Same rules as the WHATWG decoder: no overlongs,
 * no surrogates, nothing above U+10FFFF.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const c1 = bytes[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

// Windows-1252 is Unicode's first 256 code points except 0x80-0x9F. Decoded by table rather
// than TextDecoder('windows-1252'): Node decodes that range as Latin-1 C1 controls on some
// versions (nodejs/node#60888, since 20.18.3/22.13.0), turning Word's curly quotes into
// control characters, and a table is also several times faster on large files.
const C1_TO_WINDOWS_1252 = Uint16Array.from(
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
    '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178',
  (ch) => ch.charCodeAt(0),
);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  units.set(bytes);
  for (let i = 0, n = bytes.length; i < n; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b < 0xa0) units[i] = C1_TO_WINDOWS_1252[b - 0x80]!;
  }
  const utf16 = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  if (!LITTLE_ENDIAN) utf16.swap16();
  return utf16.toString('utf16le');
}
