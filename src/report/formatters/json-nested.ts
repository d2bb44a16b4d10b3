// A value written as JSON.stringify(document, null, 2) writes it `depth` levels down, so a
// formatter can stream a large document one element at a time and still give the same bytes.

/** `value` as JSON.stringify(value, null, 2) writes it `depth` levels down. */
export function nested(value: unknown, depth: number): string {
  // Stringified inside `depth` arrays, then the arrays' brackets cut off: no pass over the text
  // to re-indent it (that cost a tenth of a large corpus's lint). Each array adds "[\n" and its
  // indent before the value, and "\n", its own indent and "]" after.
  let wrapped = value;
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    wrapped = [wrapped];
    head += 2 + 2 * (level + 1);
    tail += 2 + 2 * level;
  }
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(head, text.length - tail);
}

/**
 * The elements of an array `depth` levels down, as JSON.stringify(document, null, 2) writes them
 * between the array's brackets: "    {…},\n    {…}" (the first one's indent included). A long
 * array can then be written a batch at a time.
 */
export function nestedElements(items: readonly unknown[], depth: number): string {
  if (items.length === 0) return '';
  const text = nested(items, depth);
  // Cut "[\n" before and "\n", the array's indent and "]" after.
  return text.slice(2, text.length - 2 - 2 * depth);
}
