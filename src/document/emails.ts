// Email addresses in text. The pattern starts with a character class, so a regex search tries it
// at every letter of every word and runs along the word each time (half a second of extraction
// over 50 MB); an address has an "@", so the search starts from each "@" instead and walks back
// to where the address begins. The matches are exactly those of the global regex.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

/** A character the part before the "@" may hold: A-Z a-z 0-9 . _ % + - */
function isLocalPartChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/** Email addresses in `text`, as [start, end) offsets in order. */
export function findEmails(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  // Where a global search would go on from: the end of the last address.
  let resume = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > resume && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    // Whether an address ends here depends only on what follows the "@": from the run's first
    // character (the leftmost start a search would try) or any later one, the match is the same.
    EMAIL.lastIndex = start;
    if (!EMAIL.test(text)) continue;
    found.push([start, EMAIL.lastIndex]);
    resume = EMAIL.lastIndex;
  }
  return found;
}
