// Walking the source of a pack's regex term: where a character class or a group that opens at
// some offset ends. Pack validation and the scanner both read regex sources this way.

/** The offset of the "]" closing the class that opens at `open` ("[]" and "[^]" hold no "]"). */
export function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** The offset of the ")" closing the group that opens at `open`. */
export function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length;
}
