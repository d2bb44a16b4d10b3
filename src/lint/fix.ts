// Apply fixes ESLint-style: sorted, overlapping ones skipped (a later pass may apply them).

import type { Finding } from './finding.js';

export interface FixResult {
  text: string;
  applied: number;
}

export function applyFixes(text: string, findings: readonly Finding[]): FixResult {
  const fixes = findings
    .map((f) => f.fix)
    .filter((f): f is NonNullable<Finding['fix']> => f !== undefined)
    .sort((a, b) => a.offset - b.offset || a.length - b.length);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    if (fix.offset < cursor) continue; // overlaps one already applied
    out += text.slice(cursor, fix.offset) + fix.text;
    cursor = fix.offset + fix.length;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}
