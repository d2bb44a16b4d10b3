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
 * Where spans of the old text lie after `edits`. A span that an edit overlapped grows to take in
 * the edit's new text, so the finding a re-lint makes there still meets it.
 */
export function carryThroughEdits(pending: readonly PendingFix[], edits: readonly Edit[]): PendingFix[] {
  const mapStart = (pos: number): number => {
    let shift = 0;
    for (const e of edits) {
      if (e.offset + e.length <= pos) shift += e.text.length - e.length;
      else return e.offset < pos ? e.offset + shift : pos + shift;
    }
    return pos + shift;
  };
  const mapEnd = (pos: number): number => {
    let shift = 0;
    for (const e of edits) {
      if (e.offset >= pos) break;
      if (e.offset + e.length < pos) shift += e.text.length - e.length;
      else return e.offset + shift + e.text.length;
    }
    return pos + shift;
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
  return findings.filter(
    (f) =>
      f.fix !== undefined &&
      pending.some((p) => p.ruleId === f.ruleId && f.offset < p.end && p.start < f.offset + f.length),
  );
}

export function pendingOf(findings: readonly Finding[]): PendingFix[] {
  return findings.map((f) => ({ ruleId: f.ruleId, start: f.offset, end: f.offset + f.length }));
}
