// Word wrap for terminal text, shared by the extract and compare text outputs.

export interface StyledRange {
  start: number;
  end: number;
  style: (s: string) => string;
}

/**
 * Greedy word wrap of `text` (whitespace collapsed) to `width` columns: the first line indented
 * by `indent`, the others by `hang`. A word longer than a line gets a line of its own, uncut.
 * `ranges` (offsets into `text`) are styled after wrapping, so escape codes never count towards
 * the width and a styled phrase may break across lines.
 */
export function wrap(text: string, width: number, indent: number, hang: number, ranges: readonly StyledRange[] = []): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const m of text.matchAll(/\S+/g)) {
    const word = styleWord(m[0], m.index, ranges);
    const room = width - (lines.length === 0 ? indent : hang);
    if (used > 0 && used + 1 + m[0].length > room) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += (used > 0 ? ' ' : '') + word;
    used += (used > 0 ? 1 : 0) + m[0].length;
  }
  lines.push(line);
  return lines.map((l, i) => pad(i === 0 ? indent : hang) + l).join('\n');
}

function styleWord(word: string, start: number, ranges: readonly StyledRange[]): string {
  let out = '';
  let cursor = 0;
  for (const r of ranges) {
    const from = Math.max(r.start - start, cursor);
    const to = Math.min(r.end - start, word.length);
    if (to <= from) continue;
    out += word.slice(cursor, from) + r.style(word.slice(from, to));
    cursor = to;
  }
  return out + word.slice(cursor);
}

export function pad(n: number): string {
  return ' '.repeat(n);
}
