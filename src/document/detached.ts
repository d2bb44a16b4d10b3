// Strings that outlive their document must not point into its text.

/**
 * A copy of `s` that does not point into the document's text. V8 keeps a slice of a string (and a
 * concatenation holding one, and a replace() that changed nothing) as a view of the whole string,
 * so a finding or a comparison row kept until the report is written would keep its file's text
 * alive: the whole corpus, for a corpus. Concatenating and slicing again makes a string of its own.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** detached() for a string that may be null. */
export function detachedOrNull(s: string | null): string | null {
  return s === null ? null : detached(s);
}
