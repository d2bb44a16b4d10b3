// Apply fixes ESLint-style: sorted, overlapping ones skipped (a later pass may apply them).

import type { Finding } from './finding.js';

export interface FixResult {
  text: string;
  applied: number;
  /** The edits made, in text order, with offsets in the text before them. */
  edits: Edit[];
  /** The findings whose fix overlapped one already applied, left for a later pass. */
  skipped: Finding[];
}

interface Edit {
  offset: number;
  length: number;
  text: string;
}

export function applyFixes(text: string, findings: readonly Finding[]): FixResult {
  const fixable = findings
    .filter((f): f is Finding & { fix: NonNullable<Finding['fix']> } => f.fix !== undefined)
    .sort((a, b) => a.fix.offset - b.fix.offset || a.fix.length - b.fix.length);
  let out = '';
  let cursor = 0;
  const edits: Edit[] = [];
  const skipped: Finding[] = [];
  for (const finding of fixable) {
    const fix = finding.fix;
    if (fix.offset < cursor) {
      skipped.push(finding); // overlaps one already applied
      continue;
    }
    out += text.slice(cursor, fix.offset) + fix.text;
    cursor = fix.offset + fix.length;
    edits.push(fix);
  }
  return { text: out + text.slice(cursor), applied: edits.length, edits, skipped };
}

/** A finding's span carried into the text after some edits, to know it again after a re-lint. */
export interface PendingFix {
  ruleId: string;
  start: number;
  end: number;
}

/**
 * Where spans of the old text lie after `edits` (in text order, not overlapping). A span that an
 * edit overlapped grows to take in the edit's new text, so the finding a re-lint makes there still
 * meets it. A binary search per end: a file can hold tens of thousands of held-back fixes.
 */
export function carryThroughEdits(pending: readonly PendingFix[], edits: readonly Edit[]): PendingFix[] {
  // shift[k]: how far the edits before the k-th move the text after them.
  const shift = [0];
  for (const e of edits) shift.push(shift[shift.length - 1]! + e.text.length - e.length);
  /** How many edits end before `pos` (or at it, when `atEnd`). */
  const endedBefore = (pos: number, atEnd: boolean): number => {
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const end = edits[mid]!.offset + edits[mid]!.length;
      if (end < pos || (atEnd && end === pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mapStart = (pos: number): number => {
    const k = endedBefore(pos, true);
    const e = edits[k];
    return e && e.offset < pos ? e.offset + shift[k]! : pos + shift[k]!;
  };
  const mapEnd = (pos: number): number => {
    const k = endedBefore(pos, false);
    const e = edits[k];
    return e && e.offset < pos ? e.offset + shift[k]! + e.text.length : pos + shift[k]!;
  };
  return pending.map((p) => ({ ruleId: p.ruleId, start: mapStart(p.start), end: mapEnd(p.end) }));
}

/**
 * The findings of a re-lint whose fixes a later pass may apply: those where a finding of the same
 * rule, reported on the text as read, was left unapplied because it overlapped another fix. A
 * finding the fixes themselves brought about (a `when` condition now met because a fix wrote
 * "third sector" nearby) is reported, not fixed: --fix changes only what the user was shown.
 */
export function stillPending(findings: readonly Finding[], pending: readonly PendingFix[]): Finding[] {
  if (pending.length === 0) return [];
  // Each rule's waiting spans, by end: one binary search per finding finds the first that ends
  // after the finding starts; one rule's findings do not overlap, so (but for two spans that grew
  // over the same edit) it is the one to test.
  const byRule = new Map<string, PendingFix[]>();
  for (const p of pending) {
    const list = byRule.get(p.ruleId);
    if (list) list.push(p);
    else byRule.set(p.ruleId, [p]);
  }
  for (const list of byRule.values()) list.sort((a, b) => a.end - b.end);
  return findings.filter((f) => {
    const list = f.fix && byRule.get(f.ruleId);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end <= f.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo]!.start < f.offset + f.length;
  });
}

export function pendingOf(findings: readonly Finding[]): PendingFix[] {
  return findings.map((f) => ({ ruleId: f.ruleId, start: f.offset, end: f.offset + f.length }));
}
