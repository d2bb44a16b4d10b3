// Character tests run once per candidate or quotation mark. ASCII and General Punctuation
// (U+2000-206F: spaces, dashes, quotation marks; no letters or digits) are answered from the code,
// which is most characters next to a term or a quote; only the rest go to a Unicode-property regex,
// which costs a few milliseconds to compile (a one-file lint may not need it at all).

const LETTER = /\p{L}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const LETTER_OR_DECIMAL = /[\p{L}\p{Nd}]/u;

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Is `c` a regex word character (\w: A-Z, a-z, 0-9, _)? */
export function isAsciiWordChar(c: number): boolean {
  return isAsciiLetterOrDigit(c) || c === 95;
}

/** Is the UTF-16 code unit `c` a letter (\p{L})? */
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return LETTER.test(String.fromCharCode(c));
}

/** Is the UTF-16 code unit `c` a letter or a number (\p{L}, \p{N})? */
export function isLetterOrNumber(c: number): boolean {
  if (c < 128) return isAsciiLetterOrDigit(c);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return LETTER_OR_NUMBER.test(String.fromCharCode(c));
}

const WORD_PART = /[\p{L}\p{N}\p{M}]/u;

/**
 * Is the UTF-16 code unit `c` part of a word: a letter, a number, or a combining mark (U+0301 in
 * a decomposed "é", which belongs to the letter before it)?
 */
export function isWordPart(c: number): boolean {
  if (c < 128) return isAsciiLetterOrDigit(c);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return WORD_PART.test(String.fromCharCode(c));
}

/** Is the UTF-16 code unit `c` a letter or a decimal digit (\p{L}, \p{Nd})? */
export function isLetterOrDecimal(c: number): boolean {
  if (c < 128) return isAsciiLetterOrDigit(c);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return LETTER_OR_DECIMAL.test(String.fromCharCode(c));
}

/** The characters /\s/ matches, by code. */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
