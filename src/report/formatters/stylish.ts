// The default output, for people: findings grouped by file with aligned columns, then a summary.

import type { FileResult } from '../../lint/finding.js';
import { formatProblem } from '../../yaml/located-error.js';
import type { Severity } from '../../packs/types.js';
import type { LintReport } from '../lint-report.js';
import type { FormatOptions } from './index.js';
import { paint, type Paint, type Style } from '../paint.js';

/** One output line before padding and colouring; input problems have no rule id and maybe no position. */
interface Row {
  position: string;
  severity: Severity;
  message: string;
  ruleId: string;
}

export function stylish(report: LintReport, options: FormatOptions): string {
  const c = paint(options.color);
  const groups = report.files.filter((file) => file.problems.length > 0 || file.findings.length > 0);

  const totals = countProblems(report.files);
  totals.errors += report.configProblems.length;
  totals.problems += report.configProblems.length;
  // Broken configs and packs first: they change what every file below was checked against.
  const configBlock = report.configProblems.length
    ? report.configProblems.map((p) => `${c.red('error')}  ${formatProblem(p)}`).join('\n') + '\n\n'
    : '';
  const quietNote = options.quiet ? ' (--quiet: warnings hidden)' : '';
  // --fix: what was written, before what is left (a fix can make another rule apply, so this
  // may be more than the findings lint reported as fixable; docs/configuration.md).
  const fixedFiles = report.files.filter((file) => (file.fixed ?? 0) > 0);
  const fixedCount = fixedFiles.reduce((n, file) => n + file.fixed!, 0);
  const fixedLine = fixedCount ? c.green(`✔ Fixed ${plural(fixedCount, 'finding')} in ${plural(fixedFiles.length, 'file')}`) + '\n' : '';
  if (totals.problems === 0) {
    return fixedLine + c.green(`✔ No problems found in ${plural(report.files.length, 'file')}${quietNote}`) + '\n';
  }

  const blocks = formatGroups(groups, c);
  const counts = [
    plural(totals.errors, 'error'),
    plural(totals.warnings, 'warning'),
    plural(totals.suggestions, 'suggestion'),
  ].join(', ');
  const where =
    groups.length === report.files.length
      ? plural(groups.length, 'file')
      : `${groups.length} of ${plural(report.files.length, 'file')}`;
  const tone = totals.errors > 0 ? c.red : totals.warnings > 0 ? c.yellow : c.cyan;

  let summary = c.bold(tone(`✖ ${plural(totals.problems, 'problem')} (${counts}) in ${where}${quietNote}`)) + '\n';
  if (totals.fixable > 0) {
    summary += tone(`  ${plural(totals.fixable, 'finding')} can be fixed with --fix`) + '\n';
  }
  return configBlock + blocks.join('\n') + (blocks.length ? '\n' : '') + fixedLine + summary;
}

/** How many paths a block of files not linted for the same reason names before "and N more". */
const NOT_LINTED_NAMED = 10;

/**
 * One block per file; but files not linted for the same reason (a broken configuration or pack:
 * every file under it gets the same message) make one block, where the first of them stood, so
 * a broken pack over 600 files reads as one problem and not 600 copies of it.
 */
function formatGroups(groups: FileResult[], c: Paint): string[] {
  const notLinted = new Map<string, FileResult[]>();
  for (const file of groups) {
    const reason = notLintedReason(file);
    if (reason === undefined) continue;
    const same = notLinted.get(reason);
    if (same) same.push(file);
    else notLinted.set(reason, [file]);
  }
  const blocks: string[] = [];
  for (const file of groups) {
    const reason = notLintedReason(file);
    const same = reason === undefined ? undefined : notLinted.get(reason)!;
    if (!same || same.length === 1) blocks.push(formatGroup(file, c));
    else if (same[0] === file) blocks.push(formatNotLinted(reason!, same, c));
  }
  return blocks;
}

/** The message of a file whose only problem is that it was not linted, or undefined. */
function notLintedReason(file: FileResult): string | undefined {
  const [only, ...rest] = file.problems;
  return only?.notLinted && rest.length === 0 && file.findings.length === 0 ? only.message : undefined;
}

function formatNotLinted(reason: string, files: FileResult[], c: Paint): string {
  const named = files.slice(0, NOT_LINTED_NAMED).map((f) => '  ' + c.underline(f.path));
  const more = files.length - named.length;
  if (more > 0) named.push(c.dim(`  … and ${more} more (--format compact lists each file)`));
  // The reasons read "not linted: …", so the count goes first: "600 files not linted: …".
  return `${c.red('error')}  ${files.length} files ${reason}\n${named.join('\n')}\n`;
}

function formatGroup(file: FileResult, c: Paint): string {
  const rows: Row[] = [
    ...file.problems.map((p) => ({
      position: p.line !== undefined ? `${p.line}:${p.column ?? 1}` : '',
      severity: p.severity,
      message: p.message,
      ruleId: '',
    })),
    ...file.findings.map((f) => ({
      position: `${f.line}:${f.column}`,
      severity: f.severity,
      message: f.message,
      ruleId: f.ruleId,
    })),
  ];
  // Pad on the plain text, then colour: escape codes must not count towards the width.
  const positionWidth = Math.max(...rows.map((r) => r.position.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  const messageWidth = Math.max(...rows.map((r) => (r.ruleId ? r.message.length : 0)));

  const lines = rows.map((r) => {
    const cells: string[] = [];
    if (positionWidth > 0) cells.push(c.dim(r.position.padEnd(positionWidth)));
    cells.push(severityColour(r.severity, c)(r.severity.padEnd(severityWidth)));
    // Input problems have no rule id: nothing follows the message, so no trailing padding.
    if (r.ruleId) cells.push(r.message.padEnd(messageWidth), c.dim(r.ruleId));
    else cells.push(r.message);
    return '  ' + cells.join('  ');
  });
  return c.underline(file.path) + '\n' + lines.join('\n') + '\n';
}

function severityColour(severity: Severity, c: Paint): Style {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.cyan;
}

// Counted from what is listed (not report.summary) so the summary always agrees with the lines
// above it. Input problems count with findings of the same severity: to the reader both are problems.
function countProblems(files: FileResult[]) {
  const counts = { error: 0, warning: 0, suggestion: 0 };
  let fixable = 0;
  for (const file of files) {
    for (const p of file.problems) counts[p.severity]++;
    for (const f of file.findings) {
      counts[f.severity]++;
      if (f.fix) fixable++;
    }
  }
  const problems = counts.error + counts.warning + counts.suggestion;
  return { errors: counts.error, warnings: counts.warning, suggestions: counts.suggestion, fixable, problems };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
