// A YAML file's bytes as text. Rule packs and configs must be UTF-8: a pack saved in
// Windows-1252 would otherwise be read with U+FFFD in place of its accented letters and curly
// quotes, and its terms would silently match nothing.

import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8, hasUtf8Bom, positionAfter } from '../ingest/decode.js';
import { LocatedError } from './located-error.js';

/** The text of `bytes` (a BOM dropped), or a LocatedError at the first byte that is not UTF-8. */
export function utf8Text(bytes: Buffer, file: string, what: 'rule pack' | 'config file'): string {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return body.toString('utf8');
  const invalid = firstInvalidUtf8(body);
  const { line, column } = positionAfter(body.subarray(0, invalid).toString('utf8'));
  const message = `the ${what} is not valid UTF-8 (byte 0x${body[invalid]!.toString(16).toUpperCase().padStart(2, '0')}); save it as UTF-8`;
  throw new LocatedError([{ file, line, column, message }]);
}
