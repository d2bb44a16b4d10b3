// Searches in lists kept in document order (blocks, question marks, spans): a large file has
// hundreds of thousands of them, so a range is found by binary search, never by a filter.

/** The index of the first item that starts at or after `offset` (items sorted by start). */
export function firstStartingAt(items: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
